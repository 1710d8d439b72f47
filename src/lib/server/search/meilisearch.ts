// Search engine on Meilisearch. Settings live here, in code, and are applied (and awaited) before any
// document is added. Korean needs help the engine does not give by itself, so each document carries
// derived fields: a normalised copy of its text (spelling variants folded, as queries are), the
// suffixes of its Korean compounds (Meilisearch matches words and word prefixes, and 주얼리 must be
// found inside 명가주얼리: a prefix of a suffix is any substring), its initial consonants (초성
// search, suffixes too), and its name and key words in jamo (typos Meilisearch cannot see in whole
// syllables, half-typed syllables).
import { Meilisearch, MeilisearchApiError, type Index, type Settings, type Task } from 'meilisearch';
import { distanceKm } from '$lib/domain/geo';
import { initials, isInitialsQuery, normalize, toJamo, tokenize } from '$lib/domain/korean';
import { productWordsOf } from '$lib/domain/products';
import { searchBoost } from './boost';
import type { Hit, SearchEngine, SearchFilters, SearchQuery, SearchResult, WorkshopDoc } from './port';

export interface MeilisearchConfig {
	url: string;
	apiKey: string | undefined;
	index: string;
}

export interface MeilisearchOptions {
	/** Glossary synonyms in Meilisearch's shape (word → words it should also find); normalised here. */
	synonyms: Readonly<Record<string, readonly string[]>>;
}

/** The fields of WorkshopDoc, retrieved and displayed; derived fields stay inside the index. */
const DOC_FIELDS = [
	'id',
	'slug',
	'name_ko',
	'name_en',
	'trade_code',
	'trade_name_ko',
	'trade_name_en',
	'clusters',
	'district_ko',
	'description_ko',
	'description_en',
	'processes',
	'equipment',
	'materials',
	'certifications',
	'verified',
	'master',
	'featured',
	'scorecard',
	'accepting_orders',
	'min_order_units',
	'lead_time_days',
	'employees',
	'lat',
	'lng',
	'thumb_path',
	'updated_at'
] as const satisfies readonly (keyof WorkshopDoc)[];
// Fails to compile when WorkshopDoc gains a field that DOC_FIELDS does not list.
const allFieldsListed: Exclude<keyof WorkshopDoc, (typeof DOC_FIELDS)[number]> extends never ? true : never = true;
void allFieldsListed;

/** A hit's document: the fields retrieved (DOC_FIELDS, every one WorkshopDoc has), one the index lacks as null. */
function docOf(hit: Partial<WorkshopDoc>): WorkshopDoc {
	const fields: Partial<Record<DocField, WorkshopDoc[DocField] | null>> = {};
	for (const f of DOC_FIELDS) fields[f] = hit[f] ?? null;
	return fields as WorkshopDoc;
}
type DocField = (typeof DOC_FIELDS)[number];

interface IndexedWorkshop extends WorkshopDoc {
	name_jamo: string;
	key_jamo: string;
	initials: string;
	text_norm: string[];
	parts: string;
	/** What the workshop's trade makes (귀걸이, earrings …), the least weighty searchable attribute. */
	products: string[];
	/** The tie-breakers (boost.ts: featured, verified, master, scorecard) as one number for `boost:desc`. */
	boost: number;
	_geo?: { lat: number; lng: number };
}

/** Tasks on a large index can take a while; a search must not wait that long (see SEARCH_TIMEOUT_MS). */
const TASK_TIMEOUT_MS = 120_000;
const SEARCH_TIMEOUT_MS = 3_000;
/** As in the PostgreSQL engine, so that both answer the same query the same way. */
/** The key fields, searched alone for scope 'key' (matching). */
const KEY_ATTRIBUTES = ['processes', 'trade_name_ko', 'trade_name_en', 'materials', 'equipment', 'certifications'] as const;
const MAX_PER_PAGE = 100;
/** Meilisearch's default order of its seven built-in rules, then the custom rule of the tie-breakers. */
export const RANKING_RULES = ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness', 'boost:desc'];
const MAX_QUERY_LENGTH = 200;

