import { describe, expect, it } from 'vitest';
import {
	DEFAULTS,
	PER_PAGE,
	activeFilters,
	parseSearchParams,
	searchHref,
	toSearchQuery,
	toURLSearchParams,
	withoutFilter,
	type SearchParams
} from './search-params';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
	it('gives the defaults for an empty URL', () => {
		expect(parse('')).toEqual({
			q: '',
			cluster: [],
			trade: [],
			process: [],
			material: [],
			district: [],
			verified: false,
			master: false,
			accepting: false,
			max_min_order: null,
			max_lead_time: null,
			near: undefined,
			radius: null,
			sort: 'relevance',
			page: 1,
			view: 'list'
		});
	});

	it.each<[string, string, Partial<SearchParams>]>([
		['a Korean query, trimmed', 'q=%20%EC%A3%BC%EC%96%BC%EB%A6%AC%20', { q: '주얼리' }],
		['initial consonants', 'q=ㅈㅇㄹ', { q: 'ㅈㅇㄹ' }],
		[
			'repeated clusters, duplicates dropped',
			'cluster=jongno-jewelry&cluster=mullae-machine-metal&cluster=jongno-jewelry',
			{ cluster: ['jongno-jewelry', 'mullae-machine-metal'] }
		],
		['a cluster that is not a slug is dropped', 'cluster=Jongno%20Jewelry&cluster=ok-slug', { cluster: ['ok-slug'] }],
		[
			'trade, process, material, district',
			'trade=3311&process=주조&material=18K&district=종로구',
			{ trade: ['3311'], process: ['주조'], material: ['18K'], district: ['종로구'] }
		],
		['empty list values are dropped', 'process=&process=%20&district=종로구', { process: [], district: ['종로구'] }],
		['flags set by 1', 'verified=1&master=1&accepting=1', { verified: true, master: true, accepting: true }],
		['flags with other values are off', 'verified=true&master=0&accepting=yes', { verified: false, master: false, accepting: false }],
		['numeric filters', 'max_min_order=100&max_lead_time=14', { max_min_order: 100, max_lead_time: 14 }],
		[
			'numeric filters: negative, zero, fractional, text dropped',
			'max_min_order=-5&max_lead_time=1.5',
			{ max_min_order: null, max_lead_time: null }
		],
		['numeric filters: text and zero dropped', 'max_min_order=many&max_lead_time=0', { max_min_order: null, max_lead_time: null }],
		['near a cluster', 'near=seongsu-social-venture-valley', { near: { kind: 'cluster', slug: 'seongsu-social-venture-valley' } }],
		['near a point', 'near=37.5714,126.9918', { near: { kind: 'point', lat: 37.5714, lng: 126.9918 } }],
		['near a point with a space', 'near=37.5,%20127', { near: { kind: 'point', lat: 37.5, lng: 127 } }],
		['near a point off the globe is none', 'near=95,126.99', { near: null }],
		['near garbage is none', 'near=<script>', { near: null }],
		['near empty is explicitly none', 'near=', { near: null }],
		['radius', 'radius=5', { radius: 5 }],
		['radius fractional', 'radius=2.5', { radius: 2.5 }],
		['radius too large, zero or text dropped', 'radius=100000', { radius: null }],
		['radius zero dropped', 'radius=0', { radius: null }],
		['sort by distance', 'sort=distance', { sort: 'distance' }],
		['sort by rating is not offered', 'sort=rating', { sort: 'relevance' }],
		['page', 'page=3', { page: 3 }],
		['page zero, negative, huge or text is page 1', 'page=0', { page: 1 }],
		['page text is page 1', 'page=two', { page: 1 }],
		['page beyond the cap is page 1', 'page=99999999', { page: 1 }],
		['map view', 'view=map', { view: 'map' }],
		['unknown view is the list', 'view=grid', { view: 'list' }],
		['unknown parameters are ignored', 'utm_source=kakao&q=cnc', { q: 'cnc' }]
	])('%s', (_label, query, expected) => {
		expect(parse(query)).toEqual({ ...DEFAULTS, ...expected });
	});

	it('cuts an overlong query instead of refusing it', () => {
		expect(parse(`q=${'가'.repeat(500)}`).q).toBe('가'.repeat(200));
	});
});

