// Matching, as the app runs it: candidates come from the search engine (filters first: the clusters
// specialised in the request's trade, the trade codes, then each required process as a query), and
// domain/matching.ts scores and explains them in TypeScript. The same scorer recommends requests to a
// workshop (rankRequestsForWorkshop) over the open requests its owner may see.
import type { LatLng } from '$lib/domain/geo';
import {
	kindOfRequest,
	rank,
	rankRequestsForWorkshop,
	requestText,
	specialtyClusters,
	type LocationFrom,
	type MatchCandidate,
	type MatchReason,
	type MatchRecord,
	type MatchRequest
} from '$lib/domain/matching';
import { materialsIn } from '$lib/domain/materials';
import { tradeMatches, type TemplateId } from '$lib/domain/request-templates';
import { craftClusters, type CraftCluster } from './clusters';
import type { Tx } from './db';
import type { Request } from './requests';
import { search } from './search';
import type { SearchFilters, SearchQuery, WorkshopDoc } from './search/port';

/** Per search: the engine answers at most 100 a page, and the best of each query is what matters. */
const PER_QUERY = 100;
/** Required processes looked up one by one (each its own query); the rest still count in the score. */
const MAX_PROCESS_QUERIES = 8;
/** Materials the request names looked up one by one (the only titanium shop must be a candidate). */
const MAX_MATERIAL_QUERIES = 2;

// The one craft-cluster query lives with the clusters; matching reads it from there.
export { craftClusters, type CraftCluster };

export type MatchableRequest = Pick<
	Request,
	'template' | 'trade_code' | 'title' | 'description' | 'details' | 'required_processes' | 'quantity' | 'deadline' | 'lat' | 'lng'
> & {
	/** The company's address (or its startup cluster's centre): see companyPoint(). */
	company_point?: LatLng | null;
};

/**
 * Where distance is measured from, and what to call it. A new request gets its company's point
 * (the database copies it: private.request_location), so a request point equal to the company's is
 * the company's address; a different one was picked as the delivery place.
 */
export function matchLocation(request: MatchableRequest): { location: LatLng | null; from: LocationFrom } {
	const company = request.company_point ?? null;
	if (request.lat !== null && request.lng !== null) {
		const same = company !== null && company.lat === request.lat && company.lng === request.lng;
		return { location: { lat: request.lat, lng: request.lng }, from: same ? 'company' : 'request' };
	}
	return { location: company, from: 'company' };
}

export function toMatchRequest(request: MatchableRequest, clusters: readonly CraftCluster[], today: Date): MatchRequest {
	const { location, from } = matchLocation(request);
	const trade_codes = request.trade_code ? [request.trade_code] : [];
	const text = requestText(request);
	return {
		template: request.template,
		trade_codes,
		required_processes: request.required_processes,
		quantity: request.quantity,
		deadline: request.deadline,
		location,
		location_from: from,
		text,
		today,
		specialty_clusters: specialtyClusters(clusters, kindOfRequest({ template: request.template, trade_codes, text }))
	};
}

/** The point a request of this company is given (the company's, else its startup cluster's centre). */
/** companyPoint of several companies in one query, by id (those without a place are left out). */
export async function companyPoints(tx: Tx, companyIds: readonly string[]): Promise<Map<string, LatLng>> {
	if (companyIds.length === 0) return new Map();
	const rows = await tx<{ id: string; lat: number | null; lng: number | null }[]>`
		select c.id, case when c.lat is not null and c.lng is not null then c.lat else z.lat end as lat,
		       case when c.lat is not null and c.lng is not null then c.lng else z.lng end as lng
		from public.companies c left join public.clusters z on z.id = c.startup_cluster_id
		where c.id = any(${companyIds as string[]}::uuid[])`;
	return new Map(rows.flatMap((r) => (r.lat !== null && r.lng !== null ? [[r.id, { lat: r.lat, lng: r.lng }] as const] : [])));
}

export async function companyPoint(tx: Tx, companyId: string | null): Promise<LatLng | null> {
	if (!companyId) return null;
	const [row] = await tx<{ lat: number | null; lng: number | null }[]>`
		select case when c.lat is not null and c.lng is not null then c.lat else z.lat end as lat,
		       case when c.lat is not null and c.lng is not null then c.lng else z.lng end as lng
		from public.companies c left join public.clusters z on z.id = c.startup_cluster_id
		where c.id = ${companyId}`;
	return row && row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null;
}

