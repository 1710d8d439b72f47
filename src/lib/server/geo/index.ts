// The geocoding adapter of this process: Kakao Local when KAKAO_REST_API_KEY is set, else the table.
import type { AppConfig } from '../config';
import { createEmbeddedGeocoding } from './embedded';
import { createKakaoGeocoding } from './kakao';
import type { GeocodingPort } from './port';

export function createGeocoding(cfg: AppConfig): GeocodingPort {
	return cfg.geocoding.kind === 'kakao' ? createKakaoGeocoding(cfg.geocoding) : createEmbeddedGeocoding();
}
