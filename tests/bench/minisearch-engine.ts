// Benchmark-only baseline: the same workshops in memory, searched with MiniSearch. It does what a
// careful in-process engine would do for Korean: words folded by korean.ts normalize(), indexed as
// jamo (so prefix search finds a half-typed syllable and fuzzy search forgives a jamo typo),
// initial consonants in their own field (ㅈㅇㄹ), glossary synonyms per query word, every query word
// required (like Meilisearch's matchingStrategy 'all'), filters as a callback, facets counted over
// all hits, geo by haversine. It never serves users; it only sets the bar for the Postgres engine.
import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch';
import { distanceKm } from '../../src/lib/domain/geo';
import { DEFAULT_GLOSSARY, expandQuery, synonymGroups } from '../../src/lib/domain/glossary';
import { initials, isInitialsQuery, normalize, toJamo, tokenize, typoBudget } from '../../src/lib/domain/korean';
import {
	FACETS,
	type Facet,
	type Hit,
	type SearchFilters,
	type SearchQuery,
	type SearchResult,
	type WorkshopDoc
} from '../../src/lib/server/search/port';

/** SearchEngine with a kind of its own: the port's kinds name the two real engines only. */
export interface BenchEngine {
	readonly kind: string;
	prepare(): Promise<void>;
	upsert(docs: WorkshopDoc[]): Promise<void>;
	remove(ids: string[]): Promise<void>;
	clear(): Promise<void>;
	search(query: SearchQuery): Promise<Omit<SearchResult, 'engine'> & { engine: string }>;
}

interface Match {
	idx: number;
	doc: WorkshopDoc;
	terms: string[];
}

interface Indexed {
	idx: number;
	name_ko: string;
	name_en: string;
	initials: string;
	processes: string;
	trade_name_ko: string;
	trade_name_en: string;
	materials: string;
	equipment: string;
	certifications: string;
	description_ko: string;
	description_en: string;
}

// By importance, as the Meilisearch engine orders its searchable attributes.
const BOOST: Record<string, number> = {
	name_ko: 6,
	name_en: 5,
	initials: 3,
	processes: 4,
	trade_name_ko: 3,
	trade_name_en: 2.5,
	materials: 2.5,
	equipment: 2,
	certifications: 1.5,
	description_ko: 1,
	description_en: 0.8
};
const TEXT_FIELDS = Object.keys(BOOST).filter((f) => f !== 'initials');
const HANGUL = /[\uac00-\ud7a3]/;
const PHRASES = (() => {
	const all = new Set(synonymGroups(DEFAULT_GLOSSARY).flat());
	return { all, longest: Math.max(1, ...[...all].map((p) => p.split(' ').length)) };
})();

/** Every tail of the initial consonants of the name and of each process (명가주얼리 → …, ㅈㅇㄹ), as the Postgres engine indexes them. */
function initialsOf(doc: WorkshopDoc): string {
	const out = new Set<string>();
	for (const text of [doc.name_ko, ...doc.processes]) {
		const all = initials(normalize(text)).replace(/ /g, '');
		if (all.length === 1) out.add(all);
		for (let i = 0; i + 2 <= all.length; i++) out.add(all.slice(i));
	}
	return [...out].join(' ');
}

function toIndexed(doc: WorkshopDoc, idx: number): Indexed {
	return {
		idx,
		name_ko: doc.name_ko,
		name_en: doc.name_en ?? '',
		initials: initialsOf(doc),
		processes: doc.processes.join(' \n '),
		trade_name_ko: doc.trade_name_ko,
		trade_name_en: doc.trade_name_en,
		materials: doc.materials.join(' \n '),
		equipment: doc.equipment.join(' \n '),
		certifications: doc.certifications.join(' \n '),
		description_ko: doc.description_ko,
		description_en: doc.description_en
	};
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Wraps each whitespace-separated word whose folded jamo form is a matched term in <mark>. */
function highlight(text: string, terms: Set<string>): string {
	if (terms.size === 0) return escapeHtml(text);
	return text
		.split(/(\s+)/)
		.map((word) => {
			if (!word.trim()) return word;
			const hit = tokenize(word).some((t) => terms.has(toJamo(t)));
			return hit ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word);
		})
		.join('');
}

