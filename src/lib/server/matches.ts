// Matching, as the app runs it: candidates come from the search engine (filters first: the clusters
// specialised in the request's trade, the trade codes, then each required process as a query), and
// domain/matching.ts scores and explains them in TypeScript. The same scorer recommends requests to a
// workshop (rankRequestsForWorkshop) over the open requests its owner may see.
import {
	rank,
	rankRequestsForWorkshop,
	specialtyClusters,
	type MatchCandidate,
	type MatchReason,
	type MatchRequest
} from '$lib/domain/matching';
import { tradeMatches, type TemplateId } from '$lib/domain/request-templates';
import { craftClusters, type CraftCluster } from './clusters';
import type { Tx } from './db';
import { tradeCodes, type Request } from './requests';
import { search } from './search';
import type { SearchFilters, SearchQuery, WorkshopDoc } from './search/port';

/** Per search: the engine answers at most 100 a page, and the best of each query is what matters. */
const PER_QUERY = 100;
/** Required processes looked up one by one (each its own query); the rest still count in the score. */
const MAX_PROCESS_QUERIES = 8;

// The one craft-cluster query lives with the clusters; matching reads it from there.
export { craftClusters, type CraftCluster };

export type MatchableRequest = Pick<Request, 'template' | 'trade_code' | 'required_processes' | 'quantity' | 'deadline' | 'lat' | 'lng'>;

export function toMatchRequest(request: MatchableRequest, clusters: readonly CraftCluster[], today: Date): MatchRequest {
	const codes = tradeCodes(request);
	return {
		template: request.template,
		trade_codes: request.trade_code ? [request.trade_code] : [],
		required_processes: request.required_processes,
		quantity: request.quantity,
		deadline: request.deadline,
		location: request.lat !== null && request.lng !== null ? { lat: request.lat, lng: request.lng } : null,
		today,
		specialty_clusters: specialtyClusters(clusters, codes)
	};
}

// Matching reads the documents only (no totals to count, nothing to highlight), and a process must be
// among a workshop's key fields (processes, equipment, …), not only mentioned in its description.
const query = (q: string, filters: SearchFilters): SearchQuery => ({
	q,
	filters,
	sort: 'relevance',
	page: 1,
	per_page: PER_QUERY,
	facets: [],
	documentsOnly: true,
	scope: 'key'
});

/** The candidate searches for a request: specialty clusters, trade codes, then each required process. */
export function candidateQueries(
	request: MatchRequest,
	designatedTrades: readonly string[],
	wantedTrades: readonly string[]
): SearchQuery[] {
	const queries: SearchQuery[] = [];
	if (request.specialty_clusters?.length) queries.push(query('', { clusters: [...request.specialty_clusters] }));
	const codes = designatedTrades.filter((code) => tradeMatches(code, wantedTrades) || wantedTrades.some((w) => w.startsWith(code)));
	if (codes.length) queries.push(query('', { trade_code: codes }));
	for (const process of request.required_processes.slice(0, MAX_PROCESS_QUERIES)) queries.push(query(process, {}));
	if (queries.length === 0) queries.push(query('', {}));
	return queries;
}

export interface WorkshopMatch {
	workshop: Pick<
		WorkshopDoc,
		'id' | 'slug' | 'name_ko' | 'name_en' | 'district_ko' | 'trade_name_ko' | 'trade_name_en' | 'verified' | 'accepting_orders'
	>;
	score: number;
	reasons: MatchReason[];
}

/** KSIC codes of the designated trades (the trades table). */
export async function designatedTrades(tx: Tx): Promise<string[]> {
	return (await tx<{ ksic_code: string }[]>`select ksic_code from public.trades`).map((t) => t.ksic_code);
}

