import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOSSARY, expandQuery, synonymGroups, toMeiliSynonyms, type GlossaryEntry } from './glossary';
import { tokenize } from './korean';

const expand = (query: string, glossary: readonly GlossaryEntry[] = DEFAULT_GLOSSARY) => expandQuery(tokenize(query), glossary);

describe('DEFAULT_GLOSSARY', () => {
	it('covers the four trades with at least 60 groups, each with a synonym', () => {
		expect(DEFAULT_GLOSSARY.length).toBeGreaterThanOrEqual(60);
		for (const { term, synonyms } of DEFAULT_GLOSSARY) {
			// the limits of public.search_synonyms
			expect(term.length, term).toBeLessThanOrEqual(80);
			expect(synonyms.length, term).toBeGreaterThan(0);
			expect(synonyms.length, term).toBeLessThanOrEqual(50);
		}
	});

	it('holds no term twice within a group, not even as a spelling variant', () => {
		const groups = synonymGroups(DEFAULT_GLOSSARY);
		expect(groups).toHaveLength(DEFAULT_GLOSSARY.length);
		groups.forEach((group, i) => expect(group, DEFAULT_GLOSSARY[i].term).toHaveLength(1 + DEFAULT_GLOSSARY[i].synonyms.length));
	});

	it('lists each term in one group only, so an expansion never joins two meanings', () => {
		const seen = new Map<string, string>();
		for (const [i, group] of synonymGroups(DEFAULT_GLOSSARY).entries()) {
			for (const term of group) {
				expect(seen.get(term), term).toBeUndefined();
				seen.set(term, DEFAULT_GLOSSARY[i].term);
			}
		}
	});
});

describe('expandQuery', () => {
	it.each([
		['jewelry', ['주얼리', '귀금속', '장신구']],
		['lathe', ['선반']],
		['선반', ['lathe']],
		['offset printing', ['오프셋 인쇄', '오프셋']],
		['수제화', ['handmade shoes', '수제구두']],
		['handmade shoes', ['수제화', '수제구두']],
		['반지', ['ring']],
		['stainless', ['스테인리스', '스텐', '서스', 'sus', 'stainless steel']],
		['명함', ['business card']],
		['종로', []],
		['', []]
	])('%j → %j', (query, extra) => {
		expect(expand(query)).toEqual(extra);
	});

	it.each([
		['쥬얼리', 'jewelry'], // a spelling variant finds the glossary group of its canonical spelling
		['옵셋 인쇄', 'offset printing'],
		['Offset Printing', '오프셋 인쇄'],
		['CNC선반', 'cnc lathe'],
		['14K금 반지', 'ring'],
		['14K금 반지', '14k gold'],
		['가죽 구두골', 'last'],
		['레이져 가공', 'laser cutting'],
		['톰슨', '도무송'],
		['기능장', 'master craftsman'],
		// Korean compounds written without spaces are searched for their glossary parts
		['종로주얼리공방', '주얼리'],
		['종로주얼리공방', 'jewelry'],
		['종로주얼리공방', 'workshop'],
		['수제화공방', 'handmade shoes']
	])('%j also searches for %j', (query, term) => {
		expect(expand(query)).toContain(term);
	});

	it.each([
		['금형', 'gold'], // 금형 (mold) is one word, not 금 (gold)
		['cnc 선반', 'cnc'], // the query's own words are not repeated
		['offset printing', 'printing'], // the longest phrase wins
		['offset printing', 'offset']
	])('%j does not search for %j', (query, term) => {
		expect(expand(query)).not.toContain(term);
	});

	it('is symmetric: every member of a group finds all the others', () => {
		for (const group of synonymGroups(DEFAULT_GLOSSARY)) {
			for (const term of group) {
				const found = new Set([...tokenize(term), ...expand(term)]);
				for (const other of group) if (other !== term) expect(found.has(other), `${term} → ${other}`).toBe(true);
			}
		}
	});

	it('expands with a glossary edited by a manager (rows from search_synonyms)', () => {
		const glossary: GlossaryEntry[] = [{ term: 'Foo Bar', synonyms: ['푸바', '쥬얼리'] }];
		expect(expand('foo bar', glossary)).toEqual(['푸바', '주얼리']);
		expect(expand('주얼리', glossary)).toEqual(['foo bar', '푸바']);
	});
});

describe('synonymGroups', () => {
	it('gives normalised groups', () => {
		expect(synonymGroups(DEFAULT_GLOSSARY)).toContainEqual(['14k', '14k 금', '14 금', '14k gold']);
		expect(synonymGroups([{ term: ' CNC ', synonyms: ['씨앤씨', 'CNC가공'] }])).toEqual([['cnc', 'cnc 가공']]);
	});

	it('drops a group left with one term', () => {
		expect(synonymGroups([{ term: '쥬얼리', synonyms: ['주얼리', ' '] }])).toEqual([]);
	});
});

describe('toMeiliSynonyms', () => {
	const synonyms = toMeiliSynonyms(DEFAULT_GLOSSARY);

	it('maps both ways', () => {
		expect(synonyms['jewelry']).toEqual(['주얼리', '귀금속', '장신구']);
		expect(synonyms['주얼리']).toEqual(['jewelry', '귀금속', '장신구']);
		expect(synonyms['offset printing']).toContain('오프셋 인쇄');
		expect(synonyms['오프셋 인쇄']).toContain('offset printing');
	});

	it('has a key for every normalised term and never lists a term as its own synonym', () => {
		const terms = synonymGroups(DEFAULT_GLOSSARY).flat();
		expect(Object.keys(synonyms).sort()).toEqual([...new Set(terms)].sort());
		for (const [term, others] of Object.entries(synonyms)) expect(others, term).not.toContain(term);
	});

	it('joins the groups a term belongs to', () => {
		const glossary = [
			{ term: 'box', synonyms: ['박스'] },
			{ term: 'box', synonyms: ['상자'] }
		];
		expect(toMeiliSynonyms(glossary)).toEqual({ box: ['박스', '상자'], 박스: ['box'], 상자: ['box'] });
	});

	it('takes any word a manager adds, even one an object already has', () => {
		expect(toMeiliSynonyms([{ term: 'constructor', synonyms: ['시공사'] }])).toEqual({ constructor: ['시공사'], 시공사: ['constructor'] });
	});
});

describe('migrations 20261127000310_search_glossary.sql and 20261208000100_search_glossary_letterpress.sql', () => {
	const sql = ['20261127000310_search_glossary.sql', '20261208000100_search_glossary_letterpress.sql']
		.map((file) => readFileSync(new URL(`../../../supabase/migrations/${file}`, import.meta.url), 'utf8'))
		.join('\n');
	const literal = /'((?:[^']|'')*)'/g;
	const unquote = (text: string) => [...text.matchAll(literal)].map((m) => m[1].replaceAll("''", "'"));

	it('inserts exactly DEFAULT_GLOSSARY into public.search_synonyms', () => {
		expect(sql).toMatch(/^insert into public\.search_synonyms \(term, synonyms\) values$/m);
		const rows = [...sql.matchAll(/^\s*\(('(?:[^']|'')*'), array\[(.*)\]\)[,;]?$/gm)].map(([, term, synonyms]) => ({
			term: unquote(term)[0],
			synonyms: unquote(synonyms)
		}));
		expect(rows).toEqual(DEFAULT_GLOSSARY);
		// every line between the header and the end is one of those rows
		expect(
			sql
				.trim()
				.split('\n')
				.filter((line) => line.startsWith('  ('))
		).toHaveLength(rows.length);
	});
});
