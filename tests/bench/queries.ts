// Realistic /api/search requests: Korean and English words, 초성, typos, spelling variants, names,
// filters and facets (every request asks for all facet counts, as the search page does), and geo
// around the startup clusters the craft clusters team up with. Places are given as points, which the
// endpoint resolves without a database round trip.
import { STARTUP_CLUSTERS } from './vocabulary';

const point = (slug: keyof typeof STARTUP_CLUSTERS) => `${STARTUP_CLUSTERS[slug].lat},${STARTUP_CLUSTERS[slug].lng}`;

export interface BenchQuery {
	/** Short label for per-query reports. */
	label: string;
	params: Record<string, string>;
}

const q = (label: string, params: Record<string, string>): BenchQuery => ({ label, params });

export const QUERIES: BenchQuery[] = [
	// Korean words and phrases
	q('주얼리', { q: '주얼리' }),
	q('반지 주조', { q: '반지 주조' }),
	q('cnc 선반', { q: 'cnc 선반' }),
	q('오프셋 인쇄', { q: '오프셋 인쇄' }),
	q('수제화', { q: '수제화' }),
	q('레이저 절단', { q: '레이저 절단' }),
	q('tig 용접', { q: 'tig 용접' }),
	q('굿이어 웰트', { q: '굿이어 웰트' }),
	q('가죽 지갑', { q: '가죽 지갑' }),
	q('무선 제본', { q: '무선 제본' }),
	q('금형', { q: '금형' }),
	q('선반 가공 시제품', { q: '선반 가공 시제품' }),
	// 초성, typos, variants, as-you-type prefixes
	q('ㅈㅇㄹ', { q: 'ㅈㅇㄹ' }),
	q('ㅅㅈㅎ', { q: 'ㅅㅈㅎ' }),
	q('주얼라 (typo)', { q: '주얼라' }),
	q('수재화 (typo)', { q: '수재화' }),
	q('쥬얼리 (variant)', { q: '쥬얼리' }),
	q('옵셋 인쇄 (variant)', { q: '옵셋 인쇄' }),
	q('스텐레스 (variant)', { q: '스텐레스' }),
	q('주얼 (prefix)', { q: '주얼' }),
	q('오프 (prefix)', { q: '오프' }),
	// Workshop names
	q('대성정밀 (name)', { q: '대성정밀' }),
	q('명가주얼리 (name)', { q: '명가주얼리' }),
	// English
	q('jewelry', { q: 'jewelry' }),
	q('lathe', { q: 'lathe' }),
	q('offset printing', { q: 'offset printing' }),
	q('handmade shoes', { q: 'handmade shoes' }),
	q('laser cutting', { q: 'laser cutting' }),
	q('Daesung Precision (name_en)', { q: 'Daesung Precision' }),
	// With filters
	q('주얼리 +cluster', { q: '주얼리', cluster: 'jongno-jewelry' }),
	q('인쇄 +cluster +verified', { q: '인쇄', cluster: 'cheongju-printing', verified: '1' }),
	q('cnc +trade +lead≤7', { q: 'cnc', trade: '259', max_lead_time: '7' }),
	q('수제화 +district +accepting', { q: '수제화', district: '성동구', accepting: '1' }),
	q('도금 +district +min_order≤10', { q: '도금', district: '종로구', max_min_order: '10' }),
	q('가공 +process', { q: '가공', process: 'CNC 밀링' }),
	q('인쇄 +material page 2', { q: '인쇄', material: '아트지', page: '2' }),
	// Browsing without words: filters and facets only
	q('(browse) trade+verified', { trade: '3311', verified: '1' }),
	q('(browse) cluster+master', { cluster: 'mullae-machine-metal', master: '1' }),
	q('(browse) everything', {}),
	// Geo: near a startup cluster, 5 km, nearest first
	q('(geo) 성수 5km by distance', { near: point('seongsu-social-venture-valley'), radius: '5', sort: 'distance' }),
	q('주얼리 (geo) 동대문 5km by distance', { q: '주얼리', near: point('dongdaemun-design'), radius: '5', sort: 'distance' }),
	q('cnc 선반 (geo) G밸리 5km by distance', { q: 'cnc 선반', near: point('g-valley'), radius: '5', sort: 'distance' }),
	q('인쇄 (geo) 오창 5km', { q: '인쇄', near: point('ochang'), radius: '5' }),
	q('jewelry (geo) 테헤란 5km by distance', { q: 'jewelry', near: point('teheran-valley'), radius: '5', sort: 'distance' })
];

export function pathOf(query: BenchQuery): string {
	const search = new URLSearchParams(query.params).toString();
	return search ? `/api/search?${search}` : '/api/search';
}
