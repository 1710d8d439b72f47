import { describe, expect, it } from 'vitest';
import {
	FACTORS,
	MATCH_REASON_KEYS,
	NEUTRAL,
	prepare,
	rank,
	rankRequestsForWorkshop,
	sameProcess,
	score,
	scorePrepared,
	specialtyClusters,
	type MatchCandidate,
	type MatchReason,
	type MatchRequest
} from './matching';

const gValley = { lat: 37.4849, lng: 126.8965 };
const mullae = { lat: 37.5176, lng: 126.8947 };
const cheongju = { lat: 36.6424, lng: 127.489 };
const KM_PER_DEGREE = (2 * Math.PI * 6371.0088) / 360;
/** A point `km` due north of `from`. */
const north = (from: { lat: number; lng: number }, km: number) => ({ lat: from.lat + km / KM_PER_DEGREE, lng: from.lng });

const today = new Date('2026-11-27T03:00:00Z'); // noon in Seoul

/** A machine-metal request from a G-Valley startup: 200 parts in 14 days. */
const request: MatchRequest = {
	template: 'machine_metal',
	trade_codes: ['25', '29'],
	required_processes: ['CNC 선반', '밀링', '용접', '판금', '열처리'],
	quantity: 200,
	deadline: '2026-12-11',
	location: gValley,
	today,
	specialty_clusters: ['mullae-machine-metal']
};

/** A Mullae workshop 2.1 km from G-Valley that does 4 of the 5 processes. */
const workshop: MatchCandidate = {
	id: 'w1',
	name_ko: '대성정밀',
	trade_code: '259',
	clusters: ['mullae-machine-metal'],
	processes: ['CNC 선반', '밀링 가공', 'TIG 용접', '판금 절곡', '사상'],
	verified: true,
	master: false,
	featured: false,
	accepting_orders: true,
	min_order_units: 50,
	lead_time_days: 10,
	...north(gValley, 2.1),
	responseHours: 6
};

const candidate = (change: Partial<MatchCandidate>): MatchCandidate => ({ ...workshop, ...change });
const factor = (key: string) => FACTORS.find((f) => f.key === key)!;

/** One factor's fraction (or null where it does not apply to the request) and its reason. */
function judge(key: string, c: MatchCandidate, r: MatchRequest = request) {
	const p = prepare(r);
	const f = factor(key);
	if (!f.applies(p)) return { fraction: null, reason: null };
	return { fraction: f.fraction(p, c), reason: f.reason(p, c) };
}

describe('the example of the issue', () => {
	it('scores 89 with the reasons in words', () => {
		expect(score(request, workshop)).toEqual({
			score: 89,
			reasons: [
				{ key: 'match_reason_processes', params: { covered: 4, required: 5 }, fit: true },
				{ key: 'match_reason_trade', params: { code: '259' }, fit: true },
				{ key: 'match_reason_cluster_specialty', params: { cluster: 'mullae-machine-metal' }, fit: true },
				{ key: 'match_reason_distance', params: { km: 2.1 }, fit: true },
				{ key: 'match_reason_lead_time', params: { days: 10, fits: true }, fit: true },
				{ key: 'match_reason_min_order', params: { min: 50, requested: 200 }, fit: true },
				{ key: 'match_reason_accepting', params: {}, fit: true },
				{ key: 'match_reason_verified', params: {}, fit: true },
				{ key: 'match_reason_responsive', params: { hours: 6 }, fit: true }
			]
		});
	});
});

describe('FACTORS', () => {
	it('weigh 100 in all, every one of them positive', () => {
		expect(FACTORS.reduce((sum, f) => sum + f.weight, 0)).toBe(100);
		for (const f of FACTORS) expect(f.weight).toBeGreaterThan(0);
	});

	it('give the score: the fast path equals the weighted sum of the table', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
		const requests: MatchRequest[] = [
			request,
			{ ...request, location: null, deadline: null, quantity: null, specialty_clusters: [] },
			{ ...request, template: 'general', trade_codes: [], required_processes: [] }
		];
		for (const r of requests) {
			const p = prepare(r);
			const active = FACTORS.filter((f) => f.applies(p));
			for (let i = 0; i < 200; i++) {
				const c = candidate({
					trade_code: pick(['25', '2511', '29', '3311', '181']),
					clusters: [pick(['mullae-machine-metal', 'jongno-jewelry'])],
					processes: [pick(['CNC 선반', '용접', '인쇄']), pick(['밀링', '주조', '열처리'])],
					verified: random() < 0.5,
					master: random() < 0.5,
					accepting_orders: random() < 0.5,
					min_order_units: pick([null, 1, 300]),
					lead_time_days: pick([null, 3, 30]),
					lat: pick([null, 37.5, 36.6]),
					lng: 127,
					responseHours: pick([undefined, 2, 100])
				});
				const sum = active.reduce((s, f) => s + f.weight * f.fraction(p, c), 0);
				const weight = active.reduce((s, f) => s + f.weight, 0);
				expect(scorePrepared(p, c)).toBe(Math.round((sum * 100) / weight));
			}
		}
	});
});

