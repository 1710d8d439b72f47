// The search page's state lives in its URL, so that a search can be shared, bookmarked and reloaded,
// and so that the page works without JavaScript (a GET form writes these same parameters).
// One parser for the page, the JSON endpoint and the browser: bad values are dropped, never thrown.
// Types only: the browser bundle may not import values from $lib/server.
import type { Facet, SearchFilters, SearchQuery } from '$lib/server/search/port';

export const PER_PAGE = 20;
/** Radii offered by the page; any positive radius up to MAX_RADIUS_KM is accepted from a URL. */
export const RADII_KM = [1, 3, 5, 10, 30] as const;
export const MAX_RADIUS_KM = 500;
const MAX_PAGE = 1000;
const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 100;
/** Every facet the page shows counts for (the port's FACETS, repeated here as the browser needs it). */
export const SEARCH_FACETS: readonly Facet[] = [
	'clusters',
	'trade_code',
	'processes',
	'materials',
	'district_ko',
	'verified',
	'master',
	'accepting_orders'
];

/** A place to measure distance from: a cluster (resolved to coordinates on the server) or a point. */
export type Near = { kind: 'cluster'; slug: string } | { kind: 'point'; lat: number; lng: number };

export interface SearchParams {
	q: string;
	cluster: string[];
	trade: string[];
	process: string[];
	material: string[];
	district: string[];
	verified: boolean;
	master: boolean;
	accepting: boolean;
	max_min_order: number | null;
	max_lead_time: number | null;
	/** undefined: not in the URL (a signed-in startup gets its own cluster); null: explicitly none. */
	near: Near | null | undefined;
	radius: number | null;
	sort: 'relevance' | 'distance';
	page: number;
	view: 'list' | 'map';
}

export const LIST_KEYS = ['cluster', 'trade', 'process', 'material', 'district'] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export const FLAG_KEYS = ['verified', 'master', 'accepting'] as const;
export type FlagKey = (typeof FLAG_KEYS)[number];

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const POINT = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/;

// Plain checks rather than a zod schema: this module runs in the browser on every search page, and
// zod would be most of that page's script. Each check takes the raw value (never null or empty) and
// answers the value or undefined, which the page treats as "not given".
type Check<T> = (raw: string) => T | undefined;

// A pasted essay is cut, not refused: the first 200 characters are still a useful query.
const text: Check<string> = (raw) => raw.trim().slice(0, 200).trim();
const listValue: Check<string> = (raw) => {
	const value = raw.trim();
	return value.length >= 1 && value.length <= MAX_VALUE_LENGTH ? value : undefined;
};
const flag: Check<true> = (raw) => (raw === '1' ? true : undefined);
// Number() as coercion: surrounding spaces are allowed, so are 1e3 and 0x10, as before with zod.
const positiveInt =
	(max: number): Check<number> =>
	(raw) => {
		const n = Number(raw);
		return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
	};
const minOrder = positiveInt(1_000_000_000);
const leadTime = positiveInt(3650);
const pageNumber = positiveInt(MAX_PAGE);
const radius: Check<number> = (raw) => {
	const n = Number(raw);
	return Number.isFinite(n) && n > 0 && n <= MAX_RADIUS_KM ? n : undefined;
};
const oneOf =
	<T extends string>(values: readonly T[]): Check<T> =>
	(raw) =>
		(values as readonly string[]).includes(raw) ? (raw as T) : undefined;
const sort = oneOf(['relevance', 'distance'] as const);
const view = oneOf(['list', 'map'] as const);

const valueOf = <T>(check: Check<T>, raw: string | null): T | undefined => (raw === null || raw === '' ? undefined : check(raw));

export function parseNear(raw: string): Near | undefined {
	const value = raw.trim();
	if (SLUG.test(value) && value.length <= 80) return { kind: 'cluster', slug: value };
	const point = POINT.exec(value);
	if (!point) return undefined;
	const lat = Number(point[1]);
	const lng = Number(point[2]);
	if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
	return { kind: 'point', lat, lng };
}

export function formatNear(near: Near): string {
	// Five decimals are about a metre: enough for a place, short enough for a URL.
	return near.kind === 'cluster' ? near.slug : `${+near.lat.toFixed(5)},${+near.lng.toFixed(5)}`;
}

/** The URL's search parameters as the page's state; unknown or malformed values are left out. */
export function parseSearchParams(sp: URLSearchParams): SearchParams {
	const list = (key: ListKey) => {
		const values = sp
			.getAll(key)
			.map((v) => valueOf(listValue, v))
			.filter((v): v is string => v !== undefined);
		return [...new Set(values)].slice(0, MAX_VALUES);
	};
	const nearRaw = sp.get('near');
	return {
		q: valueOf(text, sp.get('q')) ?? '',
		cluster: list('cluster').filter((slug) => SLUG.test(slug)),
		trade: list('trade'),
		process: list('process'),
		material: list('material'),
		district: list('district'),
		verified: valueOf(flag, sp.get('verified')) !== undefined,
		master: valueOf(flag, sp.get('master')) !== undefined,
		accepting: valueOf(flag, sp.get('accepting')) !== undefined,
		max_min_order: valueOf(minOrder, sp.get('max_min_order')) ?? null,
		max_lead_time: valueOf(leadTime, sp.get('max_lead_time')) ?? null,
		// An empty `near=` is the explicit "no place" of the form's select; a bad value counts as none.
		near: nearRaw === null ? undefined : (parseNear(nearRaw) ?? null),
		radius: valueOf(radius, sp.get('radius')) ?? null,
		sort: valueOf(sort, sp.get('sort')) ?? 'relevance',
		page: valueOf(pageNumber, sp.get('page')) ?? 1,
		view: valueOf(view, sp.get('view')) ?? 'list'
	};
}