function settingsFor(synonyms: MeilisearchOptions['synonyms']): Settings {
	return {
		// By importance: a match in the name beats one in the trade, which beats one in the description.
		// Derived fields come last, so an exact spelling outranks a folded variant or a jamo near-miss.
		searchableAttributes: [
			'name_ko',
			'name_en',
			'initials',
			'processes',
			'trade_name_ko',
			'trade_name_en',
			'materials',
			'equipment',
			'certifications',
			'description_ko',
			'description_en',
			'text_norm',
			'parts',
			// What the trade makes, not what the profile says: below every field of the workshop's own text.
			'products',
			'name_jamo',
			'key_jamo'
		],
		// Facets, numbers and _geo. Fields only filtered on (clusters, trade code, district, flags, numbers)
		// are not searchable; ids and slugs are neither.
		filterableAttributes: [
			'clusters',
			'trade_code',
			'processes',
			'materials',
			'district_ko',
			'verified',
			'master',
			'accepting_orders',
			'min_order_units',
			'lead_time_days',
			'_geo'
		],
		sortableAttributes: ['_geo', 'boost'],
		displayedAttributes: [...DOC_FIELDS],
		// Meilisearch's documented default order of its built-in rules, then the tie-breakers (boost.ts:
		// featured, verified, master, scorecard), which so only ever order equally good matches (and the
		// placeholder search, where no relevance rule applies). `sort` (nearest first) orders matches
		// that are equally good by words, typos, proximity and attribute.
		rankingRules: RANKING_RULES,
		synonyms: normalizedSynonyms(synonyms),
		typoTolerance: {
			enabled: true,
			// Meilisearch counts characters, and a Hangul syllable is one character: most Korean words are
			// 2–4 syllables, so the default (one typo from 5 characters) would never forgive a typo in
			// Korean. One typo from 3 syllables (주얼라 → 주얼리). Not from 2: two syllables one syllable
			// apart are nearly always different words (인쇄/인장, 반지/반죽, 공방/공장), and with the last word
			// matched as a prefix 인쇄 would find 스테인리스; those typos go to the jamo fallback, which counts
			// jamo, as the PostgreSQL engine does. Two typos from 9, Meilisearch's default, which keeps
			// English trade words (lathe, shoes) as strict as usual. A typo on the first character costs
			// two, so 조얼리 → 주얼리 is also left to the jamo fallback (see search()).
			minWordSizeForTypos: { oneTypo: 3, twoTypos: 9 },
			// ㅈㅇㄹ one typo away from ㅈㅇㅁ is another word altogether; numbers (14K, 3D) are exact too.
			disableOnAttributes: ['initials'],
			disableOnNumbers: true
		},
		faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
		// `total` is exact up to this many hits; nobody pages further, and counting more costs time.
		pagination: { maxTotalHits: 10_000 }
	};
}