describe('processes', () => {
	it.each<[string[], string[], number, number]>([
		[['CNC 선반', '밀링'], ['CNC 선반', '밀링'], 2, 1],
		// containment: a plain lathe covers CNC turning, and the other way round
		[['CNC 선반'], ['선반'], 1, 1],
		[['선반'], ['CNC 선반 가공'], 1, 1],
		// spelling variants and spacing are folded (korean.normalize)
		[['CNC 선반'], ['CNC선반'], 1, 1],
		[['CNC 선반'], ['씨엔씨 선반'], 1, 1],
		[['밀링'], ['밀링머신'], 1, 1],
		[['레이저'], ['레이져 커팅'], 1, 1],
		[['CNC 선반', '밀링'], ['용접', '도장'], 0, 0],
		[['CNC 선반', '밀링'], [], 0, 0],
		// the same required process twice counts once
		[['밀링', ' 밀링 ', '용접'], ['밀링'], 1, 0.5],
		// one-letter processes only as whole words: foil stamping is not '압박'
		[['박'], ['로고 박'], 1, 1],
		[['박'], ['압박 테스트'], 0, 0]
	])('required %j, workshop does %j: %i covered', (required, processes, covered, fraction) => {
		const r = { ...request, required_processes: required };
		const { fraction: f, reason } = judge('processes', candidate({ processes }), r);
		expect(f).toBeCloseTo(fraction, 10);
		expect(reason).toEqual({
			key: 'match_reason_processes',
			params: { covered, required: new Set(required.map((s) => s.trim())).size },
			fit: covered > 0
		});
	});

	it('does not count when the request names no process', () => {
		expect(judge('processes', workshop, { ...request, required_processes: [' '] })).toEqual({ fraction: null, reason: null });
	});

	it.each([
		['cnc 선반', '선반', true],
		['선반', 'cnc 선반', true],
		['밀링', '밀링', true],
		['밀링', '선반', false],
		['박', '박 가공', true],
		['박', '압박', false],
		['', '선반', false]
	])('sameProcess(%j, %j) = %s', (a, b, same) => {
		expect(sameProcess(a, b)).toBe(same);
	});
});

describe('trade', () => {
	it.each<[string, readonly string[], number | null, MatchReason | null]>([
		['259', ['25', '29'], 1, { key: 'match_reason_trade', params: { code: '259' }, fit: true }],
		['2511', ['25', '29'], 1, { key: 'match_reason_trade', params: { code: '2511' }, fit: true }],
		['29', ['25', '29'], 1, { key: 'match_reason_trade', params: { code: '29' }, fit: true }],
		// a general metal workshop can take a structural-metal job
		['25', ['2511'], 1, { key: 'match_reason_trade', params: { code: '25' }, fit: true }],
		['3311', ['25', '29'], 0, null],
		['181', ['25', '29'], 0, null],
		// no codes given: the template's trades
		['259', [], 1, { key: 'match_reason_trade', params: { code: '259' }, fit: true }]
	])('workshop %s, wanted %j', (trade_code, trade_codes, fraction, reason) => {
		expect(judge('trade', candidate({ trade_code }), { ...request, trade_codes })).toEqual({ fraction, reason });
	});

	it('does not count for a general request without trades', () => {
		expect(judge('trade', workshop, { ...request, template: 'general', trade_codes: [] })).toEqual({ fraction: null, reason: null });
	});
});

