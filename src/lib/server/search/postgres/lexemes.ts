// What the PostgreSQL engine writes into a document's vectors (indexRow()), and the lexemes queries
// look up in them: words, syllable bigrams of Korean words, initials (초성), prefixes of Latin words,
// filter values, grid cells, sampling buckets and boosts; and the facet codes of each document.
import { compoundSeams, initials, normalize, tokenize, typoBudget } from '../../../domain/korean';
import { PRODUCTS, tradeMakes } from '../../../domain/products';
import { BOOSTS, searchBoost } from '../boost';
import type { WorkshopDoc } from '../port';

/** Mean Earth radius (km), as in domain/geo.ts. */
export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
/** Longitude scale of the geo index (see the migration): cos 36.87°. */
export const LNG_SCALE = 0.8;

/** Each document falls in one of this many buckets (by a hash of its id), the unit of sampling. */
export const SAMPLE_BUCKETS = 64;

export const HANGUL_WORD = /^[\uac00-\ud7a3]+$/;
export const INITIALS_WORD = /^[\u3131-\u314e]+$/;
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

/**
 * Lexemes of a text. In key fields, Latin words also get their prefixes (see addPrefixes), and the
 * syllable pairs across the spaces of Korean phrases (compoundSeams()): a query's compound is looked up
 * by its syllable pairs, so 정밀가공 (정밀, 밀가, 가공) then finds the process written 정밀 가공.
 */
function addText(text: string | null, out: Set<string>, { limit = Infinity, prefixes = false } = {}): void {
	for (const word of tokenize(text ?? '')) {
		if (out.size >= limit) return;
		addWord(word, out);
		if (prefixes) addPrefixes(word, out);
	}
	if (prefixes) for (const seam of compoundSeams(text ?? '')) out.add(seam);
}

/**
 * What the workshop's trade makes (domain/products.ts), as one lexeme per product ('#w:earrings'):
 * a query naming a product (귀걸이, 귀고리, earrings) asks for its lexeme as an alternative, the last
 * tier, so a workshop whose own text names the product comes first. '#' never occurs in a folded word.
 */
export const productLexeme = (key: string) => `#w:${key.replace(/ /g, '_')}`;
function addProducts(doc: WorkshopDoc, out: Set<string>): void {
	for (const product of PRODUCTS) if (tradeMakes(doc.trade_code, product)) out.add(productLexeme(product.key));
}

export const LATIN_WORD = /^[a-z][a-z0-9]*$/;
/** Marks a prefix lexeme; '~' never occurs in a folded word. */
export const PREFIX_MARK = '~';

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
	// As written too: 청원옵셋 is typed ㅊㅇㅇㅅ, though its folded spelling (청원오프셋) has five.
	for (const consonants of new Set([initials(normalize(text)), initials(text)].map((c) => c.replace(/ /g, '')))) {
		for (let length = 1; length <= 4; length++) {
			for (let i = 0; i + length <= consonants.length; i++) out.add(consonants.slice(i, i + length));
		}
	}
}

/**
 * What a misspelt query word may be corrected to: parts of 2 to 4 syllables of the key fields'
 * Korean words (주얼리 out of 명가주얼리), and their Latin words long enough to carry a typo.
 */
export function vocabulary(doc: WorkshopDoc): string[] {
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
	// What the trade makes too (수재화 → 수제화 for a shoe workshop that never wrote 수제화).
	const products = PRODUCTS.filter((p) => tradeMakes(doc.trade_code, p)).flatMap((p) => [...p.ko, ...p.en]);
	const terms: string[] = [];
	for (const word of [...fields, ...products].flatMap((f) => tokenize(f))) {
		if (word.length > MAX_WORD_LENGTH) continue;
		if (HANGUL_WORD.test(word)) {
			for (let length = 2; length <= 4; length++) {
				for (let i = 0; i + length <= word.length; i++) terms.push(word.slice(i, i + length));
			}
		} else if (typoBudget(word) > 0) terms.push(word);
	}
	return terms;
}

export const squash = (s: string) => s.replace(/ /g, '');

/**
 * What this code writes into a document's vectors, versioned: queries look up lexemes (filters,
 * cells, prefixes) that documents written by an older version lack. Raise it with every change to
 * indexRow(); prepare() then has the outbox worker rewrite the older documents.
 */
const INDEX_FORMAT = 7;
export const FORMAT_LEXEME = `#f:${INDEX_FORMAT}`;

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
export const sampleLexeme = (buckets: number) => `#s${buckets}`;
function addSampleLexemes(id: string, out: Set<string>): void {
	const bucket = sampleBucket(id);
	for (let size = 1; size < SAMPLE_BUCKETS; size *= 2) if (bucket < size) out.add(sampleLexeme(size));
}
/** The tie-breakers' boost (../boost.ts), as a lexeme too, so the text indexes can serve one boost at a time. */
export { BOOSTS };
export const boostOf = (doc: WorkshopDoc) => searchBoost(doc);
export const boostLexeme = (boost: number) => `#b${boost}`;

/**
 * The filter columns are stored plain (see the migration), so they are bounded to keep a row within a
 * page (8 kB): at most 20 values of 40 characters per list, 8 clusters. Filters are bounded alike.
 */
export const FILTER_BOUNDS = {
	clusters: [8, 60],
	trade_code: [1, 16],
	processes: [20, 40],
	materials: [20, 40],
	district_ko: [1, 60]
} as const satisfies Record<string, readonly [number, number]>;
export type ListFilter = keyof typeof FILTER_BOUNDS;
export const bounded = (field: ListFilter, values: readonly string[]) =>
	values.slice(0, FILTER_BOUNDS[field][0]).map((v) => v.slice(0, FILTER_BOUNDS[field][1]));

/**
 * Filter values as lexemes too ('#c:jongno-jewelry', '#v:true'): a filtered search is then one lookup
 * in one text index, which intersects postings far more cheaply than combining a second index.
 */
export const FILTER_CODES = {
	clusters: 'c',
	trade_code: 't',
	processes: 'p',
	materials: 'm',
	district_ko: 'd',
	verified: 'v',
	master: 'r',
	accepting_orders: 'a'
} as const;
export const filterLexeme = (field: keyof typeof FILTER_CODES, value: string) => `#${FILTER_CODES[field]}:${value.replace(/ /g, '_')}`;

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
export const GEO_CELL_DEGREES = [0.005, 0.02, 0.08, 0.32, 1.28, 5.12];
export const cellKm = (level: number) => GEO_CELL_DEGREES[level] * KM_PER_DEGREE;
export const cellOf = (level: number, lat: number, lng: number): [number, number] => [
	Math.floor(lat / GEO_CELL_DEGREES[level]),
	Math.floor((lng * LNG_SCALE) / GEO_CELL_DEGREES[level])
];
export const cellLexeme = (level: number, [y, x]: [number, number]) => `#g${level}:${y}:${x}`;

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
	addProducts(doc, description);
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
