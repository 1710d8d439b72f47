import { describe, expect, it } from 'vitest';
import type { SearchResult, WorkshopDoc } from '$lib/server/search/port';
import { cards } from './cards';

const doc = {
	id: 'w1',
	slug: 'myungga-jewelry',
	name_ko: '명가주얼리',
	name_en: 'Myungga Jewelry',
	description_ko: '30년 경력의 금세공 공방입니다.',
	description_en: 'A goldsmith of thirty years.',
	equipment: ['진공 주조기'],
	materials: ['18K 금'],
	certifications: ['귀금속가공기능장'],
	lat: 37.57,
	lng: 126.98
} as unknown as WorkshopDoc;
const result: SearchResult = {
	hits: [{ doc, highlight: { name: '명가주얼리', description: '…' }, distance_km: null }],
	total: 1,
	facets: {},
	engine: 'postgres'
};

describe('the cards the browser gets of search hits', () => {
	it('carry what a card and the map show, not the whole search document', () => {
		const [hit] = cards(result, 'ko').hits;
		expect(hit.doc).toMatchObject({ slug: 'myungga-jewelry', name_ko: '명가주얼리', lat: 37.57, lng: 126.98 });
		for (const field of ['description_ko', 'equipment', 'materials', 'certifications']) expect(hit.doc).not.toHaveProperty(field);
		expect(hit.highlight.description).toBe('…');
	});

	it('carry the English description to English pages only (only English cards show it)', () => {
		expect(cards(result, 'ko').hits[0].doc.description_en).toBe('');
		expect(cards(result, 'en').hits[0].doc.description_en).toBe('A goldsmith of thirty years.');
	});
});