describe('cluster specialty', () => {
	it.each<[string[], string[] | undefined, number | null, MatchReason | null]>([
		[
			['mullae-machine-metal'],
			['mullae-machine-metal'],
			1,
			{ key: 'match_reason_cluster_specialty', params: { cluster: 'mullae-machine-metal' }, fit: true }
		],
		[
			['jongno-jewelry', 'mullae-machine-metal'],
			['mullae-machine-metal'],
			1,
			{ key: 'match_reason_cluster_specialty', params: { cluster: 'mullae-machine-metal' }, fit: true }
		],
		[['jongno-jewelry'], ['mullae-machine-metal'], 0, null],
		[['mullae-machine-metal'], [], null, null],
		[['mullae-machine-metal'], undefined, null, null]
	])('member of %j, specialty clusters %j', (clusters, specialty_clusters, fraction, reason) => {
		expect(judge('cluster_specialty', candidate({ clusters }), { ...request, specialty_clusters })).toEqual({ fraction, reason });
	});

	const clusters = [
		{ slug: 'jongno-jewelry', trade_code: '3311' },
		{ slug: 'seongsu-handmade-shoes', trade_code: '152' },
		{ slug: 'mullae-machine-metal', trade_code: '25' },
		{ slug: 'cheongju-printing', trade_code: '181' },
		{ slug: 'g-valley', trade_code: null }
	];
	it.each([
		[['25', '29'], ['mullae-machine-metal']],
		[['2511'], ['mullae-machine-metal']],
		[['3311', '3312'], ['jongno-jewelry']],
		[['152', '151'], ['seongsu-handmade-shoes']],
		[['181'], ['cheongju-printing']],
		[['320'], []],
		[[], []]
	])('specialtyClusters for %j: %j', (codes, slugs) => {
		expect(specialtyClusters(clusters, codes)).toEqual(slugs);
	});
});

describe('distance', () => {
	it.each<[string, { lat: number | null; lng: number | null }, number, number | null, boolean | null]>([
		['in the same building', gValley, 1, 0, true],
		['2.1 km away', north(gValley, 2.1), 10 / 12.1, 2.1, true],
		['10 km away: half credit', north(gValley, 10), 0.5, 10, true],
		['Mullae from G-Valley', mullae, 10 / 13.64, 3.6, true],
		['Cheongju from G-Valley, ~110 km', cheongju, 0.0852, 107.4, false],
		['without coordinates', { lat: null, lng: null }, NEUTRAL, null, null]
	])('%s', (_label, at, fraction, km, fit) => {
		const { fraction: f, reason } = judge('distance', candidate(at));
		expect(f).toBeCloseTo(fraction, 3);
		expect(reason).toEqual(km === null ? null : { key: 'match_reason_distance', params: { km }, fit });
	});

	it('does not count without the startup’s location', () => {
		expect(judge('distance', workshop, { ...request, location: null })).toEqual({ fraction: null, reason: null });
	});
});

describe('lead time', () => {
	it.each<[number | null, string, number, MatchReason | null]>([
		[10, '2026-12-07', 1, { key: 'match_reason_lead_time', params: { days: 10, fits: true }, fit: true }],
		[5, '2026-12-07', 1, { key: 'match_reason_lead_time', params: { days: 5, fits: true }, fit: true }],
		// too long is not excluded: it scores less, the more so the longer it is
		[20, '2026-12-07', 0.25, { key: 'match_reason_lead_time_too_long', params: { days: 20, available: 10 }, fit: false }],
		[40, '2026-12-07', 0.125, { key: 'match_reason_lead_time_too_long', params: { days: 40, available: 10 }, fit: false }],
		// a deadline already past leaves no days at all
		[3, '2026-11-20', 0, { key: 'match_reason_lead_time_too_long', params: { days: 3, available: 0 }, fit: false }],
		[null, '2026-12-07', NEUTRAL, null]
	])('%s days against a deadline of %s', (lead_time_days, deadline, fraction, reason) => {
		expect(judge('lead_time', candidate({ lead_time_days }), { ...request, deadline })).toEqual({ fraction, reason });
	});

	it('does not count without a deadline', () => {
		expect(judge('lead_time', workshop, { ...request, deadline: null })).toEqual({ fraction: null, reason: null });
	});
});

describe('minimum order', () => {
	it.each<[number | null, number, number, MatchReason | null]>([
		[50, 200, 1, { key: 'match_reason_min_order', params: { min: 50, requested: 200 }, fit: true }],
		[200, 200, 1, { key: 'match_reason_min_order', params: { min: 200, requested: 200 }, fit: true }],
		[400, 200, 0.25, { key: 'match_reason_min_order_above', params: { min: 400, requested: 200 }, fit: false }],
		[1000, 1, 0.0005, { key: 'match_reason_min_order_above', params: { min: 1000, requested: 1 }, fit: false }],
		[null, 200, NEUTRAL, null]
	])('minimum %s, %i requested', (min_order_units, quantity, fraction, reason) => {
		expect(judge('min_order', candidate({ min_order_units }), { ...request, quantity })).toEqual({ fraction, reason });
	});

	it('does not count without a quantity', () => {
		expect(judge('min_order', workshop, { ...request, quantity: null })).toEqual({ fraction: null, reason: null });
	});
});

