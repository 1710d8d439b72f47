import { describe, expect, it } from 'vitest';
import {
	FACTORS,
	kindOfRequest,
	MATCH_REASON_KEYS,
	NEUTRAL,
	OTHER_TRADE_SHARE,
	prepare,
	rank,
	rankRequestsForWorkshop,
	requestText,
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
	// 11 of its last 12 orders on time, answers in 6 hours (its scorecard)
	record: { completed: 12, on_time: 11, median_response_minutes: 360 }
};

const candidate = (change: Partial<MatchCandidate>): MatchCandidate => ({ ...workshop, ...change });
const factor = (key: string) => FACTORS.find((f) => f.key === key)!;
/** A record long enough to count, answering in `minutes`. */
const answers = (minutes: number | null): Partial<MatchCandidate> => ({
	record: { completed: 5, on_time: 5, median_response_minutes: minutes }
});

/** One factor's fraction (or null where it does not apply to the request) and its reason. */
function judge(key: string, c: MatchCandidate, r: MatchRequest = request) {
	const p = prepare(r);
	const f = factor(key);
	if (!f.applies(p)) return { fraction: null, reason: null };
	return { fraction: f.fraction(p, c), reason: f.reason(p, c) };
}

describe('the example of the issue', () => {
	// (24 × 4/5 + 8 + 6 + 10 × 10/12.1 + 9 + 7 + 5 + 3 + 3 × 11/12 + 3) / 80 (product and materials not named) = 89.0
	it('scores 89 with the reasons in words', () => {
		expect(score(request, workshop)).toEqual({
			score: 89,
			reasons: [
				{ key: 'match_reason_processes', params: { covered: 4, required: 5 }, fit: true },
				{ key: 'match_reason_trade', params: { code: '259' }, fit: true },
				{ key: 'match_reason_cluster_specialty', params: { cluster: 'mullae-machine-metal' }, fit: true },
				{ key: 'match_reason_distance_request', params: { km: 2.1 }, fit: true },
				{ key: 'match_reason_lead_time', params: { days: 10, fits: true }, fit: true },
				{ key: 'match_reason_min_order', params: { min: 50, requested: 200 }, fit: true },
				{ key: 'match_reason_accepting', params: {}, fit: true },
				{ key: 'match_reason_verified', params: {}, fit: true },
				{ key: 'matching_reason_on_time_share', params: { count: 11, of: 12 }, fit: true },
				{ key: 'matching_reason_response', params: { minutes: 360 }, fit: true }
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
			{ ...request, text: '티타늄 브래킷과 알루미늄 하우징' },
			{ ...request, location: null, deadline: null, quantity: null, specialty_clusters: [] },
			{ ...request, template: 'general', trade_codes: [], required_processes: [] },
			{ ...request, template: 'general', trade_codes: [], required_processes: [], text: '은 귀걸이와 가죽 파우치' }
		];
		for (const r of requests) {
			const p = prepare(r);
			const active = FACTORS.filter((f) => f.applies(p));
			for (let i = 0; i < 200; i++) {
				const c = candidate({
					trade_code: pick(['25', '2511', '29', '3311', '181', '151']),
					clusters: [pick(['mullae-machine-metal', 'jongno-jewelry'])],
					processes: [pick(['CNC 선반', '용접', '인쇄']), pick(['밀링', '주조', '열처리'])],
					verified: random() < 0.5,
					master: random() < 0.5,
					accepting_orders: random() < 0.5,
					min_order_units: pick([null, 1, 300]),
					lead_time_days: pick([null, 3, 30]),
					lat: pick([null, 37.5, 36.6]),
					lng: 127,
					materials: pick([undefined, [], ['티타늄 Gr5'], ['925 은', '소가죽'], ['SUS304']]),
					record: pick([
						undefined,
						null,
						{ completed: 2, on_time: 0, median_response_minutes: 10 },
						{ completed: 10, on_time: 7, median_response_minutes: 3000 }
					])
				});
				const sum = active.reduce((s, f) => s + f.weight * f.fraction(p, c), 0);
				const weight = active.reduce((s, f) => s + f.weight, 0);
				const share =
					p.kind.length === 0 || p.kind.some((k) => c.trade_code.startsWith(k) || k.startsWith(c.trade_code)) ? 1 : OTHER_TRADE_SHARE;
				expect(scorePrepared(p, c)).toBe(Math.round((share * sum * 100) / weight));
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

	it('counts the processes the request names only in its words, once with those it lists', () => {
		const r = { ...request, required_processes: ['밀링'], text: '하우징 밀링 후 아노다이징 처리, 레이저 각인' };
		const anodizer = candidate({ processes: ['밀링', '아노다이징'] });
		expect(judge('processes', anodizer, r)).toEqual({
			fraction: 2 / 3,
			reason: { key: 'match_reason_processes', params: { covered: 2, required: 3 }, fit: true }
		});
		// Listed nothing, wrote it: still asked for.
		expect(judge('processes', anodizer, { ...request, required_processes: [], text: '아노다이징 해 주세요' }).fraction).toBe(1);
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
		['3311', ['25', '29'], 0, { key: 'match_reason_trade_other', params: { code: '3311' }, fit: false }],
		['181', ['25', '29'], 0, { key: 'match_reason_trade_other', params: { code: '181' }, fit: false }],
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
		expect(reason).toEqual(km === null ? null : { key: 'match_reason_distance_request', params: { km }, fit });
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
		['responsive', answers(360), 1, { key: 'matching_reason_response', params: { minutes: 360 }, fit: true }],
		['responsive', answers(12), 1, { key: 'matching_reason_response', params: { minutes: 12 }, fit: true }],
		['responsive', answers(1440), 1, { key: 'matching_reason_response', params: { minutes: 1440 }, fit: true }],
		['responsive', answers(2880), 0.5, { key: 'matching_reason_response', params: { minutes: 2880 }, fit: false }],
		['responsive', answers(5760), 0.25, { key: 'matching_reason_response', params: { minutes: 5760 }, fit: false }],
		['responsive', answers(null), NEUTRAL, null],
		['responsive', { record: undefined }, NEUTRAL, null],
		['responsive', { record: null }, NEUTRAL, null],
		// fewer than 3 completed orders: new, neither credited nor penalised
		['responsive', { record: { completed: 2, on_time: 2, median_response_minutes: 5 } }, NEUTRAL, null],
		[
			'on_time',
			{ record: { completed: 12, on_time: 11, median_response_minutes: null } },
			11 / 12,
			{
				key: 'matching_reason_on_time_share',
				params: { count: 11, of: 12 },
				fit: true
			}
		],
		[
			'on_time',
			{ record: { completed: 10, on_time: 10, median_response_minutes: null } },
			1,
			{
				key: 'matching_reason_on_time_all',
				params: { count: 10 },
				fit: true
			}
		],
		[
			'on_time',
			{ record: { completed: 3, on_time: 0, median_response_minutes: null } },
			0,
			{
				key: 'matching_reason_on_time_share',
				params: { count: 0, of: 3 },
				fit: false
			}
		],
		[
			'on_time',
			{ record: { completed: 10, on_time: 7, median_response_minutes: null } },
			0.7,
			{
				key: 'matching_reason_on_time_share',
				params: { count: 7, of: 10 },
				fit: false
			}
		],
		['on_time', { record: { completed: 2, on_time: 0, median_response_minutes: null } }, NEUTRAL, null],
		['on_time', { record: null }, NEUTRAL, null]
	])('%s %j', (key, change, fraction, reason) => {
		expect(judge(key, candidate(change))).toEqual({ fraction, reason });
	});
});

describe('score', () => {
	it.each<[string, number, Partial<MatchCandidate>]>([
		['the example', 89, {}],
		['all five processes and a master', 98, { processes: ['CNC 선반', '밀링', '용접', '판금', '열처리'], master: true }],
		['not taking orders: lower, still listed', 83, { accepting_orders: false }],
		['lead time of 28 days for 14 days left', 81, { lead_time_days: 28 }],
		['minimum order of 400 for 200 wanted', 82, { min_order_units: 400 }],
		[
			// 43 on the other factors, halved: a jewelry shop does not make machine parts
			'a jewelry workshop in Jongno',
			21,
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
			record: { completed: 20, on_time: 0, median_response_minutes: 60_000 }
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
		// only accepting (5), verified (3), master (2), on time (3) and responsiveness (3) count:
		// (5 + 3 + 3 × 11/12 + 3) / 16
		expect(score(vague, workshop)).toEqual({
			score: 86,
			reasons: [
				{ key: 'match_reason_accepting', params: {}, fit: true },
				{ key: 'match_reason_verified', params: {}, fit: true },
				{ key: 'matching_reason_on_time_share', params: { count: 11, of: 12 }, fit: true },
				{ key: 'matching_reason_response', params: { minutes: 360 }, fit: true }
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

describe('materials', () => {
	const titanium: MatchRequest = { ...request, text: '티타늄 안경 브래킷 200개\nTi Gr5' };
	it.each<[string, readonly string[] | undefined, number, MatchReason | null]>([
		[
			'the titanium shop',
			['티타늄 Gr5', '알루미늄 7075'],
			1,
			{ key: 'match_reason_materials', params: { materials: 'titanium' }, fit: true }
		],
		[
			'titanium written another way',
			['Titanium', 'SUS304'],
			1,
			{ key: 'match_reason_materials', params: { materials: 'titanium' }, fit: true }
		],
		[
			'a shop without titanium',
			['알루미늄', 'SUS304'],
			0,
			{ key: 'match_reason_materials_missing', params: { materials: 'titanium' }, fit: false }
		],
		['a profile that does not say', [], NEUTRAL, null],
		['a profile without the field', undefined, NEUTRAL, null]
	])('%s', (_label, materials, fraction, reason) => {
		expect(judge('materials', candidate({ materials }), titanium)).toEqual({ fraction, reason });
	});

	it('counts each material named, and a kind for its family (cowhide is leather)', () => {
		const two: MatchRequest = { ...request, text: '스테인리스와 황동 부품' };
		expect(judge('materials', candidate({ materials: ['SUS304'] }), two).fraction).toBe(0.5);
		expect(judge('materials', candidate({ materials: ['sus 316', '황동'] }), two).reason).toEqual({
			key: 'match_reason_materials',
			params: { materials: 'stainless,brass' },
			fit: true
		});
		const leather: MatchRequest = { ...request, template: 'shoes', trade_codes: [], text: '가죽 로퍼' };
		expect(judge('materials', candidate({ materials: ['소가죽'] }), leather).fraction).toBe(1);
		// but not the other way round: a shop of some leather does not prove suede
		expect(judge('materials', candidate({ materials: ['가죽'] }), { ...leather, text: '스웨이드 로퍼' }).fraction).toBe(0);
	});

	it('does not count when the request names no material', () => {
		expect(judge('materials', candidate({ materials: ['티타늄'] }), { ...request, text: '브래킷 200개' })).toEqual({
			fraction: null,
			reason: null
		});
	});

	it('gives the only titanium shop the lead on a titanium request it would not otherwise have', () => {
		const shops = [
			candidate({ id: 'steel', name_ko: '가공방', materials: ['알루미늄', 'S45C'] }),
			candidate({ id: 'titanium', name_ko: '티타늄공방', materials: ['티타늄 Gr5'] })
		];
		expect(rank(request, shops).map((r) => r.candidate.id)).toEqual(['steel', 'titanium']);
		expect(rank(titanium, shops).map((r) => r.candidate.id)).toEqual(['titanium', 'steel']);
	});
});

describe('products and the trade gate', () => {
	// the request: a general request (no trade) for an aluminium case
	const aluminiumCase: MatchRequest = {
		template: 'general',
		trade_codes: [],
		required_processes: [],
		quantity: 300,
		deadline: '2026-12-27',
		location: gValley,
		today,
		text: '스마트 링 충전 케이스 알루미늄 가공 300개'
	};
	const metal = candidate({
		id: 'metal',
		name_ko: '문래케이스',
		trade_code: '259',
		verified: false,
		materials: ['알루미늄 6061'],
		record: null
	});
	// a jewelry shop that is verified, in the same building, answers within the hour and lists aluminium
	const jewelry = candidate({
		id: 'jewelry',
		name_ko: '가주얼리',
		trade_code: '3311',
		clusters: ['jongno-jewelry'],
		...gValley,
		verified: true,
		master: true,
		featured: true,
		lead_time_days: 1,
		min_order_units: 1,
		materials: ['알루미늄', '금'],
		record: { completed: 40, on_time: 40, median_response_minutes: 30 }
	});
	const shoes = candidate({ ...jewelry, id: 'shoes', name_ko: '가제화', trade_code: '152', clusters: ['seongsu-handmade-shoes'] });

	it('credits the trade that makes what the request names, with the product in the reason', () => {
		expect(judge('product', metal, aluminiumCase)).toEqual({
			fraction: 1,
			reason: { key: 'match_reason_product', params: { products: 'housing' }, fit: true }
		});
		expect(judge('product', jewelry, aluminiumCase)).toEqual({
			fraction: 0,
			reason: { key: 'match_reason_product_other', params: { products: 'housing' }, fit: false }
		});
		const earrings = { ...aluminiumCase, text: '925 은 귀걸이 100쌍' };
		expect(judge('product', jewelry, earrings).reason).toEqual({
			key: 'match_reason_product',
			params: { products: 'earrings' },
			fit: true
		});
	});

	it('keeps jewelry and shoe shops from the top of an aluminium case request on other factors alone', () => {
		const ranked = rank(aluminiumCase, [jewelry, shoes, metal]);
		expect(ranked[0].candidate.id).toBe('metal');
		// without the gate each would lead (as good a score, and featured wins ties): only the trade is wrong
		const p = prepare(aluminiumCase);
		const ungated = (c: MatchCandidate) =>
			Math.round((FACTORS.reduce((sum, f, i) => sum + p.weights[i] * f.fraction(p, c), 0) * 100) / p.totalWeight);
		for (const gated of ranked.slice(1)) {
			expect(ungated(gated.candidate)).toBeGreaterThanOrEqual(ranked[0].score);
			expect(Math.abs(gated.score - ungated(gated.candidate) * OTHER_TRADE_SHARE)).toBeLessThanOrEqual(1);
			expect(gated.reasons).toContainEqual({ key: 'match_reason_product_other', params: { products: 'housing' }, fit: false });
		}
	});

	it('gates by the template’s trades when no product is named', () => {
		const ranked = rank({ ...request, required_processes: [] }, [jewelry, metal]);
		expect(ranked.map((r) => r.candidate.id)).toEqual(['metal', 'jewelry']);
		expect(ranked[1].reasons).toContainEqual({ key: 'match_reason_trade_other', params: { code: '3311' }, fit: false });
	});

	it('holds no one back when the request says neither trade nor product', () => {
		const vague = { ...aluminiumCase, text: '알루미늄 가공 300개' };
		const p = prepare(vague);
		expect(p.kind).toEqual([]);
		expect(scorePrepared(p, jewelry)).toBeGreaterThan(50);
	});

	it.each<[Pick<MatchRequest, 'template' | 'trade_codes' | 'text'>, string[]]>([
		[{ template: 'general', trade_codes: [], text: '알루미늄 케이스' }, ['25', '29']],
		[{ template: 'general', trade_codes: [], text: '은 귀걸이' }, ['3311', '3312']],
		[{ template: 'general', trade_codes: [], text: '소가죽 로퍼' }, ['152']],
		[{ template: 'general', trade_codes: [], text: '화장품 단상자' }, ['181', '172']],
		[{ template: 'shoes', trade_codes: [], text: '스웨이드 첼시부츠' }, ['152', '151']],
		[{ template: 'machine_metal', trade_codes: ['2511'], text: '' }, ['2511']],
		[{ template: 'general', trade_codes: [], text: '알루미늄 가공' }, []]
	])('kindOfRequest(%j) = %j', (r, kind) => {
		expect(kindOfRequest(r)).toEqual(kind);
	});
});

describe('distance, from where', () => {
	it.each<[MatchRequest['location_from'], string]>([
		[undefined, 'match_reason_distance_request'],
		['request', 'match_reason_distance_request'],
		['company', 'match_reason_distance_company']
	])('location from %s: %s', (location_from, key) => {
		expect(judge('distance', workshop, { ...request, location_from }).reason).toEqual({ key, params: { km: 2.1 }, fit: true });
	});
});

describe('requestText', () => {
	it('joins the title, the description and every written detail', () => {
		const text = requestText({
			title: '은 귀걸이',
			description: '니켈 프리',
			details: { metal: 'silver', leather: ['cowhide', 'suede'], pages: 40, nested: { material: '티타늄' } }
		});
		expect(text.split('\n')).toEqual(['은 귀걸이', '니켈 프리', 'silver', 'cowhide', 'suede', '티타늄']);
	});
});