export const DEFAULTS: SearchParams = parseSearchParams(new URLSearchParams());

/** The canonical URL parameters of a state: defaults left out, list values in a stable order. */
export function toURLSearchParams(params: SearchParams): URLSearchParams {
	const sp = new URLSearchParams();
	if (params.q.trim()) sp.set('q', params.q.trim());
	for (const key of LIST_KEYS) for (const value of params[key]) sp.append(key, value);
	for (const key of FLAG_KEYS) if (params[key]) sp.set(key, '1');
	if (params.max_min_order !== null) sp.set('max_min_order', String(params.max_min_order));
	if (params.max_lead_time !== null) sp.set('max_lead_time', String(params.max_lead_time));
	if (params.near === null) sp.set('near', '');
	else if (params.near) sp.set('near', formatNear(params.near));
	if (params.radius !== null) sp.set('radius', String(params.radius));
	if (params.sort !== 'relevance') sp.set('sort', params.sort);
	if (params.page > 1) sp.set('page', String(params.page));
	if (params.view !== 'list') sp.set('view', params.view);
	return sp;
}

/** `/search?…` for a state, optionally changed: `searchHref(params, { page: 2 })`. */
export function searchHref(params: SearchParams, change: Partial<SearchParams> = {}, path = '/search'): string {
	const query = toURLSearchParams({ ...params, ...change }).toString();
	return query ? `${path}?${query}` : path;
}

/** The filters a person set (not q, sort, page or view): what "remove filter" links are made of. */
export type ActiveFilter =
	| { key: ListKey; value: string }
	| { key: FlagKey }
	| { key: 'max_min_order' | 'max_lead_time'; value: number }
	| { key: 'radius'; value: number };

export function activeFilters(params: SearchParams): ActiveFilter[] {
	const active: ActiveFilter[] = [];
	for (const key of LIST_KEYS) for (const value of params[key]) active.push({ key, value });
	for (const key of FLAG_KEYS) if (params[key]) active.push({ key });
	if (params.max_min_order !== null) active.push({ key: 'max_min_order', value: params.max_min_order });
	if (params.max_lead_time !== null) active.push({ key: 'max_lead_time', value: params.max_lead_time });
	if (params.radius !== null && params.near) active.push({ key: 'radius', value: params.radius });
	return active;
}

/** The state without one filter, back on page 1. */
export function withoutFilter(params: SearchParams, filter: ActiveFilter): SearchParams {
	const next: SearchParams = { ...params, page: 1 };
	switch (filter.key) {
		case 'cluster':
		case 'trade':
		case 'process':
		case 'material':
		case 'district':
			next[filter.key] = params[filter.key].filter((v) => v !== filter.value);
			break;
		case 'verified':
		case 'master':
		case 'accepting':
			next[filter.key] = false;
			break;
		default:
			next[filter.key] = null;
	}
	return next;
}

/** The state with every filter removed (query, place, sort and view kept). */
export function withoutFilters(params: SearchParams): SearchParams {
	return { ...DEFAULTS, q: params.q, near: params.near, sort: params.sort, view: params.view };
}

/**
 * The engine's query for a state. `from` is the resolved place (a cluster's centre or the point);
 * without one, distance sorting and the radius cannot apply and are left out.
 */
export function toSearchQuery(params: SearchParams, from: { lat: number; lng: number } | null): SearchQuery {
	const filters: SearchFilters = {};
	if (params.cluster.length) filters.clusters = params.cluster;
	if (params.trade.length) filters.trade_code = params.trade;
	if (params.process.length) filters.processes = params.process;
	if (params.material.length) filters.materials = params.material;
	if (params.district.length) filters.district_ko = params.district;
	if (params.verified) filters.verified = true;
	if (params.master) filters.master = true;
	if (params.accepting) filters.accepting_orders = true;
	if (params.max_min_order !== null) filters.max_min_order = params.max_min_order;
	if (params.max_lead_time !== null) filters.max_lead_time = params.max_lead_time;
	if (from && params.radius !== null) filters.within = { lat: from.lat, lng: from.lng, radius_km: params.radius };
	return {
		q: params.q,
		filters,
		sort: from && params.sort === 'distance' ? 'distance' : 'relevance',
		...(from ? { from } : {}),
		page: params.page,
		per_page: PER_PAGE,
		facets: SEARCH_FACETS
	};
}
