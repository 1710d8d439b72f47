// Korean-aware text handling for workshop search, shared by both engines (Meilisearch and PostgreSQL)
// so that indexed text and queries are folded the same way. It runs over every indexed document:
// loops work on char codes and lookup tables, and whole-string regexes run natively.

import { disassemble } from 'es-hangul';

export const SYLLABLE_FIRST = 0xac00;
export const SYLLABLE_LAST = 0xd7a3;
const COMPAT_FIRST = 0x3131; // ㄱ
const COMPAT_LAST_CONSONANT = 0x314e; // ㅎ
const COMPAT_LAST = 0x318e;

// The 19 initials, 21 medials and 27 finals of Hangul syllables, in Unicode order.
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const COMPAT_FINALS = 'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

// es-hangul's disassemble splits compound vowels and finals, so that 과/고 or 닭/달 are one jamo apart.
// It is built into a table once: the loop below runs over every indexed document.
const SYLLABLE_JAMO: string[] = [];
for (let c = SYLLABLE_FIRST; c <= SYLLABLE_LAST; c++) SYLLABLE_JAMO.push(disassemble(String.fromCharCode(c)));

/** Standalone compatibility jamo that are compounds (ㄳ, ㅘ …), indexed by code − U+3131. */
const COMPAT_SPLIT: (string | undefined)[] = [];
for (let c = COMPAT_FIRST; c <= COMPAT_LAST; c++) {
	const jamo = String.fromCharCode(c);
	const split = disassemble(jamo);
	if (split !== jamo) COMPAT_SPLIT[c - COMPAT_FIRST] = split;
}

/** Hangul syllables as compatibility jamo (주얼리 → ㅈㅜㅇㅓㄹㄹㅣ); everything else lower-cased. */
export function toJamo(text: string): string {
	const s = text.toLowerCase();
	let out = '';
	let copied = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		let jamo: string | undefined;
		if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) jamo = SYLLABLE_JAMO[c - SYLLABLE_FIRST];
		else if (c >= COMPAT_FIRST && c <= COMPAT_LAST) jamo = COMPAT_SPLIT[c - COMPAT_FIRST];
		if (jamo === undefined) continue;
		if (copied < i) out += s.slice(copied, i);
		out += jamo;
		copied = i + 1;
	}
	return copied === 0 ? s : out + s.slice(copied);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether a char ends a word; Latin letters and digits inside a Korean word (3D프린팅) do not. */
function isSeparator(text: string, i: number, c: number): boolean {
	if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a));
	return !WORD_CHAR.test(text[i]); // rare outside Hangul and ASCII
}

/** Initial consonants per word, for 초성 search: '종로 주얼리' → 'ㅈㄹ ㅈㅇㄹ'. */
export function initials(text: string): string {
	let out = '';
	let space = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let initial: string;
		if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) initial = INITIALS[((c - SYLLABLE_FIRST) / 588) | 0];
		else if (c >= COMPAT_FIRST && c <= COMPAT_LAST_CONSONANT) initial = text[i];
		else {
			if (out.length > 0 && isSeparator(text, i, c)) space = true;
			continue;
		}
		if (space) out += ' ';
		space = false;
		out += initial;
	}
	return out;
}

/** A query typed as initial consonants only ('ㅈㅇㄹ', 'ㅁㄹ ㄱㄱ'). */
export function isInitialsQuery(q: string): boolean {
	let consonants = 0;
	for (let i = 0; i < q.length; i++) {
		const c = q.charCodeAt(i);
		// U+1100–U+1112 are the same consonants after NFKC.
		if ((c >= COMPAT_FIRST && c <= COMPAT_LAST_CONSONANT) || (c >= 0x1100 && c <= 0x1112)) consonants++;
		else if (c !== 0x20 && c !== 0x3000 && (c < 0x09 || c > 0x0d)) return false;
	}
	return consonants > 0;
}

/**
 * Spelling variants folded to one canonical spelling (variant → canonical), in indexed text and queries.
 * Spellings only: words that differ in meaning or register (수제구두 / 수제화) are glossary synonyms.
 * Hangul variants also fold inside compounds (쥬얼리공방); Latin ones only as whole words.
 */
