// A Kakao Local API test double: a local HTTP server speaking the two endpoints the geocoding adapter
// calls, in Kakao's wire format. `Authorization: KakaoAK <key>` or 401 {errorType, message};
// GET /v2/local/search/address.json?query= answers {meta, documents[]} with x/y as strings and
// address / road_address objects (region_1depth_name "서울", region_2depth_name "종로구" …);
// GET /v2/local/geo/coord2address.json?x=&y= answers the road and lot address of a known address
// within 100 m (documents [] elsewhere, as Kakao does for a point without an address);
// GET /v2/local/geo/coord2regioncode.json?x=&y= answers the legal (B) and administrative (H) regions
// of the nearest known address within 3 km, x/y as numbers. It knows a handful of addresses, like a
// fixture; `misbehave` makes it answer 429 (quota), 500, or too slowly.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface KnownAddress {
	/** What a person types; matched when the query contains it. */
	query: string;
	road: string;
	jibun: string;
	region: [string, string, string];
	/** The administrative 동 (region_type H). */
	hDong: string;
	x: number;
	y: number;
}

export const KNOWN_ADDRESSES: readonly KnownAddress[] = [
	{
		query: '돈화문로11가길 24',
		road: '서울 종로구 돈화문로11가길 24',
		jibun: '서울 종로구 봉익동 10-1',
		region: ['서울', '종로구', '봉익동'],
		hDong: '종로1.2.3.4가동',
		x: 126.99231,
		y: 37.57348
	},
	{
		query: '종로3가',
		road: '서울 종로구 종로 119',
		jibun: '서울 종로구 종로3가 10',
		region: ['서울', '종로구', '종로3가'],
		hDong: '종로1.2.3.4가동',
		x: 126.99173,
		y: 37.57043
	},
	{
		query: '성수이로 78',
		road: '서울 성동구 성수이로 78',
		jibun: '서울 성동구 성수동2가 315-61',
		region: ['서울', '성동구', '성수동2가'],
		hDong: '성수2가3동',
		x: 127.05632,
		y: 37.54468
	},
	{
		query: '상당로 55',
		road: '충북 청주시 상당구 상당로 55',
		jibun: '충북 청주시 상당구 북문로2가 116-175',
		region: ['충북', '청주시 상당구', '북문로2가'],
		hDong: '중앙동',
		x: 127.48919,
		y: 36.64253
	},
	{
		query: '세종 한누리대로 2130',
		road: '세종특별자치시 한누리대로 2130',
		jibun: '세종특별자치시 보람동 650',
		region: ['세종특별자치시', '', '보람동'],
		hDong: '보람동',
		x: 127.28919,
		y: 36.48003
	}
];

export type Misbehaviour = 'none' | 'quota' | 'server-error' | 'slow';

export interface KakaoLocalDouble {
	url: string;
	restApiKey: string;
	requests: { path: string; status: number; authorization: string | undefined }[];
	misbehave(mode: Misbehaviour): void;
	close(): Promise<void>;
}

function km(a: { x: number; y: number }, b: { x: number; y: number }): number {
	const rad = Math.PI / 180;
	const dy = (b.y - a.y) * 111.32;
	const dx = (b.x - a.x) * 111.32 * Math.cos(a.y * rad);
	return Math.hypot(dx, dy);
}

function addressDocument(a: KnownAddress) {
	const [r1, r2, r3] = a.region;
	return {
		address_name: a.road,
		address_type: 'ROAD_ADDR',
		x: String(a.x),
		y: String(a.y),
		address: {
			address_name: a.jibun,
			region_1depth_name: r1,
			region_2depth_name: r2,
			region_3depth_name: r3,
			region_3depth_h_name: a.hDong,
			h_code: '1111061500',
			b_code: '1111013800',
			mountain_yn: 'N',
			main_address_no: '10',
			sub_address_no: '1',
			x: String(a.x),
			y: String(a.y)
		},
		road_address: {
			address_name: a.road,
			region_1depth_name: r1,
			region_2depth_name: r2,
			region_3depth_name: r3,
			road_name: a.road.split(' ').at(-2) ?? '',
			underground_yn: 'N',
			main_building_no: a.road.split(' ').at(-1) ?? '',
			sub_building_no: '',
			building_name: '',
			zone_no: '03139',
			x: String(a.x),
			y: String(a.y)
		}
	};
}