/** Scorecard records of workshops, by id (only those with a scorecard; everyone may read them). */
export async function records(tx: Tx, workshopIds: readonly string[]): Promise<Map<string, MatchRecord>> {
	if (workshopIds.length === 0) return new Map();
	const rows = await tx<(MatchRecord & { workshop_id: string })[]>`
		select workshop_id, completed, on_time, median_response_minutes
		from public.workshop_scorecards where workshop_id = any(${workshopIds as string[]}::uuid[])`;
	return new Map(rows.map(({ workshop_id, ...record }) => [workshop_id, record]));
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

/**
 * The candidate searches for a request: specialty clusters, the trades that make what it asks for
 * (its own, or its products'), each required process, then each material it names.
 */
export function candidateQueries(request: MatchRequest, designatedTrades: readonly string[]): SearchQuery[] {
	const queries: SearchQuery[] = [];
	const wantedTrades = kindOfRequest(request);
	if (request.specialty_clusters?.length) queries.push(query('', { clusters: [...request.specialty_clusters] }));
	const codes = designatedTrades.filter((code) => tradeMatches(code, wantedTrades) || wantedTrades.some((w) => w.startsWith(code)));
	if (codes.length) queries.push(query('', { trade_code: codes }));
	for (const process of request.required_processes.slice(0, MAX_PROCESS_QUERIES)) queries.push(query(process, {}));
	for (const material of materialsIn(request.text ?? '').slice(0, MAX_MATERIAL_QUERIES)) queries.push(query(material.ko[0], {}));
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

/** A request as its page has it: its company's point is read here when not given. */
export type RequestToMatch = MatchableRequest & { company_id: string | null };

/** Ranked workshops for a request, best first, with reasons. */
export async function forRequest(tx: Tx, request: RequestToMatch, { limit = 20, today = new Date() } = {}): Promise<WorkshopMatch[]> {
	const [clusters, designated, company] = await Promise.all([
		craftClusters(tx),
		designatedTrades(tx),
		request.company_point === undefined ? companyPoint(tx, request.company_id) : request.company_point
	]);
	const matchRequest = toMatchRequest({ ...request, company_point: company }, clusters, today);
	const results = await Promise.all(candidateQueries(matchRequest, designated).map((q) => search(q)));
	const byId = new Map<string, WorkshopDoc>();
	for (const result of results) for (const hit of result.hits) byId.set(hit.doc.id, hit.doc);
	// One query for the scorecards of all candidates (a few hundred ids, by primary key).
	const known = await records(tx, [...byId.keys()]);
	const candidates = [...byId.values()].map((doc) => ({ ...doc, record: known.get(doc.id) ?? null }));
	return rank(matchRequest, candidates, { limit }).map(({ candidate: c, score, reasons }) => ({
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

type CandidateRow = Omit<MatchCandidate, 'record'> & {
	completed: number | null;
	on_time: number | null;
	median_response_minutes: number | null;
};

/** Workshops as matching sees them, from their tables and scorecards (public profiles; ids not found are left out). */
export async function candidatesOf(tx: Tx, workshopIds: readonly string[]): Promise<MatchCandidate[]> {
	if (workshopIds.length === 0) return [];
	const rows = await tx<CandidateRow[]>`
		select w.id, w.name_ko, w.trade_code,
		       array(select c.slug from public.cluster_memberships m join public.clusters c on c.id = m.cluster_id
		             where m.workshop_id = w.id and m.status = 'approved' order by c.slug) as clusters,
		       w.processes, w.materials, w.verified,
		       exists (select 1 from unnest(w.certifications) cert where cert ~* '명장|기능장|숙련기술|master') as master,
		       w.featured, w.accepting_orders, w.min_order_units, w.lead_time_days, w.lat, w.lng,
		       s.completed, s.on_time, s.median_response_minutes
		from public.workshops w left join public.workshop_scorecards s on s.workshop_id = w.id
		where w.id = any(${workshopIds as string[]}::uuid[])`;
	return rows.map(({ completed, on_time, median_response_minutes, ...c }) => ({
		...c,
		record: completed === null || on_time === null ? null : { completed, on_time, median_response_minutes }
	}));
}

/** A workshop as matching sees it (its own owner may read it all). */
export async function candidateOf(tx: Tx, workshopId: string): Promise<MatchCandidate | null> {
	return (await candidatesOf(tx, [workshopId]))[0] ?? null;
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

type OpenRequestRow = MatchableRequest &
	Pick<RecommendedRequest, 'id' | 'title' | 'nda_required' | 'visibility' | 'published_at'> & {
		company_lat: number | null;
		company_lng: number | null;
	};

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
		select r.id, r.title, r.description, r.details, r.template, r.trade_code, r.required_processes, r.quantity,
		       r.deadline::text as deadline, r.lat, r.lng, r.nda_required, r.visibility, r.published_at,
		       case when c.lat is not null and c.lng is not null then c.lat else z.lat end as company_lat,
		       case when c.lat is not null and c.lng is not null then c.lng else z.lng end as company_lng
		from public.requests r
		left join public.companies c on c.id = r.company_id
		left join public.clusters z on z.id = c.startup_cluster_id
		where r.status = 'open' and r.owner_id <> (select auth.uid())
		  and not exists (select 1 from public.request_participants p
		                  where p.request_id = r.id and p.workshop_id = ${workshopId} and p.declined_at is not null)
		order by r.published_at desc
		limit ${pool}`;
	const requests = rows.map((r) => {
		const company_point = r.company_lat !== null && r.company_lng !== null ? { lat: r.company_lat, lng: r.company_lng } : null;
		return { ...toMatchRequest({ ...r, company_point }, clusters, today), row: r };
	});
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

// ---------------------------------------------------------------- a cluster manager's members

/**
 * The members a cluster manager may forward a request to, best match first, by the same scorer as
 * the request's own matches, each with its score and reasons (members the scorer cannot read are
 * left at the end in the order given).
 */
export async function rankMembers<M extends { workshop_id: string }>(
	tx: Tx,
	request: RequestToMatch,
	members: readonly M[],
	{ today = new Date() } = {}
): Promise<Array<M & { score: number | null; reasons: MatchReason[] }>> {
	return (await rankMembersOf(tx, [{ request, members }], { today }))[0];
}

/**
 * rankMembers for several requests at once (a manager's inbox): the clusters, the companies' places
 * and every member's profile are read once for all of them, not once per request.
 */
export async function rankMembersOf<M extends { workshop_id: string }>(
	tx: Tx,
	entries: readonly { request: RequestToMatch; members: readonly M[] }[],
	{ today = new Date() } = {}
): Promise<Array<Array<M & { score: number | null; reasons: MatchReason[] }>>> {
	const busy = entries.filter((e) => e.members.length > 0);
	if (busy.length === 0) return entries.map(() => []);
	const companyIds = [
		...new Set(busy.filter((e) => e.request.company_point === undefined && e.request.company_id).map((e) => e.request.company_id!))
	];
	const [clusters, points, candidates] = await Promise.all([
		craftClusters(tx),
		companyPoints(tx, companyIds),
		candidatesOf(tx, [...new Set(busy.flatMap((e) => e.members.map((m) => m.workshop_id)))])
	]);
	const candidateById = new Map(candidates.map((c) => [c.id, c]));
	return entries.map(({ request, members }) => {
		if (members.length === 0) return [];
		const company =
			request.company_point === undefined ? (request.company_id ? (points.get(request.company_id) ?? null) : null) : request.company_point;
		const own = members.map((m) => candidateById.get(m.workshop_id)).filter((c): c is MatchCandidate => c !== undefined);
		const matchRequest = toMatchRequest({ ...request, company_point: company }, clusters, today);
		const ranked = rank(matchRequest, own, { limit: own.length });
		const byId = new Map(ranked.map((r, i) => [r.candidate.id, { ...r, at: i }]));
		const order = (m: M) => byId.get(m.workshop_id)?.at ?? ranked.length;
		return [...members]
			.sort((a, b) => order(a) - order(b))
			.map((m) => {
				const r = byId.get(m.workshop_id);
				return { ...m, score: r?.score ?? null, reasons: r?.reasons ?? [] };
			});
	});
}