describe('flags and responsiveness', () => {
	it.each<[string, Partial<MatchCandidate>, number, MatchReason | null]>([
		['accepting', { accepting_orders: true }, 1, { key: 'match_reason_accepting', params: {}, fit: true }],
		['accepting', { accepting_orders: false }, 0, { key: 'match_reason_not_accepting', params: {}, fit: false }],
		['verified', { verified: true }, 1, { key: 'match_reason_verified', params: {}, fit: true }],
		['verified', { verified: false }, 0, null],
		['master', { master: true }, 1, { key: 'match_reason_master', params: {}, fit: true }],
		['master', { master: false }, 0, null],
		['responsive', { responseHours: 6 }, 1, { key: 'match_reason_responsive', params: { hours: 6 }, fit: true }],
		['responsive', { responseHours: 0.2 }, 1, { key: 'match_reason_responsive', params: { hours: 1 }, fit: true }],
		['responsive', { responseHours: 23.5 }, 1, { key: 'match_reason_responsive', params: { hours: 24 }, fit: true }],
		['responsive', { responseHours: 48 }, 0.5, null],
		['responsive', { responseHours: 96 }, 0.25, null],
		['responsive', { responseHours: undefined }, NEUTRAL, null],
		['responsive', { responseHours: null }, NEUTRAL, null]
	])('%s %j', (key, change, fraction, reason) => {
		expect(judge(key, candidate(change))).toEqual({ fraction, reason });
	});
});

describe('score', () => {
	it.each<[string, number, Partial<MatchCandidate>]>([
		['the example', 89, {}],
		['all five processes and a master', 98, { processes: ['CNC 선반', '밀링', '용접', '판금', '열처리'], master: true }],
		['not taking orders: lower, still listed', 83, { accepting_orders: false }],
		['lead time of 28 days for 14 days left', 80, { lead_time_days: 28 }],
		['minimum order of 400 for 200 wanted', 81, { min_order_units: 400 }],
		[
			'a jewelry workshop in Jongno',
			42,
			{ trade_code: '3311', clusters: ['jongno-jewelry'], processes: ['주조', '세팅'], lat: 37.5714, lng: 126.9918 }
		]
	])('%s: %i', (_label, expected, change) => {
		expect(score(request, candidate(change)).score).toBe(expected);
	});

	it('stays within 0–100 at the extremes', () => {
		const worst = candidate({
			trade_code: '181',
			clusters: [],
			processes: [],
			verified: false,
			accepting_orders: false,
			min_order_units: 100_000,
			lead_time_days: 365,
			lat: 33.5,
			lng: 126.5,
			responseHours: 1000
		});
		const best = candidate({ processes: request.required_processes.slice(), master: true, ...gValley });
		expect(score(request, worst).score).toBeGreaterThanOrEqual(0);
		expect(score(request, worst).score).toBeLessThan(10);
		expect(score(request, best).score).toBe(100);
	});

	it('scores a request that says little on what it says', () => {
		const vague: MatchRequest = {
			template: 'general',
			trade_codes: [],
			required_processes: [],
			quantity: null,
			deadline: null,
			location: null,
			today
		};
		// only accepting (6), verified (5), master (3) and responsiveness (4) count: (6 + 5 + 4) / 18
		expect(score(vague, workshop)).toEqual({
			score: 83,
			reasons: [
				{ key: 'match_reason_accepting', params: {}, fit: true },
				{ key: 'match_reason_verified', params: {}, fit: true },
				{ key: 'match_reason_responsive', params: { hours: 6 }, fit: true }
			]
		});
	});

	it('uses only reason keys the UI knows', () => {
		const keys = [workshop, candidate({ accepting_orders: false, min_order_units: 999, lead_time_days: 99, master: true })].flatMap((c) =>
			score(request, c).reasons.map((r) => r.key)
		);
		for (const key of keys) expect(MATCH_REASON_KEYS).toContain(key);
		expect(new Set(MATCH_REASON_KEYS).size).toBe(MATCH_REASON_KEYS.length);
	});
});

