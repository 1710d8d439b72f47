// A Meilisearch test double: a local HTTP server speaking the wire format the official client uses
// (routes, EnqueuedTask / Task shapes, error bodies with `code` and `type`, Bearer keys derived from
// the master key), with a small but honest search engine behind /search: tokenised matching over
// searchableAttributes in order, prefix on the last query word, typo tolerance per
// minWordSizeForTypos (Damerau-Levenshtein on characters, a typo on the first character counting
// two, as Meilisearch does), concatenated and split query words, one-way synonyms as configured,
// attributesToSearchOn, the filter language (=, !=, <, <=, >, >=, TO, IN, NOT, EXISTS, IS NULL,
// IS EMPTY, AND, OR, parentheses, _geoRadius), facets, sort (fields, _geoPoint), the ranking rules,
// page/hitsPerPage and offset/limit, and _formatted with the caller's highlight tags (not
// HTML-escaped, like the real engine).
//
// Writes are asynchronous as in Meilisearch: they answer 202 with an EnqueuedTask and take effect
// when the task is processed, which happens (in order) on the next GET /tasks/:uid of that task or a
// later one. A client that forgets to wait for its tasks sees stale results, as it would in
// production. Every request is recorded, so a test can check the order of operations.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_GLOSSARY } from '../../src/lib/domain/glossary';
import { splitCompound } from '../../src/lib/domain/korean';
import { PRODUCTS } from '../../src/lib/domain/products';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = Record<string, Json>;

export interface RecordedRequest {
	method: string;
	/** Path without the query string, e.g. `/indexes/workshops/settings`. */
	path: string;
	query: Record<string, string>;
	body: unknown;
	status: number;
	/** For writes: the uid of the task they enqueued. */
	taskUid?: number;
	/** For GET /tasks/:uid: the status it answered. */
	taskStatus?: string;
}

export interface MeilisearchDouble {
	url: string;
	/** The master key. */
	apiKey: string;
	/** Every request, in the order the double received it. */
	requests: RecordedRequest[];
	/** The settings an index holds now (after processed tasks), as GET /settings answers them. */
	settingsOf(index: string): Settings | undefined;
	documentsOf(index: string): Doc[];
	/** Simulates an outage: connections are dropped ('unreachable', the default) or answered 503. */
	down(mode?: 'unreachable' | 'unavailable'): void;
	up(): void;
	close(): Promise<void>;
}

// ─── Settings ──────────────────────────────────────────────────────────────────────────────────

export interface Settings {
	displayedAttributes: string[];
	searchableAttributes: string[];
	filterableAttributes: (string | { attributePatterns: string[] })[];
	sortableAttributes: string[];
	rankingRules: string[];
	stopWords: string[];
	nonSeparatorTokens: string[];
	separatorTokens: string[];
	dictionary: string[];
	synonyms: Record<string, string[]>;
	distinctAttribute: string | null;
	proximityPrecision: string;
	typoTolerance: {
		enabled: boolean;
		minWordSizeForTypos: { oneTypo: number; twoTypos: number };
		disableOnWords: string[];
		disableOnAttributes: string[];
		disableOnNumbers: boolean;
	};
	faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, 'alpha' | 'count'> };
	pagination: { maxTotalHits: number };
	searchCutoffMs: number | null;
	facetSearch: boolean;
	prefixSearch: 'indexingTime' | 'disabled';
}

const defaultSettings = (): Settings => ({
	displayedAttributes: ['*'],
	searchableAttributes: ['*'],
	filterableAttributes: [],
	sortableAttributes: [],
	rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
	stopWords: [],
	nonSeparatorTokens: [],
	separatorTokens: [],
	dictionary: [],
	synonyms: {},
	distinctAttribute: null,
	proximityPrecision: 'byWord',
	typoTolerance: {
		enabled: true,
		minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
		disableOnWords: [],
		disableOnAttributes: [],
		disableOnNumbers: false
	},
	faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
	pagination: { maxTotalHits: 1000 },
	searchCutoffMs: null,
	facetSearch: true,
	prefixSearch: 'indexingTime'
});

const NESTED_SETTINGS = new Set(['typoTolerance', 'faceting', 'pagination']);
const RANKING_RULE = /^(words|typo|proximity|attribute|attributeRank|wordPosition|sort|exactness|[\w.]+:(asc|desc))$/;

class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly type: 'invalid_request' | 'auth' | 'internal' = 'invalid_request'
	) {
		super(message);
	}
	body() {
		return { message: this.message, code: this.code, type: this.type, link: `https://docs.meilisearch.com/errors#${this.code}` };
	}
}

/** Checks a settings payload the way the real route does (shape errors answer 400 at once). */
function validateSettings(body: unknown): Record<string, unknown> {
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'bad_request', 'Settings must be an object.');
	const known = new Set(Object.keys(defaultSettings()).concat(['embedders', 'localizedAttributes', 'foreignKeys', 'chat']));
	for (const [key, value] of Object.entries(body)) {
		if (!known.has(key)) throw new ApiError(400, 'bad_request', `Unknown field \`${key}\`: expected one of ${[...known].join(', ')}`);
		const code = `invalid_settings_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
		if (value === null) continue;
		const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
		if (['displayedAttributes', 'searchableAttributes', 'sortableAttributes', 'stopWords', 'rankingRules'].includes(key) && !strings(value))
			throw new ApiError(400, code, `Invalid value type at \`.${key}\`: expected an array of strings.`);
		if (key === 'rankingRules')
			for (const rule of value as string[])
				if (!RANKING_RULE.test(rule))
					throw new ApiError(400, code, `Invalid value at \`.rankingRules\`: \`${rule}\` ranking rule is invalid.`);
		if (key === 'synonyms' && (typeof value !== 'object' || value === null || Object.values(value as object).some((v) => !strings(v))))
			throw new ApiError(400, code, 'Invalid value type at `.synonyms`: expected a map of arrays of strings.');
		if (key === 'typoTolerance') {
			const sizes = (value as Settings['typoTolerance']).minWordSizeForTypos;
			if (sizes && (sizes.oneTypo ?? 5) > (sizes.twoTypos ?? 9))
				throw new ApiError(400, code, '`minWordSizeForTypos` setting is invalid. `oneTypo` must be less than or equal to `twoTypos`.');
		}
	}
	return body as Record<string, unknown>;
}

function mergeSettings(current: Settings, patch: Record<string, unknown>): Settings {
	const next = structuredClone(current) as unknown as Record<string, unknown>;
	const defaults = defaultSettings() as unknown as Record<string, unknown>;
	for (const [key, value] of Object.entries(patch)) {
		if (!(key in defaults)) continue;
		if (value === null) next[key] = defaults[key];
		else if (NESTED_SETTINGS.has(key)) {
			const merged = { ...(next[key] as object), ...(value as object) } as Record<string, unknown>;
			if (key === 'typoTolerance' && (value as Record<string, unknown>).minWordSizeForTypos)
				merged.minWordSizeForTypos = {
					...current.typoTolerance.minWordSizeForTypos,
					...(value as Record<string, object>).minWordSizeForTypos
				};
			next[key] = merged;
		} else if (key === 'synonyms') {
			// Stored normalised, as Meilisearch does.
			const synonyms: Record<string, string[]> = {};
			for (const [from, to] of Object.entries(value as Record<string, string[]>)) synonyms[fold(from)] = to.map(fold);
			next[key] = synonyms;
		} else next[key] = value;
	}
	return next as unknown as Settings;
}

// ─── Text ──────────────────────────────────────────────────────────────────────────────────────

/** Meilisearch's normaliser in small: lowercase, Latin diacritics removed, Hangul kept composed. */
function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

interface Token {
	norm: string;
	/** Offsets in the original text, for highlighting. */
	start: number;
	end: number;
	/** Word position in the attribute; array elements are kept apart, as Meilisearch does. */
	pos: number;
}

const scriptOf = (c: string) =>
	/\p{Script=Hangul}/u.test(c)
		? 'hangul'
		: /\p{Script=Latin}/u.test(c)
			? 'latin'
			: /\p{Script=Han}/u.test(c)
				? 'han'
				: /\p{L}/u.test(c)
					? 'other'
					: null;

