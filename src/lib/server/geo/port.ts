// Geocoding port: an address typed by a person to a point and its district, and a point picked on the
// map to its district and an address. The embedded adapter answers from the bundled table of district and 동 centres
// (./districts.ts), offline; the Kakao Local adapter answers from Kakao's address database when
// KAKAO_REST_API_KEY is set, and falls back to the table when Kakao cannot answer.

/** A district (시·군·구) as workshops store it: "종로구", "청주시 상당구"; in Latin letters for English pages. */
export interface District {
	district_ko: string;
	district_en: string;
}

/** Where an address is. */
export interface Place extends District {
	lat: number;
	lng: number;
	/** The full road address (도로명주소) when the adapter knows it; the embedded table does not. */
	road_address?: string;
}

/** What a point on the map is: its district, and an address to name it by when the adapter has one. */
export interface PointPlace extends District {
	/** Kakao: the road address (else the lot address) at the point; the table: 시·도 시·군·구 and the nearest 동. */
	address_ko?: string;
}

export interface GeocodingPort {
	readonly kind: 'embedded' | 'kakao';
	/** The address's point and district, or null when it names no place this adapter knows. */
	geocode(address: string): Promise<Place | null>;
	/** The district of a point (and an address for it), or null outside Korea. */
	reverse(lat: number, lng: number): Promise<PointPlace | null>;
}
