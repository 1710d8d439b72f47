// Filters as SQL: list and flag filters as tsquery lexemes (see lexemes.ts), a radius as the grid cells
// around it, ranges and the rest as conditions on the row. Values go in through Params (sql.ts).
import type { SearchFilters } from '../port';
import {
	cellKm,
	cellLexeme,
	cellOf,
	EARTH_RADIUS_KM,
	FILTER_BOUNDS,
	filterLexeme,
	GEO_CELL_DEGREES,
	KM_PER_DEGREE,
	LNG_SCALE,
	type ListFilter
} from './lexemes';
import { finite, lexeme, type Params } from './sql';

/**
 * The cells covering a circle, as a tsquery; null beyond the largest. At the smallest level where a
 * cell is at least `1 / span` of the radius: span 4, about 6 × 6 cells that hug the circle (few rows
 * to check); span 1, at most 3 × 3 bigger ones. Each cell is one more entry the text index ORs for
 * every row it reads, so the coarse cover is cheaper where the rows read are few anyway: in a sample.
 */
export function cellsQuery(lat: number, lng: number, radiusKm: number, span = 4): string | null {
	const level = GEO_CELL_DEGREES.findIndex((_, l) => cellKm(l) * span >= radiusKm);
	if (level < 0) return null;
	const dLat = radiusKm / KM_PER_DEGREE;
	const dLng = radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
	const [y0, x0] = cellOf(level, lat - dLat, lng - dLng);
	const [y1, x1] = cellOf(level, lat + dLat, lng + dLng);
	const cells: string[] = [];
	for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) cells.push(lexeme(cellLexeme(level, [y, x])));
	return cells.join(' | ');
}

/** Great-circle distance in km from a point (two float8 literals) to the row's lat/lng, as domain/geo.ts. */
export const distanceSql = (lat: string, lng: string) =>
	`(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(lat - ${lat}) / 2), 2)
	  + cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lng - ${lng}) / 2), 2)))))`;

/** The filters that are lexemes (lists and flags) as a tsquery: values OR-ed within a facet, facets AND-ed. */
export function filterQuery(filters: SearchFilters, span = 4): string | null {
	const parts: string[] = [];
	for (const field of Object.keys(FILTER_BOUNDS) as ListFilter[]) {
		const values = filters[field];
		// Values cut as the indexed ones are; any number of them may be asked for.
		const wanted = new Set(values?.map((v) => v.slice(0, FILTER_BOUNDS[field][1])));
		if (wanted.size) parts.push(`(${[...wanted].map((v) => lexeme(filterLexeme(field, v))).join(' | ')})`);
	}
	for (const field of ['verified', 'master', 'accepting_orders'] as const) {
		const value = filters[field];
		if (value !== undefined && value !== COMMON_FLAG[field]) parts.push(lexeme(filterLexeme(field, String(value))));
	}
	if (filters.within) {
		const { lat, lng, radius_km } = filters.within;
		const cells = cellsQuery(finite(lat, 'lat'), finite(lng, 'lng'), Math.max(0, finite(radius_km, 'radius_km')), span);
		if (cells) parts.push(`(${cells})`);
	}
	return parts.length ? parts.join(' & ') : null;
}

/**
 * The value of each flag most workshops have. A filter on it selects most of the index: as a lexeme,
 * GIN walks its huge posting list for every slice (accepting orders: 80% of the index, 2.8 → 1.3 ms
 * for a slice); as a condition on the rows GIN found by the other terms, it costs next to nothing.
 */
const COMMON_FLAG = { verified: false, master: false, accepting_orders: true } as const;

/** The range filters, the common flag values (see COMMON_FLAG) and the key-fields scope as SQL conditions on the row. */
export function rangeSql(filters: SearchFilters, p: Params, keyWords: string | null = null): string {
	const where: string[] = [];
	for (const field of ['verified', 'master', 'accepting_orders'] as const) {
		if (filters[field] !== undefined && filters[field] === COMMON_FLAG[field]) where.push(COMMON_FLAG[field] ? field : `not ${field}`);
	}
	// Scope 'key': the words must be in the key fields too (key_tsv ⊂ tsv, so every path stays right).
	if (keyWords) where.push(`key_tsv @@ ${p.add(keyWords, 'tsquery')}`);
	if (filters.max_min_order !== undefined)
		where.push(`min_order_units <= ${p.add(finite(filters.max_min_order, 'max_min_order'), 'float8')}`);
	if (filters.max_lead_time !== undefined)
		where.push(`lead_time_days <= ${p.add(finite(filters.max_lead_time, 'max_lead_time'), 'float8')}`);
	if (filters.within) {
		const lat = finite(filters.within.lat, 'lat');
		const lng = finite(filters.within.lng, 'lng');
		const radius = Math.max(0, finite(filters.within.radius_km, 'radius_km'));
		// The cells around the circle are in filterQuery(); the exact distance decides here.
		where.push(`lat is not null and lng is not null`);
		where.push(`${distanceSql(p.add(lat, 'float8'), p.add(lng, 'float8'))} <= ${p.add(radius, 'float8')}`);
	}
	return where.length ? where.join(' and ') : 'true';
}

/** The box around a circle, in the geo index's plane. */
export function boxSql(lat: number, lng: number, radiusKm: number, p: Params): string {
	const dLat = radiusKm / KM_PER_DEGREE;
	const dLng = radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
	const corner = (y: number, x: number) => `point(${p.add(x * LNG_SCALE, 'float8')}, ${p.add(y, 'float8')})`;
	return `box(${corner(lat - dLat, lng - dLng)}, ${corner(lat + dLat, lng + dLng)})`;
}

/** tsqueries ANDed, nulls skipped; null when nothing is left. */
export function both(...queries: (string | null)[]): string | null {
	const present = queries.filter((q): q is string => q !== null);
	return present.length ? present.map((q) => `(${q})`).join(' & ') : null;
}