// ─── Korean segmentation ───────────────────────────────────────────────────────────────────────
// Meilisearch's tokenizer (charabia) hands Hangul to lindera with the ko-dic dictionary in decompose
// mode: a run of Hangul is cut into dictionary morphemes, nouns and the particles and endings written
// onto them. charabia's own test (segmenter/korean.rs) reads "한국어의형태해석을실시할수있습니다" as
// 한국어 / 의 / 형태 / 해석 / 을 / 실시 / 할 / 수 / 있 / 습니다. The double does the same with a small
// dictionary in place of ko-dic: the nouns of that test and of the trade vocabulary (glossary and
// products, which ko-dic knows as common nouns), and the particles and endings, which only ever follow
// another morpheme. A run is cut the way that leaves the fewest syllables unknown, then the fewest
// pieces; unknown syllables stay together as one word, as lindera groups unknown Hangul.
const DICTIONARY = new Set(
	['한국어', '형태', '해석', '실시', ...DEFAULT_GLOSSARY.flatMap((e) => [e.term, ...e.synonyms]), ...PRODUCTS.flatMap((p) => p.ko)]
		.flatMap((phrase) => phrase.split(/\s+/))
		.filter((word) => /^[\uac00-\ud7a3]{2,}$/.test(word))
);
// Decompose mode: a compound noun made of other nouns (정밀가공, 무선제본) is given as its parts.
const KOREAN_NOUNS = new Set([...DICTIONARY].filter((word) => !splitCompound(word, (part) => part !== word && DICTIONARY.has(part), 2)));
const KOREAN_ENDINGS = new Set([
	'의',
	'을',
	'를',
	'이',
	'가',
	'은',
	'는',
	'에',
	'에서',
	'으로',
	'로',
	'와',
	'과',
	'도',
	'할',
	'수',
	'있',
	'습니다',
	'합니다',
	'입니다'
]);
const UNKNOWN_SYLLABLE_COST = 10;

/** Cuts a run of Hangul syllables into morphemes (see above); offsets within the run. */
export function segmentHangul(run: string): [number, number][] {
	type Cut = { start: number; end: number; known: boolean };
	// best[i]: the cheapest cut of run[0, i): unknown syllables weigh UNKNOWN_SYLLABLE_COST, a piece 1.
	// A particle or an ending only follows a known morpheme (신도용접 is not 신 / 도 / 용접).
	const best: { cost: number; cuts: Cut[] }[] = [{ cost: 0, cuts: [] }];
	for (let end = 1; end <= run.length; end++) {
		let choice: (typeof best)[number] | null = null;
		for (let start = 0; start < end; start++) {
			const from = best[start];
			const piece = run.slice(start, end);
			const known = KOREAN_NOUNS.has(piece) || (from.cuts.at(-1)?.known === true && KOREAN_ENDINGS.has(piece));
			const cost = from.cost + 1 + (known ? 0 : UNKNOWN_SYLLABLE_COST * (end - start));
			if (!choice || cost < choice.cost) choice = { cost, cuts: [...from.cuts, { start, end, known }] };
		}
		best.push(choice!);
	}
	// Unknown syllables next to each other are one word.
	const merged: Cut[] = [];
	for (const cut of best[run.length].cuts) {
		const last = merged.at(-1);
		if (!cut.known && last && !last.known) last.end = cut.end;
		else merged.push({ ...cut });
	}
	return merged.map(({ start, end }) => [start, end]);
}

/** Words are runs of letters and digits; a change of script (CNC가공) also separates words, and Hangul is segmented. */
function tokenize(text: string, firstPos = 0): Token[] {
	const tokens: Token[] = [];
	let pos = firstPos;
	for (const run of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
		let start = 0;
		let script: string | null = null;
		const chars = [...run[0]];
		let offset = 0;
		const push = (from: number, to: number) => {
			const word = run[0].slice(from, to);
			const pieces: [number, number][] = /^[\uac00-\ud7a3]+$/.test(word) ? segmentHangul(word) : [[0, word.length]];
			for (const [a, b] of pieces)
				tokens.push({ norm: fold(word.slice(a, b)), start: run.index + from + a, end: run.index + from + b, pos: pos++ });
		};
		for (const c of chars) {
			const s = scriptOf(c);
			if (s && script && s !== script) {
				push(start, offset);
				start = offset;
			}
			if (s) script = s;
			offset += c.length;
		}
		push(start, offset);
	}
	return tokens;
}

