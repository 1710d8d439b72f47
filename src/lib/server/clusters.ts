// Data module: SE craftsman clusters and startup clusters, their members, companies and partners.
// Every function runs in the caller's RLS transaction (withUser), so visitors see what anon may see.
import type { Fragment } from 'postgres';
import type { Tx } from './db';
import {
	CRAFTSMAN_EMPLOYEE_LIMIT,
	type Cluster,
	type ClusterSummary,
	type CompanyCardData,
	type PartnerCluster,
	type WorkshopCardData
} from '$lib/domain/clusters';
import { distanceKm } from '$lib/domain/geo';

/** A craft cluster as matching, routing and the cluster pickers need it. */
export interface CraftCluster {
	id: string;
	slug: string;
	trade_code: string | null;
	name_ko: string;
	name_en: string | null;
}

/** The craft clusters, by Korean name: the one query behind matching, routing and the join form. */
export function craftClusters(tx: Tx): Promise<CraftCluster[]> {
	return tx<
		CraftCluster[]
	>`select id, slug, trade_code, name_ko, name_en from public.clusters where kind = 'craft' and archived_at is null order by name_ko`;
}

/** A cluster as a place: its name, district and centre (search labels and distances). */
export interface ClusterPlace {
	slug: string;
	kind: 'craft' | 'startup';
	name_ko: string;
	name_en: string;
	district_ko: string;
	district_en: string;
	lat: number;
	lng: number;
}

/** Every cluster as a place, craft ones first. */
export function places(tx: Tx): Promise<ClusterPlace[]> {
	return tx<ClusterPlace[]>`
		select slug, kind, name_ko, name_en, district_ko, district_en, lat, lng
		from public.clusters order by kind, name_ko`;
}

export interface FeaturedWorkshop extends WorkshopCardData {
	cluster_slug: string;
	cluster_name_ko: string;
	cluster_name_en: string;
}

// What a workshop card shows (w: workshops, t: its trade), with the first portfolio thumbnail.
const cardColumns = (tx: Tx) => tx`
	w.slug, w.name_ko, w.name_en, t.name_ko as trade_ko, t.name_en as trade_en,
	w.district_ko, w.employees, w.processes, w.verified, w.featured, w.accepting_orders,
	w.lead_time_days, w.min_order_units,
	(select p.thumb_path from public.workshop_photos p where p.workshop_id = w.id
	 order by p.position, p.created_at limit 1) as thumb_path`;

// A member is listed and counted when its membership is approved and its workshop active: the
// counts use the member list's condition, so "37 members" always means 37 cards.
async function summaries(tx: Tx, where: Fragment): Promise<ClusterSummary[]> {
	return tx<ClusterSummary[]>`
		select c.id, c.slug, c.kind, c.name_ko, c.name_en, c.specialty_ko, c.specialty_en,
			c.region_ko, c.region_en, c.district_ko, c.district_en, c.district_kind, c.lat, c.lng,
			c.description_ko, c.description_en,
			coalesce(members.total, 0)::int as member_count,
			coalesce(members.craftsmen, 0)::int as craftsman_count,
			(select count(*) from public.companies co where co.startup_cluster_id = c.id)::int as company_count
		from public.clusters c
		left join lateral (
			select count(*) as total,
				count(*) filter (where w.employees < ${CRAFTSMAN_EMPLOYEE_LIMIT}) as craftsmen
			from public.cluster_memberships m
			join public.workshops w on w.id = m.workshop_id
			where m.cluster_id = c.id and m.status = 'approved' and w.status = 'active'
		) members on true
		${where}
		order by c.kind, c.name_ko`;
}

/** All clusters, craft ones first, with approved member counts (craft) and company counts (startup). */
export function list(tx: Tx): Promise<ClusterSummary[]> {
	return summaries(tx, tx`where c.archived_at is null`);
}

export async function getBySlug(tx: Tx, slug: string): Promise<ClusterSummary | null> {
	const [row] = await summaries(tx, tx`where c.slug = ${slug}`);
	return row ?? null;
}

/**
 * One page of a craft cluster's approved, active members: featured and verified first.
 * The total is the cluster's member_count from list() / getBySlug().
 */
export function members(
	tx: Tx,
	clusterId: string,
	{ limit, offset }: { limit: number; offset: number } = { limit: 24, offset: 0 }
): Promise<WorkshopCardData[]> {
	return tx<WorkshopCardData[]>`
		select ${cardColumns(tx)}
		from public.cluster_memberships m
		join public.workshops w on w.id = m.workshop_id
		join public.trades t on t.ksic_code = w.trade_code
		where m.cluster_id = ${clusterId} and m.status = 'approved' and w.status = 'active'
		order by w.featured desc, w.verified desc, w.name_ko, w.slug
		limit ${limit} offset ${offset}`;
}

/** Workshops the cluster managers feature, each shown with (one of) the clusters it belongs to. */
export function featured(tx: Tx, limit = 8): Promise<FeaturedWorkshop[]> {
	return tx<FeaturedWorkshop[]>`
		select ${cardColumns(tx)},
			c.slug as cluster_slug, c.name_ko as cluster_name_ko, c.name_en as cluster_name_en
		from public.workshops w
		join public.trades t on t.ksic_code = w.trade_code
		join lateral (
			select c.slug, c.name_ko, c.name_en
			from public.cluster_memberships m join public.clusters c on c.id = m.cluster_id
			where m.workshop_id = w.id and m.status = 'approved'
			order by c.name_ko limit 1
		) c on true
		where w.featured and w.status = 'active'
		order by w.verified desc, w.name_ko, w.slug
		limit ${limit}`;
}

/** Clusters of the other kind, nearest first: the teams the plan wants craft clusters to form. */
export async function partners(tx: Tx, cluster: Cluster, limit?: number): Promise<PartnerCluster[]> {
	const others = await summaries(tx, tx`where c.kind <> ${cluster.kind} and c.archived_at is null`);
	const byDistance = others.map((other) => ({ ...other, km: distanceKm(cluster, other) })).sort((a, b) => a.km - b.km);
	return limit === undefined ? byDistance : byDistance.slice(0, limit);
}

/** Startups and IT firms based in a startup cluster. */
export function companiesIn(tx: Tx, clusterId: string): Promise<CompanyCardData[]> {
	return tx<CompanyCardData[]>`
		select slug, name_ko, name_en, builds_ko, builds_en, website
		from public.companies
		where startup_cluster_id = ${clusterId}
		order by name_ko, slug`;
}
