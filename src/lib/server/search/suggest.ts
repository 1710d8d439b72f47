// What to offer when a search finds nothing: a corrected spelling that does find workshops, and how
// many the query finds without its filters. Runs only on empty results, so it costs nothing otherwise.
import { SPELLING_VARIANTS, isInitialsQuery, jamoDistance, normalize, tokenize, typoBudget } from '$lib/domain/korean';
import type { SearchQuery, SearchResult } from '$lib/server/search/port';
import { activeFilters, type SearchParams } from '$lib/search-params';
import type { Reference } from './reference';

export interface Suggestions {
	/** A respelling of the query (the words nearest to known trade words) that finds workshops. */
	didYouMean: { q: string; total: number; keepsFilters: boolean } | null;
	/** How many workshops the query finds with no filters at all, when filters are set and it finds some. */
	withoutFilters: number | null;
}

type Search = (query: SearchQuery) => Promise<SearchResult>;
/** Known word → the word to suggest for it (itself, or the standard spelling of a variant). */
export type Vocabulary = Map<string, string>;

const VOCABULARY_FACETS = ['processes', 'materials', 'district_ko'] as const;

/**
 * Words workshops are described with: the facet values of the whole index, the glossary, trade and
 * cluster names, and spelling variants (a near miss of 씨앤씨 suggests cnc). A respelling only ever
 * uses words from here, so it never invents one.
 */
async function vocabulary(search: Search, ref: Reference): Promise<Vocabulary> {
	const all = await search({ q: '', filters: {}, sort: 'relevance', page: 1, per_page: 1, facets: VOCABULARY_FACETS });
	const phrases = [
		...VOCABULARY_FACETS.flatMap((f) => (all.facets[f] ?? []).map((v) => v.value)),
		...ref.glossaryWords,
		...ref.trades.flatMap((t) => [t.name_ko, t.name_en]),
		...ref.clusters.flatMap((c) => [c.name_ko, c.name_en, c.district_ko])
	];
	const words: Vocabulary = new Map();
	for (const phrase of phrases) for (const word of tokenize(phrase)) if (word.length >= 2) words.set(word, word);
	for (const [variant, standard] of Object.entries(SPELLING_VARIANTS)) {
		if (!variant.includes(' ')) words.set(variant, normalize(standard));
	}
	return words;
}

/**
 * The known word nearest a typed one, a little beyond what the engine forgives; else a split into two
 * known words (레이저커팅 → 레이저 커팅); null when neither is there.
 */
export function nearestWord(word: string, words: Vocabulary): string | null {
	const exact = words.get(word);
	if (exact !== undefined) return exact;
	const budget = typoBudget(word) + 1;
	let best: string | null = null;
	let bestDistance = budget + 1;
	for (const [candidate, replacement] of words) {
		const d = jamoDistance(word, candidate, budget);
		if (d < bestDistance) {
			best = replacement;
			bestDistance = d;
		}
	}
	if (best !== null) return best;
	for (let i = 2; i <= word.length - 2; i++) {
		const head = words.get(word.slice(0, i));
		const tail = words.get(word.slice(i));
		if (head !== undefined && tail !== undefined) return `${head} ${tail}`;
	}
	return null;
}

/** The query respelled with known words; words with no near match are left out. Null when unchanged. */
export function respell(q: string, words: Vocabulary): string | null {
	const respelled = tokenize(q)
		.map((w) => nearestWord(w, words))
		.filter((w): w is string => w !== null);
	if (respelled.length === 0) return null;
	const text = respelled.join(' ');
	return text === normalize(q) ? null : text;
}

export async function suggest(params: SearchParams, query: SearchQuery, ref: Reference, search: Search): Promise<Suggestions> {
	const count = async (q: string, filters: SearchQuery['filters']) =>
		(await search({ ...query, q, filters, sort: 'relevance', page: 1, per_page: 1, facets: [] })).total;
	const hasFilters = activeFilters(params).length > 0;
	const withoutFilters = hasFilters ? (await count(query.q, {})) || null : null;

	let didYouMean: Suggestions['didYouMean'] = null;
	if (query.q.trim() && !isInitialsQuery(query.q)) {
		const q = respell(query.q, await vocabulary(search, ref));
		if (q) {
			const withFilters = await count(q, query.filters);
			if (withFilters > 0) didYouMean = { q, total: withFilters, keepsFilters: true };
			else if (hasFilters) {
				const total = await count(q, {});
				if (total > 0) didYouMean = { q, total, keepsFilters: false };
			}
		}
	}
	return { didYouMean, withoutFilters };
}
