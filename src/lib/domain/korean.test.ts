import { describe, expect, it } from 'vitest';
import {
	SPELLING_VARIANTS,
	compoundSeams,
	initials,
	isInitialsQuery,
	jamoDistance,
	normalize,
	splitCompound,
	tokenize,
	toJamo,
	typoBudget
} from './korean';

describe('toJamo', () => {
	it.each([
		['주얼리', 'ㅈㅜㅇㅓㄹㄹㅣ'],
		['닭', 'ㄷㅏㄹㄱ'], // compound final ㄺ
		['과', 'ㄱㅗㅏ'], // compound vowel ㅘ
		['값', 'ㄱㅏㅂㅅ'],
		['의', 'ㅇㅡㅣ'],
		['ㄳ', 'ㄱㅅ'], // a typed compound jamo splits the same way
		['ㅈㅇㄹ', 'ㅈㅇㄹ'],
		['CNC 선반', 'cnc ㅅㅓㄴㅂㅏㄴ'],
		['14K', '14k'],
		['', '']
	])('%s → %s', (text, jamo) => {
		expect(toJamo(text)).toBe(jamo);
	});
});

describe('initials', () => {
	it.each([
		['주얼리', 'ㅈㅇㄹ'],
		['문래 기계금속', 'ㅁㄹ ㄱㄱㄱㅅ'],
		['종로 주얼리', 'ㅈㄹ ㅈㅇㄹ'],
		['  종로,  주얼리! ', 'ㅈㄹ ㅈㅇㄹ'],
		['(주)성수·수제화', 'ㅈ ㅅㅅ ㅅㅈㅎ'],
		// Latin letters and digits inside a word are dropped without splitting it.
		['3D프린팅 CNC 가공', 'ㅍㄹㅌ ㄱㄱ'],
		['ㅈㅇㄹ', 'ㅈㅇㄹ'],
		['jewelry', '']
	])('%s → %s', (text, expected) => {
		expect(initials(text)).toBe(expected);
	});
});

describe('isInitialsQuery', () => {
	it.each([
		['ㅈㅇㄹ', true],
		['ㅁㄹ ㄱㄱ', true],
		[' ㅅ ', true],
		[normalize('ㅈㅇㄹ'), true],
		['\u110c\u110b\u1105', true], // the same consonants after NFKC
		['주얼리', false],
		['ㅈㅇ리', false],
		['ㅈㅇㄹ2', false],
		['ㅏ', false],
		['cnc', false],
		['  ', false],
		['', false]
	])('%j → %s', (q, expected) => {
		expect(isInitialsQuery(q)).toBe(expected);
	});
});

describe('normalize', () => {
	it.each([
		['쥬얼리', '주얼리'],
		['옵셋 인쇄', '오프셋 인쇄'],
		['옾셋인쇄', '오프셋인쇄'],
		['CNC  선반', 'cnc 선반'],
		['씨앤씨 가공', 'cnc 가공'],
		['레이져 절단', '레이저 절단'],
		['악세사리', '액세서리'],
		['밀링  머신', '밀링'],
		// spelling variants fold inside Korean compounds, Latin ones only as whole words
		['쥬얼리공방', '주얼리공방'],
		['Jewellery-shop', 'jewelry shop'],
		['greyhound', 'greyhound'],
		// full-width and compatibility forms (NFKC)
		['ＣＮＣ　선반', 'cnc 선반'],
		['㈜종로', '주 종로'],
		// punctuation goes, numbers keep their decimal point and lose thousands separators
		['  ISO-9001 인증, 쥬얼리. ', 'iso 9001 인증 주얼리'],
		['0.5mm 공차, 1,000개!', '0.5mm 공차 1000 개'],
		['v1.2.', 'v1.2'],
		// Latin letters and digits never stick to Hangul
		['CNC가공', 'cnc 가공'],
		['14K금 반지', '14k 금 반지'],
		// typed jamo stay jamo (NFKC alone would make them conjoining jamo or syllables)
		['ㅈㅇㄹ', 'ㅈㅇㄹ'],
		['ㅈㅜ 주얼리', 'ㅈㅜ 주얼리'],
		// decomposed Hangul (macOS file names) is composed
		['\u110c\u116e\u110b\u1165\u11af\u1105\u1175', '주얼리'],
		['수제화 🥿 성수', '수제화 성수'],
		['', '']
	])('%j → %j', (text, expected) => {
		expect(normalize(text)).toBe(expected);
	});

	it.each(Object.entries(SPELLING_VARIANTS))('folds the variant %s to %s, which stays as it is', (variant, canonical) => {
		expect(normalize(variant)).toBe(canonical);
		expect(normalize(canonical)).toBe(canonical);
	});

	it('is idempotent', () => {
		const text = '종로 쥬얼리(주) — 14K금·18K금 반지, CNC가공 0.5mm ±0.01 / ISO-9001 인증 ㅈㅇㄹ';
		expect(normalize(normalize(text))).toBe(normalize(text));
	});
});