/** Ranked workshops for a request, best first, with reasons. */
export async function forRequest(tx: Tx, request: MatchableRequest, { limit = 20, today = new Date() } = {}): Promise<WorkshopMatch[]> {
	const clusters = await craftClusters(tx);
	const designated = await designatedTrades(tx);
	const matchRequest = toMatchRequest(request, clusters, today);
	const results = await Promise.all(candidateQueries(matchRequest, designated, tradeCodes(request)).map((q) => search(q)));
	const byId = new Map<string, WorkshopDoc>();
	for (const result of results) for (const hit of result.hits) byId.set(hit.doc.id, hit.doc);
	return rank(matchRequest, [...byId.values()], { limit }).map(({ candidate: c, score, reasons }) => ({
		workshop: {
			id: c.id,
			slug: c.slug,
			name_ko: c.name_ko,
			name_en: c.name_en,
			district_ko: c.district_ko,
			trade_name_ko: c.trade_name_ko,
			trade_name_en: c.trade_name_en,
			verified: c.verified,
			accepting_orders: c.accepting_orders
		},
		score,
		reasons
	}));
}

// ---------------------------------------------------------------- requests for a workshop

/** A workshop as matching sees it, from its tables (its own owner may read them all). */
export async function candidateOf(tx: Tx, workshopId: string): Promise<MatchCandidate | null> {
	const [row] = await tx<MatchCandidate[]>`
		select w.id, w.name_ko, w.trade_code,
		       array(select c.slug from public.cluster_memberships m join public.clusters c on c.id = m.cluster_id
		             where m.workshop_id = w.id and m.status = 'approved' order by c.slug) as clusters,
		       w.processes, w.verified,
		       exists (select 1 from unnest(w.certifications) cert where cert ~* '명장|기능장|숙련기술|master') as master,
		       w.featured, w.accepting_orders, w.min_order_units, w.lead_time_days, w.lat, w.lng
		from public.workshops w where w.id = ${workshopId}`;
	return row ?? null;
}

export interface RecommendedRequest {
	id: string;
	title: string;
	template: TemplateId;
	quantity: number | null;
	deadline: string | null;
	nda_required: boolean;
	visibility: 'public' | 'invited';
	published_at: Date;
	score: number;
	reasons: MatchReason[];
}

type OpenRequestRow = MatchableRequest & Pick<RecommendedRequest, 'id' | 'title' | 'nda_required' | 'visibility' | 'published_at'>;

/**
 * Open requests recommended for the workshop, best first: the public ones and those it takes part in
 * (RLS decides which the user sees), except those it declined and those of its own owner.
 */
export async function recommendedFor(
	tx: Tx,
	workshopId: string,
	{ limit = 10, today = new Date(), pool = 500 } = {}
): Promise<RecommendedRequest[]> {
	const workshop = await candidateOf(tx, workshopId);
	if (!workshop) return [];
	const clusters = await craftClusters(tx);
	const rows = await tx<OpenRequestRow[]>`
		select r.id, r.title, r.template, r.trade_code, r.required_processes, r.quantity, r.deadline::text as deadline,
		       r.lat, r.lng, r.nda_required, r.visibility, r.published_at
		from public.requests r
		where r.status = 'open' and r.owner_id <> (select auth.uid())
		  and not exists (select 1 from public.request_participants p
		                  where p.request_id = r.id and p.workshop_id = ${workshopId} and p.declined_at is not null)
		order by r.published_at desc
		limit ${pool}`;
	const requests = rows.map((r) => ({ ...toMatchRequest(r, clusters, today), row: r }));
	return rankRequestsForWorkshop(workshop, requests, { limit }).map(({ request, score, reasons }) => ({
		id: request.row.id,
		title: request.row.title,
		template: request.row.template,
		quantity: request.row.quantity,
		deadline: request.row.deadline,
		nda_required: request.row.nda_required,
		visibility: request.row.visibility,
		published_at: request.row.published_at,
		score,
		reasons
	}));
}

/** Cluster slug → name, to put a cluster's name in a reason's words. */
export function clusterNames(clusters: readonly CraftCluster[]): Record<string, { ko: string; en: string | null }> {
	return Object.fromEntries(clusters.map((c) => [c.slug, { ko: c.name_ko, en: c.name_en }]));
}
