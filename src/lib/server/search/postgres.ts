// Search engine on PostgreSQL, in the app's own database: the embedded default, and the fallback when
// Meilisearch is unreachable. Text is folded here with the same Korean rules as the queries
// (domain/korean.ts) and stored as 'simple' lexemes: words, syllable bigrams of Korean words (compounds
// have no spaces: 주얼리 must be found inside 명가주얼리, and a bigram index finds it without scanning)
// and initial consonants (초성). A query word found nowhere is corrected against the index's vocabulary
// in jamo with pg_trgm (주얼라 → 주얼리); glossary terms widen the query (jewelry → 주얼리, 귀금속).
//
// Ranking works like Meilisearch's attribute rule, in tiers: exact name, the query's own words in the
// name, in the key fields (trade, processes, materials, equipment, certifications), anywhere; then
// glossary and typo alternatives anywhere. Within a tier, featured and verified workshops come first.
// Tiers are split by that boost into slices read in rank order until the page is full, so a page costs the
// same whether 50 or 50,000 workshops match. Totals and facet counts are exact up to about
// SAMPLE_TARGET matches; above that they are estimated from a fixed sample of the index (every document
// carries one of SAMPLE_BUCKETS bucket lexemes), so a broad query never counts 300,000 rows.
import type { Sql } from 'postgres';
import { distanceKm } from '../../domain/geo';
import { expandQuery, synonymGroups, type GlossaryEntry } from '../../domain/glossary';
import { initials, isInitialsQuery, jamoDistance, normalize, toJamo, tokenize, typoBudget } from '../../domain/korean';
import { loadGlossary } from './documents';
import type { Facet, Hit, SearchEngine, SearchFilters, SearchQuery, SearchResult, WorkshopDoc } from './port';

export interface PostgresEngineOptions {
	/** A fixed glossary (tests); by default the engine reads public.search_synonyms, cached for 30 s. */
	glossary?: readonly GlossaryEntry[];
	/** Matches up to which counts are exact, and the size of the sample beyond (tests lower it). */
	sampleTarget?: number;
	/** Matches up to which a relevance page is ranked from one lookup (tests set 0: always the slices). */
	smallResult?: number;
	/**
	 * A pool whose connections already carry SEARCH_SETTINGS (as startup parameters, see poolWith() in
	 * the db module): searches then send each statement alone. Without it, each group of statements
	 * sets them in a transaction of its own: three more round trips (begin, set, commit), which cost a
	 * search of one or two statements about as much as the statements themselves.
	 */
	reader?: Sql;
	/**
	 * How long estimated counts are fresh, and how long past that a stale one is still answered while
	 * one search recounts it in the background (tests shorten both).
	 */
	estimates?: { freshMs: number; staleMs: number };
}

/**
 * Settings every search statement runs with. Every condition a search has is indexed: a
 * sequential scan only ever wins in the planner's estimate, where under a LIMIT a misjudged selectivity
 * makes it read (and decompress the vectors of) the whole table, seconds at 300,000 documents; with no
 * plan left but that, the disabled scan's cost must not set off JIT compilation either. Nor parallel
 * workers: starting them costs more than these statements, even for a branch a one-time condition
 * then skips.
 */
export const SEARCH_SETTINGS = {
	enable_seqscan: 'off',
	jit: 'off',
	max_parallel_workers_per_gather: '0',
	// Typo correction (pg_trgm's % on jamo): recall here, precision in correctionsFor(). One jamo wrong
	// in a 3-syllable word keeps 0.6 of the trigrams; 0.4 lets a wrong first syllable through
	// (조얼리 → 주얼리) and few unrelated words.
	'pg_trgm.similarity_threshold': '0.4'
} as const;

const GLOSSARY_TTL_MS = 30_000;
/** Each document falls in one of this many buckets (by a hash of its id), the unit of sampling. */
const SAMPLE_BUCKETS = 64;
/** Counts are exact up to about this many matches, and estimated from a sample of this size beyond. */
const SAMPLE_TARGET = 3_000;
/**
 * How long, and for how many searches, an engine keeps estimated counts: fresh for about 5 minutes
 * (each ±10%, so that estimates made together are not all counted again together); for an hour
 * after that, a search gets the last estimate while it is counted again in the background. A count
 * of a large result set takes ~7 ms alone and 20–60 ms among other searches (its sample is ~3,000 rows).
 */
const ESTIMATES_FRESH_MS = 5 * 60_000;
const ESTIMATES_STALE_MS = 60 * 60_000;
const ESTIMATES_CACHED = 500;
/** Estimates counted again in the background at once, at most: they take turns with searches, not cores. */
const RECOUNTS_AT_ONCE = 1;
/**
 * Exact counts are kept until the index changes (the search_index_changes migration notifies every
 * listening engine on commit), and at most this long, in case a notification is ever lost.
 */
const EXACT_COUNTS_MAX_MS = 5 * 60_000;
const INDEX_CHANNEL = 'search_index';
/** How long prepare() waits for its own test notification before it keeps no exact counts. */
const LISTEN_CHECK_MS = 2_000;
/**
 * How long an engine keeps a plan hint. Each is checked or renewed by the searches that use it and
 * never changes a result (tested), so a stale one costs a little time at most; a short life would
 * make every query asked again after a pause pay for what the engine had learned about it.
 */
const HINTS_TTL_MS = 10 * 60_000;
const MAX_VALUES_PER_FACET = 100;
/** Up to this many matches, a relevance page is ranked from one lookup of them all. */
const SMALL_RESULT = 300;
/** Matches in sampling bucket 0 up to which a query is tried as a small one (about 64 × this in all). */
const FEW_IN_FIRST_BUCKET = 6;
const MAX_PER_PAGE = 100;
const MAX_QUERY_LENGTH = 200;
/** Mean Earth radius (km), as in domain/geo.ts. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
/** Longitude scale of the geo index (see the migration): cos 36.87°. */
const LNG_SCALE = 0.8;

// ─── Text → lexemes ─────────────────────────────────────────────────────────────────────────────

const HANGUL_WORD = /^[\uac00-\ud7a3]+$/;
const INITIALS_WORD = /^[\u3131-\u314e]+$/;
/** Longer "words" are noise (serial numbers, URLs) and would only bloat the index. */
const MAX_WORD_LENGTH = 64;
/** Descriptions may hold 4,000 characters each; the first words say what matters. */
const MAX_DESCRIPTION_LEXEMES = 400;

/** Grade and model codes: letters, then a digit (sus304, skd11, a7075). */
const CODE_WORD = /^([a-z]{2,})\d/;

function addWord(word: string, out: Set<string>): void {
	if (word.length > MAX_WORD_LENGTH) return;
	if (HANGUL_WORD.test(word) && word.length > 2) {
		for (let i = 0; i + 2 <= word.length; i++) out.add(word.slice(i, i + 2));
	} else out.add(word);
	// A code's letters alone are a word too: sus304 is stainless steel, found by the glossary's 'sus'.
	const code = CODE_WORD.exec(word);
	if (code) out.add(code[1]);
}

/** Lexemes of a text. In key fields, Latin words also get their prefixes (see addPrefixes). */
function addText(text: string | null, out: Set<string>, { limit = Infinity, prefixes = false } = {}): void {
	for (const word of tokenize(text ?? '')) {
		if (out.size >= limit) return;
		addWord(word, out);
		if (prefixes) addPrefixes(word, out);
	}
}

const LATIN_WORD = /^[a-z][a-z0-9]*$/;
/** Marks a prefix lexeme; '~' never occurs in a folded word. */
const PREFIX_MARK = '~';

/**
 * Prefixes of a Latin word (jew~, jewe~, jewel~, jewelr~ for jewelry), so that the word a user is
 * still typing is an exact lookup: a prefix query (jewel:*) would read every posting of every word
 * that starts with it, which at 300,000 documents costs more than the rest of the search.
 */
function addPrefixes(word: string, out: Set<string>): void {
	if (!LATIN_WORD.test(word)) return;
	for (let n = 3; n < word.length; n++) out.add(word.slice(0, n) + PREFIX_MARK);
}

