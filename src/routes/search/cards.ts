// What the browser gets of each search hit: the fields its card and the map show, not the whole
// search document (descriptions in both languages, equipment, materials, certifications…), which
// made the search page 68 KB. The Korean page gets no English description: only English cards show it.
import type { Hit, SearchResult, WorkshopDoc } from '$lib/server/search/port';

const CARD_FIELDS = [
	'id',
	'slug',
	'name_ko',
	'name_en',
	'trade_name_ko',
	'trade_name_en',
	'district_ko',
	'clusters',
	'thumb_path',
	'verified',
	'master',
	'accepting_orders',
	'min_order_units',
	'lead_time_days',
	'lat',
	'lng',
	'description_en'
] as const satisfies readonly (keyof WorkshopDoc)[];

export type CardDoc = Pick<WorkshopDoc, (typeof CARD_FIELDS)[number]>;
export type CardHit = Omit<Hit, 'doc'> & { doc: CardDoc };
export type CardResult = Omit<SearchResult, 'hits'> & { hits: CardHit[] };

export function cards(result: SearchResult, locale: 'ko' | 'en'): CardResult {
	return {
		...result,
		hits: result.hits.map((hit) => {
			const doc = Object.fromEntries(CARD_FIELDS.map((field) => [field, hit.doc[field]])) as CardDoc;
			return { ...hit, doc: locale === 'en' ? doc : { ...doc, description_en: '' } };
		})
	};
}
