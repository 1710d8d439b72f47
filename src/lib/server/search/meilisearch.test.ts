import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Meilisearch } from 'meilisearch';
import { segmentHangul, startMeilisearchDouble, type MeilisearchDouble } from '../../../../tests/doubles/meilisearch';
import { toMeiliSynonyms } from '../../domain/glossary';
import { searchContract } from './contract';
import { filterExpression, meilisearchEngine } from './meilisearch';
import type { SearchQuery, WorkshopDoc } from './port';
import { searchOnlyKey } from './search-key';

searchContract('meilisearch against the local Meilisearch double', async (glossary) => {
	const double = await startMeilisearchDouble();
	const engine = meilisearchEngine({ url: double.url, apiKey: double.apiKey, index: 'workshops' }, { synonyms: toMeiliSynonyms(glossary) });
	return { engine, cleanup: () => double.close() };
});

// A real server only when one is configured; each run uses its own index and deletes it afterwards.
const realUrl = process.env.MEILI_URL;
if (realUrl) {
	searchContract(`meilisearch at ${realUrl}`, (glossary) => {
		const cfg = { url: realUrl, apiKey: process.env.MEILI_MASTER_KEY || undefined, index: `contract_${randomUUID().slice(0, 8)}` };
		return Promise.resolve({
			engine: meilisearchEngine(cfg, { synonyms: toMeiliSynonyms(glossary) }),
			cleanup: async () => {
				await new Meilisearch({ host: cfg.url, apiKey: cfg.apiKey }).deleteIndex(cfg.index).waitTask();
			}
		});
	});
} else {
	describe.skip('meilisearch against a real server: skipped, MEILI_URL (and MEILI_MASTER_KEY) are not set', () => {
		it('runs the search contract against a real Meilisearch', () => {});
	});
}

let seq = 0;
function workshop(overrides: Partial<WorkshopDoc> = {}): WorkshopDoc {
	seq++;
	return {
		id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
		slug: `workshop-${seq}`,
		name_ko: `공방 ${seq}`,
		name_en: null,
		trade_code: 'C33110',
		trade_name_ko: '귀금속 및 관련제품 제조업',
		trade_name_en: 'Jewellery and related articles',
		clusters: ['jongno-jewelry'],
		district_ko: '종로구',
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
		min_order_units: null,
		lead_time_days: null,
		employees: 3,
		lat: 37.5714,
		lng: 126.9918,
		thumb_path: null,
		updated_at: '2025-01-01T00:00:00.000Z',
		...overrides
	};
}

const query = (q: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
	q,
	filters: {},
	sort: 'relevance',
	page: 1,
	per_page: 20,
	facets: [],
	...extra
});

const synonyms = { 주얼리: ['jewelry', '귀금속'], jewelry: ['주얼리'], 수제화: ['수제구두'], 수제구두: ['수제화'] };