/**
 * Initial consonants (초성) of the text's Korean words run together, as every substring of 1 to 4
 * consonants: ㅈㅇㄹ is then found inside 명가주얼리 (ㅁㄱㅈㅇㄹ) by one exact lookup.
 */
function addInitials(text: string, out: Set<string>): void {
	const consonants = initials(normalize(text)).replace(/ /g, '');
	for (let length = 1; length <= 4; length++) {
		for (let i = 0; i + length <= consonants.length; i++) out.add(consonants.slice(i, i + length));
	}
}

/**
 * What a misspelt query word may be corrected to: parts of 2 to 4 syllables of the key fields'
 * Korean words (주얼리 out of 명가주얼리), and their Latin words long enough to carry a typo.
 */
function vocabulary(doc: WorkshopDoc): string[] {
	const fields = [
		doc.name_ko,
		doc.name_en ?? '',
		doc.trade_name_ko,
		doc.trade_name_en,
		...doc.processes,
		...doc.materials,
		...doc.equipment,
		...doc.certifications
	];
	const terms: string[] = [];
	for (const word of fields.flatMap((f) => tokenize(f))) {
		if (word.length > MAX_WORD_LENGTH) continue;
		if (HANGUL_WORD.test(word)) {
			for (let length = 2; length <= 4; length++) {
				for (let i = 0; i + length <= word.length; i++) terms.push(word.slice(i, i + length));
			}
		} else if (typoBudget(word) > 0) terms.push(word);
	}
	return terms;
}

const squash = (s: string) => s.replace(/ /g, '');

/**
 * What this code writes into a document's vectors, versioned: queries look up lexemes (filters,
 * cells, prefixes) that documents written by an older version lack. Raise it with every change to
 * indexRow(); prepare() then has the outbox worker rewrite the older documents.
 */
const INDEX_FORMAT = 5;
const FORMAT_LEXEME = `#f:${INDEX_FORMAT}`;

/** The sampling bucket of a document: FNV-1a of its id. '#' never occurs in a folded word. */
export function sampleBucket(id: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
	return (hash >>> 0) % SAMPLE_BUCKETS;
}
/**
 * A sample of the first k buckets (k a power of two up to SAMPLE_BUCKETS) is one lexeme, '#s<k>',
 * which every document of buckets 0 … k-1 carries: one exact lookup, where an OR of k bucket
 * lexemes would read the postings of k/64 of the index.
 */
const sampleLexeme = (buckets: number) => `#s${buckets}`;
function addSampleLexemes(id: string, out: Set<string>): void {
	const bucket = sampleBucket(id);
	for (let size = 1; size < SAMPLE_BUCKETS; size *= 2) if (bucket < size) out.add(sampleLexeme(size));
}
/** featured × 2 + verified, as a lexeme too, so the text indexes can serve one boost at a time. */
const BOOSTS = [3, 2, 1, 0] as const;
const boostOf = (doc: WorkshopDoc) => (doc.featured ? 2 : 0) + (doc.verified ? 1 : 0);
const boostLexeme = (boost: number) => `#b${boost}`;

/**
 * The filter columns are stored plain (see the migration), so they are bounded to keep a row within a
 * page (8 kB): at most 20 values of 40 characters per list, 8 clusters. Filters are bounded alike.
 */
const FILTER_BOUNDS = {
	clusters: [8, 60],
	trade_code: [1, 16],
	processes: [20, 40],
	materials: [20, 40],
	district_ko: [1, 60]
} as const satisfies Record<string, readonly [number, number]>;
type ListFilter = keyof typeof FILTER_BOUNDS;
const bounded = (field: ListFilter, values: readonly string[]) =>
	values.slice(0, FILTER_BOUNDS[field][0]).map((v) => v.slice(0, FILTER_BOUNDS[field][1]));

/**
 * Filter values as lexemes too ('#c:jongno-jewelry', '#v:true'): a filtered search is then one lookup
 * in one text index, which intersects postings far more cheaply than combining a second index.
 */
const FILTER_CODES = {
	clusters: 'c',
	trade_code: 't',
	processes: 'p',
	materials: 'm',
	district_ko: 'd',
	verified: 'v',
	master: 'r',
	accepting_orders: 'a'
} as const;
const filterLexeme = (field: keyof typeof FILTER_CODES, value: string) => `#${FILTER_CODES[field]}:${value.replace(/ /g, '_')}`;

function addFilterLexemes(doc: WorkshopDoc, out: Set<string>): void {
	for (const field of Object.keys(FILTER_BOUNDS) as ListFilter[]) {
		const values = bounded(field, ([] as string[]).concat(doc[field]));
		for (const value of values) out.add(filterLexeme(field, value));
	}
	for (const field of ['verified', 'master', 'accepting_orders'] as const) out.add(filterLexeme(field, String(doc[field])));
	out.add(boostLexeme(boostOf(doc)));
	if (doc.lat !== null && doc.lng !== null) {
		for (let level = 0; level < GEO_CELL_DEGREES.length; level++) out.add(cellLexeme(level, cellOf(level, doc.lat, doc.lng)));
	}
}

/**
 * Grid cells as lexemes, at sizes from about 0.55 km to 570 km (degrees of latitude; longitude scaled
 * by LNG_SCALE, so cells are near square): "near here" becomes a handful of exact lookups in the text
 * index, intersected with the words, instead of a second index that knows nothing of the words.
 */
const GEO_CELL_DEGREES = [0.005, 0.02, 0.08, 0.32, 1.28, 5.12];
const cellKm = (level: number) => GEO_CELL_DEGREES[level] * KM_PER_DEGREE;
const cellOf = (level: number, lat: number, lng: number): [number, number] => [
	Math.floor(lat / GEO_CELL_DEGREES[level]),
	Math.floor((lng * LNG_SCALE) / GEO_CELL_DEGREES[level])
];
const cellLexeme = (level: number, [y, x]: [number, number]) => `#g${level}:${y}:${x}`;

/**
 * The cells covering a circle, as a tsquery; null beyond the largest. At the smallest level where a
 * cell is at least `1 / span` of the radius: span 4, about 6 × 6 cells that hug the circle (few rows
 * to check); span 1, at most 3 × 3 bigger ones. Each cell is one more entry the text index ORs for
 * every row it reads, so the coarse cover is cheaper where the rows read are few anyway: in a sample.
 */
