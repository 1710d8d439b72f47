import { describe, expect, it } from 'vitest';
import { newSlug, slugify } from './slug';

describe('slugs', () => {
	it('turns an English name into a readable slug', () => {
		expect(slugify('  Myeongga Jewelry & Co. ')).toBe('myeongga-jewelry-co');
	});
	it('romanizes a Korean-only name, and falls back when nothing readable is left', () => {
		expect(newSlug(null, '명가 주얼리', 'workshop', 'abcdef12-3456')).toBe('myeongga-jueolli-abcdef');
		expect(newSlug('', '★', 'workshop', 'abcdef12-3456')).toBe('workshop-abcdef');
	});
	it('prefers the English name and keeps slugs in the schema pattern', () => {
		expect(newSlug('Daesung Precision!!', '대성정밀', 'workshop')).toMatch(/^daesung-precision-[a-z0-9]{6}$/);
	});
});
