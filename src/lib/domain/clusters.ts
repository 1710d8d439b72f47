// The SE-cluster rules of the 2017 SMBA plan (see DOMAIN.md), and the shapes the browse pages show.

export type ClusterKind = 'craft' | 'startup';
/** A district (gu / si) or a county (gun): the designation threshold depends on it. */
export type DistrictKind = 'district' | 'county';

/** Craftsmen needed for an SE cluster: 50 in a district (gu / si), 20 in a county (gun). */
export const CLUSTER_THRESHOLD: Readonly<Record<DistrictKind, number>> = { district: 50, county: 20 };

/** A craftsman's enterprise has fewer than 10 employees. */
export const CRAFTSMAN_EMPLOYEE_LIMIT = 10;

export function threshold(districtKind: DistrictKind): number {
	const required = CLUSTER_THRESHOLD[districtKind];
	if (required === undefined) throw new RangeError(`unknown district kind: ${districtKind}`);
	return required;
}

export interface ThresholdProgress {
	required: number;
	have: number;
	missing: number;
	met: boolean;
	/** Whole percent, 0–100, rounded down so that 100 means the threshold is really met. */
	percent: number;
}

/** How far a cluster is from the designation threshold, counting approved craftsman members. */
export function thresholdProgress(approvedCount: number, districtKind: DistrictKind): ThresholdProgress {
	if (!Number.isInteger(approvedCount) || approvedCount < 0) {
		throw new RangeError(`not a member count: ${approvedCount}`);
	}
	const required = threshold(districtKind);
	return {
		required,
		have: approvedCount,
		missing: Math.max(0, required - approvedCount),
		met: approvedCount >= required,
		percent: Math.min(100, Math.floor((approvedCount * 100) / required))
	};
}

/** Whether a workshop of this size counts as a craftsman (and for SE support and the threshold). */
export function craftsmanEligible(employees: number): boolean {
	return Number.isInteger(employees) && employees >= 1 && employees < CRAFTSMAN_EMPLOYEE_LIMIT;
}

// ---------------------------------------------------------------- shapes shown by the browse pages

export interface Cluster {
	id: string;
	slug: string;
	kind: ClusterKind;
	name_ko: string;
	name_en: string;
	specialty_ko: string | null;
	specialty_en: string | null;
	region_ko: string;
	region_en: string;
	district_ko: string;
	district_en: string;
	district_kind: DistrictKind;
	lat: number;
	lng: number;
	description_ko: string | null;
	description_en: string | null;
}

export interface ClusterSummary extends Cluster {
	/** Approved, active member workshops (craft clusters; 0 for startup clusters). */
	member_count: number;
	/** Of those, the ones that count as craftsmen towards the threshold. */
	craftsman_count: number;
	/** Companies based in the cluster (startup clusters; 0 for craft clusters). */
	company_count: number;
}

export interface PartnerCluster extends ClusterSummary {
	km: number;
}

/** What a workshop card needs. */
export interface WorkshopCardData {
	slug: string;
	name_ko: string;
	name_en: string | null;
	trade_ko: string;
	trade_en: string;
	district_ko: string;
	employees: number;
	processes: string[];
	verified: boolean;
	featured: boolean;
	accepting_orders: boolean;
	lead_time_days: number | null;
	min_order_units: number | null;
	/** Storage path of the first portfolio photo's thumbnail, if any. */
	thumb_path: string | null;
}

export interface CompanyCardData {
	slug: string;
	name_ko: string;
	name_en: string | null;
	builds_ko: string;
	builds_en: string;
	website: string | null;
}
