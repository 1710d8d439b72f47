// The one behaviour every search engine must show, over a small fixed corpus of Korean and English
// listings in the four clusters. postgres.test.ts runs it against the PostgreSQL engine; the
// Meilisearch engine runs it against the HTTP double and, when MEILI_URL is set, a real server.
// makeEngine receives the glossary to build the engine with (Meilisearch: toMeiliSynonyms(glossary)).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm } from '../../domain/geo';
import type { GlossaryEntry } from '../../domain/glossary';
import type { Facet, SearchEngine, SearchFilters, SearchQuery, SearchResult, WorkshopDoc } from './port';

export interface ContractEngine {
	engine: SearchEngine;
	cleanup(): Promise<void>;
}

export const CONTRACT_GLOSSARY: readonly GlossaryEntry[] = Object.freeze([
	{ term: 'jewelry', synonyms: ['주얼리', '귀금속'] },
	{ term: 'lathe', synonyms: ['선반'] },
	{ term: 'handmade shoes', synonyms: ['수제화', '수제구두'] },
	{ term: 'offset printing', synonyms: ['오프셋 인쇄'] }
]);

const TRADES = {
	'3311': ['귀금속 및 관련제품 제조업', 'Manufacture of jewellery and related articles of precious metal'],
	'152': ['신발 및 신발 부분품 제조업', 'Manufacture of footwear and parts of footwear'],
	'259': ['기타 금속 가공제품 제조업', 'Manufacture of other fabricated metal products; metalworking service activities'],
	'29': ['기타 기계 및 장비 제조업', 'Manufacture of other machinery and equipment'],
	'2511': ['구조용 금속제품 제조업', 'Manufacture of structural metal products'],
	'181': ['인쇄 및 인쇄관련 산업', 'Printing and service activities related to printing'],
	'172': ['골판지, 종이 상자 및 종이 용기 제조업', 'Manufacture of corrugated paper, paper boxes and paper containers']
} as const;

type Draft = Partial<WorkshopDoc> & Pick<WorkshopDoc, 'name_ko' | 'trade_code' | 'clusters' | 'district_ko'>;
let serial = 0;
function listing(key: string, draft: Draft): WorkshopDoc {
	serial++;
	const [trade_name_ko, trade_name_en] = TRADES[draft.trade_code as keyof typeof TRADES];
	return {
		id: `00000000-0000-4000-8000-0000000c${String(serial).padStart(4, '0')}`,
		slug: key,
		name_en: null,
		trade_name_ko,
		trade_name_en,
		description_ko: '',
		description_en: '',
		processes: [],
		equipment: [],
		materials: [],
		certifications: [],
		verified: false,
		master: false,
		featured: false,
		accepting_orders: true,
		min_order_units: 1,
		lead_time_days: 7,
		employees: 3,
		lat: null,
		lng: null,
		thumb_path: null,
		updated_at: '2026-11-27T00:00:00.000Z',
		...draft
	};
}

const jongno = { clusters: ['jongno-jewelry'], district_ko: '종로구', trade_code: '3311' };
const seongsu = { clusters: ['seongsu-handmade-shoes'], district_ko: '성동구', trade_code: '152' };
const mullae = { clusters: ['mullae-machine-metal'], district_ko: '영등포구' };
const cheongju = { clusters: ['cheongju-printing'], district_ko: '청주시 흥덕구' };