/** Synonyms as Meilisearch compares them: keys and values folded like the text and the query. */
function normalizedSynonyms(synonyms: MeilisearchOptions['synonyms']): Record<string, string[]> {
	const out: Record<string, Set<string>> = {};
	for (const [word, others] of Object.entries(synonyms)) {
		const key = normalize(word);
		if (!key) continue;
		for (const other of others) {
			const value = normalize(other);
			if (value && value !== key) (out[key] ??= new Set()).add(value);
		}
	}
	return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

const HANGUL_WORD = /^[\uac00-\ud7a3]+$/;
/** Descriptions may hold 4,000 characters; the first words say what matters (as in the Postgres engine). */
const MAX_DESCRIPTION_WORDS = 400;

/** Suffixes of two or more syllables of a Korean compound: 명가주얼리 → 가주얼리, 주얼리, 얼리. */
function suffixes(word: string): string[] {
	if (!HANGUL_WORD.test(word)) return [];
	const out: string[] = [];
	for (let i = 1; i + 2 <= word.length; i++) out.push(word.slice(i));
	return out;
}

/** The text's initial consonants without spaces, and every suffix of them: ㅈㅇㄹ is found in ㅁㄱㅈㅇㄹ. */
function initialsSuffixes(text: string): string[] {
	const out = new Set<string>();
	// As written too: 청원옵셋 is typed ㅊㅇㅇㅅ, though its folded spelling (청원오프셋) has five.
	for (const consonants of new Set([initials(normalize(text)), initials(text)].map((c) => c.replace(/ /g, '')))) {
		if (consonants.length === 1) out.add(consonants);
		for (let i = 0; i + 2 <= consonants.length; i++) out.add(consonants.slice(i));
	}
	return [...out];
}

function toIndexed(doc: WorkshopDoc): IndexedWorkshop {
	const names = [doc.name_ko, doc.name_en ?? ''].map((text) => tokenize(text));
	const keys = [doc.trade_name_ko, doc.trade_name_en, ...doc.processes, ...doc.materials, ...doc.equipment, ...doc.certifications].map(
		(text) => tokenize(text)
	);
	const described = [doc.description_ko, doc.description_en].map((text) => tokenize(text).slice(0, MAX_DESCRIPTION_WORDS));
	const jamo = (words: string[]) => [...new Set([...words, ...words.flatMap(suffixes)])].map(toJamo).join(' ');
	const indexed: IndexedWorkshop = {
		...doc,
		name_jamo: jamo(names[0]),
		key_jamo: jamo(keys.flat().filter((w) => HANGUL_WORD.test(w))),
		initials: [doc.name_ko, ...doc.processes].flatMap(initialsSuffixes).join(' '),
		text_norm: [...names, ...keys, ...described].map((words) => words.join(' ')).filter(Boolean),
		parts: [...new Set([...names, ...keys, described[0]].flat().flatMap(suffixes))].join(' '),
		products: [...new Set(productWordsOf(doc.trade_code).map(normalize))],
		boost: searchBoost(doc)
	};
	if (doc.lat !== null && doc.lng !== null) indexed._geo = { lat: doc.lat, lng: doc.lng };
	return indexed;
}

/** A string value for a Meilisearch filter: quoted, with `\` and `"` escaped (Meilisearch ≥ 1.4 rules). */
function filterValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function finite(value: number, name: string): number {
	if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
	return value;
}

/** SearchFilters as a Meilisearch filter: values OR-ed within a facet, facets AND-ed. */
export function filterExpression(filters: SearchFilters): string {
	const parts: string[] = [];
	for (const field of ['clusters', 'trade_code', 'processes', 'materials', 'district_ko'] as const) {
		const values = filters[field];
		if (values?.length) parts.push(`${field} IN [${values.map(filterValue).join(', ')}]`);
	}
	for (const field of ['verified', 'master', 'accepting_orders'] as const) {
		const value = filters[field];
		if (value !== undefined) parts.push(`${field} = ${value ? 'true' : 'false'}`);
	}
	if (filters.max_min_order !== undefined) parts.push(`min_order_units <= ${finite(filters.max_min_order, 'max_min_order')}`);
	if (filters.max_lead_time !== undefined) parts.push(`lead_time_days <= ${finite(filters.max_lead_time, 'max_lead_time')}`);
	if (filters.within) {
		const { lat, lng, radius_km } = filters.within;
		const meters = Math.round(Math.max(0, finite(radius_km, 'radius_km')) * 1000);
		parts.push(`_geoRadius(${finite(lat, 'lat')}, ${finite(lng, 'lng')}, ${meters})`);
	}
	return parts.join(' AND ');
}

// Sentinels instead of <mark>: Meilisearch does not escape HTML in _formatted, so its marks are read
// as positions and the text is escaped here.
const PRE = '\u0001';
const POST = '\u0002';
const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Range = [number, number];

/** Where Meilisearch marked the original text (typos and prefixes included), as offsets into it. */
function formattedRanges(formatted: unknown, original: string): Range[] {
	// Text that itself contains a sentinel cannot be trusted to say where marks are.
	if (typeof formatted !== 'string' || original.includes(PRE) || original.includes(POST)) return [];
	if (formatted.replaceAll(PRE, '').replaceAll(POST, '') !== original) return [];
	const ranges: Range[] = [];
	let at = 0;
	let start = -1;
	for (const c of formatted) {
		if (c === PRE) start = at;
		else if (c === POST && start >= 0) {
			ranges.push([start, at]);
			start = -1;
		} else at += c.length;
	}
	return ranges;
}

interface HighlightTerms {
	/** Folded words and synonyms of the query: Korean ones are marked inside compounds too. */
	words: string[];
	/** Initial-consonant queries (ㅈㅇㄹ): the syllables they stand for are marked. */
	initials: string[];
}

/** Hangul runs and runs of other letters, as normalize() splits them (CNC가공 → CNC, 가공). */
const TEXT_WORD = /[\uac00-\ud7a3\u3131-\u318e]+|(?:(?![\uac00-\ud7a3\u3131-\u318e])[\p{L}\p{N}\p{M}])+/gu;

/** Where the query's words sit inside compounds, which Meilisearch's word-level marks miss. */
function termRanges(text: string, terms: HighlightTerms): Range[] {
	const ranges: Range[] = [];
	for (const match of text.matchAll(TEXT_WORD)) {
		const [word] = match;
		const folded = normalize(word);
		if (folded.length !== word.length) continue; // offsets would not line up; Meilisearch's marks remain
		if (HANGUL_WORD.test(word)) {
			for (const term of terms.words) {
				if (!HANGUL_WORD.test(term) || term.length < 2) continue;
				for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + 1))
					ranges.push([match.index + i, match.index + i + term.length]);
			}
			const consonants = initials(word).replace(/ /g, '');
			for (const term of terms.initials) {
				for (let i = consonants.indexOf(term); i >= 0; i = consonants.indexOf(term, i + 1))
					ranges.push([match.index + i, match.index + i + term.length]);
			}
		}
	}
	return ranges;
}