describe('toURLSearchParams', () => {
	it.each([
		['', ''],
		['q=주얼리', 'q=%EC%A3%BC%EC%96%BC%EB%A6%AC'],
		['cluster=a&cluster=b&verified=1&page=2', 'cluster=a&cluster=b&verified=1&page=2'],
		['near=37.571412345,126.991812345&radius=3&sort=distance', 'near=37.57141%2C126.99181&radius=3&sort=distance'],
		['near=', 'near='],
		['sort=relevance&page=1&view=list&verified=0', ''],
		['view=map&max_lead_time=7', 'max_lead_time=7&view=map']
	])('%s → %s', (query, canonical) => {
		expect(toURLSearchParams(parse(query)).toString()).toBe(canonical);
	});

	it('round-trips any parsed state', () => {
		const query =
			'q=cnc+선반&cluster=mullae-machine-metal&trade=259&process=선반&material=알루미늄&district=영등포구&verified=1&master=1&accepting=1&max_min_order=50&max_lead_time=10&near=g-valley&radius=5&sort=distance&page=2&view=map';
		const state = parse(query);
		expect(parseSearchParams(toURLSearchParams(state))).toEqual(state);
	});
});

describe('searchHref', () => {
	it('changes one part of the state and keeps the rest', () => {
		const state = parse('q=주얼리&district=종로구&page=3');
		expect(searchHref(state, { page: 4 })).toBe('/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC&district=%EC%A2%85%EB%A1%9C%EA%B5%AC&page=4');
		expect(searchHref(DEFAULTS)).toBe('/search');
	});
});

describe('activeFilters and withoutFilter', () => {
	it('lists every filter a person set, and removes each one back on page 1', () => {
		const state = parse('q=x&cluster=a&district=종로구&verified=1&max_lead_time=7&near=g-valley&radius=3&page=4');
		const active = activeFilters(state);
		expect(active).toEqual([
			{ key: 'cluster', value: 'a' },
			{ key: 'district', value: '종로구' },
			{ key: 'verified' },
			{ key: 'max_lead_time', value: 7 },
			{ key: 'radius', value: 3 }
		]);
		expect(withoutFilter(state, active[1])).toEqual({ ...state, district: [], page: 1 });
		expect(withoutFilter(state, active[2])).toEqual({ ...state, verified: false, page: 1 });
		expect(withoutFilter(state, active[4])).toEqual({ ...state, radius: null, page: 1 });
	});

	it('does not list a radius without a place (it does nothing then)', () => {
		expect(activeFilters(parse('radius=3'))).toEqual([]);
	});
});

describe('toSearchQuery', () => {
	const seoulStartupHub = { lat: 37.5446, lng: 126.9516 };

	it('maps the URL names to the engine filters', () => {
		const query = toSearchQuery(
			parse(
				'q=주얼리&cluster=jongno-jewelry&trade=3311&process=주조&material=18K&district=종로구&verified=1&master=1&accepting=1&max_min_order=10&max_lead_time=14&page=2'
			),
			null
		);
		expect(query).toMatchObject({
			q: '주얼리',
			filters: {
				clusters: ['jongno-jewelry'],
				trade_code: ['3311'],
				processes: ['주조'],
				materials: ['18K'],
				district_ko: ['종로구'],
				verified: true,
				master: true,
				accepting_orders: true,
				max_min_order: 10,
				max_lead_time: 14
			},
			sort: 'relevance',
			page: 2,
			per_page: PER_PAGE
		});
		expect(query.from).toBeUndefined();
		expect(query.facets).toContain('district_ko');
	});

	it.each<[string, string, { lat: number; lng: number } | null, Partial<ReturnType<typeof toSearchQuery>>]>([
		[
			'distance sort and radius with a place',
			'sort=distance&radius=5&near=seoul-startup-hub',
			seoulStartupHub,
			{ sort: 'distance', from: seoulStartupHub, filters: { within: { ...seoulStartupHub, radius_km: 5 } } }
		],
		['distance sort without a place falls back to relevance', 'sort=distance&radius=5', null, { sort: 'relevance', filters: {} }],
		[
			'a place without distance sort still measures distance',
			'near=37.5,127',
			{ lat: 37.5, lng: 127 },
			{ sort: 'relevance', from: { lat: 37.5, lng: 127 }, filters: {} }
		]
	])('%s', (_label, query, from, expected) => {
		expect(toSearchQuery(parse(query), from)).toMatchObject(expected);
	});

	it('leaves unset filters out rather than sending empty ones', () => {
		expect(toSearchQuery(parse(''), null).filters).toEqual({});
	});
});
