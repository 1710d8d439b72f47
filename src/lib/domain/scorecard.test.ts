import { describe, expect, it } from 'vitest';
import { buyerScorecard, median, responseUnit, share, workshopScorecard, type CompletedOrder, type WorkshopFacts } from './scorecard';

const onTime = (n: number, sample: boolean | null = null): CompletedOrder[] =>
	Array.from({ length: n }, () => ({ on_time: true, sample_first_try: sample }));
const late = (n: number, sample: boolean | null = null): CompletedOrder[] =>
	Array.from({ length: n }, () => ({ on_time: false, sample_first_try: sample }));
const facts = (more: Partial<WorkshopFacts>): WorkshopFacts => ({
	completed: [],
	disputes: 0,
	response_minutes: [],
	quotes_decided: 0,
	quotes_accepted: 0,
	...more
});

describe('share and median', () => {
	it.each([
		[0, 0, { count: 0, of: 0, share: null }],
		[11, 12, { count: 11, of: 12, share: 11 / 12 }],
		[0, 5, { count: 0, of: 5, share: 0 }],
		[7, 5, { count: 5, of: 5, share: 1 }]
	])('share(%i, %i)', (c, n, expected) => expect(share(c, n)).toEqual(expected));

	it.each([
		[[], null],
		[[30], 30],
		[[10, 30], 20],
		[[300, 5, 60], 60],
		[[5, -1, Number.NaN, 15], 10]
	])('median(%j) = %s', (values, expected) => expect(median(values)).toBe(expected));
});

describe('the workshop scorecard', () => {
	it.each([
		[
			'no orders: new, nothing to say',
			facts({}),
			{ completed: 0, on_time: { count: 0, of: 0, share: null }, is_new: true, disputes: 0, median_response_minutes: null }
		],
		['two orders: still new', facts({ completed: onTime(2) }), { completed: 2, on_time: { count: 2, of: 2, share: 1 }, is_new: true }],
		['all late', facts({ completed: late(4) }), { completed: 4, on_time: { count: 0, of: 4, share: 0 }, is_new: false }],
		[
			'11 of 12 on time',
			facts({ completed: [...onTime(11), ...late(1)] }),
			{ completed: 12, on_time: { count: 11, of: 12, share: 11 / 12 }, is_new: false }
		],
		['one dispute', facts({ completed: onTime(3), disputes: 1 }), { disputes: 1, is_new: false }]
	] as const)('%s', (_, input, expected) => {
		expect(workshopScorecard(input)).toMatchObject(expected);
	});

	it('counts first-try sample approval only over orders with a sample step', () => {
		const card = workshopScorecard(facts({ completed: [...onTime(2, true), ...onTime(1, false), ...onTime(3, null)] }));
		expect(card.sample_first_try).toEqual({ count: 2, of: 3, share: 2 / 3 });
	});

	it('takes the median response time and the acceptance share', () => {
		const card = workshopScorecard(facts({ response_minutes: [30, 180, 600, 45], quotes_decided: 8, quotes_accepted: 2 }));
		expect(card.median_response_minutes).toBe(113);
		expect(card.responses).toBe(4);
		expect(card.acceptance).toEqual({ count: 2, of: 8, share: 0.25 });
	});
});

describe('the buyer scorecard', () => {
	it.each([
		[
			'no requests, no orders',
			{ requests_decided: 0, requests_awarded: 0, deposit_days: [], disputes: 0, completed: 0 },
			{ award_rate: { count: 0, of: 0, share: null }, deposit_on_time: { count: 0, of: 0, share: null }, is_new: true }
		],
		[
			'awards 3 of 4, pays one deposit late',
			{ requests_decided: 4, requests_awarded: 3, deposit_days: [0, 1, 3, 5], disputes: 0, completed: 3 },
			{ award_rate: { count: 3, of: 4, share: 0.75 }, deposit_on_time: { count: 3, of: 4, share: 0.75 }, is_new: false }
		],
		[
			'collects quotes and never decides',
			{ requests_decided: 6, requests_awarded: 0, deposit_days: [], disputes: 0, completed: 0 },
			{ award_rate: { count: 0, of: 6, share: 0 }, is_new: true }
		],
		[
			'one dispute',
			{ requests_decided: 3, requests_awarded: 3, deposit_days: [0, 0, 0], disputes: 1, completed: 3 },
			{ disputes: 1, completed: 3, is_new: false }
		]
	] as const)('%s', (_, input, expected) => {
		expect(buyerScorecard(input)).toMatchObject(expected);
	});
});

describe('response time in words', () => {
	it.each([
		[0, { unit: 'minute', value: 1 }],
		[42, { unit: 'minute', value: 42 }],
		[170, { unit: 'hour', value: 3 }],
		[47 * 60, { unit: 'hour', value: 47 }],
		[3 * 1440 + 1, { unit: 'day', value: 4 }]
	] as const)('%i minutes', (m, expected) => expect(responseUnit(m)).toEqual(expected));
});