/** The filters as one predicate, prepared once per query (a box test before the exact distance). */
function compileFilter(f: SearchFilters): (doc: WorkshopDoc) => boolean {
	const tests: ((doc: WorkshopDoc) => boolean)[] = [];
	const anyOf = (want: string[] | undefined, get: (d: WorkshopDoc) => string[]) => {
		if (want?.length) tests.push((d) => get(d).some((v) => want.includes(v)));
	};
	anyOf(f.clusters, (d) => d.clusters);
	anyOf(f.processes, (d) => d.processes);
	anyOf(f.materials, (d) => d.materials);
	if (f.trade_code?.length) tests.push((d) => f.trade_code!.includes(d.trade_code));
	if (f.district_ko?.length) tests.push((d) => f.district_ko!.includes(d.district_ko));
	if (f.verified !== undefined) tests.push((d) => d.verified === f.verified);
	if (f.master !== undefined) tests.push((d) => d.master === f.master);
	if (f.accepting_orders !== undefined) tests.push((d) => d.accepting_orders === f.accepting_orders);
	if (f.max_min_order !== undefined) tests.push((d) => d.min_order_units !== null && d.min_order_units <= f.max_min_order!);
	if (f.max_lead_time !== undefined) tests.push((d) => d.lead_time_days !== null && d.lead_time_days <= f.max_lead_time!);
	if (f.within) {
		const w = f.within;
		const dLat = w.radius_km / 111.2;
		const dLng = w.radius_km / (111.2 * Math.max(0.01, Math.cos((w.lat * Math.PI) / 180)));
		tests.push(
			(d) =>
				d.lat !== null &&
				d.lng !== null &&
				Math.abs(d.lat - w.lat) <= dLat &&
				Math.abs(d.lng - w.lng) <= dLng &&
				distanceKm(w, { lat: d.lat, lng: d.lng }) <= w.radius_km
		);
	}
	return (doc) => tests.every((t) => t(doc));
}

function facetValues(doc: WorkshopDoc, facet: Facet): string[] {
	const v = doc[facet];
	return Array.isArray(v) ? v : [String(v)];
}

/**
 * Facet values as small integers per document, so that counting over 300,000 hits is array
 * increments rather than string-keyed map updates: the fastest way to count by iterating hits.
 */
class FacetTable {
	readonly names: string[] = [];
	private readonly ids = new Map<string, number>();
	/** Per document: the value ids of this facet. */
	readonly byDoc: number[][] = [];
	set(idx: number, values: string[]): void {
		this.byDoc[idx] = values.map((v) => {
			let id = this.ids.get(v);
			if (id === undefined) {
				id = this.names.length;
				this.ids.set(v, id);
				this.names.push(v);
			}
			return id;
		});
	}
	count(idxs: Iterable<number>): { value: string; count: number }[] {
		const counts = new Int32Array(this.names.length);
		for (const idx of idxs) for (const id of this.byDoc[idx]) counts[id]++;
		const out: { value: string; count: number }[] = [];
		counts.forEach((count, id) => count && out.push({ value: this.names[id], count }));
		return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, 100);
	}
}