export const SPELLING_VARIANTS: Readonly<Record<string, string>> = Object.freeze({
	쥬얼리: '주얼리',
	악세사리: '액세서리',
	악세서리: '액세서리',
	액세사리: '액세서리',
	엑세서리: '액세서리',
	옵셋: '오프셋',
	옾셋: '오프셋',
	씨앤씨: 'cnc',
	씨엔씨: 'cnc',
	시엔씨: 'cnc',
	레이져: '레이저',
	밀링머신: '밀링',
	'밀링 머신': '밀링',
	스텐레스: '스테인리스',
	스테인레스: '스테인리스',
	알미늄: '알루미늄',
	알루미니움: '알루미늄',
	카다로그: '카탈로그',
	카타로그: '카탈로그',
	카달로그: '카탈로그',
	팩키지: '패키지',
	팩키징: '패키징',
	디지탈: '디지털',
	컷팅: '커팅',
	쎄팅: '세팅',
	팬던트: '펜던트',
	귀거리: '귀걸이',
	엠보씽: '엠보싱',
	스웨드: '스웨이드',
	톰손: '톰슨',
	브로셔: '브로슈어',
	팜플렛: '팸플릿',
	팸플렛: '팸플릿',
	리플렛: '리플릿',
	jewellery: 'jewelry',
	jewelery: 'jewelry',
	aluminium: 'aluminum',
	mould: 'mold',
	moulding: 'molding',
	catalogue: 'catalog',
	colour: 'color',
	grey: 'gray'
});

// Variants fold before punctuation goes, hence \s+ inside a variant and word bounds around Latin ones.
const VARIANT_PATTERN = new RegExp(
	Object.keys(SPELLING_VARIANTS)
		.sort((a, b) => b.length - a.length)
		.map((v) => (/^[a-z]+$/.test(v) ? `(?<![a-z0-9])${v}(?![a-z0-9])` : v.replaceAll(' ', '\\s+')))
		.join('|'),
	'g'
);
const foldVariant = (variant: string) => SPELLING_VARIANTS[variant] ?? SPELLING_VARIANTS[variant.replace(/\s+/g, ' ')];

const CONJOINING_TO_COMPAT: Record<string, string> = {};
[...INITIALS].forEach((c, i) => (CONJOINING_TO_COMPAT[String.fromCharCode(0x1100 + i)] = c));
[...VOWELS].forEach((c, i) => (CONJOINING_TO_COMPAT[String.fromCharCode(0x1161 + i)] = c));
[...COMPAT_FINALS].forEach((c, i) => (CONJOINING_TO_COMPAT[String.fromCharCode(0x11a8 + i)] = c));

// ASCII, Hangul syllables and compatibility jamo need no NFKC (most text): skipping it halves the cost.
const NEEDS_NFKC = /[^\t\n\r\x20-\x7e\uac00-\ud7a3\u3131-\u318e]/;
const HAS_COMPAT_JAMO = /[\u3131-\u318e]/;
const NOT_COMPAT_JAMO = /[^\u3131-\u318e]+/g;
const LONE_CONJOINING = /[\u1100-\u1112\u1161-\u1175\u11a8-\u11c2]/g;
const nfkc = (part: string) => part.normalize('NFKC');

const SEPARATOR = -1;
const SPACE = 0;
const HANGUL = 1;
const LATIN = 2;
const DIGIT = 3;
const OTHER_LETTER = 4;

function kindOf(s: string, i: number): number {
	const c = s.charCodeAt(i);
	if (c < 0x80) return c >= 0x61 && c <= 0x7a ? LATIN : c >= 0x30 && c <= 0x39 ? DIGIT : SEPARATOR;
	if ((c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) || (c >= COMPAT_FIRST && c <= COMPAT_LAST)) return HANGUL;
	return WORD_CHAR.test(s[i]) ? OTHER_LETTER : SEPARATOR;
}

const isDigitAt = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;

/**
 * One pass over lower-cased text: runs of punctuation and spaces become one space (none at the ends),
 * '0.5' keeps its dot, '1,000' loses its comma, and Latin or digits never stick to Hangul
 * ('cnc가공' → 'cnc 가공', '14k금' → '14k 금'). Unchanged stretches are copied as slices.
 */
function foldSeparators(s: string): string {
	const n = s.length;
	let out = '';
	let copied = 0;
	let last = SPACE;
	for (let i = 0; i < n; i++) {
		let kind = kindOf(s, i);
		if (kind === SEPARATOR && last === DIGIT && isDigitAt(s, i + 1)) {
			const c = s.charCodeAt(i);
			if (c === 0x2e) kind = DIGIT;
			else if (c === 0x2c && isDigitAt(s, i + 2) && isDigitAt(s, i + 3) && !isDigitAt(s, i + 4)) {
				out += s.slice(copied, i);
				copied = i + 1;
				continue;
			}
		}
		if (kind !== SEPARATOR) {
			const mixed = kind === HANGUL ? last === LATIN || last === DIGIT : last === HANGUL && (kind === LATIN || kind === DIGIT);
			if (mixed) {
				out += s.slice(copied, i) + ' ';
				copied = i;
			}
			last = kind;
			continue;
		}
		let end = i + 1;
		while (end < n && kindOf(s, end) === SEPARATOR) end++;
		if (end === i + 1 && s.charCodeAt(i) === 0x20 && last !== SPACE && end < n) {
			last = SPACE; // a single space between words stays as it is
			continue;
		}
		out += s.slice(copied, i);
		if (last !== SPACE && end < n) out += ' ';
		copied = end;
		last = SPACE;
		i = end - 1;
	}
	return copied === 0 ? s : out + s.slice(copied);
}

