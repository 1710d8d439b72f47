import { describe, expect, it } from 'vitest';
import { newSlug, slugify } from './slug';

describe('slugs', () => {
	it('turns an English name into a readable slug', () => {
		expect(slugify('  Myeongga Jewelry & Co. ')).toBe('myeongga-jewelry-co');
	});
	it('drops Korean-only names to an empty base and uses the fallback', () => {
		expect(newSlug(null, 'workshop', 'abcdef12-3456')).toBe('workshop-abcdef');
		expect(newSlug('명가주얼리', 'workshop', 'abcdef12-3456')).toBe('workshop-abcdef');
	});
	it('keeps slugs in the schema pattern', () => {
		expect(newSlug('Daesung Precision!!', 'workshop')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});
});
