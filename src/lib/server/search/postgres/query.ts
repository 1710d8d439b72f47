// A query as tsqueries over the lexemes indexRow() writes (lexemes.ts): its words split into glossary
// phrases with their synonyms (segment()), and the tsqueries of each ranking tier (plan()).
import { expandQuery, synonymGroups, type GlossaryEntry } from '../../../domain/glossary';
import { normalize } from '../../../domain/korean';
import { PRODUCTS, productsIn } from '../../../domain/products';
import { HANGUL_WORD, INITIALS_WORD, LATIN_WORD, PREFIX_MARK, productLexeme } from './lexemes';
import { lexeme } from './sql';

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
export interface Segment {
	words: string[];
	/** Glossary synonyms of the segment and typo corrections of its word, each a list of words. */
	alternatives: string[][];
	/** Keys of the products the segment names (귀걸이 → earrings): matched by the trade's product lexemes. */
	products?: string[];
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
	/**
	 * A partial level: the query's first words only (partialLevels()), read without the workshops of
	 * the levels above; it has no exact-name slice (a workshop named the whole query has every word).
	 */
	partial?: boolean;
}

/** Above this many, a query's alternatives are looked up together (see relevanceStages()). */
const MAX_ALTERNATIVES = 8;

/** The glossary's phrases, per glossary (the engine keeps one for 30 s: worked out once, not per search). */
const phrasesOf = new WeakMap<readonly GlossaryEntry[], { phrases: Set<string>; longest: number }>();
function glossaryPhrases(glossary: readonly GlossaryEntry[]): { phrases: Set<string>; longest: number } {
	let known = phrasesOf.get(glossary);
	if (!known) {
		// Product phrases too ('business cards'), so that a query names a product as one segment.
		const products = PRODUCTS.flatMap((p) => [...p.ko, ...p.en]).map(normalize);
		const phrases = new Set([...synonymGroups(glossary).flat(), ...products]);
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
		segments.push({ words: own, alternatives: extra, products: productsIn(own.join(' ')).map((m) => m.product.key) });
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

export function plan(segments: Segment[], name: string, complete = false, typingLast = true): PlannedQuery {
	// The last word may still be being typed (unless the words are complete): it also matches as a prefix.
	const typing = (i: number) => !complete && typingLast && i === segments.length - 1;
	const strict = segments.map((s, i) => phraseQuery(s.words, typing(i), complete)).join(' & ');
	// Products only outside scope 'key': matching credits what a trade makes itself (domain/matching.ts).
	const perSegment = segments.map((s, i) => [
		...distinctAlternatives(s).map((words) => phraseQuery(words, typing(i) && words === s.words, complete)),
		...(complete ? [] : (s.products ?? []).map((key) => lexeme(productLexeme(key))))
	]);
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

/** Partial levels up to this many: a longer query's shorter prefixes are not read. */
const MAX_PARTIAL_LEVELS = 4;

/** A partial level: the planned query of the first words, and the matches of the level above it to leave out. */
export interface PartialLevel {
	planned: PlannedQuery;
	/** The level above's `full`: every workshop with more of the query's words (the levels nest). */
	exclude: string;
}

/**
 * The partial tier, as Meilisearch's matchingStrategy 'last' reads a query: after the workshops with
 * every segment, those with the first n-1 segments, then n-2, …, then the first alone (a workshop with
 * only a later word is not listed). The dropped words are not being typed any more, so the last
 * remaining one is whole. Empty for a query of one segment.
 */
export function partialLevels(planned: PlannedQuery): PartialLevel[] {
	const levels: PartialLevel[] = [];
	let above = planned.full;
	for (let k = planned.segments.length - 1; k >= 1 && levels.length < MAX_PARTIAL_LEVELS; k--) {
		const level = { ...plan(planned.segments.slice(0, k), planned.name, false, false), partial: true };
		levels.push({ planned: level, exclude: above });
		above = level.full;
	}
	return levels;
}