/** The text HTML-escaped, with Meilisearch's marks and the query's words inside compounds in <mark>. */
function highlighted(formatted: unknown, original: string, terms: HighlightTerms = { words: [], initials: [] }): string {
	const ranges = [...formattedRanges(formatted, original), ...termRanges(original, terms)].sort((a, b) => a[0] - b[0]);
	const merged: Range[] = [];
	for (const [start, end] of ranges) {
		const last = merged.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else if (end > start) merged.push([start, end]);
	}
	let out = '';
	let done = 0;
	for (const [start, end] of merged) {
		out += `${escapeHtml(original.slice(done, start))}<mark>${escapeHtml(original.slice(start, end))}</mark>`;
		done = end;
	}
	return out + escapeHtml(original.slice(done));
}

/** The query's words and their synonyms (one to three words at a time, as glossary phrases go). */
function highlightTerms(q: string, synonyms: Record<string, string[]>): HighlightTerms {
	const words = tokenize(q);
	if (isInitialsQuery(q)) return { words: [], initials: words };
	const found = new Set(words);
	for (let i = 0; i < words.length; i++)
		for (let k = 1; k <= 3 && i + k <= words.length; k++)
			for (const synonym of synonyms[words.slice(i, i + k).join(' ')] ?? []) for (const w of synonym.split(' ')) found.add(w);
	return { words: [...found], initials: [] };
}

