// How facet values and active filters read on the page (cluster slugs and trade codes as names).
import { formatCount } from '$lib/domain/format';
import { pick } from '$lib/pick';
import { m } from '$lib/paraglide/messages';
import type { ActiveFilter } from '$lib/search-params';
import type { Place, TradeName } from '$lib/search-places';

export interface Labels {
	cluster: (slug: string) => string;
	trade: (code: string) => string;
	district: (name: string) => string;
	filter: (filter: ActiveFilter) => string;
}

/** `districts`: English names of the districts on the page, romanised by the server (none in Korean). */
export function labels(clusters: Place[], trades: TradeName[], locale: string, districts: Record<string, string> = {}): Labels {
	const clusterNames = new Map(clusters.map((c) => [c.slug, pick(c.name_ko, c.name_en, locale)]));
	const tradeNames = new Map(trades.map((t) => [t.code, pick(t.name_ko, t.name_en, locale)]));
	// Districts are stored in Korean; the clusters table knows the English names of those it covers,
	// and the server romanised the others as road signs write them.
	const districtNames = new Map(clusters.map((c) => [c.district_ko, pick(c.district_ko, c.district_en, locale)]));
	const self: Labels = {
		cluster: (slug) => clusterNames.get(slug) ?? slug,
		trade: (code) => tradeNames.get(code) ?? code,
		district: (name) => districtNames.get(name) ?? (locale === 'en' ? districts[name] : undefined) ?? name,
		filter(filter) {
			switch (filter.key) {
				case 'cluster':
					return self.cluster(filter.value);
				case 'trade':
					return self.trade(filter.value);
				case 'district':
					return self.district(filter.value);
				case 'process':
				case 'material':
					return filter.value;
				case 'verified':
					return m.search_verified();
				case 'master':
					return m.search_master();
				case 'accepting':
					return m.search_accepting();
				case 'max_min_order':
					return m.search_filter_min_order({ value: formatCount(filter.value, 'unit', locale) });
				case 'max_lead_time':
					return m.search_filter_lead_time({ value: formatCount(filter.value, 'day', locale) });
				case 'radius':
					return m.search_filter_radius({ value: filter.value });
			}
		}
	};
	return self;
}