describe('tokenize', () => {
	it.each([
		['종로 쥬얼리, CNC가공!', ['종로', '주얼리', 'cnc', '가공']],
		['offset printing', ['offset', 'printing']],
		[' . , ', []],
		['', []]
	])('%j → %j', (text, tokens) => {
		expect(tokenize(text)).toEqual(tokens);
	});
});

describe('jamoDistance', () => {
	it.each([
		['주얼리', '주얼라', 1],
		['수제화', '수재화', 1],
		['선반', '산반', 1], // ㅓ → ㅏ
		['과', '고', 1], // ㅘ loses its ㅏ
		['닭', '달', 1], // ㄺ loses its ㄱ
		['금형', '금형', 0],
		['jewelry', 'jewlery', 1], // adjacent letters swapped
		['용접', '요접', 1],
		['주얼리', '', 7]
	])('%s ↔ %s = %i', (a, b, distance) => {
		expect(jamoDistance(a, b)).toBe(distance);
		expect(jamoDistance(b, a)).toBe(distance);
	});

	it.each([
		['주얼리', '수제화'],
		['선반', '용접'],
		['금형', '금속'],
		['반지', '반죽'],
		['laser', 'lathe']
	])('%s and %s are too far apart to be a typo', (query, word) => {
		expect(jamoDistance(query, word)).toBeGreaterThan(typoBudget(query));
	});

	it('stops at maxDistance and reports maxDistance + 1', () => {
		expect(jamoDistance('주얼리', '수제화', 2)).toBe(3);
		expect(jamoDistance('주얼리', '주얼리 공방 종로', 1)).toBe(2);
		expect(jamoDistance('주얼리', '주얼라', 1)).toBe(1);
	});
});

describe('typoBudget', () => {
	it.each([
		['금', 0],
		['선반', 1],
		['주얼리', 2],
		['수제구두', 2],
		['cnc', 0],
		['gold', 0],
		['laser', 1],
		['jewelry', 1],
		['polishing', 2],
		['9001', 0],
		['sus304', 0],
		['ㅈㅇㄹ', 0]
	])('%s tolerates %i jamo edits', (token, budget) => {
		expect(typoBudget(token)).toBe(budget);
	});

	it.each([
		['주얼라', '주얼리', true],
		['산반', '선반', true],
		['수재화', '수제화', true],
		['근', '금', false], // one syllable: no typo allowed
		['밀랑', '밀링', true],
		['발링', '밀링', false] // two edits in two syllables
	])('query %s matches %s: %s', (query, word, matches) => {
		const budget = typoBudget(query);
		expect(jamoDistance(query, word, budget) <= budget).toBe(matches);
	});
});

describe('compoundSeams', () => {
	it('gives the syllable pairs across the spaces of a Korean phrase', () => {
		expect(compoundSeams('정밀 가공')).toEqual(['밀가']);
		expect(compoundSeams('왁스 카빙')).toEqual(['스카']);
		expect(compoundSeams('굿이어 웰트')).toEqual(['어웰']);
		expect(compoundSeams('중철 제본 전문')).toEqual(['철제', '본전']);
	});

	it('spans a one-syllable word too (박 가공), but never a Latin word or a number', () => {
		expect(compoundSeams('박 가공')).toEqual(['박가']);
		expect(compoundSeams('CNC 선반')).toEqual([]);
		expect(compoundSeams('무선제본')).toEqual([]);
	});

	it('reads the text folded, as the index does (spelling variants, separators)', () => {
		expect(compoundSeams('옵셋·인쇄')).toEqual(['셋인']);
	});
});

describe('splitCompound', () => {
	const words = new Set(['무선', '제본', '정밀', '가공', '왁스', '카빙', '박', '가공소']);
	const known = (part: string) => words.has(part);

	it('splits a compound typed without spaces into known words, longest first', () => {
		expect(splitCompound('무선제본', known)).toEqual(['무선', '제본']);
		expect(splitCompound('정밀가공', known)).toEqual(['정밀', '가공']);
		expect(splitCompound('왁스카빙', known)).toEqual(['왁스', '카빙']);
		expect(splitCompound('박가공소', known)).toEqual(['박', '가공소']);
	});

	it('leaves a word that known words do not cover whole, or that is one word already', () => {
		expect(splitCompound('무선충전', known)).toBeNull();
		expect(splitCompound('제본', known)).toBeNull();
		expect(splitCompound('cnc가공', known)).toBeNull();
		expect(splitCompound('박가공', known, 2)).toBeNull();
	});
});
