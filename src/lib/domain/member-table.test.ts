import { describe, expect, it } from 'vitest';
import { isFiltered, memberFilterQuery, parseMemberFilter, sortQuery } from './member-table';

const parse = (q: string) => parseMemberFilter(new URLSearchParams(q));

describe('the member table’s address', () => {
	it('shows every member by name, first page, when nothing is asked', () => {
		const f = parse('');
		expect(f).toMatchObject({ q: '', sort: 'name', desc: false, page: 1 });
		expect(isFiltered(f)).toBe(false);
		expect(memberFilterQuery(f)).toBe('?');
	});

	it('keeps flags, search and order, and drops what it does not know', () => {
		const f = parse('q=%20금%20&verified=no&featured=yes&accepting=maybe&sort=last_active&page=3&evil=1');
		expect(f.q).toBe('금');
		expect(f.flags).toEqual({ verified: 'no', featured: 'yes', accepting: '', online: '' });
		expect(f.sort).toBe('last_active');
		expect(f.desc).toBe(true); // most recently active first
		expect(f.page).toBe(3);
		expect(isFiltered(f)).toBe(true);
		expect(memberFilterQuery(f)).toBe('?q=%EA%B8%88&verified=no&featured=yes&sort=last_active&page=3');
	});

	it('falls back to safe values for a hand-edited address', () => {
		const f = parse('sort=drop table&page=-4&dir=sideways');
		expect(f.sort).toBe('name');
		expect(f.page).toBe(1);
		expect(f.desc).toBe(false);
		expect(parse('page=99999999').page).toBe(10_000);
		expect(parse(`q=${'가'.repeat(300)}`).q).toHaveLength(100);
	});

	it('turns a column round when its header is chosen again, back to page one', () => {
		const byName = parse('page=2');
		expect(sortQuery(byName, 'name')).toBe('?dir=desc');
		expect(sortQuery(byName, 'joined')).toBe('?sort=joined');
		expect(sortQuery(parse('sort=joined'), 'joined')).toBe('?sort=joined&dir=asc');
	});

	it('changes one flag and keeps the others', () => {
		const f = parse('verified=yes&q=a');
		expect(memberFilterQuery(f, { flags: { ...f.flags, online: 'no' }, page: 1 })).toBe('?q=a&verified=yes&online=no');
	});
});