/** The one folding of text for search: NFKC, lower case, variants folded, words apart by one space. */
export function normalize(text: string): string {
	let s = text;
	if (NEEDS_NFKC.test(s)) {
		// NFKC would turn typed jamo (ㅈㅇㄹ) into conjoining jamo, or even into syllables (ㅈㅜ → 주).
		s = HAS_COMPAT_JAMO.test(s) ? s.replace(NOT_COMPAT_JAMO, nfkc) : s.normalize('NFKC');
		s = s.replace(LONE_CONJOINING, (c) => CONJOINING_TO_COMPAT[c]);
	}
	return foldSeparators(s.toLowerCase().replace(VARIANT_PATTERN, foldVariant));
}

/** Normalised words of a text. */
export function tokenize(text: string): string[] {
	const normalized = normalize(text);
	return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Damerau–Levenshtein distance (adjacent transpositions, optimal string alignment) between the jamo
 * of two words: 주얼리 / 주얼라 → 1. Stops early once it exceeds maxDistance and then returns
 * maxDistance + 1.
 */
export function jamoDistance(a: string, b: string, maxDistance = Number.POSITIVE_INFINITY): number {
	const s = toJamo(a);
	const t = toJamo(b);
	if (s === t) return 0;
	const m = s.length;
	const n = t.length;
	const over = maxDistance + 1;
	if (Math.abs(m - n) > maxDistance) return over;
	if (m === 0 || n === 0) return Math.max(m, n);
	let before = new Int32Array(n + 1);
	let previous = new Int32Array(n + 1);
	let current = new Int32Array(n + 1);
	for (let j = 0; j <= n; j++) previous[j] = j;
	for (let i = 1; i <= m; i++) {
		const sc = s.charCodeAt(i - 1);
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const tc = t.charCodeAt(j - 1);
			let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (sc === tc ? 0 : 1));
			if (i > 1 && j > 1 && sc === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === tc) d = Math.min(d, before[j - 2] + 1);
			current[j] = d;
			if (d < rowMin) rowMin = d;
		}
		// A later row is never below this row's minimum (a transposition costs as much as a substitution path).
		if (rowMin > maxDistance) return over;
		[before, previous, current] = [previous, current, before];
	}
	return previous[n] > maxDistance ? over : previous[n];
}

/**
 * Jamo edits a query word may contain and still match. Korean words are 2–4 syllables, too short for
 * character-based typo rules: 2 syllables allow 1 jamo edit, 3 or more allow 2, one syllable none.
 * Latin words follow Meilisearch (1 typo from 5 letters, 2 from 9); numbers and initials get none.
 */
export function typoBudget(token: string): number {
	let syllables = 0;
	let letters = 0;
	for (let i = 0; i < token.length; i++) {
		const c = token.charCodeAt(i);
		if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) syllables++;
		else if (c >= 0x30 && c <= 0x39) return 0;
		else if (c < COMPAT_FIRST || c > COMPAT_LAST) letters++;
	}
	if (syllables > 0) return syllables === 1 ? 0 : syllables === 2 ? 1 : 2;
	return letters < 5 ? 0 : letters <= 8 ? 1 : 2;
}

const HANGUL_RUN = /^[\uac00-\ud7a3]+$/;

/**
 * Compounds written with and without their spaces (정밀 가공 / 정밀가공, 왁스 카빙 / 왁스카빙): the
 * syllable pairs that span the spaces of a phrase's Korean words, which the phrase typed as one word
 * holds and the spaced phrase does not. Both engines look compounds up by syllable pairs or by their
 * parts, so that with these a query typed without a space finds the spaced form ('정밀 가공' → 밀가;
 * 박 가공 → 박가). Only between Hangul words: CNC 가공 has no seam.
 */
export function compoundSeams(text: string): string[] {
	const words = tokenize(text);
	const seams: string[] = [];
	for (let i = 1; i < words.length; i++) {
		const [left, right] = [words[i - 1], words[i]];
		if (HANGUL_RUN.test(left) && HANGUL_RUN.test(right)) seams.push(left.slice(-1) + right[0]);
	}
	return seams;
}

/**
 * A Korean compound split into known words, longest first from the left (무선제본 → 무선, 제본), or
 * null when the known words do not cover it whole. How a compound typed without its spaces is read
 * as the phrase it stands for.
 */
export function splitCompound(word: string, known: (part: string) => boolean, minPart = 1): string[] | null {
	if (!HANGUL_RUN.test(word)) return null;
	const parts: string[] = [];
	for (let start = 0; start < word.length;) {
		let length = word.length - start;
		while (length >= minPart && !known(word.slice(start, start + length))) length--;
		if (length < minPart) return null;
		parts.push(word.slice(start, start + length));
		start += length;
	}
	return parts.length > 1 ? parts : null;
}
