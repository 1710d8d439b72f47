import { describe, expect, it } from 'vitest';
import { nearestWord, respell, type Vocabulary } from './suggest';

const words: Vocabulary = new Map([
	['주얼리', '주얼리'],
	['반지', '반지'],
	['레이저', '레이저'],
	['커팅', '커팅'],
	['jewelry', 'jewelry'],
	['씨앤씨', 'cnc']
]);

describe('did-you-mean respelling', () => {
	it.each([
		['a known word is itself', '반지', '반지'],
		['a typo a little beyond the engine budget', '주을뤼', '주얼리'],
		['a near miss of a spelling variant suggests the standard spelling', '시앤씨', 'cnc'],
		['a compound of two known words is split', '레이저커팅', '레이저 커팅'],
		['English', 'jewelri', 'jewelry'],
		['nothing near', '티타늄', null]
	])('%s: %s → %s', (_label, typed, expected) => {
		expect(nearestWord(typed, words)).toBe(expected);
	});

	it.each([
		['unknown words are dropped, known ones kept', '주을뤼 zzqxv', '주얼리'],
		['nothing to suggest when unchanged', '주얼리 반지', null],
		['nothing to suggest when nothing is near', 'zzqxv', null]
	])('%s', (_label, q, expected) => {
		expect(respell(q, words)).toBe(expected);
	});
});
