import { describe, expect, it } from 'vitest';
import { romanize } from './romanize';

describe('romanize', () => {
	it.each([
		['명가주얼리', 'myeonggajueolli'],
		['대성정밀', 'daeseongjeongmil'],
		['직지인쇄', 'jikjiinswae'],
		['종로 3가', 'jongno 3ga'],
		['독립문', 'dongnimmun'],
		['같이', 'gachi'],
		['ABC 공방', 'ABC gongbang']
	])('%s → %s', (korean, latin) => {
		expect(romanize(korean)).toBe(latin);
	});
});
