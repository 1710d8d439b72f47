// The request form without JavaScript (template fields posted by name) and when its template changes.
import { describe, expect, it } from 'vitest';
import { suggestedProcesses } from '$lib/domain/request-templates';
import { carryOver, detailsFromFormData, followSuggestion, formValues, parseRequest } from './schema';

const today = new Date('2026-12-01T00:00:00Z');

function posted(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

describe('template fields posted without JavaScript', () => {
	it('reads selects, texts, every ticked option of a multiselect and a ticked box', () => {
		const data = posted([
			['title', '수제 로퍼'],
			['details.last', 'custom'],
			['details.leather', 'cowhide'],
			['details.leather', 'suede'],
			['details.sizes', '230~280'],
			['details.sample_first', 'on']
		]);
		expect(detailsFromFormData('shoes', data)).toEqual({
			last: 'custom',
			leather: ['cowhide', 'suede'],
			sizes: '230~280',
			sample_first: true
		});
	});

	it('gives every field of the template a value, and none of another template', () => {
		const data = posted([
			['details.metal', 'gold'],
			['details.paper', '아트지']
		]);
		expect(detailsFromFormData('jewelry', data)).toEqual({ metal: 'gold', karat: '', stones: '', setting: '' });
		expect(detailsFromFormData('printing', posted([]))).toEqual({ paper: '', size: '', colours: '', finish: [], pages: '', proof: false });
	});
});

describe('processes posted without JavaScript', () => {
	const details = { material: 'SUS304', process: ['cnc_turning', 'welding'] };
	it('follow the answers while they are what the page suggested', () => {
		expect(followSuggestion('machine_metal', '', '', details)).toBe('CNC 선반\n용접');
		expect(followSuggestion('shoes', '제갑\r\n저부', '제갑\n저부', { last: 'custom' })).toBe('제갑\n저부\n라스트');
	});
	it('stay as typed once edited', () => {
		expect(followSuggestion('machine_metal', '밀링', '', details)).toBe('밀링');
		expect(followSuggestion('machine_metal', '', 'CNC 선반', details)).toBe('');
	});
});

describe('answers that do not apply are not saved', () => {
	it('drops a karat typed for gold once the metal is silver, keeps it for gold', () => {
		const form = { ...formValues('jewelry', null, { nda_text: '', required_processes: [] }), title: '은반지 100개' };
		const silver = parseRequest('jewelry', today, { ...form, details: { metal: 'silver', karat: '18k', stones: '', setting: '' } });
		expect(silver.details).not.toHaveProperty('karat');
		const gold = parseRequest('jewelry', today, { ...form, details: { metal: 'gold', karat: '18k', stones: '', setting: '' } });
		expect(gold.details).toMatchObject({ metal: 'gold', karat: '18k' });
	});
});

describe('changing the template keeps what was typed', () => {
	const typed = {
		...formValues('machine_metal', null, { nda_text: '기본 조건', required_processes: [] }),
		title: '브래킷 시제품',
		description: '알루미늄 브래킷입니다.',
		quantity: '200',
		budget_max_krw: '3,000,000',
		deadline: '2027-01-31',
		visibility: 'invited' as const,
		details: { material: '알루미늄 6061', tolerance: '±0.05', process: ['milling'], drawing: '2d' }
	};

	it('keeps the common fields and the fields both templates ask the same way', () => {
		const general = carryOver('machine_metal', 'general', { ...typed, required_processes: '밀링' }, { nda_text: '기본 조건' });
		expect(general).toMatchObject({
			template: 'general',
			title: '브래킷 시제품',
			description: '알루미늄 브래킷입니다.',
			quantity: '200',
			budget_max_krw: '3,000,000',
			deadline: '2027-01-31',
			visibility: 'invited',
			details: { what: '', material: '알루미늄 6061' }
		});
		expect(general.details).not.toHaveProperty('tolerance');
	});

	it('processes that followed the old suggestion follow the new one; edited ones stay', () => {
		const following = { ...typed, required_processes: suggestedProcesses('machine_metal', typed.details).join('\n') };
		expect(carryOver('machine_metal', 'shoes', following, { nda_text: '' }).required_processes).toBe(
			suggestedProcesses('shoes', {}).join('\n')
		);
		const edited = { ...typed, required_processes: '밀링\n아노다이징' };
		expect(carryOver('machine_metal', 'shoes', edited, { nda_text: '' }).required_processes).toBe('밀링\n아노다이징');
	});

	it('chosen files are not carried over (they are chosen again)', () => {
		const withFile = { ...typed, attachments: [new File(['%PDF-'], 'a.pdf')] };
		expect(carryOver('machine_metal', 'printing', withFile, { nda_text: '' }).attachments).toEqual([]);
	});
});
