// Kakao Local API (https://developers.kakao.com/docs/latest/ko/local/dev-guide): address search
// (GET /v2/local/search/address.json?query=), a point's address (GET /v2/local/geo/coord2address.json
// ?x=&y=) and, where a point has no address (a river, a park), its regions (GET
// /v2/local/geo/coord2regioncode.json?x=&y=); authorised by `Authorization: KakaoAK <REST API key>`.
// Kakao knows every road address; the embedded table knows districts and a few 동. When Kakao cannot
// answer (a bad key: 401, the daily quota: 429, a timeout, a 5xx, the network) the table answers
// instead and the log says so, so a form never fails because Kakao does.
import { z } from 'zod';
import { romanizePlace } from '$lib/domain/place-names';
import { geocodeFromTable, reverseFromTable } from './embedded';
import type { District, GeocodingPort, Place, PointPlace } from './port';

export interface KakaoSettings {
	restApiKey: string;
	/** Only for the protocol double: where the API answers (default https://dapi.kakao.com). */
	apiBase?: string;
	/** A lookup slower than this is given up for the table (a form is waiting). */
	timeoutMs?: number;
}

const region = z.object({
	region_1depth_name: z.string(),
	region_2depth_name: z.string(),
	region_3depth_name: z.string().optional()
});

const addressAnswer = z.object({
	documents: z.array(
		z.object({
			x: z.coerce.number(),
			y: z.coerce.number(),
			address: region.nullable(),
			road_address: region.extend({ address_name: z.string() }).nullable()
		})
	)
});

const pointAnswer = z.object({
	documents: z.array(
		z.object({
			address: region.extend({ address_name: z.string() }).nullable(),
			road_address: region.extend({ address_name: z.string() }).nullable()
		})
	)
});

const regionAnswer = z.object({
	documents: z.array(region.extend({ region_type: z.enum(['B', 'H']) }))
});

/** Sejong has no 시·군·구: Kakao leaves region_2depth_name empty, workshops store the city. */
function districtFrom(r: z.infer<typeof region>): District | null {
	const district = r.region_2depth_name.trim() || (r.region_1depth_name.startsWith('세종') ? '세종특별자치시' : '');
	return district ? { district_ko: district, district_en: romanizePlace(district) } : null;
}

class KakaoError extends Error {}

export function createKakaoGeocoding(settings: KakaoSettings): GeocodingPort {
	const base = (settings.apiBase ?? 'https://dapi.kakao.com').replace(/\/$/, '');
	const timeoutMs = settings.timeoutMs ?? 3000;

	async function get<T>(path: string, params: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
		const url = `${base}${path}?${new URLSearchParams(params)}`;
		let res: Response;
		try {
			res = await fetch(url, { headers: { Authorization: `KakaoAK ${settings.restApiKey}` }, signal: AbortSignal.timeout(timeoutMs) });
		} catch (e) {
			throw new KakaoError(e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String(e));
		}
		if (!res.ok) {
			// Kakao's error body: {"errorType": "AccessDeniedError", "message": "..."}.
			const body = await res.text().catch(() => '');
			throw new KakaoError(`${res.status} ${body.slice(0, 200)}`);
		}
		const parsed = schema.safeParse(await res.json().catch(() => null));
		if (!parsed.success) throw new KakaoError(`unexpected answer: ${parsed.error.issues[0]?.message}`);
		return parsed.data;
	}

	function fallback<T>(what: string, e: unknown, answer: () => T): T {
		if (!(e instanceof KakaoError)) throw e;
		console.warn('[geocoding] Kakao Local failed (%s: %s); answering from the embedded district table', what, e.message);
		return answer();
	}

	return {
		kind: 'kakao',
		async geocode(address) {
			const query = address.trim();
			if (!query) return null;
			try {
				const answer = await get('/v2/local/search/address.json', { query, size: '1' }, addressAnswer);
				const doc = answer.documents[0];
				const district = doc && districtFrom(doc.road_address ?? doc.address ?? { region_1depth_name: '', region_2depth_name: '' });
				// Not an address Kakao knows (a typo, a building name): the table may still know its district.
				if (!doc || !district) return geocodeFromTable(query);
				const place: Place = { ...district, lat: doc.y, lng: doc.x };
				if (doc.road_address) place.road_address = doc.road_address.address_name;
				return place;
			} catch (e) {
				return fallback('address search', e, () => geocodeFromTable(query));
			}
		},
		async reverse(lat, lng): Promise<PointPlace | null> {
			const at = { x: String(lng), y: String(lat) };
			try {
				const [doc] = (await get('/v2/local/geo/coord2address.json', at, pointAnswer)).documents;
				const named = doc?.road_address ?? doc?.address;
				const district = named && districtFrom(named);
				if (named && district) return { ...district, address_ko: named.address_name };
				// No address at the point: its regions still say the district.
				const answer = await get('/v2/local/geo/coord2regioncode.json', at, regionAnswer);
				// The legal region (B) and the administrative one (H) share their 시·군·구.
				const region = answer.documents.find((d) => d.region_type === 'H') ?? answer.documents[0];
				return region ? districtFrom(region) : null;
			} catch (e) {
				return fallback('reverse geocoding', e, () => reverseFromTable(lat, lng));
			}
		}
	};
}
