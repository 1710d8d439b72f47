import { describe, expect, it } from 'vitest';
import { BOOSTS, boostGroups, boostIsMaster, boostIsVerified, searchBoost } from './boost';

const doc = (featured: boolean, verified: boolean, master: boolean, scorecard?: number) => ({ featured, verified, master, scorecard });

describe('search tie-breakers', () => {
	it('orders featured, then verified, then a master title, then the scorecard, each above all after it', () => {
		expect(searchBoost(doc(false, false, false))).toBe(0);
		expect(searchBoost(doc(false, false, false, 3))).toBe(3);
		expect(searchBoost(doc(false, false, true, 0))).toBeGreaterThan(searchBoost(doc(false, false, false, 3)));
		expect(searchBoost(doc(false, true, false, 0))).toBeGreaterThan(searchBoost(doc(false, false, true, 3)));
		expect(searchBoost(doc(true, false, false, 0))).toBeGreaterThan(searchBoost(doc(false, true, true, 3)));
		expect(searchBoost(doc(true, true, true, 3))).toBe(31);
		// Out of range is clamped: the SQL definition never gives more than 3.
		expect(searchBoost(doc(false, false, false, 9))).toBe(3);
		expect(searchBoost(doc(false, false, false, -1))).toBe(0);
		expect(boostIsVerified(searchBoost(doc(false, true, false)))).toBe(true);
		expect(boostIsMaster(searchBoost(doc(false, true, false, 3)))).toBe(false);
		expect(boostIsMaster(searchBoost(doc(false, false, true)))).toBe(true);
	});

	it('groups the boosts into slices that keep their order and leave none out', () => {
		const groups = boostGroups(BOOSTS);
		expect(groups.flat()).toEqual([...BOOSTS]);
		expect(groups).toHaveLength(5);
		expect(groups[0]).toEqual([31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
		expect(groups.slice(1)).toEqual([[15, 14, 13, 12, 11, 10, 9], [8], [7, 6, 5, 4, 3, 2, 1], [0]]);
		// A verified filter leaves half of them.
		expect(boostGroups(BOOSTS.filter(boostIsVerified)).flat()).toEqual(BOOSTS.filter(boostIsVerified));
	});
});
