// The embedded geocoder: matches the most specific place an address names (a 동 of the table, else its
// 시·군·구, else a city's general 구 together) and answers its centre; a point's district is the
// district of the nearest 동 centre within a couple of km, else of the nearest 시·군·구 centre.
// Addresses are matched by their words, so "서울 종로구 종로3가 …", "서울특별시 종로구 돈화문로 11"
// and "종로구 익선동" all place; road names and building numbers are not in the table and are skipped.
import { distanceKm } from '$lib/domain/geo';
import { romanizePlace } from '$lib/domain/place-names';
import { DISTRICTS, DONGS, ISLANDS, PROVINCES } from './districts';
import type { District, GeocodingPort, Place, PointPlace } from './port';

/** A 동 centre this close wins over the 시·군·구 centres (a 동 is a km or two across). */
const DONG_RADIUS_KM = 2;
/** Farther than this from every 시·군·구 centre is not in Korea (Ulleung and Jeju have their own). */
const KOREA_RADIUS_KM = 40;

interface Entry {
	province: string;
	/** As stored: "청주시 상당구". */
	district: string;
	lat: number;
	lng: number;
}

const districts: Entry[] = DISTRICTS.map(([province, district, lat, lng]) => ({ province, district, lat, lng }));
const reachable: Entry[] = [...districts, ...ISLANDS.map(([province, district, lat, lng]) => ({ province, district, lat, lng }))];
const dongs = DONGS.map(([province, district, names, lat, lng]) => ({ province, district, names, lat, lng }));

/** Cities with general 구 ("수원시"), for an address that names the city only: the middle of its 구. */
const cities: Entry[] = [
	...Map.groupBy(
		districts.filter((d) => d.district.includes(' ')),
		(d) => `${d.province} ${d.district.split(' ')[0]}`
	)
].map(([key, parts]) => ({
	province: key.split(' ')[0],
	district: key.split(' ')[1],
	lat: parts.reduce((s, p) => s + p.lat, 0) / parts.length,
	lng: parts.reduce((s, p) => s + p.lng, 0) / parts.length
}));

const provinceOf = new Map(PROVINCES.flatMap((p) => p.aliases.map((a) => [a, p.key] as const)));

/** The words of an address: split at spaces, commas and brackets; "·" and "." kept (종로1·2·3·4가동). */
function words(address: string): string[] {
	return address
		.normalize('NFC')
		.split(/[\s,()[\]]+/)
		.filter(Boolean);
}

export const districtOf = (entry: { district: string }): District => ({
	district_ko: entry.district,
	district_en: romanizePlace(entry.district)
});

function place(entry: { district: string; lat: number; lng: number }): Place {
	return { ...districtOf(entry), lat: entry.lat, lng: entry.lng };
}

/** A district named by the address: every part of its name is one of the words ("청주시", "상당구"). */
function namedDistricts(w: Set<string>, province: string | undefined, joined: string): Entry[] {
	return districts.filter(
		(d) =>
			(!province || d.province === province) &&
			(d.district.split(' ').every((part) => w.has(part)) || (d.district.includes(' ') && joined.includes(d.district.replace(' ', ''))))
	);
}

/** The place an address names, most specific first; null when it names none the table knows. */
export function geocodeFromTable(address: string): Place | null {
	const list = words(address);
	const w = new Set(list);
	const province = list.map((x) => provinceOf.get(x)).find(Boolean);
	// "청주시상당구" typed without its space.
	const joined = list.join('');
	let found = namedDistricts(w, province, joined);
	// "광주" alone is the metropolitan city; "경기 광주시" is named by the district words.
	if (!province && found.length > 1) {
		const specific = found.filter((d) => d.district.includes(' '));
		if (specific.length) found = specific;
	}
	const inDistricts = (d: { province: string; district: string }) =>
		found.length ? found.some((f) => f.province === d.province && f.district === d.district) : !province || d.province === province;
	const dong = dongs.filter((d) => inDistricts(d) && d.names.some((n) => w.has(n)));
	if (dong.length === 1) return place(dong[0]);
	if (found.length === 1) return place(found[0]);
	if (found.length === 0) {
		const city = cities.find((c) => (!province || c.province === province) && w.has(c.district));
		if (city) return place(city);
	}
	return null;
}

const provinceName = new Map(PROVINCES.map((p) => [p.key, p.name]));

/**
 * The district of a point: its nearest 동 within DONG_RADIUS_KM, else its nearest 시·군·구. Named
 * "서울특별시 성동구 성수2가3동" (the 동 only when one is that near): what the table knows, no street.
 */
export function reverseFromTable(lat: number, lng: number): PointPlace | null {
	if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
	const at = { lat, lng };
	const nearest = <T extends { lat: number; lng: number }>(list: T[]) =>
		list.reduce<{ entry: T; km: number } | null>((best, entry) => {
			const km = distanceKm(at, entry);
			return !best || km < best.km ? { entry, km } : best;
		}, null);
	const named = (entry: Entry, dong?: string): PointPlace => {
		const province = provinceName.get(entry.province) ?? entry.province;
		// Sejong is its own 시·군·구: named once.
		const parts = [province, entry.district === province ? '' : entry.district, dong];
		return { ...districtOf(entry), address_ko: parts.filter(Boolean).join(' ') };
	};
	const dong = nearest(dongs);
	if (dong && dong.km <= DONG_RADIUS_KM) return named(dong.entry, dong.entry.names[0]);
	const district = nearest(reachable);
	return district && district.km <= KOREA_RADIUS_KM ? named(district.entry) : null;
}

export function createEmbeddedGeocoding(): GeocodingPort {
	return {
		kind: 'embedded',
		geocode: (address) => Promise.resolve(geocodeFromTable(address)),
		reverse: (lat, lng) => Promise.resolve(reverseFromTable(lat, lng))
	};
}
