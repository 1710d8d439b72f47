// Where a form's place is: the point picked on the map when there is one (its district from the
// geocoder), else the typed address geocoded here on the server, so the forms work without JavaScript
// and the browser's district is never trusted. Errors are message keys for the address field.
import type { District } from './geo/port';
import { geocoding } from './ports';
import { msg } from '$lib/msg';

export interface Located extends District {
	lat: number;
	lng: number;
}

export type LocateResult =
	| { ok: true; place: Located | null }
	/** The address names no place the geocoder knows, or the point is not in Korea. */
	| { ok: false; error: 'place_err_not_found' | 'place_err_outside' };

/** The place of a form: `point` when picked, else `address` geocoded; neither is no place (allowed). */
export async function locate(address: string, point: { lat: number | null; lng: number | null }): Promise<LocateResult> {
	if (point.lat !== null && point.lng !== null) {
		const found = await geocoding().reverse(point.lat, point.lng);
		if (!found) return { ok: false, error: msg('place_err_outside') };
		// The district only: what the address field says stays the person's own words.
		return { ok: true, place: { district_ko: found.district_ko, district_en: found.district_en, lat: point.lat, lng: point.lng } };
	}
	if (!address.trim()) return { ok: true, place: null };
	const place = await geocoding().geocode(address);
	if (!place) return { ok: false, error: msg('place_err_not_found') };
	return { ok: true, place: { district_ko: place.district_ko, district_en: place.district_en, lat: place.lat, lng: place.lng } };
}