/** The corpus, by slug. Coordinates lie within a few hundred metres of each cluster's centre. */
export const CORPUS = {
	myungga: listing('myungga', {
		...jongno,
		name_ko: '명가주얼리',
		description_ko: '봉익동에서 2대째 이어 온 금세공 공방입니다. 웨딩 밴드와 주문 제작 반지를 원형부터 주조, 세팅, 연마까지 책임집니다.',
		processes: ['왁스 조각', '주조', '세팅', '연마'],
		equipment: ['진공 주조기', '레이저 용접기'],
		materials: ['18K 금', '백금'],
		certifications: ['귀금속가공기능장'],
		verified: true,
		master: true,
		min_order_units: 1,
		lead_time_days: 14,
		employees: 6,
		lat: 37.5757,
		lng: 126.9892
	}),
	eunha: listing('eunha', {
		...jongno,
		name_ko: '은하세공',
		name_en: 'Eunha Silver',
		description_ko: '925 은을 두드려 반지와 팔찌를 만드는 실버 공방입니다.',
		description_en: 'Hand-forged silver rings and bracelets.',
		processes: ['단조', '납땜', '연마'],
		equipment: ['토치', '롤링 밀'],
		materials: ['925 은'],
		lead_time_days: 7,
		lat: 37.5716,
		lng: 126.9871
	}),
	studio: listing('studio', {
		...jongno,
		name_ko: 'A&B <주얼리> 스튜디오',
		name_en: 'A&B Jewelry Studio',
		description_ko: '반지와 귀걸이 디자인 <샘플> 제작.',
		processes: ['CAD 디자인', '3D 프린팅'],
		equipment: ['3D 프린터'],
		materials: ['레진', '925 은'],
		verified: true,
		featured: true,
		min_order_units: 5,
		lead_time_days: 10,
		employees: 2,
		lat: 37.5702,
		lng: 126.9935
	}),
	daon: listing('daon', {
		...jongno,
		name_ko: '다온세팅',
		description_ko: '다이아몬드와 유색석 세팅을 전문으로 합니다.',
		processes: ['세팅', '물림'],
		materials: ['다이아몬드'],
		certifications: ['우수숙련기술자'],
		verified: true,
		master: true,
		accepting_orders: false,
		min_order_units: 10,
		lead_time_days: 5,
		lat: 37.5729,
		lng: 126.9902
	}),
	leather: listing('leather', {
		...seongsu,
		name_ko: '가죽장인 슈즈',
		name_en: 'Leather Master Shoes',
		description_ko: '소가죽 수제화를 패턴부터 저부까지 만드는 공방입니다.',
		description_en: 'Handmade leather shoes from pattern to sole.',
		processes: ['패턴', '재단', '제갑', '저부'],
		equipment: ['재봉기'],
		materials: ['소가죽', '스웨이드'],
		verified: true,
		featured: true,
		min_order_units: 20,
		lead_time_days: 21,
		lat: 37.5449,
		lng: 127.0561
	}),
	shoemaker: listing('shoemaker', {
		...seongsu,
		name_ko: '성수 구두 공방',
		description_ko: '맞춤 구두 제작과 수선을 합니다.',
		processes: ['맞춤 제작', '수선'],
		materials: ['소가죽'],
		accepting_orders: false,
		min_order_units: 1,
		lead_time_days: 30,
		lat: 37.5431,
		lng: 127.053
	}),
	daesung: listing('daesung', {
		...mullae,
		trade_code: '259',
		name_ko: '대성정밀',
		name_en: 'Daesung Precision',
		description_ko: '알루미늄과 스테인리스 부품을 소량 가공합니다.',
		description_en: 'Small batches of aluminium and stainless parts.',
		processes: ['CNC 선반', '밀링', '연삭'],
		equipment: ['CNC 선반', '머시닝센터'],
		materials: ['알루미늄', '스테인리스'],
		verified: true,
		min_order_units: 10,
		lead_time_days: 14,
		lat: 37.517,
		lng: 126.896
	}),
	turning: listing('turning', {
		...mullae,
		trade_code: '29',
		name_ko: '문래터닝',
		name_en: 'Mullae Turning Works',
		description_en: 'Lathe work for prototypes and spare parts.',
		materials: ['steel'],
		lead_time_days: 3,
		lat: 37.5183,
		lng: 126.8931
	}),
	welding: listing('welding', {
		...mullae,
		trade_code: '2511',
		name_ko: '문래용접',
		name_en: 'Mullae Welding',
		description_ko: '철과 스테인리스 용접, 판금, 절곡.',
		processes: ['용접', '판금', '절곡'],
		materials: ['철', '스테인리스'],
		min_order_units: null,
		lead_time_days: null,
		lat: 37.516,
		lng: 126.8975
	}),
	jikji: listing('jikji', {
		...cheongju,
		trade_code: '181',
		name_ko: '직지인쇄',
		name_en: 'Jikji Printing',
		description_ko: '카탈로그와 브로슈어를 오프셋 인쇄하고 제본합니다.',
		description_en: 'Offset printing and binding.',
		processes: ['오프셋 인쇄', '제본', '코팅'],
		materials: ['아트지'],
		verified: true,
		min_order_units: 500,
		lead_time_days: 7,
		lat: 36.64,
		lng: 127.487
	}),
	boxes: listing('boxes', {
		...cheongju,
		trade_code: '172',
		name_ko: '청주패키지',
		description_ko: '골판지 박스와 쇼핑백을 만듭니다.',
		processes: ['톰슨', '박 가공'],
		materials: ['골판지'],
		min_order_units: 1000,
		lead_time_days: 20
	}),
	hanbit: listing('hanbit', {
		...cheongju,
		trade_code: '181',
		name_ko: '한빛디지털인쇄',
		name_en: 'Hanbit Digital Print',
		description_ko: '소량 디지털 인쇄와 명함.',
		processes: ['디지털 인쇄'],
		materials: ['스노우지'],
		lead_time_days: 2,
		lat: 36.644,
		lng: 127.492
	})
};
/**
 * Workshops for the rule that a boost only breaks ties (added and removed by that test): a brand-new
 * one with the query in its processes, a featured one with it only in its description; one whose own
 * text names earrings, a featured one whose trade only makes them.
 */
