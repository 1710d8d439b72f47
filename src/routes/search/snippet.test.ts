import { describe, expect, it } from 'vitest';
import { snippet } from './snippet';

describe('snippet', () => {
	it.each([
		['short text stays as it is', 'a <mark>b</mark> c', 10, 'a <mark>b</mark> c'],
		[
			'a match late in the text is shown, cut at a word',
			'aaaa bbbb cccc dddd <mark>eeee</mark> ffff gggg',
			12,
			'…dddd <mark>eeee</mark> ff…'
		],
		['a cut inside a word moves to the next word', 'aaaa bbbb cccc ddddd <mark>eeee</mark> ffff gggg', 12, '…<mark>eeee</mark> ffff gg…'],
		['no match: the beginning', 'aaaa bbbb cccc dddd eeee', 9, 'aaaa bbbb…'],
		['an entity counts as one character and is never split', '&amp;&amp;&amp;&amp;&amp;', 3, '&amp;&amp;&amp;…'],
		['a cut inside a match closes the mark', '<mark>aaaaaaaa</mark>bb', 4, '<mark>aaaa</mark>…']
	])('%s', (_label, html, max, expected) => {
		expect(snippet(html, max, 5)).toBe(expected);
	});
});
