// Search quality on the seed data: 40 realistic queries (Korean, initials, variants, typos, English
// trade words) with the workshops a person would expect near the top. The run fails when quality
// drops below the thresholds, so a change to normalisation, the glossary or ranking is measured.
import { beforeAll, describe, expect, it } from 'vitest';
import { reindex, search, useSearchEngines } from '../../src/lib/server/search';
import { testSql } from './db';

const JEWELRY = ['myungga-jewelry', 'hangyeol-jewelry', 'yedam-jewelry-cad', 'luce-accessory'];
const SHOES = ['mido-shoes', 'gajuk-jangin-shoes', 'taeyang-shoes', 'bareun-walk', 'brown-welt'];
const LATHE = ['daesung-precision', 'samhwa-machinery'];
const OFFSET = ['jikji-printing', 'seongan-print'];

const CASES: [query: string, relevant: string[]][] = [
	['명가주얼리', ['myungga-jewelry']],
	['주얼리', JEWELRY],
	['ㅈㅇㄹ', JEWELRY],
	['쥬얼리', JEWELRY],
	['주얼라', JEWELRY],
	['jewelry', JEWELRY],
	['각인', ['jeongwoo-engraving']],
	['engraving', ['jeongwoo-engraving']],
	['도금', ['hanbit-plating']],
	['plating', ['hanbit-plating']],
	['주물', ['geumseong-casting']],
	['체인', ['bongik-chain']],
	['칠보', ['garak-chilbo']],
	['수제화', SHOES],
	['handmade shoes', SHOES],
	['샌들', ['yeoreumnal-sandal']],
	['제갑', ['seongsu-jegap']],
	['가죽', ['sb-leather', 'gajuk-jangin-shoes']],
	['leather', ['sb-leather', 'gajuk-jangin-shoes']],
	['대성정밀', ['daesung-precision']],
	['선반', LATHE],
	['lathe', LATHE],
	['밀링', ['woojin-milling']],
	['milling', ['woojin-milling']],
	['용접', ['sinheung-welding']],
	['welding', ['sinheung-welding']],
	['판금', ['dongyang-sheet-metal']],
	['열처리', ['jeil-heat-treatment']],
	['와이어컷', ['hangang-wire-cut']],
	['기어', ['seongjin-gear']],
	['직지인쇄', ['jikji-printing']],
	['오프셋 인쇄', OFFSET],
	['옵셋', OFFSET],
	['offset printing', OFFSET],
	['제본', ['cheongwon-binding']],
	['binding', ['cheongwon-binding']],
	['라벨', ['musimcheon-label']],
	['실크스크린', ['geumgang-silkscreen']],
	['활판', ['jikji-letterpress']],
	['코팅', ['myeongmun-coating', 'daeryuk-coating']]
];

async function topSlugs(q: string): Promise<string[]> {
	const result = await search({ q, filters: {}, sort: 'relevance', page: 1, per_page: 10, facets: [] });
	return result.hits.map((h) => h.doc.slug);
}

function ndcgAt10(ranked: string[], relevant: string[]): number {
	const dcg = ranked.slice(0, 10).reduce((sum, slug, i) => sum + (relevant.includes(slug) ? 1 / Math.log2(i + 2) : 0), 0);
	const ideal = relevant.slice(0, 10).reduce((sum, _, i) => sum + 1 / Math.log2(i + 2), 0);
	return dcg / ideal;
}

describe('search quality on the seed data', () => {
	beforeAll(async () => {
		testSql();
		useSearchEngines(undefined);
		await reindex();
	});

	it('puts an expected workshop in the top 5 for at least 90% of queries, with mean nDCG@10 ≥ 0.6', async () => {
		const misses: string[] = [];
		let ndcg = 0;
		for (const [q, relevant] of CASES) {
			const ranked = await topSlugs(q);
			if (!ranked.slice(0, 5).some((s) => relevant.includes(s))) misses.push(`${q} → ${ranked.slice(0, 5).join(', ') || '(nothing)'}`);
			ndcg += ndcgAt10(ranked, relevant);
		}
		const hitRate = 1 - misses.length / CASES.length;
		const meanNdcg = ndcg / CASES.length;
		console.info(`search eval: ${CASES.length} queries, hit@5 ${hitRate.toFixed(3)}, nDCG@10 ${meanNdcg.toFixed(3)}`);
		expect(hitRate, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
		expect(meanNdcg).toBeGreaterThanOrEqual(0.6);
	});
});
