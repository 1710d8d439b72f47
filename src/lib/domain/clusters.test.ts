import { describe, expect, it } from 'vitest';
import { craftsmanEligible, threshold, thresholdProgress, type DistrictKind } from './clusters';

describe('threshold', () => {
	it.each<[DistrictKind, number]>([
		['district', 50],
		['county', 20]
	])('a %s needs %i craftsmen', (kind, required) => {
		expect(threshold(kind)).toBe(required);
	});

	it('refuses an unknown district kind', () => {
		expect(() => threshold('village' as DistrictKind)).toThrow(RangeError);
	});
});

describe('thresholdProgress', () => {
	it.each<[number, DistrictKind, { required: number; have: number; missing: number; met: boolean; percent: number }]>([
		[0, 'district', { required: 50, have: 0, missing: 50, met: false, percent: 0 }],
		[37, 'district', { required: 50, have: 37, missing: 13, met: false, percent: 74 }],
		[49, 'district', { required: 50, have: 49, missing: 1, met: false, percent: 98 }],
		[50, 'district', { required: 50, have: 50, missing: 0, met: true, percent: 100 }],
		[180, 'district', { required: 50, have: 180, missing: 0, met: true, percent: 100 }],
		[19, 'county', { required: 20, have: 19, missing: 1, met: false, percent: 95 }],
		[20, 'county', { required: 20, have: 20, missing: 0, met: true, percent: 100 }],
		// 37 would not be enough in a district but is plenty in a county
		[37, 'county', { required: 20, have: 37, missing: 0, met: true, percent: 100 }],
		// 1 of 20 is exactly 5%
		[1, 'county', { required: 20, have: 1, missing: 19, met: false, percent: 5 }]
	])('%i approved in a %s', (count, kind, expected) => {
		expect(thresholdProgress(count, kind)).toEqual(expected);
	});

	it('never shows 100% before the threshold is met', () => {
		for (let have = 0; have < 50; have++) {
			expect(thresholdProgress(have, 'district').percent).toBeLessThan(100);
		}
	});

	it.each([[-1], [2.5], [Number.NaN]])('refuses a member count of %s', (count) => {
		expect(() => thresholdProgress(count, 'district')).toThrow(RangeError);
	});
});

describe('craftsmanEligible', () => {
	it.each([
		[1, true],
		[5, true],
		[9, true],
		[10, false],
		[11, false],
		[250, false],
		[0, false],
		[-3, false],
		[4.5, false]
	])('%s employees → %s', (employees, eligible) => {
		expect(craftsmanEligible(employees)).toBe(eligible);
	});
});
