import { describe, expect, it } from 'vitest';
import { PRODUCTS, productsIn, productWordsOf, tradeMakes } from './products';

const keys = (text: string) => productsIn(text).map((m) => m.product.key);

describe('products glossary', () => {
	it('finds the products a startup types, in Korean and English', () => {
		expect(keys('은 귀걸이 300쌍')).toEqual(['earrings']);
		expect(keys('Gold necklaces for a launch')).toEqual(['necklace']);
		expect(keys('heat sink for a LED lamp')).toEqual(['heat sink']);
		expect(keys('브로슈어와 명함')).toEqual(['brochure', 'business card']);
	});

	it('finds a product at the end of a Korean compound (material + product)', () => {
		expect(keys('알루미늄하우징 시제품')).toEqual(['housing']);
		expect(keys('은귀걸이')).toEqual(['earrings']);
	});

	it('finds nothing in a text that names no product', () => {
		expect(keys('정밀 가공 부탁드립니다')).toEqual([]);
		expect(keys('귀걸이를 만들어 주세요')).toEqual(['earrings']);
		expect(keys('')).toEqual([]);
	});

	it('knows which trades make what', () => {
		const earrings = PRODUCTS.find((p) => p.key === 'earrings')!;
		const bracket = PRODUCTS.find((p) => p.key === 'bracket')!;
		expect(tradeMakes('3311', earrings)).toBe(true);
		expect(tradeMakes('152', earrings)).toBe(false);
		expect(tradeMakes('259', bracket)).toBe(true);
		expect(tradeMakes('2511', bracket)).toBe(true);
		expect(tradeMakes(null, bracket)).toBe(false);
		expect(productWordsOf('3311')).toContain('목걸이');
		expect(productWordsOf('3311')).not.toContain('로퍼');
		expect(productWordsOf('152')).toContain('loafers');
	});

	it('has a Korean and an English word for every product, and unique keys', () => {
		for (const p of PRODUCTS) {
			expect(p.ko.length, p.key).toBeGreaterThan(0);
			expect(p.en.length, p.key).toBeGreaterThan(0);
		}
		expect(new Set(PRODUCTS.map((p) => p.key)).size).toBe(PRODUCTS.length);
	});
});