export const RANKING_CASES = {
	fresh: listing('fresh', { ...jongno, name_ko: '새빛공방', processes: ['티타늄 아노다이징', '티타늄 가공'], materials: ['티타늄'] }),
	boosted: listing('boosted', {
		...jongno,
		name_ko: '으뜸공방',
		description_ko: '티타늄 아노다이징도 가능합니다.',
		verified: true,
		featured: true,
		master: true
	}),
	maker: listing('maker', { ...jongno, name_ko: '귀걸이하우스', description_ko: '귀걸이 전문 공방' }),
	famous: listing('famous', { ...jongno, name_ko: '명성공방', verified: true, featured: true }),
	// Only the first word of 티타늄 아노다이징, with every tie-breaker at its best: a partial match.
	starred: listing('starred', {
		...jongno,
		name_ko: '별빛공방',
		processes: ['티타늄 가공'],
		verified: true,
		featured: true,
		master: true,
		scorecard: 3
	})
};

/**
 * Workshops for the tie-breakers after relevance (added and removed by that test): the same words in
 * the same fields, told apart only by their scorecard or a master title.
 */
export const TIE_CASES = {
	steady: listing('steady', { ...mullae, trade_code: '259', name_ko: '가온공방', processes: ['마그네슘 다이캐스팅'], scorecard: 3 }),
	shaky: listing('shaky', { ...mullae, trade_code: '259', name_ko: '나래공방', processes: ['마그네슘 다이캐스팅'], scorecard: 0 }),
	titled: listing('titled', { ...mullae, trade_code: '259', name_ko: '다솜공방', processes: ['마그네슘 다이캐스팅'], master: true }),
	// Only 마그네슘, with the best scorecard: below every workshop with both words.
	partial: listing('partial', { ...mullae, trade_code: '259', name_ko: '라온공방', processes: ['마그네슘 절삭'], scorecard: 3 })
};

type Key = keyof typeof CORPUS;
const ALL = Object.values(CORPUS);
const keyOf = new Map(Object.entries(CORPUS).map(([k, d]) => [d.id, k as Key]));

