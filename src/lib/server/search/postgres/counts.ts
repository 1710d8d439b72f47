// The statement that counts a search's matches and facet values, exactly or from a fixed sample, and
// the facet counts made of what it returns.
import type { Facet, SearchResult } from '../port';
import { both } from './filters';
import { FILTER_CODES, SAMPLE_BUCKETS, sampleLexeme } from './lexemes';
import { DOCS } from './pages';
import { integerLiteral, lexeme, type Params } from './sql';

/** Counts are exact up to about this many matches, and estimated from a sample of this size beyond. */
export const SAMPLE_TARGET = 3_000;
const MAX_VALUES_PER_FACET = 100;

export interface Counts {
	total: number;
	facets: SearchResult['facets'];
}

/**
 * The number of matches and the packed facet codes of all of them, concatenated (see the
 * facet_codes migration): the engine tallies the codes. Exact for up to about SAMPLE_TARGET matches;
 * beyond, counted over the first k sampling buckets (the largest power of two for which the matches
 * in bucket 0 times k stay within the target, so a sample holds half the target to all of it) and
 * scaled by SAMPLE_BUCKETS / k; none in bucket 0 counts all. The sample is fixed per document, so
 * the same query always shows the same numbers. Of the two branches, the one-time condition lets only
 * one run; the matched rows are read once, and each adds its codes to one string.
 * `probe` is the match with a radius's coarse cells, for the count of bucket 0 (see cellsQuery()).
 */
export function countsSql(
	match: string | null,
	where: string,
	target: number,
	p: Params,
	probe: string | null = null,
	exact = false
): string {
	// Known to be few lately (see counts()): every match, without the probe.
	if (exact) {
		return `select ${SAMPLE_BUCKETS} as k, count(*)::int as n, string_agg(facet_codes, '') as codes
			from ${DOCS} where ${match ? `tsv @@ ${p.add(match, 'tsquery')} and ` : ''}${where}`;
	}
	const firstBucket = p.add(both(probe ?? match, lexeme(sampleLexeme(1)))!, 'tsquery');
	const matches = match ? `tsv @@ ${p.add(match, 'tsquery')} and ` : '';
	const sampled = match ? `${p.add(match, 'tsquery')} && (select q from buckets)` : '(select q from buckets)';
	return `with first_bucket as (select count(*)::int as n from ${DOCS} where tsv @@ ${firstBucket} and ${where}),
		buckets as materialized (select k, quote_literal('#s' || k)::tsquery as q from (
			select case when n = 0 then ${SAMPLE_BUCKETS}
			            else least(${SAMPLE_BUCKETS}, power(2, floor(log(2, greatest(1, ${integerLiteral(target, 'target')}::numeric / n))))) end::int as k
			from first_bucket) b)
		select (select k from buckets) as k, count(*)::int as n, string_agg(facet_codes, '') as codes
		from (select facet_codes from ${DOCS} where (select k from buckets) = ${SAMPLE_BUCKETS} and ${matches}${where}
		      union all
		      select facet_codes from ${DOCS} where (select k from buckets) < ${SAMPLE_BUCKETS} and tsv @@ (${sampled}) and ${where}) m`;
}

/** The counts of the facets asked for, most frequent first (then by value), at most MAX_VALUES_PER_FACET each. */
export function facetCounts(
	total: number,
	tally: ReadonlyMap<number, number>,
	names: ReadonlyMap<number, string>,
	facets: readonly Facet[],
	scale: (n: number) => number
): Counts {
	const wanted = new Map(facets.map((facet) => [FILTER_CODES[facet], facet]));
	const found: Partial<Record<Facet, { value: string; count: number }[]>> = {};
	for (const [code, n] of tally) {
		const name = names.get(code);
		if (name === undefined) continue;
		const facet = wanted.get(name.slice(0, name.indexOf(':')) as (typeof FILTER_CODES)[Facet]);
		if (facet) (found[facet] ??= []).push({ value: name.slice(name.indexOf(':') + 1), count: n });
	}
	const facetsOut: SearchResult['facets'] = {};
	for (const facet of facets) {
		facetsOut[facet] = (found[facet] ?? [])
			.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
			.slice(0, MAX_VALUES_PER_FACET)
			.map(({ value, count }) => ({ value, count: scale(count) }));
	}
	return { total: scale(total), facets: facetsOut };
}