describe('meilisearch engine against the double', () => {
	let double: MeilisearchDouble;
	let n = 0;
	let indexName: string;
	const cfg = () => ({ url: double.url, apiKey: double.apiKey, index: indexName });

	beforeAll(async () => {
		double = await startMeilisearchDouble();
	});
	afterAll(async () => {
		await double.close();
	});
	beforeEach(() => {
		indexName = `workshops_${++n}`;
	});

	it('applies its settings, and waits for them, before the first document batch', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		await engine.upsert([workshop({ name_ko: '종로 주얼리' })]); // no explicit prepare(): the engine must still do it first
		const log = double.requests.filter((r) => r.path.startsWith(`/indexes/${indexName}`) || r.path.startsWith('/tasks/'));
		const settingsAt = log.findIndex((r) => r.method === 'PATCH' && r.path === `/indexes/${indexName}/settings`);
		expect(settingsAt).toBeGreaterThanOrEqual(0);
		const settingsTask = log[settingsAt].taskUid;
		const settledAt = log.findIndex((r) => r.path === `/tasks/${settingsTask}` && r.taskStatus === 'succeeded');
		const firstDocumentsAt = log.findIndex((r) => r.path === `/indexes/${indexName}/documents` && r.method === 'POST');
		expect(settledAt).toBeGreaterThan(settingsAt);
		expect(firstDocumentsAt).toBeGreaterThan(settledAt);

		const sent = log[settingsAt].body as Record<string, unknown>;
		expect(sent.searchableAttributes).toEqual([
			'name_ko',
			'name_en',
			'initials',
			'processes',
			'trade_name_ko',
			'trade_name_en',
			'materials',
			'equipment',
			'certifications',
			'description_ko',
			'description_en',
			'text_norm',
			'parts',
			'products',
			'name_jamo',
			'key_jamo'
		]);
		expect([...(sent.filterableAttributes as string[])].sort()).toEqual(
			[
				'_geo',
				'accepting_orders',
				'clusters',
				'district_ko',
				'lead_time_days',
				'master',
				'materials',
				'min_order_units',
				'processes',
				'trade_code',
				'verified'
			].sort()
		);
		expect(sent.sortableAttributes).toEqual(expect.arrayContaining(['_geo']));
		// Meilisearch's documented default order of its built-in rules, then the tie-breakers.
		expect(sent.rankingRules).toEqual(['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness', 'boost:desc']);
		// Filter- and sort-only fields are never searched as text.
		for (const field of ['id', 'slug', 'clusters', 'trade_code', 'district_ko', 'verified', 'master', 'min_order_units', 'boost', 'lat'])
			expect(sent.searchableAttributes).not.toContain(field);
		expect(sent.typoTolerance).toMatchObject({ minWordSizeForTypos: { oneTypo: 3, twoTypos: 9 }, disableOnAttributes: ['initials'] });
		expect((sent.synonyms as Record<string, string[]>)['주얼리']).toEqual(expect.arrayContaining(['jewelry', '귀금속']));
		expect(double.settingsOf(indexName)?.searchableAttributes).toEqual(sent.searchableAttributes);
	});

	it('asks a query of several words with matchingStrategy all, then last, listing all words before some', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		await engine.upsert([
			workshop({ name_ko: '하나공방', processes: ['용접', '판금'] }),
			workshop({ name_ko: '두리공방', processes: ['용접'], verified: true, featured: true, master: true, scorecard: 3 })
		]);
		const strategies = async (q: string, per_page: number) => {
			const before = double.requests.length;
			const result = await engine.search({ q, filters: {}, sort: 'relevance', page: 1, per_page, facets: [] });
			const asked = double.requests.slice(before).filter((r) => r.path === `/indexes/${indexName}/search`);
			return {
				names: result.hits.map((h) => h.doc.name_ko),
				total: result.total,
				asked: asked.map((r) => (r.body as { matchingStrategy: string }).matchingStrategy)
			};
		};
		// Both words in one workshop, one in the other (with every tie-breaker): all words before some.
		expect(await strategies('용접 판금', 20)).toEqual({ names: ['하나공방', '두리공방'], total: 2, asked: ['all', 'last'] });
		// The total counts both, whatever the page size.
		expect(await strategies('용접 판금', 1)).toEqual({ names: ['하나공방'], total: 2, asked: ['all', 'last'] });
		// One word: nothing to drop.
		expect((await strategies('용접', 20)).asked).toEqual(['all']);
	});

	it('leaves unchanged settings alone on the next start, and sends changed ones', async () => {
		await meilisearchEngine(cfg(), { synonyms }).prepare();
		await meilisearchEngine(cfg(), { synonyms }).prepare();
		const patches = () => double.requests.filter((r) => r.method === 'PATCH' && r.path === `/indexes/${indexName}/settings`).length;
		expect(patches()).toBe(1);
		await meilisearchEngine(cfg(), { synonyms: { ...synonyms, 인쇄: ['printing'] } }).prepare();
		expect(patches()).toBe(2);
	});

	it('escapes filter values, so a quote cannot break out of the expression', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		const quoted = workshop({ district_ko: 'Jongno "3-ga"' });
		const slashed = workshop({ district_ko: 'a\\b' });
		await engine.upsert([workshop({ verified: true }), workshop({ verified: false }), quoted, slashed]);

		const attack = ['" OR verified = false OR district_ko = "', '\\" OR verified = true OR district_ko = \\"'];
		for (const district of attack) {
			const result = await engine.search(query('', { filters: { district_ko: [district] } }));
			expect(result.total).toBe(0);
		}
		// Legitimate values with a quote or a backslash still match exactly.
		expect((await engine.search(query('', { filters: { district_ko: [quoted.district_ko] } }))).hits.map((h) => h.doc.id)).toEqual([
			quoted.id
		]);
		expect((await engine.search(query('', { filters: { district_ko: [slashed.district_ko] } }))).hits.map((h) => h.doc.id)).toEqual([
			slashed.id
		]);
		expect(filterExpression({ district_ko: ['x"y'] })).toBe('district_ko IN ["x\\"y"]');
		expect(() => filterExpression({ max_lead_time: Number.NaN })).toThrow(/finite/);
	});

	it('escapes HTML in highlights and marks only the matched words', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		await engine.upsert([workshop({ name_ko: '<img src=x onerror=alert(1)> 종로 주얼리', description_ko: '금 & 은 <b>주얼리</b> 수리' })]);
		const [hit] = (await engine.search(query('주얼리'))).hits;
		expect(hit.highlight.name).toBe('&lt;img src=x onerror=alert(1)&gt; 종로 <mark>주얼리</mark>');
		expect(hit.highlight.description).toBe('금 &amp; 은 &lt;b&gt;<mark>주얼리</mark>&lt;/b&gt; 수리');
	});

	it('searches initial consonants on the initials field only', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		const jewelry = workshop({ name_ko: '종로 주얼리' });
		await engine.upsert([jewelry, workshop({ name_ko: '문래 정밀', description_ko: 'ㅈㅇㄹ' })]);
		const result = await engine.search(query('ㅈㅇㄹ'));
		expect(result.hits.map((h) => h.doc.id)).toEqual([jewelry.id]);
		const sent = double.requests.filter((r) => r.path === `/indexes/${indexName}/search`).at(-1)!.body as Record<string, unknown>;
		expect(sent.attributesToSearchOn).toEqual(['initials']);
	});

	it('finds through jamo a typo in a first syllable or a two-syllable word, and a half-typed syllable', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		const jewelry = workshop({ name_ko: '종로 주얼리' });
		const lathe = workshop({ name_ko: '문래정밀', processes: ['CNC 선반'] });
		await engine.upsert([jewelry, lathe, workshop({ name_ko: '성수 수제화', processes: ['인장'] })]);
		expect((await engine.search(query('조얼리'))).hits.map((h) => h.doc.id)).toEqual([jewelry.id]);
		expect((await engine.search(query('종로 주어'))).hits.map((h) => h.doc.id)).toEqual([jewelry.id]);
		expect((await engine.search(query('선밤'))).hits.map((h) => h.doc.id)).toEqual([lathe.id]);
		// Two syllables one syllable apart are different words: 인쇄 (printing) must not find 인장 (seals).
		expect((await engine.search(query('인쇄'))).total).toBe(0);
	});

	it('rejects searches and writes while Meilisearch is unreachable or failing, so the app falls back', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		await engine.upsert([workshop({ name_ko: '종로 주얼리' })]);
		for (const mode of ['unreachable', 'unavailable'] as const) {
			double.down(mode);
			try {
				await expect(engine.search(query('주얼리'))).rejects.toThrow();
				await expect(engine.upsert([workshop()])).rejects.toThrow();
			} finally {
				double.up();
			}
			expect((await engine.search(query('주얼리'))).total).toBe(1);
		}
	});

	it('hands the browser a search-only key for this index, never the master key', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		await engine.upsert([workshop({ name_ko: '종로 주얼리' })]);
		const browser = await searchOnlyKey(cfg());
		expect(JSON.stringify(browser)).not.toContain(double.apiKey);
		expect(await searchOnlyKey(cfg())).toEqual(browser); // reused, not one more key per call

		const admin = new Meilisearch({ host: double.url, apiKey: double.apiKey });
		const keys = (await admin.getKeys({ limit: 100 })).results.filter((k) => k.key === browser.key);
		expect(keys).toHaveLength(1);
		expect(keys[0].actions).toEqual(['search']);
		expect(keys[0].indexes).toEqual([indexName]);

		const asBrowser = new Meilisearch({ host: browser.url, apiKey: browser.key });
		expect((await asBrowser.index(indexName).search('주얼리')).hits).toHaveLength(1);
		await expect(asBrowser.index(indexName).updateSettings({ searchableAttributes: ['*'] })).rejects.toThrow(/invalid/i);
		await expect(asBrowser.index(indexName).addDocuments([{ id: 'x' }])).rejects.toThrow(/invalid/i);
		await expect(asBrowser.index('other').search('')).rejects.toThrow(/invalid/i);
	});

	it('is answered by the double as Meilisearch answers: unknown search parameters refused with 400 bad_request', async () => {
		const engine = meilisearchEngine(cfg(), { synonyms });
		await engine.upsert([workshop({ name_ko: '종로 주얼리' })]);
		const post = (body: unknown) =>
			fetch(`${double.url}/indexes/${indexName}/search`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${double.apiKey}` },
				body: JSON.stringify(body)
			});
		const unknown = await post({ q: '주얼리', marin: 'hello' });
		expect(unknown.status).toBe(400);
		const error = (await unknown.json()) as Record<string, string>;
		expect(error).toMatchObject({ code: 'bad_request', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#bad_request' });
		expect(error.message).toMatch(/^Unknown field `marin`: expected one of `q`, `vector`, `offset`/);
		const badQ = await post({ q: ['doggo'] });
		expect(badQ.status).toBe(400);
		expect(await badQ.json()).toMatchObject({
			code: 'invalid_search_q',
			message: 'Invalid value type at `.q`: expected a string, but found an array: `["doggo"]`'
		});
		// Every parameter the adapter sends is one Meilisearch knows: its searches are answered.
		const geo = workshop({ name_ko: '종로 주얼리 공방', lat: 37.57, lng: 126.99 });
		await engine.upsert([geo]);
		const result = await engine.search({
			...query('주얼리'),
			sort: 'distance',
			from: { lat: 37.57, lng: 126.99 },
			facets: ['clusters'],
			filters: { verified: false, within: { lat: 37.57, lng: 126.99, radius_km: 5 } }
		});
		expect(result.hits.map((h) => h.doc.id)).toContain(geo.id);
		expect((await engine.search({ ...query('반지'), scope: 'key' })).total).toBe(0);
	});
});

describe('the Meilisearch double segments Korean as charabia does (lindera, ko-dic)', () => {
	const pieces = (text: string) => segmentHangul(text).map(([a, b]) => text.slice(a, b));

	it("cuts charabia's own Korean test sentence into its morphemes", () => {
		// charabia/src/segmenter/korean.rs: "한국어의형태해석을실시할수있습니다"
		expect(pieces('한국어의형태해석을실시할수있습니다')).toEqual([
			'한국어',
			'의',
			'형태',
			'해석',
			'을',
			'실시',
			'할',
			'수',
			'있',
			'습니다'
		]);
	});

	it('cuts compounds of known nouns and the particles written onto them, and keeps unknown syllables together', () => {
		expect(pieces('정밀가공')).toEqual(['정밀', '가공']);
		expect(pieces('왁스카빙')).toEqual(['왁스', '카빙']);
		expect(pieces('귀걸이를')).toEqual(['귀걸이', '를']);
		expect(pieces('명가주얼리')).toEqual(['명가', '주얼리']);
		expect(pieces('신도용접')).toEqual(['신도', '용접']);
		expect(pieces('은하세공')).toEqual(['은하세공']);
		expect(pieces('수재화')).toEqual(['수재화']);
	});
});
