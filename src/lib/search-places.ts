// Clusters and trades as the search page shows them (labels, places, nearby clusters); browser-safe.
import { distanceKm } from '$lib/domain/geo';
import type { ClusterKind } from '$lib/domain/clusters';

export interface Place {
	slug: string;
	kind: ClusterKind;
	name_ko: string;
	name_en: string;
	district_ko: string;
	district_en: string;
	lat: number;
	lng: number;
}

export interface TradeName {
	code: string;
	name_ko: string;
	name_en: string;
}

/** Craft clusters nearest a point, nearest first; all craft clusters by name when there is no point. */
export function nearestCraftClusters(
	clusters: Place[],
	from: { lat: number; lng: number } | null,
	limit = 3
): (Place & { km: number | null })[] {
	const craft = clusters.filter((c) => c.kind === 'craft');
	if (!from) return craft.map((c) => ({ ...c, km: null }));
	return craft
		.map((c) => ({ ...c, km: distanceKm(from, c) }))
		.sort((a, b) => a.km - b.km)
		.slice(0, limit);
}