export async function startKakaoLocalDouble(opts: { restApiKey?: string; slowMs?: number } = {}): Promise<KakaoLocalDouble> {
	const restApiKey = opts.restApiKey ?? 'kakao-double-key';
	const requests: KakaoLocalDouble['requests'] = [];
	let mode: Misbehaviour = 'none';

	function answer(url: URL, authorization: string | undefined): { status: number; body: unknown } {
		if (authorization !== `KakaoAK ${restApiKey}`)
			return { status: 401, body: { errorType: 'AccessDeniedError', message: 'wrong appKey format or appKey not found' } };
		if (mode === 'quota') return { status: 429, body: { errorType: 'RequestThrottled', message: 'API limit has been exceeded.' } };
		if (mode === 'server-error') return { status: 500, body: { errorType: 'InternalServerError', message: 'internal error' } };
		if (url.pathname === '/v2/local/search/address.json') {
			const query = url.searchParams.get('query');
			if (!query) return { status: 400, body: { errorType: 'MissingParameter', message: 'query parameter required' } };
			const size = Number(url.searchParams.get('size') ?? 10);
			const found = KNOWN_ADDRESSES.filter((a) => query.includes(a.query)).slice(0, size);
			return {
				status: 200,
				body: { meta: { total_count: found.length, pageable_count: found.length, is_end: true }, documents: found.map(addressDocument) }
			};
		}
		if (url.pathname === '/v2/local/geo/coord2address.json') {
			const x = Number(url.searchParams.get('x'));
			const y = Number(url.searchParams.get('y'));
			if (!url.searchParams.has('x') || !url.searchParams.has('y') || !Number.isFinite(x) || !Number.isFinite(y))
				return { status: 400, body: { errorType: 'InvalidArgument', message: 'x, y must be numbers' } };
			const at = KNOWN_ADDRESSES.find((a) => km({ x, y }, a) <= 0.1);
			const documents = at ? [(({ address, road_address }) => ({ address, road_address }))(addressDocument(at))] : [];
			return { status: 200, body: { meta: { total_count: documents.length }, documents } };
		}
		if (url.pathname === '/v2/local/geo/coord2regioncode.json') {
			const x = Number(url.searchParams.get('x'));
			const y = Number(url.searchParams.get('y'));
			if (!url.searchParams.has('x') || !url.searchParams.has('y') || !Number.isFinite(x) || !Number.isFinite(y))
				return { status: 400, body: { errorType: 'InvalidArgument', message: 'x, y must be numbers' } };
			const near = KNOWN_ADDRESSES.map((a) => ({ a, d: km({ x, y }, a) }))
				.filter((c) => c.d <= 3)
				.sort((p, q) => p.d - q.d)[0]?.a;
			const documents = near
				? (['B', 'H'] as const).map((type) => ({
						region_type: type,
						code: type === 'B' ? '1111013800' : '1111061500',
						address_name: [near.region[0], near.region[1], type === 'B' ? near.region[2] : near.hDong].filter(Boolean).join(' '),
						region_1depth_name: near.region[0],
						region_2depth_name: near.region[1],
						region_3depth_name: type === 'B' ? near.region[2] : near.hDong,
						region_4depth_name: '',
						x,
						y
					}))
				: [];
			return { status: 200, body: { meta: { total_count: documents.length }, documents } };
		}
		return { status: 404, body: { errorType: 'NotFound', message: 'no such API' } };
	}

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const { status, body } = answer(url, req.headers.authorization);
		requests.push({ path: url.pathname, status, authorization: req.headers.authorization });
		const send = () => {
			if (res.destroyed) return;
			res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
			res.end(JSON.stringify(body));
		};
		if (mode === 'slow') setTimeout(send, opts.slowMs ?? 2000);
		else send();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		restApiKey,
		requests,
		misbehave: (next) => (mode = next),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