function cellsQuery(lat: number, lng: number, radiusKm: number, span = 4): string | null {
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

/** The document's facet values as '<code>:<value>' (see the facet_values migration), no repeats. */
function facetValues(doc: WorkshopDoc): string[] {
	const out = new Set<string>();
	for (const field of Object.keys(FILTER_BOUNDS) as ListFilter[]) {
		for (const value of bounded(field, ([] as string[]).concat(doc[field]))) out.add(`${FILTER_CODES[field]}:${value}`);
	}
	for (const field of ['verified', 'master', 'accepting_orders'] as const) out.add(`${FILTER_CODES[field]}:${doc[field]}`);
	return [...out];
}

/** Facet value codes (of public.search_facet_codes) packed as the index stores them: character U+code, past the surrogates. */
export function packCodes(codes: readonly number[]): string {
	return String.fromCodePoint(...codes.map((code) => (code < 0xd800 ? code : code + 0x800)));
}

/** How many times each code occurs in packed codes (see packCodes()). */
export function tallyCodes(packed: string | null): Map<number, number> {
	const counts = new Map<number, number>();
	if (!packed) return counts;
	for (let i = 0; i < packed.length; i++) {
		let point = packed.charCodeAt(i);
		if (point >= 0xd800 && point < 0xdc00) point = 0x10000 + ((point - 0xd800) << 10) + (packed.charCodeAt(++i) - 0xdc00);
		const code = point < 0xd800 ? point : point - 0x800;
		counts.set(code, (counts.get(code) ?? 0) + 1);
	}
	return counts;
}

export function indexRow(doc: WorkshopDoc) {
	const name = new Set<string>();
	addText(doc.name_ko, name, { prefixes: true });
	addText(doc.name_en, name, { prefixes: true });
	addInitials(doc.name_ko, name);
	// In the name's vector, and so in all three: every slice of a search is one index lookup.
	addFilterLexemes(doc, name);
	name.add(FORMAT_LEXEME);
	const key = new Set<string>();
	for (const text of [doc.trade_name_ko, doc.trade_name_en, ...doc.processes, ...doc.materials, ...doc.equipment, ...doc.certifications]) {
		addText(text, key, { prefixes: true });
	}
	for (const process of doc.processes) addInitials(process, key);
	const description = new Set<string>();
	addText(doc.description_ko, description, { limit: MAX_DESCRIPTION_LEXEMES });
	addText(doc.description_en, description, { limit: MAX_DESCRIPTION_LEXEMES });
	addSampleLexemes(doc.id, description);
	return {
		workshop_id: doc.id,
		doc,
		name_norm: squash(normalize(doc.name_ko)),
		name_en_norm: doc.name_en ? squash(normalize(doc.name_en)) : null,
		a: [...name],
		b: [...key],
		c: [...description],
		facet_values: facetValues(doc),
		verified: doc.verified,
		master: doc.master,
		featured: doc.featured,
		accepting_orders: doc.accepting_orders,
		min_order_units: doc.min_order_units,
		lead_time_days: doc.lead_time_days,
		lat: doc.lat,
		lng: doc.lng,
		boost: boostOf(doc)
	};
}

// ─── Query → tsquery ────────────────────────────────────────────────────────────────────────────

/** A tsquery operand: the lexeme quoted, with quotes and backslashes escaped. */
const lexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * How one query word is looked up in the lexemes indexRow() wrote: Korean words by their syllable
 * bigrams, initials by their 4-consonant pieces, other words exactly, or (the word still being typed,
 * `typing`) as a word or a prefix of a key-field word. A lone syllable is a prefix (금 → 금속, 금형),
 * unless the words are `complete` (matching's process names: 박 is foil stamping, not 박스).
 */
function wordQuery(word: string, typing: boolean, complete = false): string {
	const pieces = (size: number) => {
		const parts = new Set<string>();
		for (let i = 0; i + size <= word.length; i++) parts.add(lexeme(word.slice(i, i + size)));
		return parts.size === 1 ? [...parts][0] : `(${[...parts].join(' & ')})`;
	};
	if (HANGUL_WORD.test(word)) return word.length > 1 ? pieces(2) : complete ? lexeme(word) : `${lexeme(word)}:*`;
	if (INITIALS_WORD.test(word)) return word.length <= 4 ? lexeme(word) : pieces(4);
	return typing && LATIN_WORD.test(word) && word.length >= 3 ? `(${lexeme(word)} | ${lexeme(word + PREFIX_MARK)})` : lexeme(word);
}

const phraseQuery = (phrase: string[], typing = false, complete = false) =>
	phrase.length === 1
		? wordQuery(phrase[0], typing, complete)
		: `(${phrase.map((w, i) => wordQuery(w, typing && i === phrase.length - 1, complete)).join(' & ')})`;

/** A run of query words that is one glossary phrase (or one word), and what else it may match. */
interface Segment {
	words: string[];
	/** Glossary synonyms of the segment and typo corrections of its word, each a list of words. */
	alternatives: string[][];
}

export interface PlannedQuery {
	segments: Segment[];
	/** The query folded and without spaces, for the exact-name tier. */
	name: string;
	/** Only the query's own words. */
	strict: string;
	/** With synonyms and corrections. */
	full: string;
	/**
	 * `full` as its alternatives one by one (every choice of one alternative per segment, the query's
	 * own words left out), when there are 2 to MAX_ALTERNATIVES of them; otherwise null.
	 */
	alternatives: string[] | null;
	/** Known to match nothing (a word of it is nowhere in the index: the query was corrected). */
	strictEmpty?: boolean;
}

/** Above this many, a query's alternatives are looked up together (see relevanceStages()). */
const MAX_ALTERNATIVES = 8;

/** The glossary's phrases, per glossary (the engine keeps one for 30 s: worked out once, not per search). */
const phrasesOf = new WeakMap<readonly GlossaryEntry[], { phrases: Set<string>; longest: number }>();
function glossaryPhrases(glossary: readonly GlossaryEntry[]): { phrases: Set<string>; longest: number } {
	let known = phrasesOf.get(glossary);
	if (!known) {
		const phrases = new Set(synonymGroups(glossary).flat());
		known = { phrases, longest: Math.max(1, ...[...phrases].map((p) => p.split(' ').length)) };
		phrasesOf.set(glossary, known);
	}
	return known;
}

/** Splits the query into glossary phrases (longest first) and single words, with their synonyms. */
export function segment(words: readonly string[], glossary: readonly GlossaryEntry[]): Segment[] {
	const { phrases, longest } = glossaryPhrases(glossary);
	const segments: Segment[] = [];
	for (let i = 0; i < words.length;) {
		let length = Math.min(longest, words.length - i);
		while (length > 1 && !phrases.has(words.slice(i, i + length).join(' '))) length--;
		const own = words.slice(i, i + length);
		const extra = expandQuery(own, glossary).map((term) => term.split(' '));
		segments.push({ words: own, alternatives: extra });
		i += length;
	}
	return segments;
}

/** The alternatives of a segment that can add matches: one that holds all the words of another adds none. */
function distinctAlternatives(segment: Segment): string[][] {
	const all = [segment.words, ...segment.alternatives];
	const sets = all.map((words) => new Set(words));
	const covers = (j: number, i: number) => [...sets[j]].every((w) => sets[i].has(w));
	return all.filter((_, i) => !all.some((__, j) => j !== i && covers(j, i) && (sets[j].size < sets[i].size || j < i)));
}

export function plan(segments: Segment[], name: string, complete = false): PlannedQuery {
	// The last word may still be being typed (unless the words are complete): it also matches as a prefix.
	const typing = (i: number) => !complete && i === segments.length - 1;
	const strict = segments.map((s, i) => phraseQuery(s.words, typing(i), complete)).join(' & ');
	const perSegment = segments.map((s, i) =>
		distinctAlternatives(s).map((words) => phraseQuery(words, typing(i) && words === s.words, complete))
	);
	const full = perSegment.map((alternatives) => (alternatives.length > 1 ? `(${alternatives.join(' | ')})` : alternatives[0])).join(' & ');
	let alternatives: string[] | null = null;
	if (perSegment.reduce((n, a) => n * a.length, 1) <= MAX_ALTERNATIVES) {
		let combined = [''];
		for (const choices of perSegment) combined = combined.flatMap((c) => choices.map((choice) => (c ? `${c} & ${choice}` : choice)));
		combined = combined.filter((c) => c !== strict);
		if (combined.length > 0 && full !== strict) alternatives = combined;
	}
	return { segments, name, strict, full, alternatives };
}

// ─── Typo correction ────────────────────────────────────────────────────────────────────────────

/** The part of a vocabulary word closest to the query word: 주얼라 in 명가주얼리 → 주얼리 (1 jamo). */
function closestPart(word: string, term: string, budget: number): { text: string; distance: number } | null {
	let best: { text: string; distance: number } | null = null;
	const consider = (text: string) => {
		const distance = jamoDistance(word, text, budget);
		if (distance <= budget && (!best || distance < best.distance)) best = { text, distance };
	};
	if (HANGUL_WORD.test(word) && HANGUL_WORD.test(term)) {
		for (let length = Math.max(1, word.length - 1); length <= word.length + 1; length++) {
			for (let start = 0; start + length <= term.length; start++) consider(term.slice(start, start + length));
		}
	} else consider(term);
	return best;
}

/** The best corrections of a word among candidate terms: those at the smallest distance, at most 3. */
export function correctionsFor(word: string, candidates: Iterable<string>): string[] {
	const budget = typoBudget(word);
	if (budget === 0) return [];
	const found = new Map<string, number>();
	for (const term of candidates) {
		const part = closestPart(word, term, budget);
		if (part && part.text !== word) found.set(part.text, Math.min(part.distance, found.get(part.text) ?? Infinity));
	}
	const min = Math.min(...found.values());
	return [...found]
		.filter(([, d]) => d === min)
		.map(([t]) => t)
		.sort()
		.slice(0, 3);
}

// ─── Highlighting ───────────────────────────────────────────────────────────────────────────────

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Words of a text, Hangul and other scripts apart (CNC가공 → CNC, 가공), as normalize() splits them. */
const TEXT_WORD = /[\uac00-\ud7a3\u3131-\u318e]+|(?:(?![\uac00-\ud7a3\u3131-\u318e])[\p{L}\p{N}\p{M}])+/gu;

export interface HighlightTerms {
	/** Folded words to mark: Korean ones anywhere inside a word, others at the start of a word. */
	words: string[];
	/** Initial-consonant queries (ㅈㅇㄹ): the syllables they stand for are marked. */
	initials: string[];
}

/** The text HTML-escaped, with the places that match the query wrapped in <mark>. */
export function highlight(text: string, terms: HighlightTerms): string {
	const marks: [number, number][] = [];
	for (const match of text.matchAll(TEXT_WORD)) {
		const word = match[0];
		const at = match.index;
		const folded = normalize(word);
		const aligned = folded.length === word.length;
		for (const term of terms.words) {
			const anywhere = HANGUL_WORD.test(term) && term.length > 1;
			for (let i = folded.indexOf(term); i >= 0; i = anywhere ? folded.indexOf(term, i + 1) : -1) {
				if (!anywhere && i > 0) break;
				marks.push(aligned ? [at + i, at + i + term.length] : [at, at + word.length]);
			}
		}
		if (terms.initials.length && HANGUL_WORD.test(word)) {
			const consonants = initials(word).replace(/ /g, '');
			for (const term of terms.initials) {
				for (let i = consonants.indexOf(term); i >= 0; i = consonants.indexOf(term, i + 1)) marks.push([at + i, at + i + term.length]);
			}
		}
	}
	// Overlapping and touching marks become one.
	marks.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const [start, end] of marks) {
		const last = merged.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else merged.push([start, end]);
	}
	let out = '';
	let done = 0;
	for (const [start, end] of merged) {
		out += escapeHtml(text.slice(done, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
		done = end;
	}
	return out + escapeHtml(text.slice(done));
}

function highlightTerms(segments: Segment[]): HighlightTerms {
	const words = new Set<string>();
	const consonants = new Set<string>();
	for (const s of segments) {
		for (const word of [s.words, ...s.alternatives].flat()) (INITIALS_WORD.test(word) ? consonants : words).add(word);
	}
	return { words: [...words].sort((a, b) => b.length - a.length), initials: [...consonants] };
}

// ─── SQL ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The values of a statement built as text (search shapes vary with filters and tiers), written into
 * it as typed literals rather than bound as parameters. A tsquery bound as a parameter made PostgreSQL
 * re-check every row a bitmap scan yielded against it (reading each document's vector out of TOAST),
 * 5 to 10 times slower. And a statement with parameters costs postgres.js two round trips when it is
 * not prepared (it asks for the parameter types first), while these are never prepared: each is
 * planned for its own words (see session()).
 */
class Params {
	add(value: unknown, type: 'tsquery' | 'text' | 'float8'): string {
		if (type === 'tsquery') return tsqueryLiteral(String(value));
		if (type === 'text') return `${stringLiteral(String(value))}::text`;
		return `'${finite(Number(value), 'value')}'::float8`;
	}
}

/** A string as an escape-string literal: safe whatever standard_conforming_strings says. */
const stringLiteral = (text: string) =>
	`E'${text
		.replace(/\u0000/g, '')
		.replace(/\\/g, '\\\\')
		.replace(/'/g, "''")}'`;

/** A tsquery as a literal. */
export const tsqueryLiteral = (text: string) => `${stringLiteral(text)}::tsquery`;

function finite(value: number, name: string): number {
	if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
	return value;
}

/** Great-circle distance in km from a point (two parameters) to the row's lat/lng, as domain/geo.ts. */
const distanceSql = (lat: string, lng: string) =>
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
function rangeSql(filters: SearchFilters, p: Params, keyWords: string | null = null): string {
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
function boxSql(lat: number, lng: number, radiusKm: number, p: Params): string {
	const dLat = radiusKm / KM_PER_DEGREE;
	const dLng = radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
	const corner = (y: number, x: number) => `point(${p.add(x * LNG_SCALE, 'float8')}, ${p.add(y, 'float8')})`;
	return `box(${corner(lat - dLat, lng - dLng)}, ${corner(lat + dLat, lng + dLng)})`;
}

/** tsqueries ANDed, nulls skipped; null when nothing is left. */
function both(...queries: (string | null)[]): string | null {
	const present = queries.filter((q): q is string => q !== null);
	return present.length ? present.map((q) => `(${q})`).join(' & ') : null;
}

const DOCS = 'public.search_documents';

interface Counts {
	total: number;
	facets: SearchResult['facets'];
}

/** What a relevance page is looked up with; `where` makes the row conditions with a statement's own parameters. */
interface RelevanceLookup {
	planned: PlannedQuery | null;
	/** List and flag filters (and a radius's cells), as a tsquery. */
	filters: string | null;
	where: (p: Params) => string;
	keyScope: boolean;
	/** The match with a radius's coarse cells, for counting sampling bucket 0 (see cellsQuery()). */
	probe: string | null;
	/** The boosts a match can have: a verified filter rules out half of them (see boostOf()). */
	boosts: readonly number[];
}

/**
 * The stages of a relevance page, in rank order: one statement per tier (exact name with the first),
 * each a union of slices by boost; the caller runs them until the page is full. Tiers: the query's own
 * words in the name, the key fields, anywhere; then synonyms and corrections anywhere (scope 'key',
 * matching: the own words in the key fields, then synonyms and corrections there). PostgreSQL runs a
 * stage's slices in order and stops once enough rows came, so a broad query reads a few rows of its
 * first slices only. Within a slice the order is the table's (any workshop of the same tier and boost
 * is as good as another). The tiers nest (a name match is a key-field match is a match anywhere), so
 * each tier leaves out the workshops of the one before, and the exact names are left out of all: every
 * workshop is in one slice. A stage only runs when the ones before held fewer rows than the page
 * needs, so the rows it skips as belonging to an earlier tier are fewer than that.
 *
 * One statement per tier rather than one for all: planning a union of 17 slices took 2 to 5 ms, more
 * than running the few a broad query needs. Within a tier, private.search_slices() runs the slices
 * one by one, so that only those that run are planned.
 * A stage statement gets `need` (rows still wanted) and `skip` (of those, how many come before the
 * page: their documents are not read), and returns (workshop_id, doc) in rank order.
 */
function relevanceStages(look: RelevanceLookup): ((p: Params, need: number, skip: number) => string)[] {
	const { planned, filters, keyScope } = look;
	const tiers: [string, string | null][] = !planned
		? [['tsv', null]]
		: keyScope
			? [['key_tsv', planned.strict]]
			: [
					['name_tsv', planned.strict],
					['key_tsv', planned.strict],
					['tsv', planned.strict]
				];
	// A corrected query's own words are found nowhere: its alternatives are all there is to look up.
	if (planned?.strictEmpty && planned.full !== planned.strict) tiers.length = 0;
	if (planned && planned.full !== planned.strict) tiers.push([keyScope ? 'key_tsv' : 'tsv', planned.full]);
	return tiers.map(([column, words], i) => (p, need, skip) => {
		// The alternatives tier, one alternative at a time, each leaving out the ones before: an OR of
		// alternatives keeps the index from skipping through a broad word's postings (7 ms a slice for
		// laser cutting, where its first alternative alone takes 2.5 ms and fills the page).
		const parts = words === planned?.full && planned.full !== planned.strict && planned.alternatives ? planned.alternatives : [words];
		const where = look.where(p);
		const slices: string[] = [];
		let notNamed = '';
		if (planned && !keyScope) {
			const name = p.add(planned.name, 'text');
			if (i === 0) {
				const filtered = filters ? ` and name_tsv @@ ${p.add(filters, 'tsquery')}` : '';
				slices.push(`select workshop_id from ${DOCS} where (name_norm = ${name} or name_en_norm = ${name})${filtered} and ${where}
					order by boost desc, workshop_id`);
			}
			notNamed = ` and name_norm <> ${name} and name_en_norm is distinct from ${name}`;
		}
		const before = i > 0 ? ` and not (${tiers[i - 1][0]} @@ ${p.add(tiers[i - 1][1]!, 'tsquery')})` : '';
		for (const boost of look.boosts) {
			for (const [j, part] of parts.entries()) {
				const query = both(part, filters, lexeme(boostLexeme(boost)))!;
				const earlier =
					j > 0
						? ` and not (${column} @@ ${p.add(
								parts
									.slice(0, j)
									.map((q) => `(${q})`)
									.join(' | '),
								'tsquery'
							)})`
						: '';
				slices.push(
					`select workshop_id from ${DOCS} where ${column} @@ ${p.add(query, 'tsquery')}${before}${earlier}${notNamed} and ${where}`
				);
			}
		}
		// Run one by one, each planned only when its turn comes (see the search_slices migration).
		const list = `array[${slices.map((slice) => stringLiteral(slice.replace(/\s+/g, ' '))).join(', ')}]::text[]`;
		return `select f.workshop_id, case when f.i > ${skip} then d.doc end as doc
			from private.search_slices(${list}, ${need}) with ordinality as f(workshop_id, i)
			join ${DOCS} d using (workshop_id) order by f.i`;
	});
}

/**
 * Few matches (the usual case with a place or several filters): one lookup reads them all and ranks
 * them in the order the stages would, instead of up to 17 slices that each find little. The matches
 * in sampling bucket 0 (1/64 of the index, one rare lexeme: a cheap lookup) tell a broad query from a
 * narrow one before any lookup reads all the matches of a broad one. Returns whether the matches were
 * few (at most `small`), and if so how many and the documents of the page.
 */
function fewSql(look: RelevanceLookup, match: string, p: Params, offset: number, limit: number, small: number): string {
	const { planned } = look;
	const where = look.where(p);
	// The tier reads the vectors: only for the few.
	const tier = planned
		? `case when d.name_norm = ${p.add(planned.name, 'text')} or d.name_en_norm = ${p.add(planned.name, 'text')} then 0
			when d.name_tsv @@ ${p.add(planned.strict, 'tsquery')} then 1 when d.key_tsv @@ ${p.add(planned.strict, 'tsquery')} then 2
			when d.tsv @@ ${p.add(planned.strict, 'tsquery')} then 3 else 4 end`
		: '0';
	const inFirstBucket = p.add(both(look.probe ?? match, lexeme(sampleLexeme(1)))!, 'tsquery');
	return `with probe as (select count(*) as n from ${DOCS} where tsv @@ ${inFirstBucket} and ${where}),
		few as materialized (select workshop_id, boost, ctid as at from ${DOCS}
			where (select n from probe) <= ${FEW_IN_FIRST_BUCKET} and tsv @@ ${p.add(match, 'tsquery')} and ${where} limit ${small + 1}),
		counted as materialized (select (select n from probe) <= ${FEW_IN_FIRST_BUCKET} and count(*) <= ${small} as few from few),
		ranked as (select f.workshop_id, row_number() over (order by ${tier}, f.boost desc, case when ${tier} = 0 then f.workshop_id end, f.at) as ord
			from few f join ${DOCS} d using (workshop_id) where (select few from counted))
		select (select few from counted) as few, (select count(*)::int from few) as n,
		       coalesce((select json_agg(d.doc order by r.ord) from ranked r join ${DOCS} d using (workshop_id)
		                 where r.ord > ${offset} and r.ord <= ${offset + limit}), '[]'::json) as docs`;
}

/**
 * Ids of one nearest-first page. With nothing to look up in the text index, the geo index walks
 * outwards (KNN) and checks the remaining conditions row by row. Otherwise the cells of one level
 * around the point bound what the text index yields, which is then sorted exactly: the caller tries
 * growing levels until the page is full (`level` null: everything, and workshops without coordinates
 * last). A level only comes into play when the one below held too few matches, so each costs about
 * the same.
 */
function distancePageSql(
	from: { lat: number; lng: number },
	match: string | null,
	within: SearchFilters['within'] | null,
	where: string,
	level: number | null,
	p: Params,
	wanted: number
): string {
	const lat = p.add(finite(from.lat, 'lat'), 'float8');
	const lng = p.add(finite(from.lng, 'lng'), 'float8');
	const km = distanceSql(lat, lng);
	let located: string;
	if (match && level !== null) {
		const radius = cellKm(level);
		const near = both(match, cellsQuery(from.lat, from.lng, radius))!;
		located = `select workshop_id, ${km} as km, boost from ${DOCS}
			where tsv @@ ${p.add(near, 'tsquery')} and ${where} and lat is not null and lng is not null and ${km} <= ${p.add(radius, 'float8')}
			order by km, workshop_id limit ${wanted}`;
	} else if (match) {
		located = `select workshop_id, ${km} as km, boost from ${DOCS}
			where tsv @@ ${p.add(match, 'tsquery')} and ${where} and lat is not null and lng is not null
			order by km, workshop_id limit ${wanted}`;
	} else {
		// The index's plane is slightly flattened: a margin of candidates, then the exact distance. A
		// radius also bounds the walk (a box in the same index), or too few rows would mean walking it all.
		const x = p.add(from.lng * LNG_SCALE, 'float8');
		const box = within ? ` and point(lng * ${LNG_SCALE}, lat) <@ ${boxSql(within.lat, within.lng, within.radius_km, p)}` : '';
		located = `select workshop_id, ${km} as km, boost from (
			select workshop_id, lat, lng, boost from ${DOCS} where ${where} and lat is not null and lng is not null${box}
			order by point(lng * ${LNG_SCALE}, lat) <-> point(${x}, ${lat}) limit ${Math.ceil(wanted * 1.25) + 20}) near`;
	}
	// Only at the last step, and only read when the located ones do not fill the page. (A parameter
	// the statement does not use would have no type, hence the condition here too.)
	const unlocated =
		level === null
			? `union all (select workshop_id, null, boost from ${DOCS}
			   where (select count(*) from located) < ${wanted}
			     and ${match ? `tsv @@ ${p.add(match, 'tsquery')} and ` : ''}${where} and (lat is null or lng is null)
			   order by boost desc, workshop_id limit ${wanted})`
			: '';
	return `with located as (${located})
		select workshop_id, row_number() over (order by km nulls last, boost desc, workshop_id) as ord
		from (select * from located ${unlocated}) ranked order by ord limit ${wanted}`;
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
function countsSql(match: string | null, where: string, target: number, p: Params, probe: string | null = null, exact = false): string {
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
			            else least(${SAMPLE_BUCKETS}, power(2, floor(log(2, greatest(1, ${target}::numeric / n))))) end::int as k
			from first_bucket) b)
		select (select k from buckets) as k, count(*)::int as n, string_agg(facet_codes, '') as codes
		from (select facet_codes from ${DOCS} where (select k from buckets) = ${SAMPLE_BUCKETS} and ${matches}${where}
		      union all
		      select facet_codes from ${DOCS} where (select k from buckets) < ${SAMPLE_BUCKETS} and tsv @@ (${sampled}) and ${where}) m`;
}

/** The counts of the facets asked for, most frequent first (then by value), at most MAX_VALUES_PER_FACET each. */
function facetCounts(
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

// ─── The engine ─────────────────────────────────────────────────────────────────────────────────

const countsKey = (query: SearchQuery, planned: PlannedQuery | null) =>
	JSON.stringify([planned?.full ?? null, query.filters, [...query.facets].sort(), query.scope ?? 'all']);

/** With a radius, the words and filters with the radius's coarse cells (null without one). */
const coarseMatch = (query: SearchQuery, planned: PlannedQuery | null) =>
	query.filters.within ? both(planned?.full ?? null, filterQuery(query.filters, 1)) : null;

/** With scope 'key', the words (with synonyms and corrections) that the key fields must hold. */
const keyWords = (query: SearchQuery, planned: PlannedQuery | null) => (query.scope === 'key' && planned ? planned.full : null);

export function postgresEngine(sql: Sql, opts: PostgresEngineOptions = {}): SearchEngine {
	const sampleTarget = opts.sampleTarget ?? SAMPLE_TARGET;
	const smallResult = opts.smallResult ?? SMALL_RESULT;
	const { freshMs, staleMs } = opts.estimates ?? { freshMs: ESTIMATES_FRESH_MS, staleMs: ESTIMATES_STALE_MS };
	// Estimated counts (only ever of large result sets, ±2% anyway) for a short while: the page of
	// hits is always read fresh, and exact counts are never cached. Per engine, i.e. per process, and
	// public data only, the same for every user. Past `fresh`, the last estimate is answered while
	// one search counts it again in the background (stale-while-revalidate), so a query asked again
	// after a pause does not wait for the sample.
	const estimates = new Map<string, { counts: Counts; fresh: number; stale: number }>();
	const recounting = new Set<string>();
	// Bumped by clear(): a recount that started before must not bring back what it cleared.
	let generation = 0;
	// Exact counts, kept only while this engine hears of every change to the index (see prepare()):
	// a count is dropped by the next change, so it is what counting again would give.
	const exactCounts = new Map<string, { counts: Counts; until: number }>();
	let listening: Promise<boolean> | undefined;
	let hearsChanges = false;
	// Bumped by every change heard (and by clear()): a count that started before must not be kept.
	let changes = 0;
	function changed(): void {
		changes++;
		exactCounts.clear();
	}
	// Queries whose exact count lately came out above `smallResult`: their pages skip the few-matches
	// lookup (whose probe would only say "too many" again). A hint for the plan, never a result: both
	// ways give the same page (tested), so a stale hint costs time, not correctness.
	const manyMatches = new Map<string, number>();
	// Queries whose matches were lately few enough to count them all (at most `sampleTarget`): their
	// counts skip the sample probe that decides between counting and estimating. A plan hint too: a
	// stale one makes an exact count of what would have been estimated, and is dropped after it.
	const fewToCount = new Map<string, number>();
	// Queries whose own words (without their alternatives) lately matched more than `smallResult`: their
	// pages go straight to the tiers. A plan hint like the one above: either way gives the same page.
	const strictMany = new Map<string, number>();
	function remember(hints: Map<string, number>, key: string): void {
		hints.delete(key); // renewed entries move to the end: the oldest go first
		if (hints.size >= ESTIMATES_CACHED) hints.delete(hints.keys().next().value!);
		hints.set(key, Date.now() + HINTS_TTL_MS);
	}
	// The facet values of the codes this engine has met (the dictionary only grows, and a code's value
	// never changes): one entry per distinct facet value in the index.
	const facetValueOf = new Map<number, string>();
	// Nearest-first pages: the first level of cells around the point that held the whole page lately
	// (a plan hint: a higher level that holds the page gives the same page, only reads more).
	const fullLevel = new Map<string, { level: number; until: number }>();
	// Dropped by prepare() when its connections turn out not to carry SEARCH_SETTINGS.
	let reader = opts.reader;
	let glossary: { entries: readonly GlossaryEntry[]; expires: number } | undefined = opts.glossary
		? { entries: opts.glossary, expires: Infinity }
		: undefined;

	async function currentGlossary(): Promise<readonly GlossaryEntry[]> {
		if (!glossary || glossary.expires < Date.now()) {
			glossary = { entries: await loadGlossary(sql), expires: Date.now() + GLOSSARY_TTL_MS };
		}
		return glossary.entries;
	}

	/** Statements with SEARCH_SETTINGS: on the reader's connections as they are, else in a transaction that sets them. */
	function session<T>(fn: (query: <R>(text: string) => Promise<R[]>) => Promise<T>): Promise<T> {
		// Unnamed statements: planned with the actual tsquery and filters every time. A cached generic
		// plan cannot know whether a word matches 5 or 50,000 workshops, which decides the plan.
		const pool = reader;
		if (pool) return fn(<R>(text: string) => pool.unsafe(text, [], { prepare: false }) as unknown as Promise<R[]>);
		return sql.begin(async (tx) => {
			await tx.unsafe(
				Object.entries(SEARCH_SETTINGS)
					.map(([name, value]) => `set local ${name} = ${value}`)
					.join('; ')
			);
			return fn(<R>(text: string) => tx.unsafe(text, [], { prepare: false }) as unknown as Promise<R[]>);
		}) as Promise<T>;
	}

	function run<T>(text: string): Promise<T[]> {
		return session((query) => query<T>(text));
	}

	async function fetchDocs(pageSql: string): Promise<WorkshopDoc[]> {
		const [row] = await run<{ docs: WorkshopDoc[] }>(
			`with page as (${pageSql})
			select coalesce(json_agg(d.doc order by page.ord), '[]'::json) as docs from page join ${DOCS} d using (workshop_id)`
		);
		return row.docs;
	}

	async function fetchPage(query: SearchQuery, planned: PlannedQuery | null, offset: number, limit: number): Promise<WorkshopDoc[]> {
		const filters = filterQuery(query.filters);
		const from = query.from ?? query.filters.within;
		if (query.sort !== 'distance' || !from) {
			// A query whose counts were estimated lately matches too many for the one-lookup path.
			const key = countsKey(query, planned);
			const large = (estimates.get(key)?.stale ?? 0) > Date.now() || (manyMatches.get(key) ?? 0) > Date.now();
			const small = large || query.scope === 'key' ? 0 : smallResult;
			const look: RelevanceLookup = {
				planned,
				filters,
				where: (p) => rangeSql(query.filters, p, keyWords(query, planned)),
				keyScope: query.scope === 'key',
				probe: coarseMatch(query, planned),
				// A slice of a boost the filter rules out finds nothing, but still walks the index.
				boosts: BOOSTS.filter((b) => query.filters.verified === undefined || b % 2 === (query.filters.verified ? 1 : 0))
			};
			const match = both(planned?.full ?? null, filters);
			return session(async (run) => {
				if (small > 0 && match) {
					const p = new Params();
					const [few] = await run<{ few: boolean; docs: WorkshopDoc[] }>(fewSql(look, match, p, offset, limit, small));
					if (few.few) return few.docs;
				}
				const wanted = offset + limit;
				const docs: WorkshopDoc[] = [];
				let found = 0;
				let stages = relevanceStages(look);
				// Many matches with the alternatives, but maybe few (or none: an English word in a Korean
				// index, a variant spelling) with the query's own words: those are ranked from one lookup,
				// which stands for every tier but the alternatives (each empty tier costs a statement).
				const alternativesOnly = planned && !look.keyScope && !planned.strictEmpty && planned.full !== planned.strict;
				if (alternativesOnly && smallResult > 0 && (strictMany.get(key) ?? 0) < Date.now()) {
					const p = new Params();
					const [few] = await run<{ few: boolean; n: number; docs: WorkshopDoc[] }>(
						fewSql(look, both(planned.strict, filters)!, p, offset, limit, smallResult)
					);
					if (few.few) {
						docs.push(...few.docs);
						found = few.n;
						stages = stages.slice(-1);
					} else remember(strictMany, key);
				}
				for (const stage of stages) {
					if (found >= wanted) break;
					const p = new Params();
					const rows = await run<{ workshop_id: string; doc: WorkshopDoc | null }>(stage(p, wanted - found, Math.max(0, offset - found)));
					found += rows.length;
					for (const row of rows) if (row.doc) docs.push(row.doc);
				}
				return docs;
			});
		}
		// With words or list filters, the text index finds the matches: grow the area around the point
		// until the page is full (below a radius filter's own size). With a radius alone, the geo index
		// walks outwards and the radius is a check on each row.
		const within = query.filters.within;
		const match = both(planned?.full ?? null, filterQuery({ ...query.filters, within: undefined }));
		const levels: (number | null)[] = match
			? [...[...GEO_CELL_DEGREES.keys()].filter((l) => !within || cellKm(l) < within.radius_km), null]
			: [null];
		// Any level whose area holds the whole page gives the same page (what lies outside it is farther),
		// so a query starts at the level that was full last time: the levels below held too few.
		const key = JSON.stringify([countsKey(query, planned), from.lat, from.lng, offset + limit]);
		const start = (fullLevel.get(key)?.until ?? 0) > Date.now() ? fullLevel.get(key)!.level : 0;
		for (const [i, level] of levels.entries()) {
			if (i < start && level !== null) continue;
			const p = new Params();
			const bounded = level === null && match && within ? both(match, cellsQuery(within.lat, within.lng, within.radius_km)) : match;
			const docs = await fetchDocs(
				distancePageSql(from, bounded, within ?? null, rangeSql(query.filters, p, keyWords(query, planned)), level, p, offset + limit)
			);
			if (level === null || docs.length === offset + limit) {
				if (i > 0) {
					if (fullLevel.size >= ESTIMATES_CACHED) fullLevel.delete(fullLevel.keys().next().value!);
					fullLevel.set(key, { level: i, until: Date.now() + HINTS_TTL_MS });
				}
				return docs.slice(offset);
			}
		}
		return [];
	}

	/**
	 * Listens for changes to the index, and checks that a notification of its own comes back: through
	 * a transaction-mode pooler LISTEN seems to work but hears nothing, and counts kept then would
	 * never be dropped. On every (re)connection, all kept counts go (changes may have been missed).
	 */
	async function listenForChanges(): Promise<boolean> {
		const probe = `probe:${Math.random().toString(36).slice(2)}`;
		let heard: () => void = () => {};
		const back = new Promise<boolean>((resolve) => {
			heard = () => resolve(true);
			setTimeout(() => resolve(false), LISTEN_CHECK_MS).unref?.();
		});
		try {
			const listener = await sql.listen(
				INDEX_CHANNEL,
				(payload) => {
					changed();
					if (payload === probe) heard();
				},
				changed
			);
			await sql`select pg_notify(${INDEX_CHANNEL}, ${probe})`;
			if (await back) return true;
			await listener.unlisten();
			console.warn('[search] no notification came back on %s: exact counts are counted every time', INDEX_CHANNEL);
		} catch (e) {
			console.warn('[search] cannot listen on %s (%s): exact counts are counted every time', INDEX_CHANNEL, (e as Error).message);
		}
		return false;
	}

	/** The values of facet codes, from the dictionary (read once per code: codes are never reused). */
	async function facetNames(codes: Iterable<number>): Promise<ReadonlyMap<number, string>> {
		const missing = [...codes].filter((code) => !facetValueOf.has(code));
		if (missing.length) {
			const rows = await sql<{ code: number; value: string }[]>`
				select code, value from public.search_facet_codes where code = any(${missing}::int[])`;
			for (const { code, value } of rows) facetValueOf.set(code, value);
		}
		return facetValueOf;
	}

	async function counts(query: SearchQuery, planned: PlannedQuery | null): Promise<Counts> {
		const key = countsKey(query, planned);
		const cached = estimates.get(key);
		const now = Date.now();
		if (cached && cached.fresh > now) return cached.counts;
		const exact = hearsChanges ? exactCounts.get(key) : undefined;
		if (exact && exact.until > now) return exact.counts;
		if (cached && cached.stale > now) {
			if (!recounting.has(key) && recounting.size < RECOUNTS_AT_ONCE) {
				recounting.add(key);
				// A failed recount leaves the estimate as it was: the next search past `fresh` tries again,
				// and past `stale` a search counts (and fails) in its own time.
				void count(query, planned, key).then(
					() => recounting.delete(key),
					() => recounting.delete(key)
				);
			}
			return cached.counts;
		}
		return count(query, planned, key);
	}

	async function count(query: SearchQuery, planned: PlannedQuery | null, key: string): Promise<Counts> {
		const started = generation;
		const seen = changes;
		const p = new Params();
		const match = both(planned?.full ?? null, filterQuery(query.filters));
		const fewLately = (fewToCount.get(key) ?? 0) > Date.now();
		const [row] = await run<{ k: number; n: number; codes: string | null }>(
			countsSql(match, rangeSql(query.filters, p, keyWords(query, planned)), sampleTarget, p, coarseMatch(query, planned), fewLately)
		);
		const tally = tallyCodes(row.codes);
		const names = await facetNames(tally.keys());
		if (row.k >= SAMPLE_BUCKETS || row.n === 0) {
			const exact = facetCounts(row.n, tally, names, query.facets, (n) => n);
			if (exact.total > smallResult) {
				remember(manyMatches, key);
			} else manyMatches.delete(key);
			if (exact.total <= sampleTarget) remember(fewToCount, key);
			else fewToCount.delete(key);
			estimates.delete(key); // fewer now than an estimate is for
			if (hearsChanges && seen === changes) {
				exactCounts.delete(key);
				if (exactCounts.size >= ESTIMATES_CACHED) exactCounts.delete(exactCounts.keys().next().value!);
				exactCounts.set(key, { counts: exact, until: Date.now() + EXACT_COUNTS_MAX_MS });
			}
			return exact;
		}
		const estimate = facetCounts(row.n, tally, names, query.facets, (n) => Math.round((n * SAMPLE_BUCKETS) / row.k));
		if (started === generation) {
			estimates.delete(key); // renewed entries move to the end: the oldest go first
			if (estimates.size >= ESTIMATES_CACHED) estimates.delete(estimates.keys().next().value!);
			const now = Date.now();
			const fresh = now + Math.round(freshMs * (0.9 + Math.random() * 0.2));
			estimates.set(key, { counts: estimate, fresh, stale: fresh + staleMs });
		}
		return estimate;
	}

	/** Corrections of query words found nowhere in the index: vocabulary in jamo, then glossary terms. */
	async function correct(segments: Segment[], terms: readonly GlossaryEntry[]): Promise<Segment[] | null> {
		const words = segments
			.filter((s) => s.words.length === 1 && !INITIALS_WORD.test(s.words[0]) && typoBudget(s.words[0]) > 0)
			.map((s) => s.words[0]);
		if (words.length === 0) return null;
		// One statement: per word, whether the index holds it at all (each with its own tsquery, so each
		// is a GIN lookup), and for a word it does not, similar vocabulary words by the trigrams of their
		// jamo (threshold in SEARCH_SETTINGS).
		const p = new Params();
		const asked = words.map((word) => {
			const query = plan(
				segments.filter((s) => s.words.length === 1 && s.words[0] === word),
				word
			).full;
			return `(${p.add(word, 'text')}, ${p.add(toJamo(word), 'text')}, exists (select 1 from ${DOCS} where tsv @@ ${p.add(query, 'tsquery')}))`;
		});
		const rows = await run<{ word: string; terms: string[] | null }>(
			`select q.word,
			        case when not q.found then
			          array(select t.term from public.search_terms t where t.jamo operator(extensions.%) q.jamo
			                order by extensions.similarity(t.jamo, q.jamo) desc limit 30) end as terms
			 from (values ${asked.join(', ')}) as q(word, jamo, found)`
		);
		if (rows.every((row) => row.terms === null)) return null;
		const glossaryWords = synonymGroups(terms)
			.flat()
			.filter((t) => !t.includes(' '));
		let changed = false;
		const corrected = segments.map((s) => {
			const row = rows.find((r) => s.words.length === 1 && r.word === s.words[0]);
			if (!row?.terms) return s;
			const fixes = correctionsFor(row.word, [...row.terms, ...glossaryWords]);
			if (fixes.length === 0) return s;
			changed = true;
			const alternatives = fixes.flatMap((fix) => [[fix], ...expandQuery([fix], terms).map((t) => t.split(' '))]);
			return { words: s.words, alternatives };
		});
		return changed ? corrected : null;
	}

	async function searchPlanned(query: SearchQuery, planned: PlannedQuery | null): Promise<{ docs: WorkshopDoc[]; counts: Counts }> {
		const page = Math.max(1, Math.floor(query.page) || 1);
		const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.per_page) || 1));
		if (query.documentsOnly && query.facets.length === 0) {
			const docs = await fetchPage(query, planned, (page - 1) * perPage, perPage);
			return { docs, counts: { total: docs.length, facets: {} } };
		}
		// Two statements on two connections at once: the page and the counts do not depend on each other.
		const [docs, found] = await Promise.all([fetchPage(query, planned, (page - 1) * perPage, perPage), counts(query, planned)]);
		return { docs, counts: found };
	}

	return {
		kind: 'postgres',

		async prepare() {
			// The index is the migration's; settings here are the glossary, read again on every prepare
			// (the outbox worker calls it when managers change the glossary).
			if (!opts.glossary) glossary = undefined;
			await currentGlossary();
			listening ??= listenForChanges();
			hearsChanges = await listening;
			// A connection pooler may drop startup parameters, or refuse them: then each search sets them.
			if (reader) {
				const why = await reader
					.unsafe<{ seqscan: string }[]>(`select current_setting('enable_seqscan') as seqscan`)
					.then(([row]) => (row.seqscan === 'off' ? null : `enable_seqscan is ${row.seqscan}`))
					.catch((e: Error) => e.message);
				if (why) {
					console.warn('[search] the search pool does not keep its settings (%s): setting them per search', why);
					reader = undefined;
				}
			}
			// Documents an older version of this engine wrote are queued for the outbox worker, which
			// rewrites them from the tables while search keeps answering (two counts when all is current).
			const format = lexeme(FORMAT_LEXEME);
			const [{ stale }] = await sql<{ stale: boolean }[]>`
				select (select count(*) from public.search_documents)
				     > (select count(*) from public.search_documents where name_tsv @@ ${format}::tsquery) as stale`;
			if (!stale) return;
			const queued = await sql`
				insert into public.outbox (topic, key)
				select 'workshop.changed', d.workshop_id::text from public.search_documents d
				where not (d.name_tsv @@ ${format}::tsquery)
				  and not exists (select 1 from public.outbox o
				                  where o.topic = 'workshop.changed' and o.key = d.workshop_id::text and o.processed_at is null)`;
			console.info('[search] %d documents from an older index format queued for rewriting', queued.count);
		},

		async upsert(docs) {
			if (docs.length === 0) return;
			// One order for every writer, so concurrent workers never deadlock on the same rows.
			const rows = [...new Map(docs.map((d) => [d.id, indexRow(d)])).values()].sort((a, b) => (a.workshop_id < b.workshop_id ? -1 : 1));
			const terms = [...new Set(docs.flatMap(vocabulary))].sort();
			// Codes for the facet values, new ones added first in their own statement: a code that ends up
			// unused (the write below failed) costs a dictionary row, never a wrong count.
			const values = [...new Set(rows.flatMap((r) => r.facet_values))].sort();
			const coded = await sql<{ code: number; value: string }[]>`
				with added as (
					insert into public.search_facet_codes (value) select unnest(${values}::text[])
					on conflict (value) do nothing returning code, value)
				select code, value from added
				union all
				select code, value from public.search_facet_codes where value = any(${values}::text[])`;
			// A value another writer added while this statement waited on it is in neither half (the
			// statement's snapshot is older): read again.
			const codeOf = new Map(coded.map(({ code, value }) => [value, code]));
			const late = values.filter((value) => !codeOf.has(value));
			if (late.length) {
				for (const { code, value } of await sql<{ code: number; value: string }[]>`
					select code, value from public.search_facet_codes where value = any(${late}::text[])`)
					codeOf.set(value, code);
			}
			for (const [value, code] of codeOf) facetValueOf.set(code, value);
			const written = rows.map(({ facet_values, ...row }) => ({
				...row,
				facet_codes: packCodes(facet_values.map((value) => codeOf.get(value)!))
			}));
			await sql.begin(async (tx) => {
				await tx`
					insert into public.search_documents as d (workshop_id, doc, name_norm, name_en_norm, tsv, key_tsv, name_tsv,
						facet_codes, verified, master, featured, accepting_orders,
						min_order_units, lead_time_days, lat, lng, boost, indexed_at)
					select r.workshop_id, r.doc, r.name_norm, r.name_en_norm,
					       array_to_tsvector(r.a || r.b || r.c), array_to_tsvector(r.a || r.b), array_to_tsvector(r.a),
					       r.facet_codes, r.verified, r.master, r.featured,
					       r.accepting_orders, r.min_order_units, r.lead_time_days, r.lat, r.lng, r.boost, now()
					from jsonb_to_recordset(${tx.json(written as never)}::jsonb) as r(workshop_id uuid, doc jsonb, name_norm text,
						name_en_norm text, a text[], b text[], c text[], facet_codes text, verified boolean, master boolean, featured boolean,
						accepting_orders boolean, min_order_units int, lead_time_days int, lat float8, lng float8, boost smallint)
					on conflict (workshop_id) do update set
						doc = excluded.doc, name_norm = excluded.name_norm, name_en_norm = excluded.name_en_norm,
						tsv = excluded.tsv, key_tsv = excluded.key_tsv, name_tsv = excluded.name_tsv,
						facet_codes = excluded.facet_codes, verified = excluded.verified,
						master = excluded.master, featured = excluded.featured, accepting_orders = excluded.accepting_orders,
						min_order_units = excluded.min_order_units, lead_time_days = excluded.lead_time_days,
						lat = excluded.lat, lng = excluded.lng, boost = excluded.boost, indexed_at = excluded.indexed_at`;
				if (terms.length) {
					await tx`
						insert into public.search_terms (term, jamo)
						select * from unnest(${terms}::text[], ${terms.map(toJamo)}::text[])
						on conflict (term) do nothing`;
				}
			});
			// New index entries wait in the text indexes' pending lists, which every search reads whole:
			// merged now, in bulk (see the settle_search_index migration).
			await sql`select private.settle_search_index()`;
			changed(); // its own writes: known before their notification comes
		},

		async remove(ids) {
			if (ids.length === 0) return;
			await sql`delete from public.search_documents where workshop_id = any(${[...ids]}::uuid[])`;
			changed();
		},

		async clear() {
			// Not the facet codes: an engine elsewhere may hold them, and they never change meaning.
			await sql`truncate public.search_documents, public.search_terms`;
			generation++;
			changed();
			estimates.clear();
			manyMatches.clear();
			strictMany.clear();
			fewToCount.clear();
			fullLevel.clear();
		},

		async search(query): Promise<SearchResult> {
			const terms = await currentGlossary();
			const q = query.q.slice(0, MAX_QUERY_LENGTH);
			const words = tokenize(q);
			let segments = words.length ? segment(words, terms) : [];
			// Scope 'key' (matching) asks with whole process names, never half-typed words.
			const complete = query.scope === 'key';
			let planned = segments.length ? plan(segments, squash(normalize(q)), complete) : null;
			let { docs, counts: found } = await searchPlanned(query, planned);
			if (found.total === 0 && segments.length && !isInitialsQuery(q)) {
				const corrected = await correct(segments, terms);
				if (corrected) {
					segments = corrected;
					planned = { ...plan(corrected, planned!.name, complete), strictEmpty: true };
					({ docs, counts: found } = await searchPlanned(query, planned));
				}
			}
			const marks = highlightTerms(segments);
			const from = query.from ?? query.filters.within;
			const hits: Hit[] = docs.map((doc) => ({
				doc,
				highlight: query.documentsOnly
					? { name: '', description: '' }
					: { name: highlight(doc.name_ko, marks), description: highlight(doc.description_ko, marks) },
				distance_km: from && doc.lat !== null && doc.lng !== null ? distanceKm(from, { lat: doc.lat, lng: doc.lng }) : null
			}));
			const facets: SearchResult['facets'] = {};
			for (const facet of query.facets) facets[facet] = found.facets[facet] ?? [];
			return { hits, total: found.total, facets, engine: 'postgres' };
		}
	};
}