describe('rank', () => {
	const names = (ranked: Array<{ candidate: MatchCandidate }>) => ranked.map((r) => r.candidate.name_ko);

	it('puts the best first', () => {
		const ranked = rank(request, [
			candidate({ name_ko: '먼공방', lat: cheongju.lat, lng: cheongju.lng }),
			candidate({ name_ko: '딱맞는공방' }),
			candidate({ name_ko: '쉬는공방', accepting_orders: false })
		]);
		expect(names(ranked)).toEqual(['딱맞는공방', '쉬는공방', '먼공방']);
		expect(ranked.map((r) => r.score)).toEqual([89, 83, 80]);
		expect(ranked[0].reasons[0]).toEqual({ key: 'match_reason_processes', params: { covered: 4, required: 5 }, fit: true });
	});

	it('breaks ties by featured, then verified, then name, then input order', () => {
		// verified (5) with an unknown minimum order (5 of 10) equals unverified with a fitting one (10)
		const ranked = rank(request, [
			candidate({ id: 'a', name_ko: '나공방', verified: false }),
			candidate({ id: 'b', name_ko: '다공방', verified: true, min_order_units: null }),
			candidate({ id: 'c', name_ko: '라공방', featured: true, verified: false }),
			candidate({ id: 'd', name_ko: '가공방', verified: false }),
			candidate({ id: 'e', name_ko: '가공방', verified: false })
		]);
		expect(new Set(ranked.map((r) => r.score)).size).toBe(1);
		expect(ranked.map((r) => r.candidate.id)).toEqual(['c', 'b', 'd', 'e', 'a']);
	});

	it.each([
		[0, 0],
		[1, 1],
		[3, 3],
		[10, 5]
	])('returns the best %i of 5 as %i', (limit, length) => {
		// the first four fit the quantity and tie, so they keep input order; a minimum of 400 comes last
		const five = [80, 20, 5, 1, 400].map((min, i) => candidate({ id: String(i), min_order_units: min }));
		const ranked = rank(request, five, { limit });
		expect(ranked.map((r) => r.candidate.id)).toEqual(['0', '1', '2', '3', '4'].slice(0, length));
	});

	it('returns the same top as sorting everything', () => {
		let seed = 11;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const many = Array.from({ length: 500 }, (_, i) =>
			candidate({
				id: String(i),
				name_ko: `공방${Math.floor(random() * 50)}`,
				featured: random() < 0.2,
				verified: random() < 0.5,
				processes: random() < 0.5 ? ['CNC 선반'] : ['밀링', '용접'],
				lead_time_days: Math.floor(random() * 30),
				min_order_units: Math.floor(random() * 400)
			})
		);
		const all = rank(request, many, { limit: Infinity });
		expect(all).toHaveLength(500);
		const inOrder = (a: (typeof all)[number], b: (typeof all)[number]) => {
			if (a.score !== b.score) return a.score > b.score;
			if (a.candidate.featured !== b.candidate.featured) return a.candidate.featured;
			if (a.candidate.verified !== b.candidate.verified) return a.candidate.verified;
			if (a.candidate.name_ko !== b.candidate.name_ko) return a.candidate.name_ko < b.candidate.name_ko;
			return Number(a.candidate.id) < Number(b.candidate.id);
		};
		for (let i = 1; i < all.length; i++) expect(inOrder(all[i - 1], all[i])).toBe(true);
		expect(rank(request, many, { limit: 37 })).toEqual(all.slice(0, 37));
		expect(rank(request, many)).toHaveLength(100);
	});

	it('ranks nothing as nothing', () => {
		expect(rank(request, [])).toEqual([]);
	});
});

describe('rankRequestsForWorkshop', () => {
	const machine = { ...request, id: 'r-machine' };
	const printing = {
		...request,
		id: 'r-print',
		template: 'printing' as const,
		trade_codes: ['181'],
		required_processes: ['오프셋 인쇄', '박'],
		location: cheongju,
		specialty_clusters: ['cheongju-printing']
	};
	const tooSmall = { ...request, id: 'r-small', quantity: 10, deadline: '2026-12-01' };

	it('recommends requests to a workshop best first, with the same scores as the other direction', () => {
		const ranked = rankRequestsForWorkshop(workshop, [printing, tooSmall, machine]);
		expect(ranked.map((r) => r.request.id)).toEqual(['r-machine', 'r-small', 'r-print']);
		for (const r of ranked) expect(r).toEqual({ request: r.request, ...score(r.request, workshop) });
		expect(ranked[1].reasons.filter((reason) => !reason.fit).map((reason) => reason.key)).toEqual([
			'match_reason_lead_time_too_long',
			'match_reason_min_order_above'
		]);
	});

	it('keeps the input order on equal scores and honours the limit', () => {
		const same = [1, 2, 3].map((n) => ({ ...request, id: `r${n}` }));
		expect(rankRequestsForWorkshop(workshop, same).map((r) => r.request.id)).toEqual(['r1', 'r2', 'r3']);
		expect(rankRequestsForWorkshop(workshop, same, { limit: 2 }).map((r) => r.request.id)).toEqual(['r1', 'r2']);
	});
});
