import { describe, expect, it } from 'vitest';
import { approximate, distanceKm, formatKm } from './geo';

// Cluster centres from DOMAIN.md.
const jongno = { lat: 37.5714, lng: 126.9918 };
const seongsuShoes = { lat: 37.5446, lng: 127.0557 };
const seongsuVentures = { lat: 37.5447, lng: 127.0557 };
const mullae = { lat: 37.5176, lng: 126.8947 };
const gValley = { lat: 37.4849, lng: 126.8965 };
const cheongju = { lat: 36.6424, lng: 127.489 };
const ochang = { lat: 36.717, lng: 127.43 };

describe('distanceKm', () => {
	it.each([
		// [label, from, to, expected km, tolerance km]; expectations cross-checked with the spherical
		// law of cosines, and within 0.5% of ellipsoidal (WGS 84) distances
		['Jongno → Seongsu shoes', jongno, seongsuShoes, 6.37, 0.01],
		['Mullae → G-Valley', mullae, gValley, 3.64, 0.01],
		['Cheongju → Ochang', cheongju, ochang, 9.82, 0.01],
		['Jongno → Cheongju (≈110 km south of Seoul)', jongno, cheongju, 112.3, 0.1],
		['Seongsu shoes → Seongsu ventures (same block)', seongsuShoes, seongsuVentures, 0.0111, 0.0005]
	])('%s', (_label, from, to, km, tolerance) => {
		expect(Math.abs(distanceKm(from, to) - km)).toBeLessThan(tolerance);
	});

	it('is zero from a place to itself and symmetric', () => {
		expect(distanceKm(jongno, jongno)).toBe(0);
		expect(distanceKm(jongno, mullae)).toBeCloseTo(distanceKm(mullae, jongno), 10);
	});

	it('gives half the Earth’s circumference for antipodes', () => {
		expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
	});
});

describe('formatKm', () => {
	it.each([
		[0, '< 0.1 km'],
		[0.011, '< 0.1 km'],
		[0.1, '0.1 km'],
		[3.64, '3.6 km'],
		[9.94, '9.9 km'],
		[9.96, '10 km'],
		[10, '10 km'],
		[110.4, '110 km'],
		[1234.5, '1,235 km']
	])('%s km → %s', (km, text) => {
		expect(formatKm(km)).toBe(text);
	});

	it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %s', (km) => {
		expect(() => formatKm(km)).toThrow(RangeError);
	});
});

describe('approximate', () => {
	it('moves a point by at most about a kilometre, to the same spot for neighbours', () => {
		const door = { lat: 37.54468, lng: 127.05632 };
		const shown = approximate(door);
		expect(shown).toEqual({ lat: 37.54, lng: 127.06 });
		expect(distanceKm(door, shown)).toBeLessThan(0.8);
		expect(approximate({ lat: 37.5419, lng: 127.0581 })).toEqual(shown);
	});
});