export function searchContract(name: string, makeEngine: (glossary: readonly GlossaryEntry[]) => Promise<ContractEngine>): void {
	describe(`search engine contract: ${name}`, () => {
		let subject: ContractEngine;
		const engine = () => subject.engine;
		const query = (q: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
			q,
			filters: {},
			sort: 'relevance',
			page: 1,
			per_page: 20,
			facets: [],
			...more
		});
		const search = async (q: string, more: Partial<SearchQuery> = {}) => {
			const result = await engine().search(query(q, more));
			expect(result.engine).toBe(engine().kind);
			return result;
		};
		const keys = (r: SearchResult) => r.hits.map((h) => keyOf.get(h.doc.id) ?? h.doc.id);
		const matching = (predicate: (d: WorkshopDoc) => boolean) =>
			Object.entries(CORPUS)
				.filter(([, d]) => predicate(d))
				.map(([k]) => k)
				.sort();
		const filtered = async (filters: SearchFilters) => keys(await search('', { filters, per_page: 50 })).sort();

		beforeAll(async () => {
			subject = await makeEngine(CONTRACT_GLOSSARY);
			await engine().prepare();
			await engine().clear();
			await engine().upsert(ALL);
		});
		afterAll(async () => {
			if (!subject) return;
			await engine().clear();
			await subject.cleanup();
		});

		it('lists every workshop for an empty query, featured and verified ones first', async () => {
			const result = await search('');
			expect(result.total).toBe(ALL.length);
			expect(keys(result).sort()).toEqual(Object.keys(CORPUS).sort());
			const rank = result.hits.map((h) => (h.doc.featured ? 2 : 0) + (h.doc.verified ? 1 : 0));
			expect(rank).toEqual([...rank].sort((a, b) => b - a));
		});

		it('finds jewelry workshops for 주얼리, one with 주얼리 in its name first', async () => {
			const result = await search('주얼리');
			expect(keys(result)).toEqual(expect.arrayContaining(['myungga', 'studio']));
			expect(result.hits[0].doc.name_ko).toContain('주얼리');
			for (const hit of result.hits) expect(hit.doc.trade_code).toBe('3311');
			expect(result.total).toBe(result.hits.length);
		});

		it('forgives a typo in a short Korean word (주얼라) but finds nothing for an unrelated word', async () => {
			const typo = await search('주얼라');
			expect(keys(typo)).toContain('myungga');
			for (const hit of typo.hits) expect(hit.doc.trade_code).toBe('3311');
			expect((await search('냉장고')).total).toBe(0);
		});

		it('finds a name by its initial consonants (ㅈㅇㄹ inside 명가주얼리)', async () => {
			const result = await search('ㅈㅇㄹ');
			expect(keys(result)).toEqual(expect.arrayContaining(['myungga', 'studio']));
			expect(keys(result)).not.toContain('leather');
		});

		it('folds spelling variants (쥬얼리 finds 주얼리)', async () => {
			expect(keys(await search('쥬얼리'))).toContain('myungga');
		});

		it('finds the word still being typed', async () => {
			expect(keys(await search('주얼'))).toEqual(expect.arrayContaining(['myungga', 'studio']));
			expect(keys(await search('Jewel'))).toContain('studio');
		});

		it('finds Korean-only listings for English trade words through the glossary, and back', async () => {
			const jewelry = await search('jewelry');
			expect(keys(jewelry)).toContain('myungga');
			for (const hit of jewelry.hits) expect(hit.doc.trade_code).toBe('3311');
			expect(keys(await search('lathe'))).toEqual(expect.arrayContaining(['daesung', 'turning']));
			// 문래터닝 only says "lathe", in English.
			expect(keys(await search('선반'))).toEqual(expect.arrayContaining(['daesung', 'turning']));
			const shoes = keys(await search('handmade shoes'));
			expect(shoes).toContain('leather');
			expect(shoes.every((k) => CORPUS[k as Key]?.trade_code === '152')).toBe(true);
		});

		it('narrows by each filter, values of one facet OR-ed, facets AND-ed', async () => {
			expect(await filtered({ clusters: ['seongsu-handmade-shoes'] })).toEqual(['leather', 'shoemaker']);
			expect(await filtered({ clusters: ['seongsu-handmade-shoes', 'cheongju-printing'] })).toEqual(
				matching((d) => d.clusters[0] === 'seongsu-handmade-shoes' || d.clusters[0] === 'cheongju-printing')
			);
			expect(await filtered({ trade_code: ['181'] })).toEqual(['hanbit', 'jikji']);
			expect(await filtered({ processes: ['세팅'] })).toEqual(['daon', 'myungga']);
			expect(await filtered({ materials: ['스테인리스'] })).toEqual(['daesung', 'welding']);
			expect(await filtered({ district_ko: ['성동구'] })).toEqual(['leather', 'shoemaker']);
			expect(await filtered({ verified: true })).toEqual(matching((d) => d.verified));
			expect(await filtered({ verified: false })).toEqual(matching((d) => !d.verified));
			expect(await filtered({ master: true })).toEqual(['daon', 'myungga']);
			expect(await filtered({ master: false })).toEqual(matching((d) => !d.master));
			expect(await filtered({ accepting_orders: true })).toEqual(matching((d) => d.accepting_orders));
			expect(await filtered({ accepting_orders: false })).toEqual(['daon', 'shoemaker']);
			expect(await filtered({ clusters: ['jongno-jewelry'], verified: true, accepting_orders: true })).toEqual(['myungga', 'studio']);
			// 반지 in the descriptions of two verified workshops; daon's trade makes rings (after them).
			const withQuery = await search('반지', { filters: { verified: true } });
			expect(keys(withQuery).slice(0, 2).sort()).toEqual(['myungga', 'studio']);
			expect(keys(withQuery)).toHaveLength(3);
			expect(keys(withQuery)[2]).toBe('daon');
		});

		it('filters on minimum order and lead time, leaving out workshops that state none', async () => {
			expect(await filtered({ max_min_order: 10 })).toEqual(matching((d) => d.min_order_units !== null && d.min_order_units <= 10));
			expect(await filtered({ max_lead_time: 7 })).toEqual(matching((d) => d.lead_time_days !== null && d.lead_time_days <= 7));
			expect(await filtered({ max_min_order: 10 })).not.toContain('welding');
		});

		it('filters by distance from a point', async () => {
			const near = await filtered({ within: { lat: 37.5714, lng: 126.9918, radius_km: 1 } });
			expect(near).toEqual(['daon', 'eunha', 'myungga', 'studio']);
			const mullae = await filtered({ within: { lat: 37.5176, lng: 126.8947, radius_km: 2 }, trade_code: ['29', '2511'] });
			expect(mullae).toEqual(['turning', 'welding']);
		});

		it('counts facet values over the query and all filters', async () => {
			const facets: Facet[] = ['clusters', 'trade_code', 'verified', 'master', 'accepting_orders', 'district_ko', 'processes', 'materials'];
			const all = await search('', { facets });
			const expected = (facet: Facet) => {
				const counts = new Map<string, number>();
				for (const d of ALL) for (const v of ([] as unknown[]).concat(d[facet])) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
				return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
			};
			for (const facet of facets) expect(all.facets[facet], facet).toEqual(expected(facet));

			const jongnoOnly = await search('', { facets: ['clusters', 'trade_code'], filters: { clusters: ['jongno-jewelry'] } });
			expect(jongnoOnly.facets.clusters).toEqual([{ value: 'jongno-jewelry', count: 4 }]);
			expect(jongnoOnly.facets.trade_code).toEqual([{ value: '3311', count: 4 }]);

			const printing = await search('인쇄', { facets: ['trade_code', 'verified'] });
			expect(printing.facets.trade_code).toEqual([{ value: '181', count: 2 }]);
			expect(printing.facets.verified).toEqual([
				{ value: 'false', count: 1 },
				{ value: 'true', count: 1 }
			]);
		});

		it('sorts by distance, nearest first, with the distance in km; workshops without coordinates last', async () => {
			const from = { lat: 37.5176, lng: 126.8947 }; // Mullae
			const result = await search('', { sort: 'distance', from });
			expect(result.total).toBe(ALL.length);
			expect(keys(result).slice(0, 3).sort()).toEqual(['daesung', 'turning', 'welding']);
			expect(keys(result).at(-1)).toBe('boxes');
			expect(result.hits.at(-1)!.distance_km).toBeNull();
			const located = result.hits.filter((h) => h.doc.lat !== null);
			for (const hit of located) {
				const km = distanceKm(from, { lat: hit.doc.lat!, lng: hit.doc.lng! });
				expect(Math.abs(hit.distance_km! - km)).toBeLessThan(0.01 + km * 0.002);
			}
			const distances = located.map((h) => h.distance_km!);
			expect(distances).toEqual([...distances].sort((a, b) => a - b));
			expect(distances.at(-1)).toBeGreaterThan(100); // Cheongju is over 100 km from Seoul
		});

		it('sorts matches of a query by distance, and keeps a radius with a query', async () => {
			const jongnoCentre = { lat: 37.5714, lng: 126.9918 };
			const steel = await search('스테인리스', { sort: 'distance', from: jongnoCentre });
			const expected = ['daesung', 'welding'].sort(
				(a, b) => distanceKm(jongnoCentre, CORPUS[a as Key] as never) - distanceKm(jongnoCentre, CORPUS[b as Key] as never)
			);
			expect(keys(steel)).toEqual(expected);
			const printing = await search('인쇄', { sort: 'distance', from: jongnoCentre });
			expect(keys(printing).sort()).toEqual(['hanbit', 'jikji']);
			expect(printing.hits[0].distance_km!).toBeLessThanOrEqual(printing.hits[1].distance_km!);
			const near = await search('반지', { filters: { within: { ...jongnoCentre, radius_km: 1 } } });
			expect(keys(near).sort()).toEqual(['daon', 'eunha', 'myungga', 'studio']);

			const mullae = { lat: 37.5176, lng: 126.8947 };
			const byDistance = (ks: string[]) =>
				[...ks].sort((a, b) => distanceKm(mullae, CORPUS[a as Key] as never) - distanceKm(mullae, CORPUS[b as Key] as never));
			const around = await search('', { sort: 'distance', from: mullae, filters: { within: { ...mullae, radius_km: 2 } } });
			expect(keys(around)).toEqual(byDistance(['daesung', 'turning', 'welding']));
			const steelAround = await search('스테인리스', { sort: 'distance', from: mullae, filters: { within: { ...mullae, radius_km: 2 } } });
			expect(keys(steelAround)).toEqual(byDistance(['daesung', 'welding']));
		});

		it('with scope key, finds the words in the key fields only (what matching looks for)', async () => {
			// 반지 is in three descriptions and in no key field (daon's trade makes rings: found, not by its key fields).
			expect(keys(await search('반지')).sort()).toEqual(['daon', 'eunha', 'myungga', 'studio']);
			const rings = await search('반지', { scope: 'key' });
			expect(keys(rings)).toEqual([]);
			expect(rings.total).toBe(0);
			const lathe = await search('선반', { scope: 'key', documentsOnly: true });
			expect(keys(lathe)).toContain('daesung');
			expect(
				keys(lathe).every(
					(k) => CORPUS[k as Key].processes.some((p) => p.includes('선반')) || CORPUS[k as Key].equipment.some((e) => e.includes('선반'))
				)
			).toBe(true);
			// A process name of one syllable is a whole word there: 박 (foil stamping) in 박 가공.
			expect(keys(await search('박', { scope: 'key', documentsOnly: true }))).toEqual(['boxes']);
		});

		it('finds a compound written with or without its space, both ways', async () => {
			// 왁스 조각 and 오프셋 인쇄 are written spaced; 머시닝센터 as one word.
			expect(keys(await search('왁스조각'))).toEqual(['myungga']);
			expect(keys(await search('오프셋인쇄'))[0]).toBe('jikji');
			expect(keys(await search('머시닝 센터'))).toEqual(['daesung']);
		});

		it('finds workshops by what their trade makes, below those whose own text names it', async () => {
			// 귀걸이 only in studio's description; every jewelry workshop's trade makes earrings.
			const earrings = keys(await search('귀걸이'));
			expect(earrings[0]).toBe('studio');
			expect([...earrings].sort()).toEqual(matching((d) => d.trade_code === '3311'));
			expect(keys(await search('earrings')).sort()).toEqual(matching((d) => d.trade_code === '3311'));
			// Nobody wrote loafers or 명함 … except hanbit, whose description says 명함.
			expect(keys(await search('loafers')).sort()).toEqual(['leather', 'shoemaker']);
			const cards = keys(await search('명함'));
			expect(cards[0]).toBe('hanbit');
			expect([...cards].sort()).toEqual(['boxes', 'hanbit', 'jikji']);
			// Matching (scope key) credits products itself: they are no key field.
			expect(keys(await search('귀걸이', { scope: 'key' }))).toEqual([]);
		});

		it('lists the workshops with some of the words after those with all of them, more words first', async () => {
			// welding has 스테인리스 and 용접, daesung 스테인리스 only (and is verified): listed, below.
			const both = keys(await search('스테인리스 용접'));
			expect(both[0]).toBe('welding');
			expect(both).toContain('daesung');
			expect(both.indexOf('daesung')).toBeGreaterThan(both.indexOf('welding'));
			// No workshop has both words: those with the first are listed (as Meilisearch's strategy
			// 'last' drops words from the end of the query), not nothing.
			const none = await search('알루미늄 제본');
			expect(keys(none)).toEqual(['daesung']);
			expect(none.total).toBe(1);
			// Three words: both of the first two before the first alone; the third word nowhere.
			const three = keys(await search('스테인리스 용접 티타늄'));
			expect(three.indexOf('welding')).toBe(0);
			expect(three).toContain('daesung');
			// A typo is corrected first (no workshop holds the words as typed), then the partial matches follow.
			expect(keys(await search('스테인리쓰 용접'))).toEqual(['welding', 'daesung']);
			// Matching (scope key) still wants every word.
			expect(keys(await search('스테인리스 용접', { scope: 'key' }))).toEqual(['welding']);
		});

		it('breaks ties of relevance by master title and scorecard, never lifting a partial match', async () => {
			const { steady, shaky, titled, partial } = TIE_CASES;
			await engine().upsert([steady, shaky, titled, partial]);
			try {
				const ranked = (await search('마그네슘 다이캐스팅')).hits.map((h) => h.doc.slug);
				// Same words in the same field: a master title first, then the better scorecard.
				expect(ranked.slice(0, 3)).toEqual(['titled', 'steady', 'shaky']);
				// The best scorecard with one of the two words comes after every workshop with both.
				expect(ranked.indexOf('partial')).toBe(3);
			} finally {
				await engine().remove([steady.id, shaky.id, titled.id, partial.id]);
			}
		});

		it('never lets a boost lift a partial match above a full one', async () => {
			const { fresh, boosted, maker, famous, starred } = RANKING_CASES;
			await engine().upsert([fresh, boosted, maker, famous, starred]);
			try {
				const rank = async (q: string) => (await search(q)).hits.map((h) => h.doc.slug);
				// Words in the processes of a brand-new workshop, only in the description of a featured one.
				const anodizing = await rank('티타늄 아노다이징');
				expect(anodizing.indexOf('fresh')).toBeGreaterThanOrEqual(0);
				expect(anodizing.indexOf('fresh')).toBeLessThan(anodizing.indexOf('boosted'));
				// One of the two words, with every tie-breaker at its best: listed, after both full matches.
				expect(anodizing.indexOf('starred')).toBeGreaterThan(anodizing.indexOf('boosted'));
				// Named in the workshop's own text, against found only by what its trade makes.
				const earrings = await rank('귀걸이');
				expect(earrings.indexOf('maker')).toBeLessThan(earrings.indexOf('famous'));
				expect(earrings.indexOf('famous')).toBeGreaterThan(earrings.indexOf('studio'));
			} finally {
				await engine().remove([fresh.id, boosted.id, maker.id, famous.id, starred.id]);
			}
		});

		it('pages through results with a stable total', async () => {
			const pages = await Promise.all([1, 2, 3].map((page) => search('', { page, per_page: 5 })));
			expect(pages.map((p) => p.hits.length)).toEqual([5, 5, 2]);
			for (const p of pages) expect(p.total).toBe(ALL.length);
			const seen = pages.flatMap(keys);
			expect(new Set(seen).size).toBe(ALL.length);
			expect((await search('', { page: 4, per_page: 5 })).hits).toEqual([]);
		});

		it('marks matched words in name and description and escapes HTML', async () => {
			const result = await search('주얼리');
			const studio = result.hits.find((h) => keyOf.get(h.doc.id) === 'studio')!;
			expect(studio.highlight.name).toContain('<mark>주얼리</mark>');
			expect(studio.highlight.name).toContain('A&amp;B &lt;');
			expect(studio.highlight.name).not.toContain('<주얼리>');
			expect(studio.highlight.description).toContain('&lt;샘플&gt;');
			expect(studio.highlight.description).not.toContain('<샘플>');
			const myungga = result.hits.find((h) => keyOf.get(h.doc.id) === 'myungga')!;
			expect(myungga.highlight.name).toContain('<mark>주얼리</mark>');

			const rings = await search('반지');
			const ring = rings.hits.find((h) => keyOf.get(h.doc.id) === 'myungga')!;
			expect(ring.highlight.description).toContain('<mark>반지</mark>');
			expect(ring.highlight.name).toBe('명가주얼리');
		});

		it('forgets a removed workshop, and replaces one upserted again', async () => {
			await engine().remove([CORPUS.eunha.id]);
			expect(keys(await search('은하세공'))).not.toContain('eunha');
			expect((await search('')).total).toBe(ALL.length - 1);
			await engine().upsert([CORPUS.eunha]);
			expect(keys(await search('은하세공'))).toContain('eunha');

			await engine().upsert([{ ...CORPUS.daesung, name_ko: '대성정밀공업', verified: false }]);
			expect((await search('')).total).toBe(ALL.length);
			const renamed = await search('대성정밀공업');
			expect(renamed.hits[0].doc).toMatchObject({ id: CORPUS.daesung.id, name_ko: '대성정밀공업' });
			expect(await filtered({ verified: true })).not.toContain('daesung');
			await engine().upsert([CORPUS.daesung]);
			expect(await filtered({ verified: true })).toContain('daesung');
		});
	});
}
