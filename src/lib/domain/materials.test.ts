import { describe, expect, it } from 'vitest';
import { materialByKey, materialName, materialsIn, meets, MATERIALS } from './materials';

const keys = (text: string) => materialsIn(text).map((m) => m.key);

describe('materialsIn', () => {
	it.each<[string, string[]]>([
		['티타늄 안경 브래킷', ['titanium']],
		['Titanium Gr5', ['titanium']],
		// spelling variants fold (korean.normalize), the glossary's words count
		['알미늄 6061', ['aluminium']],
		['aluminum housing', ['aluminium']],
		['스텐 판넬', ['stainless']],
		['SUS304 1.5t', ['stainless']],
		['sus316l', ['stainless']],
		['티타늄·알루미늄 하우징', ['titanium', 'aluminium']],
		// with a particle, and at the head of a compound
		['티타늄으로 깎아 주세요', ['titanium']],
		['은으로 만든 귀걸이', ['silver']],
		['은귀걸이 100쌍', ['silver']],
		['925 은', ['silver']],
		['14K 금', ['gold']],
		['소가죽 로퍼', ['cowhide']],
		['스웨이드 첼시부츠', ['suede']],
		['크라프트지 선물상자', ['kraft paper']],
		// one-syllable words only alone or before a product: a mould is not gold, a rail is not a metal sheet
		['금형 제작', []],
		['로고 1도 인쇄', []],
		['', []]
	])('%j → %j', (text, expected) => {
		expect(keys(text)).toEqual(expected);
	});
});

describe('meets', () => {
	it('a material meets itself and its family, not the other way round', () => {
		const [leather, cowhide, suede] = ['leather', 'cowhide', 'suede'].map((k) => materialByKey(k)!);
		expect(meets(cowhide, leather)).toBe(true);
		expect(meets(leather, leather)).toBe(true);
		expect(meets(leather, cowhide)).toBe(false);
		expect(meets(suede, cowhide)).toBe(false);
	});
});

describe('MATERIALS', () => {
	it('have unique keys, words in both languages and families that exist', () => {
		expect(new Set(MATERIALS.map((m) => m.key)).size).toBe(MATERIALS.length);
		for (const m of MATERIALS) {
			expect(m.ko.length, m.key).toBeGreaterThan(0);
			expect(m.en.length, m.key).toBeGreaterThan(0);
			if (m.kindOf) expect(materialByKey(m.kindOf), m.key).toBeDefined();
		}
	});

	it('are named in the locale of the page', () => {
		expect(materialName('titanium', 'ko')).toBe('티타늄');
		expect(materialName('titanium', 'en')).toBe('titanium');
		expect(materialName('unobtainium', 'en')).toBe('unobtainium');
	});
});