export function minisearchEngine(): BenchEngine {
	const docs: WorkshopDoc[] = [];
	const idxOf = new Map<string, number>();
	const facetTables = new Map<Facet, FacetTable>(FACETS.map((f) => [f, new FacetTable()]));
	const index = new MiniSearch<Indexed>({
		idField: 'idx',
		fields: Object.keys(BOOST),
		tokenize: (text) => tokenize(text),
		processTerm: (term) => toJamo(term),
		searchOptions: { boost: BOOST, tokenize: (text) => tokenize(text), processTerm: (term) => toJamo(term) }
	});

	/**
	 * Every query word (or glossary phrase: 'laser cutting', '선반 가공') required; each may instead be
	 * matched by one of its glossary synonyms. The last word is a prefix (as-you-type); words get a
	 * jamo typo budget (korean.ts typoBudget); Latin synonyms match as prefixes (sus → SUS304).
	 */
	function textQuery(q: string): Query {
		if (isInitialsQuery(q)) {
			return { combineWith: 'AND', fields: ['initials'], prefix: true, queries: q.split(' ').filter(Boolean) };
		}
		const words = tokenize(q);
		const segments: string[][] = [];
		for (let i = 0; i < words.length;) {
			let length = Math.min(PHRASES.longest, words.length - i);
			while (length > 1 && !PHRASES.all.has(words.slice(i, i + length).join(' '))) length--;
			segments.push(words.slice(i, i + length));
			i += length;
		}
		const phrase = (ws: string[], prefixLast: boolean, fuzzy: boolean): Query => ({
			combineWith: 'AND',
			queries: ws.map((w, j) => ({
				queries: [w],
				prefix: (prefixLast && j === ws.length - 1) || !HANGUL.test(w),
				fuzzy: (fuzzy && typoBudget(w)) || false
			}))
		});
		return {
			combineWith: 'AND',
			fields: TEXT_FIELDS,
			queries: segments.map((seg, i): Query => {
				const own = phrase(seg, i === segments.length - 1, true);
				const synonyms = expandQuery(seg, DEFAULT_GLOSSARY).map((s) => phrase(s.split(' '), false, false));
				return synonyms.length ? { combineWith: 'OR', queries: [own, ...synonyms] } : own;
			})
		};
	}

	function browse(passes: (doc: WorkshopDoc) => boolean): Match[] {
		// Without a query there is no relevance: featured, then verified first, as the real engines do
		// (three buckets in one pass instead of sorting every workshop).
		const buckets: Match[][] = [[], [], [], []];
		docs.forEach((doc, idx) => {
			if (doc && passes(doc)) buckets[(doc.featured ? 2 : 0) + (doc.verified ? 1 : 0)].push({ idx, doc, terms: [] });
		});
		return buckets.reverse().flat();
	}

	return {
		kind: 'minisearch',
		prepare: () => Promise.resolve(),
		upsert(batch) {
			for (const doc of batch) {
				const old = idxOf.get(doc.id);
				if (old !== undefined) index.discard(old);
				const idx = docs.length;
				docs.push(doc);
				idxOf.set(doc.id, idx);
				for (const [facet, table] of facetTables) table.set(idx, facetValues(doc, facet));
				index.add(toIndexed(doc, idx));
			}
			return Promise.resolve();
		},
		remove(ids) {
			for (const id of ids) {
				const idx = idxOf.get(id);
				if (idx === undefined) continue;
				index.discard(idx);
				idxOf.delete(id);
				// A hole, not a splice: the other documents keep their index numbers.
				// eslint-disable-next-line @typescript-eslint/no-array-delete
				delete docs[idx];
			}
			return Promise.resolve();
		},
		clear() {
			index.removeAll();
			docs.length = 0;
			idxOf.clear();
			for (const f of FACETS) facetTables.set(f, new FacetTable());
			return Promise.resolve();
		},
		search(query) {
			const q = normalize(query.q);
			let matches: Match[];
			const passes = compileFilter(query.filters);
			if (q === '') matches = browse(passes);
			else {
				const results: MiniResult[] = index.search(textQuery(q), {
					filter: (r) => passes(docs[r.id as number])
				});
				matches = results.map((r) => ({ idx: r.id as number, doc: docs[r.id as number], terms: r.terms }));
			}
			const from = query.from ?? query.filters.within;
			const distance = (d: WorkshopDoc) => (from && d.lat !== null && d.lng !== null ? distanceKm(from, { lat: d.lat, lng: d.lng }) : null);
			if (query.sort === 'distance' && from) {
				const keyed = matches.map((m) => ({ m, km: distance(m.doc) ?? Number.POSITIVE_INFINITY }));
				keyed.sort((a, b) => a.km - b.km);
				matches = keyed.map((k) => k.m);
			}
			const facets: SearchResult['facets'] = {};
			const idxs = matches.map((m) => m.idx);
			for (const facet of query.facets) facets[facet] = facetTables.get(facet)!.count(idxs);
			const start = (Math.max(1, query.page) - 1) * query.per_page;
			const hits: Hit[] = matches.slice(start, start + query.per_page).map(({ doc, terms }) => {
				const termSet = new Set(terms);
				return {
					doc,
					highlight: { name: highlight(doc.name_ko, termSet), description: highlight(doc.description_ko, termSet) },
					distance_km: distance(doc)
				};
			});
			return Promise.resolve({ hits, total: matches.length, facets, engine: 'minisearch' as const });
		}
	};
}