async function succeeded(task: Promise<Task>): Promise<Task> {
	const done = await task;
	if (done.status !== 'succeeded')
		throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? 'no reason given'}`);
	return done;
}

const errorCode = (e: unknown) => (e instanceof MeilisearchApiError ? (e.cause as { code?: string } | undefined)?.code : undefined);

const setLike = (v: unknown) => JSON.stringify([...((v as string[]) ?? [])].sort());
/** Whether the index already holds these settings (Meilisearch returns set-like lists sorted). */
function sameSettings(current: Settings, wanted: Settings): boolean {
	const synonyms = (s: Settings['synonyms']) =>
		JSON.stringify(
			Object.entries(s ?? {})
				.map(([k, v]) => [k, [...v].sort()])
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		);
	const subset = (have: unknown, want: unknown): boolean =>
		want !== null && typeof want === 'object' && !Array.isArray(want)
			? Object.entries(want).every(([k, v]) => subset((have as Record<string, unknown> | undefined)?.[k], v))
			: Array.isArray(want)
				? setLike(have) === setLike(want)
				: have === want;
	return (
		JSON.stringify(current.searchableAttributes) === JSON.stringify(wanted.searchableAttributes) &&
		JSON.stringify(current.rankingRules) === JSON.stringify(wanted.rankingRules) &&
		JSON.stringify(current.displayedAttributes) === JSON.stringify(wanted.displayedAttributes) &&
		setLike(current.filterableAttributes) === setLike(wanted.filterableAttributes) &&
		setLike(current.sortableAttributes) === setLike(wanted.sortableAttributes) &&
		synonyms(current.synonyms) === synonyms(wanted.synonyms) &&
		subset(current.typoTolerance, wanted.typoTolerance) &&
		subset(current.faceting, wanted.faceting) &&
		subset(current.pagination, wanted.pagination)
	);
}

export function meilisearchEngine(cfg: MeilisearchConfig, opts: MeilisearchOptions): SearchEngine {
	const client = new Meilisearch({ host: cfg.url, apiKey: cfg.apiKey, timeout: 30_000 });
	const index: Index<IndexedWorkshop> = client.index<IndexedWorkshop>(cfg.index);
	const wanted = settingsFor(opts.synonyms);
	const wait = { timeout: TASK_TIMEOUT_MS };
	let preparing: Promise<void> | undefined;

	/** Creates the index when it is missing; true when this call created it. */
	async function createIndex(): Promise<boolean> {
		try {
			await client.getRawIndex(cfg.index);
			return false;
		} catch (e) {
			if (errorCode(e) !== 'index_not_found') throw e;
		}
		const created = await client.createIndex(cfg.index, { primaryKey: 'id' }).waitTask(wait);
		// Another app instance may have created it in the meantime.
		if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists')
			throw new Error(`Meilisearch could not create index ${cfg.index}: ${created.error?.message}`);
		return created.status === 'succeeded';
	}

	async function applySettings(): Promise<void> {
		const created = await createIndex();
		// Re-applying unchanged settings would still enqueue work, and changing filterable attributes on
		// a full index reindexes everything: settings are only sent when they differ.
		if (!created && sameSettings(await index.getSettings(), wanted)) return;
		await succeeded(index.updateSettings(wanted).waitTask(wait));
	}

	async function request(query: SearchQuery, q: string, attributesToSearchOn?: string[], matchingStrategy: 'all' | 'last' = 'all') {
		// (scope 'key' passes KEY_ATTRIBUTES: matching wants the words in the key fields.)
		const from = query.from ?? (query.filters.within ? { lat: query.filters.within.lat, lng: query.filters.within.lng } : undefined);
		const filter = filterExpression(query.filters);
		return index.search(
			q,
			{
				filter: filter || undefined,
				facets: query.facets.length ? [...query.facets] : undefined,
				sort: query.sort === 'distance' && from ? [`_geoPoint(${finite(from.lat, 'lat')}, ${finite(from.lng, 'lng')}):asc`] : undefined,
				attributesToSearchOn,
				attributesToRetrieve: [...DOC_FIELDS],
				attributesToHighlight: ['name_ko', 'description_ko'],
				highlightPreTag: PRE,
				highlightPostTag: POST,
				matchingStrategy,
				page: Math.max(1, Math.floor(query.page) || 1),
				hitsPerPage: Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.per_page) || 1))
			},
			{ signal: AbortSignal.timeout(SEARCH_TIMEOUT_MS) }
		);
	}

	function prepare(): Promise<void> {
		preparing ??= applySettings().catch((e) => {
			preparing = undefined; // let the next call try again
			throw e;
		});
		return preparing;
	}

	return {
		kind: 'meilisearch',
		prepare,

		async upsert(docs) {
			if (docs.length === 0) return;
			await prepare();
			for (const batch of index.addDocumentsInBatches(docs.map(toIndexed), 1000, { primaryKey: 'id' }))
				await succeeded(batch.waitTask(wait));
		},

		async remove(ids) {
			if (ids.length === 0) return;
			await prepare();
			await succeeded(index.deleteDocuments(ids).waitTask(wait));
		},

		async clear() {
			await prepare();
			await succeeded(index.deleteAllDocuments().waitTask(wait));
		},

		async search(query): Promise<SearchResult> {
			const q = normalize(query.q.slice(0, MAX_QUERY_LENGTH));
			const key = query.scope === 'key';
			let response = isInitialsQuery(q)
				? await request(query, q, ['initials'])
				: await request(query, q, key ? [...KEY_ATTRIBUTES] : undefined);
			// Nothing found for Hangul: try the query as jamo against names and key words, which forgives a
			// typo in a two-syllable word (선밤 → 선반) or in a first syllable (조얼리), and finds a
			// half-typed last syllable (주얼ㄹ, 주어 → 주얼리).
			const jamoAttributes = key ? ['key_jamo'] : ['name_jamo', 'key_jamo'];
			const hangul = /[\uac00-\ud7a3]/.test(q);
			let asJamo = false;
			if (response.totalHits === 0 && hangul) {
				response = await request(query, toJamo(q), jamoAttributes);
				asJamo = response.totalHits > 0;
			}
			// The partial tier (not for scope 'key'): a query of several words is asked again with
			// matchingStrategy 'last', which lists the workshops with every word first and then those with
			// the query's first words only (dropping words from the end), as the PostgreSQL engine's partial
			// levels do; its total counts them all. The first request ('all') says whether any workshop
			// has every word, else whether the jamo reading (a typo) finds one.
			if (!key && tokenize(q).length > 1) {
				let loose = asJamo
					? await request(query, toJamo(q), jamoAttributes, 'last')
					: await request(query, q, isInitialsQuery(q) ? ['initials'] : undefined, 'last');
				if (loose.totalHits === 0 && hangul && !asJamo) loose = await request(query, toJamo(q), jamoAttributes, 'last');
				if (loose.totalHits > response.totalHits) response = loose;
			}

			const terms = highlightTerms(q, wanted.synonyms ?? {});
			const from = query.from ?? query.filters.within;
			const hits: Hit[] = response.hits.map((hit) => {
				const doc = docOf(hit);
				const geoDistance = (hit as { _geoDistance?: number })._geoDistance;
				return {
					doc,
					highlight: {
						name: highlighted(hit._formatted?.name_ko, doc.name_ko, terms),
						description: highlighted(hit._formatted?.description_ko, doc.description_ko, terms)
					},
					distance_km:
						geoDistance !== undefined
							? geoDistance / 1000
							: from && doc.lat !== null && doc.lng !== null
								? distanceKm(from, { lat: doc.lat, lng: doc.lng })
								: null
				};
			});
			const facets: SearchResult['facets'] = {};
			for (const facet of query.facets) {
				const counts = response.facetDistribution?.[facet] ?? {};
				facets[facet] = Object.entries(counts)
					.map(([value, count]) => ({ value, count }))
					.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
			}
			return { hits, total: response.totalHits, facets, engine: 'meilisearch' };
		}
	};
}
