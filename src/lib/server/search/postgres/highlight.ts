// Highlighting: the places of a hit's name and description that match the query, marked in HTML.
import { initials, normalize } from '../../../domain/korean';
import { HANGUL_WORD, INITIALS_WORD } from './lexemes';
import type { Segment } from './query';

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

export function highlightTerms(segments: Segment[]): HighlightTerms {
	const words = new Set<string>();
	const consonants = new Set<string>();
	for (const s of segments) {
		for (const word of [s.words, ...s.alternatives].flat()) (INITIALS_WORD.test(word) ? consonants : words).add(word);
	}
	return { words: [...words].sort((a, b) => b.length - a.length), initials: [...consonants] };
}