/** Damerau-Levenshtein (optimal string alignment) on characters. */
function editDistance(a: string, b: string, max: number): number {
	const x = [...a];
	const y = [...b];
	if (Math.abs(x.length - y.length) > max) return max + 1;
	const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= x.length; i++)
		for (let j = 1; j <= y.length; j++) {
			const cost = x[i - 1] === y[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	return d[x.length][y.length];
}

/** Typos Meilisearch counts between a query word and a document word: a wrong first character costs two. */
function typoCost(query: string, word: string, max: number): number {
	if (query === word) return 0;
	const distance = editDistance(query, word, max);
	return [...query][0] === [...word][0] ? distance : distance + 1;
}

// ─── Queries ───────────────────────────────────────────────────────────────────────────────────

/** One way to read part of the query: a word (exact, prefix or with typos) or a phrase of exact words. */
interface Matcher {
	words: string[];
	prefix: boolean;
	maxTypos: number;
	/** Typos charged for the derivation itself (concatenation, split). */
	cost: number;
	/** Query words this matcher covers: [from, to). */
	from: number;
	to: number;
	allowTypos: boolean;
}

interface TokenMatch {
	typos: number;
	exact: boolean;
	/** Characters of the document word that matched (a prefix match highlights only those). */
	length: number;
}

function matchWord(m: Matcher, query: string, token: string, maxTypos: number): TokenMatch | null {
	const qLength = [...query].length;
	if (token === query) return { typos: 0, exact: true, length: [...token].length };
	const tokenChars = [...token];
	if (m.prefix && token.startsWith(query)) return { typos: 0, exact: false, length: qLength };
	if (maxTypos === 0) return null;
	let best: TokenMatch | null = null;
	const cost = typoCost(query, token, maxTypos);
	if (cost <= maxTypos) best = { typos: cost, exact: false, length: tokenChars.length };
	if (m.prefix)
		for (let k = Math.max(1, qLength - maxTypos); k <= Math.min(tokenChars.length - 1, qLength + maxTypos); k++) {
			const c = typoCost(query, tokenChars.slice(0, k).join(''), maxTypos);
			if (c <= maxTypos && (!best || c < best.typos)) best = { typos: c, exact: false, length: k };
		}
	return best;
}

interface CompiledQuery {
	words: string[];
	matchers: Matcher[];
}

function compileQuery(q: string, settings: Settings, adjacentPairs: Map<string, number>): CompiledQuery {
	const prefixLast = settings.prefixSearch !== 'disabled' && !/[^\p{L}\p{N}\p{M}]$/u.test(q);
	const stop = new Set(settings.stopWords.map(fold));
	// Meilisearch reads at most ten words of a query.
	let words = tokenize(q)
		.map((t) => t.norm)
		.slice(0, 10);
	if (words.some((w) => !stop.has(w))) words = words.filter((w) => !stop.has(w));
	const { typoTolerance: typo, synonyms } = settings;
	const noTypoWords = new Set(typo.disableOnWords.map(fold));
	const budget = (w: string) => {
		const length = [...w].length;
		if (!typo.enabled || noTypoWords.has(w) || (typo.disableOnNumbers && /^\p{N}+$/u.test(w))) return 0;
		return length >= typo.minWordSizeForTypos.twoTypos ? 2 : length >= typo.minWordSizeForTypos.oneTypo ? 1 : 0;
	};
	const matchers: Matcher[] = [];
	const n = words.length;
	const isLast = (i: number) => i === n - 1 && prefixLast;
	const synonymMatchers = (key: string, from: number, to: number) => {
		for (const value of synonyms[key] ?? [])
			matchers.push({ words: tokenize(value).map((t) => t.norm), prefix: false, maxTypos: 0, cost: 0, from, to, allowTypos: false });
	};
	for (let i = 0; i < n; i++) {
		const w = words[i];
		matchers.push({ words: [w], prefix: isLast(i), maxTypos: budget(w), cost: 0, from: i, to: i + 1, allowTypos: true });
		synonymMatchers(w, i, i + 1);
		// Multi-word synonyms and concatenations of two or three query words ("종로 주얼리" finds 종로주얼리).
		for (let k = 2; k <= 3 && i + k <= n; k++) {
			synonymMatchers(words.slice(i, i + k).join(' '), i, i + k);
			const concat = words.slice(i, i + k).join('');
			matchers.push({ words: [concat], prefix: isLast(i + k - 1), maxTypos: 0, cost: 1, from: i, to: i + k, allowTypos: false });
		}
		// A query word split in two document words, choosing the split seen most often in the index.
		const chars = [...w];
		let bestSplit: [string, string] | null = null;
		let bestCount = 0;
		for (let p = 1; p < chars.length; p++) {
			const pair: [string, string] = [chars.slice(0, p).join(''), chars.slice(p).join('')];
			const count = adjacentPairs.get(pair.join(' ')) ?? 0;
			if (count > bestCount) [bestSplit, bestCount] = [pair, count];
		}
		if (bestSplit) matchers.push({ words: bestSplit, prefix: false, maxTypos: 0, cost: 1, from: i, to: i + 1, allowTypos: false });
	}
	return { words, matchers };
}

interface Attribute {
	name: string;
	/** Rank in searchableAttributes. */
	rank: number;
	tokens: Token[];
}

interface MatcherHit {
	matcher: Matcher;
	attribute: Attribute;
	pos: number;
	typos: number;
	exact: boolean;
}

/** Where a matcher occurs in one attribute. */
function findMatcher(m: Matcher, attribute: Attribute, noTypoAttributes: Set<string>): MatcherHit[] {
	const hits: MatcherHit[] = [];
	const tokens = attribute.tokens;
	const maxTypos = noTypoAttributes.has(attribute.name) ? 0 : m.maxTypos;
	for (let i = 0; i + m.words.length <= tokens.length; i++) {
		if (m.words.length === 1) {
			const match = matchWord(m, m.words[0], tokens[i].norm, maxTypos);
			if (match) hits.push({ matcher: m, attribute, pos: tokens[i].pos, typos: match.typos + m.cost, exact: match.exact && m.cost === 0 });
			continue;
		}
		// A phrase: consecutive positions, exact words.
		if (m.words.every((w, k) => tokens[i + k].norm === w && tokens[i + k].pos === tokens[i].pos + k))
			hits.push({ matcher: m, attribute, pos: tokens[i].pos, typos: m.cost, exact: m.cost === 0 });
	}
	return hits;
}

/** Ranking signals of one document for the query, or null when it does not match. */
interface Relevance {
	words: number;
	typos: number;
	proximity: number;
	attributeRank: number;
	wordPosition: number;
	exactness: number;
}

function relevance(query: CompiledQuery, attributes: Attribute[], strategy: string, settings: Settings): Relevance | null {
	const n = query.words.length;
	const noTypo = new Set(settings.typoTolerance.disableOnAttributes);
	const hitsByMatcher = query.matchers.map((m) => attributes.flatMap((a) => findMatcher(m, a, noTypo)));
	// Best reading of query words [0, k): the path of matchers with the fewest typos.
	const best = Array<{ typos: number; path: MatcherHit[] } | null>(n + 1).fill(null);
	best[0] = { typos: 0, path: [] };
	for (let i = 0; i < n; i++) {
		if (!best[i]) continue;
		query.matchers.forEach((m, index) => {
			if (m.from !== i || hitsByMatcher[index].length === 0) return;
			const hit = hitsByMatcher[index].reduce((a, b) =>
				a.typos !== b.typos ? (a.typos < b.typos ? a : b) : a.attribute.rank <= b.attribute.rank ? a : b
			);
			const candidate = { typos: best[i]!.typos + hit.typos, path: [...best[i]!.path, hit] };
			// Of equally few typos, the reading found in the weightier attribute: Meilisearch's attribute
			// rule ranks a document by the best attribute any derivation of the query words matched in.
			const rank = (path: MatcherHit[]) => Math.min(...path.map((h) => h.attribute.rank));
			const current = best[m.to];
			if (!current || candidate.typos < current.typos || (candidate.typos === current.typos && rank(candidate.path) < rank(current.path)))
				best[m.to] = candidate;
		});
	}
	let covered = n;
	if (strategy === 'all') {
		if (!best[n]) return null;
	} else {
		while (covered > 0 && !best[covered]) covered--;
		if (covered === 0) return null;
	}
	const path = best[covered]!.path;
	let proximity = 0;
	for (let k = 1; k < path.length; k++) {
		const [a, b] = [path[k - 1], path[k]];
		proximity += a.attribute === b.attribute ? Math.min(Math.abs(b.pos - a.pos), 8) : 8;
	}
	return {
		words: covered,
		typos: best[covered]!.typos,
		proximity,
		attributeRank: Math.min(...path.map((h) => h.attribute.rank)),
		wordPosition: path.reduce((sum, h) => sum + h.pos, 0),
		exactness: path.filter((h) => h.exact).length
	};
}

// ─── Filters ───────────────────────────────────────────────────────────────────────────────────

type FilterNode =
	| { op: 'and' | 'or'; left: FilterNode; right: FilterNode }
	| { op: 'not'; node: FilterNode }
	| { op: 'cmp'; field: string; cmp: '=' | '!=' | '<' | '<=' | '>' | '>='; value: string }
	| { op: 'to'; field: string; low: string; high: string }
	| { op: 'in'; field: string; values: string[] }
	| { op: 'exists' | 'null' | 'empty'; field: string }
	| { op: 'geoRadius'; lat: number; lng: number; meters: number };

const filterError = (message: string) => new ApiError(400, 'invalid_search_filter', message);
const KEYWORDS = new Set(['AND', 'OR', 'IN', 'NOT', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH']);

/** A quoted value as Meilisearch reads it: `\` escapes the next character; `\\` and `\"` are unescaped. */
function unescapeValue(raw: string): string {
	return raw.replace(/\\(.)/gsu, (_, c: string) => {
		const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'" };
		if (c in map) return map[c];
		throw filterError(`Malformed escape sequence \`\\${c}\` in filter.`);
	});
}

function parseFilter(source: string): FilterNode {
	let i = 0;
	const ws = () => {
		while (i < source.length && /\s/.test(source[i])) i++;
	};
	const peekWord = () => {
		ws();
		const m = /^[\p{L}\p{N}_.-]+/u.exec(source.slice(i));
		return m?.[0] ?? '';
	};
	const keyword = (word: string) => {
		if (peekWord() !== word) return false;
		i += word.length;
		return true;
	};
	const expect = (c: string) => {
		ws();
		if (source[i] !== c) throw filterError(`Expected \`${c}\` at position ${i} in filter \`${source}\`.`);
		i++;
	};
	const value = (): string => {
		ws();
		const quote = source[i];
		if (quote === '"' || quote === "'") {
			let j = i + 1;
			while (j < source.length && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
			if (j >= source.length)
				throw filterError(`Expression \`${source.slice(i)}\` is missing the following closing delimiter: \`${quote}\`.`);
			const raw = source.slice(i + 1, j);
			i = j + 1;
			return unescapeValue(raw);
		}
		const word = peekWord();
		if (!word || KEYWORDS.has(word)) throw filterError(`Was expecting a value but instead got \`${source.slice(i)}\`.`);
		i += word.length;
		return word;
	};
	const number = () => {
		const v = Number(value());
		if (!Number.isFinite(v)) throw filterError('Expected a number in `_geoRadius`.');
		return v;
	};
	const primary = (): FilterNode => {
		ws();
		if (source[i] === '(') {
			i++;
			const node = or();
			expect(')');
			return node;
		}
		if (source.startsWith('_geoRadius', i)) {
			i += '_geoRadius'.length;
			expect('(');
			const lat = number();
			expect(',');
			const lng = number();
			expect(',');
			const meters = number();
			ws();
			if (source[i] === ',') {
				i++;
				number(); // resolution
			}
			expect(')');
			if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw filterError('Bad latitude or longitude in `_geoRadius`.');
			return { op: 'geoRadius', lat, lng, meters };
		}
		const field = value();
		ws();
		const rest = source.slice(i);
		const ops = ['>=', '<=', '!=', '=', '>', '<'] as const;
		const cmp = ops.find((o) => rest.startsWith(o));
		if (cmp) {
			i += cmp.length;
			return { op: 'cmp', field, cmp, value: value() };
		}
		if (keyword('IN')) return { op: 'in', field, values: list() };
		if (keyword('EXISTS')) return { op: 'exists', field };
		if (keyword('IS')) {
			const negate = keyword('NOT');
			const node: FilterNode = keyword('NULL')
				? { op: 'null', field }
				: keyword('EMPTY')
					? { op: 'empty', field }
					: (() => {
							throw filterError('Expected NULL or EMPTY after IS.');
						})();
			return negate ? { op: 'not', node } : node;
		}
		if (keyword('NOT')) {
			if (keyword('IN')) return { op: 'not', node: { op: 'in', field, values: list() } };
			if (keyword('EXISTS')) return { op: 'not', node: { op: 'exists', field } };
			throw filterError('Expected IN or EXISTS after NOT.');
		}
		const low = value();
		if (keyword('TO')) return { op: 'to', field, low, high: value() };
		throw filterError(
			`Was expecting an operation \`=\`, \`!=\`, \`>=\`, \`>\`, \`<=\`, \`<\`, \`IN\`, \`NOT IN\`, \`TO\`, \`EXISTS\`, \`NOT EXISTS\`, \`IS NULL\`, \`IS NOT NULL\`, \`IS EMPTY\`, \`IS NOT EMPTY\`, \`_geoRadius\`, or \`_geoBoundingBox\` at \`${source}\`.`
		);
	};
	const list = (): string[] => {
		expect('[');
		const values: string[] = [];
		ws();
		if (source[i] === ']') {
			i++;
			return values;
		}
		for (;;) {
			values.push(value());
			ws();
			if (source[i] === ',') {
				i++;
				continue;
			}
			expect(']');
			return values;
		}
	};
	const not = (): FilterNode => (keyword('NOT') ? { op: 'not', node: not() } : primary());
	const and = (): FilterNode => {
		let node = not();
		while (keyword('AND')) node = { op: 'and', left: node, right: not() };
		return node;
	};
	const or = (): FilterNode => {
		let node = and();
		while (keyword('OR')) node = { op: 'or', left: node, right: and() };
		return node;
	};
	const node = or();
	ws();
	if (i < source.length) throw filterError(`Found unexpected characters at the end of the filter: \`${source.slice(i)}\`.`);
	return node;
}

/** The array form: outer items are ANDed, inner arrays ORed. */
function parseFilterParam(filter: unknown): FilterNode | null {
	const parseOne = (item: unknown): FilterNode | null => {
		if (typeof item === 'string') return item.trim() ? parseFilter(item) : null;
		if (Array.isArray(item)) {
			const nodes = item.map(parseOne).filter((n): n is FilterNode => n !== null);
			return nodes.reduce<FilterNode | null>((acc, n) => (acc ? { op: 'or', left: acc, right: n } : n), null);
		}
		throw filterError('Invalid syntax for the filter parameter: expected a string or an array.');
	};
	if (filter === undefined || filter === null) return null;
	if (typeof filter === 'string') return parseOne(filter);
	if (!Array.isArray(filter)) throw filterError('Invalid syntax for the filter parameter: expected a string or an array.');
	const nodes = filter.map(parseOne).filter((n): n is FilterNode => n !== null);
	return nodes.reduce<FilterNode | null>((acc, n) => (acc ? { op: 'and', left: acc, right: n } : n), null);
}

function filterFields(node: FilterNode): string[] {
	switch (node.op) {
		case 'and':
		case 'or':
			return [...filterFields(node.left), ...filterFields(node.right)];
		case 'not':
			return filterFields(node.node);
		case 'geoRadius':
			return ['_geo'];
		default:
			return [node.field];
	}
}

function fieldValue(doc: Doc, path: string): Json | undefined {
	let value: Json | undefined = doc;
	for (const part of path.split('.')) {
		if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
		value = (value as Record<string, Json>)[part];
	}
	return value;
}

/** Values of a field as Meilisearch indexes them for filters: arrays flattened, booleans as strings. */
function facetValues(doc: Doc, field: string): (string | number)[] {
	const raw = fieldValue(doc, field);
	const flat = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
	return flat.flatMap((v) => (typeof v === 'number' || typeof v === 'string' ? [v] : typeof v === 'boolean' ? [String(v)] : []));
}

const EARTH_RADIUS_M = 6_371_008.8;
function haversineMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const rad = (d: number) => (d * Math.PI) / 180;
	const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function geoOf(doc: Doc): { lat: number; lng: number } | null {
	const geo = doc._geo as Record<string, Json> | null | undefined;
	if (!geo || typeof geo !== 'object') return null;
	const lat = Number(geo.lat);
	const lng = Number(geo.lng);
	return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

function evaluate(node: FilterNode, doc: Doc): boolean {
	switch (node.op) {
		case 'and':
			return evaluate(node.left, doc) && evaluate(node.right, doc);
		case 'or':
			return evaluate(node.left, doc) || evaluate(node.right, doc);
		case 'not':
			return !evaluate(node.node, doc);
		case 'geoRadius': {
			const geo = geoOf(doc);
			return geo !== null && haversineMeters(geo, node) <= node.meters;
		}
		case 'exists':
			return fieldValue(doc, node.field) !== undefined;
		case 'null':
			return fieldValue(doc, node.field) === null;
		case 'empty': {
			const v = fieldValue(doc, node.field);
			return v === '' || (Array.isArray(v) && v.length === 0) || (!!v && typeof v === 'object' && Object.keys(v).length === 0);
		}
		case 'in':
			return node.values.some((value) => equals(doc, node.field, value));
		case 'to': {
			const [low, high] = [Number(node.low), Number(node.high)];
			return facetValues(doc, node.field).some((v) => typeof v === 'number' && v >= low && v <= high);
		}
		case 'cmp': {
			if (node.cmp === '=') return equals(doc, node.field, node.value);
			if (node.cmp === '!=') return !equals(doc, node.field, node.value);
			const target = Number(node.value);
			if (!Number.isFinite(target)) return false;
			return facetValues(doc, node.field).some((v) => {
				if (typeof v !== 'number') return false;
				return node.cmp === '<' ? v < target : node.cmp === '<=' ? v <= target : node.cmp === '>' ? v > target : v >= target;
			});
		}
	}
}

/** String equality is case-insensitive in Meilisearch filters; numbers compare as numbers. */
function equals(doc: Doc, field: string, value: string): boolean {
	const asNumber = Number(value);
	return facetValues(doc, field).some((v) => (typeof v === 'number' ? value.trim() !== '' && v === asNumber : fold(v) === fold(value)));
}

// ─── Search ────────────────────────────────────────────────────────────────────────────────────

interface IndexState {
	uid: string;
	primaryKey: string | null;
	createdAt: string;
	updatedAt: string;
	settings: Settings;
	/** Insertion order is Meilisearch's internal id order, the tie-breaker of every ranking. */
	docs: Map<string, Doc>;
}

const filterablePatterns = (s: Settings) => s.filterableAttributes.flatMap((a) => (typeof a === 'string' ? [a] : a.attributePatterns));
const matchesPattern = (field: string, patterns: string[]) =>
	patterns.some((p) => p === field || p === '*' || (p.endsWith('*') && field.startsWith(p.slice(0, -1))) || field.startsWith(`${p}.`));

function searchableFields(index: IndexState): string[] {
	if (!index.settings.searchableAttributes.includes('*')) return index.settings.searchableAttributes;
	const seen = new Set<string>();
	for (const doc of index.docs.values()) for (const key of Object.keys(doc)) if (key !== '_geo') seen.add(key);
	return [...seen];
}

function attributesOf(doc: Doc, fields: string[], allFields: string[]): Attribute[] {
	return fields.map((name) => {
		const raw = fieldValue(doc, name);
		const parts = (Array.isArray(raw) ? raw : [raw]).filter((v) => typeof v === 'string' || typeof v === 'number');
		const tokens: Token[] = [];
		let pos = 0;
		for (const part of parts) {
			const t = tokenize(String(part), pos);
			tokens.push(...t);
			pos = (t.at(-1)?.pos ?? pos) + 8; // array elements are far apart for proximity and phrases
		}
		return { name, rank: allFields.indexOf(name), tokens };
	});
}

interface SortCriterion {
	field: string;
	desc: boolean;
	point?: { lat: number; lng: number };
}

function parseSort(sort: unknown, settings: Settings): SortCriterion[] {
	if (sort === undefined || sort === null) return [];
	if (!Array.isArray(sort) || !sort.every((s) => typeof s === 'string'))
		throw new ApiError(400, 'invalid_search_sort', 'Invalid value type at `.sort`: expected an array of strings.');
	const criteria = sort.map((s: string) => {
		const geo = /^_geoPoint\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\):(asc|desc)$/.exec(s);
		if (geo) return { field: '_geo', desc: geo[3] === 'desc', point: { lat: Number(geo[1]), lng: Number(geo[2]) } };
		const plain = /^([\w.]+):(asc|desc)$/.exec(s);
		if (!plain)
			throw new ApiError(
				400,
				'invalid_search_sort',
				`Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${s}\`.`
			);
		return { field: plain[1], desc: plain[2] === 'desc' };
	});
	for (const c of criteria)
		if (!settings.sortableAttributes.includes(c.field))
			throw new ApiError(
				400,
				'invalid_search_sort',
				`Attribute \`${c.field}\` is not sortable. Available sortable attributes are: \`${settings.sortableAttributes.join(', ')}\`.`
			);
	if (criteria.length && !settings.rankingRules.includes('sort'))
		throw new ApiError(
			400,
			'invalid_search_sort',
			'You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.'
		);
	return criteria;
}

/** Compares two optional sort values: numbers before strings, missing values last in both directions. */
function compareValues(a: number | string | undefined, b: number | string | undefined, desc: boolean): number {
	if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
	if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
	const order = typeof a === 'number' ? a - (b as number) : fold(a).localeCompare(fold(b as string));
	return desc ? -order : order;
}

const sortValue = (doc: Doc, field: string): number | string | undefined => {
	const v = fieldValue(doc, field);
	return typeof v === 'number' || typeof v === 'string' ? v : undefined;
};

function highlight(text: string, query: CompiledQuery, pre: string, post: string): string {
	const tokens = tokenize(text);
	const ranges: [number, number][] = [];
	for (const m of query.matchers) {
		for (let i = 0; i + m.words.length <= tokens.length; i++) {
			if (m.words.length === 1) {
				const match = matchWord(m, m.words[0], tokens[i].norm, m.maxTypos);
				if (!match) continue;
				const original = [...text.slice(tokens[i].start, tokens[i].end)];
				ranges.push([tokens[i].start, tokens[i].start + original.slice(0, match.length).join('').length]);
			} else if (m.words.every((w, k) => tokens[i + k].norm === w)) {
				for (let k = 0; k < m.words.length; k++) ranges.push([tokens[i + k].start, tokens[i + k].end]);
			}
		}
	}
	// Longest range per start, no overlaps.
	ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	let out = '';
	let at = 0;
	for (const [start, end] of ranges) {
		if (start < at) continue;
		out += text.slice(at, start) + pre + text.slice(start, end) + post;
		at = end;
	}
	return out + text.slice(at);
}

function formatted(doc: Doc, attributes: string[], query: CompiledQuery | null, pre: string, post: string): Doc {
	const out: Doc = structuredClone(doc);
	if (!query) return out;
	const all = attributes.includes('*');
	for (const key of Object.keys(out)) {
		if (!all && !attributes.includes(key)) continue;
		const v = out[key];
		if (typeof v === 'string') out[key] = highlight(v, query, pre, post);
		else if (Array.isArray(v)) out[key] = v.map((item) => (typeof item === 'string' ? highlight(item, query, pre, post) : item));
	}
	return out;
}

const int = (v: unknown, name: string, min: number): number | undefined => {
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
		throw new ApiError(
			400,
			`invalid_search_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
			`Invalid value at \`.${name}\`: expected a positive integer.`
		);
	return v;
};

/** The search route's parameters (Meilisearch 1.x); any other field is refused, as deserr does. */
const SEARCH_PARAMETERS = [
	'q',
	'vector',
	'offset',
	'limit',
	'page',
	'hitsPerPage',
	'attributesToRetrieve',
	'retrieveVectors',
	'attributesToCrop',
	'cropLength',
	'attributesToHighlight',
	'showMatchesPosition',
	'showRankingScore',
	'showRankingScoreDetails',
	'filter',
	'sort',
	'distinct',
	'facets',
	'highlightPreTag',
	'highlightPostTag',
	'cropMarker',
	'matchingStrategy',
	'attributesToSearchOn',
	'hybrid',
	'rankingScoreThreshold',
	'locales'
];

function search(index: IndexState, body: Record<string, unknown>) {
	const started = performance.now();
	// Meilisearch answers an unknown field with 400 bad_request, naming the first one and every known one.
	const unknown = Object.keys(body).find((field) => !SEARCH_PARAMETERS.includes(field));
	if (unknown !== undefined)
		throw new ApiError(
			400,
			'bad_request',
			`Unknown field \`${unknown}\`: expected one of ${SEARCH_PARAMETERS.map((f) => `\`${f}\``).join(', ')}`
		);
	if (body.q !== undefined && body.q !== null && typeof body.q !== 'string')
		throw new ApiError(
			400,
			'invalid_search_q',
			`Invalid value type at \`.q\`: expected a string, but found ${Array.isArray(body.q) ? 'an array' : `a ${typeof body.q}`}: \`${JSON.stringify(body.q)}\``
		);
	const { settings } = index;
	const q = typeof body.q === 'string' ? body.q : '';
	const filterable = filterablePatterns(settings);

	const filter = parseFilterParam(body.filter);
	for (const field of filter ? filterFields(filter) : [])
		if (!matchesPattern(field, filterable))
			throw filterError(
				`Attribute \`${field}\` is not filterable. Available filterable attribute patterns are: \`${filterable.join(', ')}\`.`
			);
	const sort = parseSort(body.sort, settings);
	const facets = (body.facets ?? []) as string[];
	if (!Array.isArray(facets)) throw new ApiError(400, 'invalid_search_facets', 'Invalid value type at `.facets`: expected an array.');
	for (const f of facets)
		if (f !== '*' && !matchesPattern(f, filterable))
			throw new ApiError(
				400,
				'invalid_search_facets',
				`Invalid facet distribution: Attribute \`${f}\` is not filterable. Available filterable attributes patterns are: \`${filterable.join(', ')}\`.`
			);

	const allFields = searchableFields(index);
	let fields = allFields;
	if (Array.isArray(body.attributesToSearchOn)) {
		for (const a of body.attributesToSearchOn as string[])
			if (!allFields.includes(a))
				throw new ApiError(
					400,
					'invalid_search_attributes_to_search_on',
					`Attribute \`${a}\` is not searchable. Available searchable attributes are: \`${allFields.join(', ')}\`.`
				);
		fields = body.attributesToSearchOn as string[];
	}
	const strategy = (body.matchingStrategy as string | undefined) ?? 'last';
	if (!['all', 'last', 'frequency'].includes(strategy))
		throw new ApiError(
			400,
			'invalid_search_matching_strategy',
			'Unknown value for `.matchingStrategy`: expected one of `last`, `all`, `frequency`.'
		);

	// Adjacent word pairs across the index, to choose how to split a query word.
	const pairs = new Map<string, number>();
	const docs = [...index.docs.values()];
	const attributeCache = new Map<Doc, Attribute[]>();
	for (const doc of docs) {
		const attributes = attributesOf(doc, fields, allFields);
		attributeCache.set(doc, attributes);
		for (const a of attributes)
			for (let k = 1; k < a.tokens.length; k++)
				if (a.tokens[k].pos === a.tokens[k - 1].pos + 1) {
					const key = `${a.tokens[k - 1].norm} ${a.tokens[k].norm}`;
					pairs.set(key, (pairs.get(key) ?? 0) + 1);
				}
	}
	const query = compileQuery(q, settings, pairs);
	const placeholder = query.words.length === 0;

	const candidates: { doc: Doc; rel: Relevance | null; order: number }[] = [];
	docs.forEach((doc, order) => {
		if (filter && !evaluate(filter, doc)) return;
		if (placeholder) return candidates.push({ doc, rel: null, order });
		const rel = relevance(query, attributeCache.get(doc)!, strategy, settings);
		if (rel) candidates.push({ doc, rel, order });
	});

	const distance = (doc: Doc, point: { lat: number; lng: number }) => {
		const geo = geoOf(doc);
		return geo ? haversineMeters(geo, point) : undefined;
	};
	type C = (typeof candidates)[number];
	// Meilisearch sorts as if `words` came before typo, proximity, the attribute rules and exactness,
	// even when it is listed after them or not at all (its documentation on ranking rules).
	const relevanceRules = new Set(['typo', 'proximity', 'attribute', 'attributeRank', 'wordPosition', 'exactness']);
	const listed = settings.rankingRules.filter((rule) => rule !== 'words');
	const firstRelevance = settings.rankingRules.findIndex((rule) => relevanceRules.has(rule));
	const wordsAt = Math.min(...[settings.rankingRules.indexOf('words'), firstRelevance].filter((i) => i >= 0), settings.rankingRules.length);
	const effectiveRules = [
		...settings.rankingRules.slice(0, wordsAt).filter((rule) => rule !== 'words'),
		'words',
		...listed.filter((rule) => !settings.rankingRules.slice(0, wordsAt).includes(rule))
	];
	const rules: ((a: C, b: C) => number)[] = effectiveRules.map((rule) => {
		const rel =
			(key: keyof Relevance, higherFirst = false) =>
			(a: C, b: C) =>
				!a.rel || !b.rel ? 0 : higherFirst ? b.rel[key] - a.rel[key] : a.rel[key] - b.rel[key];
		switch (rule) {
			case 'words':
				return rel('words', true);
			case 'typo':
				return rel('typos');
			case 'proximity':
				return rel('proximity');
			case 'attribute':
			case 'attributeRank':
				return rel('attributeRank');
			case 'wordPosition':
				return rel('wordPosition');
			case 'exactness':
				return rel('exactness', true);
			case 'sort':
				return (a: C, b: C) => {
					for (const c of sort) {
						const [va, vb] = c.point
							? [distance(a.doc, c.point), distance(b.doc, c.point)]
							: [sortValue(a.doc, c.field), sortValue(b.doc, c.field)];
						const order = compareValues(va, vb, c.desc);
						if (order) return order;
					}
					return 0;
				};
			default: {
				const [field, direction] = rule.split(':');
				return (a: C, b: C) => compareValues(sortValue(a.doc, field), sortValue(b.doc, field), direction === 'desc');
			}
		}
	});
	candidates.sort((a, b) => {
		for (const rule of rules) {
			const order = rule(a, b);
			if (order) return order;
		}
		return a.order - b.order;
	});

	const limitTotal = Math.min(candidates.length, settings.pagination.maxTotalHits);
	const page = int(body.page, 'page', 0);
	const hitsPerPage = int(body.hitsPerPage, 'hitsPerPage', 0);
	const finite = page !== undefined || hitsPerPage !== undefined;
	const perPage = hitsPerPage ?? 20;
	const pageNumber = page ?? 1;
	const offset = finite ? Math.max(0, pageNumber - 1) * perPage : (int(body.offset, 'offset', 0) ?? 0);
	const limit = finite ? (pageNumber === 0 ? 0 : perPage) : (int(body.limit, 'limit', 0) ?? 20);
	const window = candidates.slice(0, limitTotal).slice(offset, offset + limit);

	const displayed = settings.displayedAttributes.includes('*') ? null : settings.displayedAttributes;
	const retrieve =
		Array.isArray(body.attributesToRetrieve) && !(body.attributesToRetrieve as string[]).includes('*')
			? (body.attributesToRetrieve as string[])
			: null;
	const toHighlight = Array.isArray(body.attributesToHighlight) ? (body.attributesToHighlight as string[]) : null;
	const pre = typeof body.highlightPreTag === 'string' ? body.highlightPreTag : '<em>';
	const post = typeof body.highlightPostTag === 'string' ? body.highlightPostTag : '</em>';
	const geoSort = sort.find((c) => c.point);
	const hits = window.map(({ doc }) => {
		const visible: Doc = {};
		for (const [k, v] of Object.entries(doc))
			if ((!displayed || displayed.includes(k)) && (!retrieve || retrieve.includes(k))) visible[k] = v;
		const hit: Record<string, unknown> = { ...visible };
		if (geoSort) {
			const d = distance(doc, geoSort.point!);
			if (d !== undefined) hit._geoDistance = Math.round(d);
		}
		if (toHighlight) hit._formatted = formatted(visible, toHighlight, placeholder ? null : query, pre, post);
		return hit;
	});

	const response: Record<string, unknown> = { hits, query: q, processingTimeMs: Math.round(performance.now() - started) };
	if (facets.length) {
		const names = facets.includes('*') ? filterable.filter((f) => !f.includes('*')) : facets;
		const distribution: Record<string, Record<string, number>> = {};
		const stats: Record<string, { min: number; max: number }> = {};
		for (const name of names) {
			const counts = new Map<string, { label: string; count: number }>();
			for (const { doc } of candidates)
				for (const v of new Set(facetValues(doc, name))) {
					const key = typeof v === 'number' ? String(v) : fold(v);
					const entry = counts.get(key) ?? { label: String(v), count: 0 };
					entry.count++;
					counts.set(key, entry);
					if (typeof v === 'number') stats[name] = { min: Math.min(stats[name]?.min ?? v, v), max: Math.max(stats[name]?.max ?? v, v) };
				}
			const byCount = (settings.faceting.sortFacetValuesBy[name] ?? settings.faceting.sortFacetValuesBy['*']) === 'count';
			const entries = [...counts.values()].sort(
				(a, b) => (byCount ? b.count - a.count : 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
			);
			distribution[name] = Object.fromEntries(entries.slice(0, settings.faceting.maxValuesPerFacet).map((e) => [e.label, e.count]));
		}
		response.facetDistribution = distribution;
		response.facetStats = stats;
	}
	if (finite) {
		Object.assign(response, {
			hitsPerPage: perPage,
			page: pageNumber,
			totalPages: perPage === 0 ? 0 : Math.ceil(limitTotal / perPage),
			totalHits: limitTotal
		});
	} else Object.assign(response, { limit, offset, estimatedTotalHits: limitTotal });
	return response;
}

// ─── Documents ─────────────────────────────────────────────────────────────────────────────────

function primaryKeyFor(index: IndexState, docs: Doc[], requested: string | undefined): string {
	if (requested) {
		if (index.primaryKey && index.primaryKey !== requested && index.docs.size > 0)
			throw new ApiError(
				400,
				'index_primary_key_already_exists',
				`Index \`${index.uid}\` already has a primary key: \`${index.primaryKey}\`.`
			);
		return requested;
	}
	if (index.primaryKey) return index.primaryKey;
	const candidates = [...new Set(docs.flatMap((d) => Object.keys(d)))].filter((k) => /id$/i.test(k));
	if (candidates.length === 0)
		throw new ApiError(
			400,
			'index_primary_key_no_candidate_found',
			'The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter.'
		);
	if (candidates.length > 1)
		throw new ApiError(
			400,
			'index_primary_key_multiple_candidates_found',
			`The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: ${candidates.join(', ')}. Please specify the primary key manually using the \`primaryKey\` query parameter.`
		);
	return candidates[0];
}

function documentId(doc: Doc, primaryKey: string): string {
	const id = doc[primaryKey];
	if (id === undefined)
		throw new ApiError(400, 'missing_document_id', `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(doc)}\`.`);
	if ((typeof id === 'number' && Number.isInteger(id)) || (typeof id === 'string' && /^[A-Za-z0-9_-]{1,511}$/.test(id))) return String(id);
	throw new ApiError(
		400,
		'invalid_document_id',
		`Document identifier \`${JSON.stringify(id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`
	);
}

function checkGeo(doc: Doc) {
	if (!('_geo' in doc) || doc._geo === null) return;
	const geo = doc._geo as Record<string, Json>;
	const ok = (v: Json) => (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) && Number.isFinite(Number(v));
	if (typeof geo !== 'object' || Array.isArray(geo) || !ok(geo.lat) || !ok(geo.lng))
		throw new ApiError(400, 'invalid_document_geo_field', `The \`_geo\` field in the document is invalid: \`${JSON.stringify(geo)}\`.`);
	if (Math.abs(Number(geo.lat)) > 90 || Math.abs(Number(geo.lng)) > 180)
		throw new ApiError(400, 'invalid_document_geo_field', `Bad latitude or longitude in \`_geo\`: \`${JSON.stringify(geo)}\`.`);
}

// ─── Keys ──────────────────────────────────────────────────────────────────────────────────────

interface ApiKey {
	uid: string;
	key: string;
	name: string | null;
	description: string | null;
	actions: string[];
	indexes: string[];
	expiresAt: string | null;
	createdAt: string;
	updatedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ─── Server ────────────────────────────────────────────────────────────────────────────────────

interface Task {
	uid: number;
	batchUid: number | null;
	indexUid: string | null;
	status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
	type: string;
	canceledBy: null;
	details: Record<string, unknown>;
	error: ReturnType<ApiError['body']> | null;
	duration: string | null;
	enqueuedAt: string;
	startedAt: string | null;
	finishedAt: string | null;
}

export async function startMeilisearchDouble(): Promise<MeilisearchDouble> {
	const masterKey = randomBytes(24).toString('hex');
	const indexes = new Map<string, IndexState>();
	const tasks: Task[] = [];
	const work = new Map<number, () => Record<string, unknown> | void>();
	const keys: ApiKey[] = [];
	const requests: RecordedRequest[] = [];
	let outage: 'unreachable' | 'unavailable' | null = null;

	const now = () => new Date().toISOString();
	const makeKey = (fields: Omit<ApiKey, 'key' | 'createdAt' | 'updatedAt'>): ApiKey => ({
		...fields,
		// Meilisearch derives a key from its uid and the master key; so does the double.
		key: createHmac('sha256', masterKey).update(fields.uid).digest('hex'),
		createdAt: now(),
		updatedAt: now()
	});
	keys.push(
		makeKey({
			uid: randomUUID(),
			name: 'Default Search API Key',
			description: 'Use it to search from the frontend',
			actions: ['search'],
			indexes: ['*'],
			expiresAt: null
		}),
		makeKey({
			uid: randomUUID(),
			name: 'Default Admin API Key',
			description: 'Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend',
			actions: ['*'],
			indexes: ['*'],
			expiresAt: null
		})
	);

	const enqueue = (indexUid: string | null, type: string, details: Record<string, unknown>, run: () => Record<string, unknown> | void) => {
		const task: Task = {
			uid: tasks.length,
			batchUid: null,
			indexUid,
			status: 'enqueued',
			type,
			canceledBy: null,
			details,
			error: null,
			duration: null,
			enqueuedAt: now(),
			startedAt: null,
			finishedAt: null
		};
		tasks.push(task);
		work.set(task.uid, run);
		return { status: 202, body: { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt } };
	};

	/** Processes enqueued tasks in order, up to and including `uid`. */
	const processUpTo = (uid: number) => {
		for (const task of tasks) {
			if (task.uid > uid) break;
			if (task.status !== 'enqueued') continue;
			task.startedAt = now();
			task.batchUid = task.uid;
			try {
				Object.assign(task.details, work.get(task.uid)?.() ?? {});
				task.status = 'succeeded';
			} catch (e) {
				task.status = 'failed';
				task.error = (e instanceof ApiError ? e : new ApiError(500, 'internal', String(e), 'internal')).body();
			}
			work.delete(task.uid);
			task.finishedAt = now();
			task.duration = 'PT0.001S';
		}
	};

	const ensureIndex = (uid: string, primaryKey?: string | null) => {
		let index = indexes.get(uid);
		if (!index) {
			index = { uid, primaryKey: primaryKey ?? null, createdAt: now(), updatedAt: now(), settings: defaultSettings(), docs: new Map() };
			indexes.set(uid, index);
		}
		return index;
	};
	const existingIndex = (uid: string) => {
		const index = indexes.get(uid);
		if (!index) throw new ApiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
		return index;
	};
	const indexJson = (i: IndexState) => ({ uid: i.uid, createdAt: i.createdAt, updatedAt: i.updatedAt, primaryKey: i.primaryKey });

	const writeDocuments = (uid: string, body: unknown, requestedKey: string | undefined, merge: boolean) => {
		const docs = (Array.isArray(body) ? body : [body]) as Doc[];
		if (!docs.every((d) => d && typeof d === 'object' && !Array.isArray(d)))
			throw new ApiError(
				400,
				'malformed_payload',
				"The `json` payload provided is malformed. `Couldn't serialize document value: data are neither an object nor a list of objects`."
			);
		return enqueue(uid, 'documentAdditionOrUpdate', { receivedDocuments: docs.length, indexedDocuments: null }, () => {
			const index = ensureIndex(uid);
			const primaryKey = primaryKeyFor(index, docs, requestedKey);
			const prepared = docs.map((doc) => {
				checkGeo(doc);
				return [documentId(doc, primaryKey), doc] as const;
			});
			index.primaryKey = primaryKey;
			for (const [id, doc] of prepared)
				index.docs.set(id, merge ? { ...(index.docs.get(id) ?? {}), ...structuredClone(doc) } : structuredClone(doc));
			index.updatedAt = now();
			return { indexedDocuments: docs.length };
		});
	};

	const allows = (key: ApiKey, action: string, indexUid: string | null) => {
		if (key.expiresAt && Date.parse(key.expiresAt) < Date.now()) return false;
		const family = `${action.split('.')[0]}.*`;
		const actionOk = key.actions.some((a) => a === '*' || a === action || a === family);
		const indexOk =
			indexUid === null || key.indexes.some((p) => p === '*' || p === indexUid || (p.endsWith('*') && indexUid.startsWith(p.slice(0, -1))));
		return actionOk && indexOk;
	};
	const authorize = (header: string | undefined, action: string, indexUid: string | null) => {
		if (!header)
			throw new ApiError(
				401,
				'missing_authorization_header',
				'The Authorization header is missing. It must use the bearer authorization method.',
				'auth'
			);
		const token = /^Bearer (.+)$/.exec(header)?.[1];
		if (token === masterKey) return;
		const key = keys.find((k) => k.key === token);
		if (!key || !allows(key, action, indexUid)) throw new ApiError(403, 'invalid_api_key', 'The provided API key is invalid.', 'auth');
	};

	type Reply = { status: number; body?: unknown; taskUid?: number; taskStatus?: string };
	const route = (method: string, url: URL, auth: string | undefined, body: unknown): Reply => {
		const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
		const q = Object.fromEntries(url.searchParams);
		const need = (action: string, indexUid: string | null = null) => authorize(auth, action, indexUid);
		const [root, uid, sub, sub2] = parts;

		if (root === 'health' && method === 'GET') return { status: 200, body: { status: 'available' } };
		if (root === 'version' && method === 'GET') {
			need('version');
			return { status: 200, body: { commitSha: 'double', commitDate: '2025-01-01T00:00:00Z', pkgVersion: '1.16.0' } };
		}
		if (root === 'tasks' && method === 'GET') {
			need('tasks.get');
			if (uid === undefined) {
				const results = [...tasks].reverse().slice(0, Number(q.limit ?? 20));
				return {
					status: 200,
					body: { results, total: tasks.length, limit: Number(q.limit ?? 20), from: results[0]?.uid ?? null, next: null }
				};
			}
			const taskUid = Number(uid);
			processUpTo(taskUid);
			const task = tasks[taskUid];
			if (!task) throw new ApiError(404, 'task_not_found', `Task \`${uid}\` not found.`);
			return { status: 200, body: task, taskStatus: task.status };
		}
		if (root === 'keys') {
			if (method === 'GET' && uid === undefined) {
				need('keys.get');
				const offset = Number(q.offset ?? 0);
				const limit = Number(q.limit ?? 20);
				return { status: 200, body: { results: keys.slice(offset, offset + limit), offset, limit, total: keys.length } };
			}
			if (method === 'GET') {
				need('keys.get');
				const key = keys.find((k) => k.uid === uid || k.key === uid);
				if (!key) throw new ApiError(404, 'api_key_not_found', `API key \`${uid}\` not found.`);
				return { status: 200, body: key };
			}
			if (method === 'POST' && uid === undefined) {
				need('keys.create');
				const b = body as Partial<ApiKey> | null;
				if (!b || !Array.isArray(b.actions) || b.actions.length === 0)
					throw new ApiError(400, 'missing_api_key_actions', '`actions` field is mandatory.');
				if (!Array.isArray(b.indexes) || b.indexes.length === 0)
					throw new ApiError(400, 'missing_api_key_indexes', '`indexes` field is mandatory.');
				if (!('expiresAt' in b)) throw new ApiError(400, 'missing_api_key_expires_at', '`expiresAt` field is mandatory.');
				if (b.uid !== undefined && !UUID.test(b.uid))
					throw new ApiError(
						400,
						'invalid_api_key_uid',
						'`uid` field value `' + b.uid + '` is invalid. It should be a valid UUID v4 string or omitted.'
					);
				if (b.uid && keys.some((k) => k.uid === b.uid))
					throw new ApiError(409, 'api_key_already_exists', `\`uid\` field value \`${b.uid}\` is already an existing API key.`);
				const key = makeKey({
					uid: b.uid ?? randomUUID(),
					name: b.name ?? null,
					description: b.description ?? null,
					actions: b.actions,
					indexes: b.indexes,
					expiresAt: b.expiresAt ?? null
				});
				keys.push(key);
				return { status: 201, body: key };
			}
			if (method === 'DELETE' && uid) {
				need('keys.delete');
				const at = keys.findIndex((k) => k.uid === uid || k.key === uid);
				if (at < 0) throw new ApiError(404, 'api_key_not_found', `API key \`${uid}\` not found.`);
				keys.splice(at, 1);
				return { status: 204 };
			}
		}
		if (root === 'indexes') {
			if (uid === undefined && method === 'POST') {
				need('indexes.create');
				const b = body as { uid?: string; primaryKey?: string } | null;
				if (!b?.uid || !/^[A-Za-z0-9_-]{1,400}$/.test(b.uid))
					throw new ApiError(400, 'invalid_index_uid', '`uid` is not a valid index uid.');
				const newUid = b.uid;
				return enqueue(newUid, 'indexCreation', { primaryKey: b.primaryKey ?? null }, () => {
					if (indexes.has(newUid)) throw new ApiError(409, 'index_already_exists', `Index \`${newUid}\` already exists.`);
					ensureIndex(newUid, b.primaryKey);
				});
			}
			if (uid === undefined && method === 'GET') {
				need('indexes.get');
				const all = [...indexes.values()].map(indexJson);
				return { status: 200, body: { results: all, offset: 0, limit: 20, total: all.length } };
			}
			if (sub === undefined) {
				if (method === 'GET') {
					need('indexes.get', uid);
					return { status: 200, body: indexJson(existingIndex(uid)) };
				}
				if (method === 'DELETE') {
					need('indexes.delete', uid);
					return enqueue(uid, 'indexDeletion', {}, () => {
						existingIndex(uid);
						indexes.delete(uid);
					});
				}
			}
			if (sub === 'search' && method === 'POST') {
				need('search', uid);
				return { status: 200, body: search(existingIndex(uid), (body ?? {}) as Record<string, unknown>) };
			}
			if (sub === 'settings' && sub2 === undefined) {
				if (method === 'GET') {
					need('settings.get', uid);
					return { status: 200, body: existingIndex(uid).settings };
				}
				if (method === 'PATCH') {
					need('settings.update', uid);
					const patch = validateSettings(body);
					return enqueue(uid, 'settingsUpdate', structuredClone(patch), () => {
						const index = ensureIndex(uid);
						index.settings = mergeSettings(index.settings, patch);
						index.updatedAt = now();
					});
				}
				if (method === 'DELETE') {
					need('settings.update', uid);
					return enqueue(uid, 'settingsUpdate', {}, () => void (ensureIndex(uid).settings = defaultSettings()));
				}
			}
			if (sub === 'stats' && method === 'GET') {
				need('stats.get', uid);
				const index = existingIndex(uid);
				return {
					status: 200,
					body: {
						numberOfDocuments: index.docs.size,
						isIndexing: tasks.some((t) => t.indexUid === uid && t.status === 'enqueued'),
						fieldDistribution: {}
					}
				};
			}
			if (sub === 'documents') {
				if (sub2 === undefined && (method === 'POST' || method === 'PUT')) {
					need('documents.add', uid);
					return writeDocuments(uid, body, q.primaryKey, method === 'PUT');
				}
				if (sub2 === undefined && method === 'DELETE') {
					need('documents.delete', uid);
					return enqueue(uid, 'documentDeletion', { providedIds: 0, deletedDocuments: null, originalFilter: null }, () => {
						const index = existingIndex(uid);
						const deletedDocuments = index.docs.size;
						index.docs.clear();
						return { deletedDocuments };
					});
				}
				if (sub2 === 'delete-batch' && method === 'POST') {
					need('documents.delete', uid);
					if (!Array.isArray(body)) throw new ApiError(400, 'bad_request', 'Json deserialize error: invalid type: expected a sequence.');
					const ids = body.map(String);
					return enqueue(uid, 'documentDeletion', { providedIds: ids.length, deletedDocuments: null, originalFilter: null }, () => {
						const index = existingIndex(uid);
						return { deletedDocuments: ids.filter((id) => index.docs.delete(id)).length };
					});
				}
				if (sub2 === 'delete' && method === 'POST') {
					need('documents.delete', uid);
					const filter = parseFilterParam((body as { filter?: unknown } | null)?.filter);
					if (!filter) throw new ApiError(400, 'missing_document_filter', 'Missing field `filter`.');
					return enqueue(
						uid,
						'documentDeletion',
						{ providedIds: 0, deletedDocuments: null, originalFilter: JSON.stringify((body as { filter: unknown }).filter) },
						() => {
							const index = existingIndex(uid);
							let deletedDocuments = 0;
							for (const [id, doc] of index.docs) if (evaluate(filter, doc) && index.docs.delete(id)) deletedDocuments++;
							return { deletedDocuments };
						}
					);
				}
				if (sub2 === undefined && method === 'GET') {
					need('documents.get', uid);
					const all = [...existingIndex(uid).docs.values()];
					const offset = Number(q.offset ?? 0);
					const limit = Number(q.limit ?? 20);
					return { status: 200, body: { results: all.slice(offset, offset + limit), offset, limit, total: all.length } };
				}
				if (sub2 !== undefined && method === 'GET') {
					need('documents.get', uid);
					const doc = existingIndex(uid).docs.get(sub2);
					if (!doc) throw new ApiError(404, 'document_not_found', `Document \`${sub2}\` not found.`);
					return { status: 200, body: doc };
				}
				if (sub2 !== undefined && method === 'DELETE') {
					need('documents.delete', uid);
					return enqueue(uid, 'documentDeletion', { providedIds: 1, deletedDocuments: null, originalFilter: null }, () => ({
						deletedDocuments: existingIndex(uid).docs.delete(sub2) ? 1 : 0
					}));
				}
			}
		}
		throw new ApiError(404, 'not_found', `Route \`${method} ${url.pathname}\` is not served by the Meilisearch double.`);
	};

	const server = http.createServer((req, res) => {
		if (outage === 'unreachable') {
			req.socket.destroy();
			return;
		}
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://double');
			const method = req.method ?? 'GET';
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown;
			let reply: Reply;
			try {
				if (outage === 'unavailable') throw new ApiError(503, 'unavailable', 'Service Unavailable', 'internal');
				try {
					body = text ? JSON.parse(text) : undefined;
				} catch {
					throw new ApiError(400, 'malformed_payload', 'The json payload provided is malformed.');
				}
				reply = route(method, url, req.headers.authorization, body);
			} catch (e) {
				const error = e instanceof ApiError ? e : new ApiError(500, 'internal', String(e), 'internal');
				reply = { status: error.status, body: error.body() };
			}
			const taskUid = (reply.body as { taskUid?: number } | undefined)?.taskUid;
			requests.push({
				method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				body,
				status: reply.status,
				taskUid,
				taskStatus: reply.taskStatus
			});
			if (reply.body === undefined) {
				res.writeHead(reply.status);
				res.end();
				return;
			}
			res.writeHead(reply.status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(reply.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		apiKey: masterKey,
		requests,
		settingsOf: (index) => (indexes.get(index) ? structuredClone(indexes.get(index)!.settings) : undefined),
		documentsOf: (index) => [...(indexes.get(index)?.docs.values() ?? [])].map((d) => structuredClone(d)),
		down(mode = 'unreachable') {
			outage = mode;
			// Keep-alive sockets would otherwise still reach the handler as if nothing happened.
			if (mode === 'unreachable') server.closeAllConnections();
		},
		up() {
			outage = null;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			})
	};
}
