// Distances between clusters: the plan wants craft clusters to team up with the nearest startup clusters.
import { formatNumber } from './format';

export interface LatLng {
	lat: number;
	lng: number;
}

/** Mean Earth radius (IUGG), the usual choice for the haversine formula. */
const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine); good to well under 1% at city scale. */
export function distanceKm(a: LatLng, b: LatLng): number {
	const dLat = toRadians(b.lat - a.lat);
	const dLng = toRadians(b.lng - a.lng);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
	// min() guards against h creeping past 1 through rounding for antipodal points.
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A distance for people: one decimal under 10 km (neighbouring clusters), whole kilometres beyond,
 * and "< 0.1 km" for clusters that share a neighbourhood. "km" reads the same in Korean and English.
 */
export function formatKm(km: number): string {
	if (!Number.isFinite(km) || km < 0) throw new RangeError(`not a distance: ${km}`);
	if (km < 0.1) return '< 0.1 km';
	const tenths = Math.round(km * 10) / 10;
	if (tenths < 10) return `${tenths.toFixed(1)} km`;
	return `${formatNumber(Math.round(km), 'en')} km`;
}

/**
 * A point as others than its owner see it: rounded to 0.01° (about 1.1 km north–south, 0.9 km east–west
 * in Korea), so a request's delivery place shows the neighbourhood, not the door.
 */
export function approximate(point: LatLng): LatLng {
	return { lat: Math.round(point.lat * 100) / 100, lng: Math.round(point.lng * 100) / 100 };
}
