// What search indexes of a workshop, read from the tables. Only active workshops that are approved
// members of at least one cluster are searchable; everything else is removed from the indexes.
// Callers pass a service-role transaction: suspended workshops and pending memberships must be seen
// to be removed, and RLS would hide them.
import type { Sql, TransactionSql } from 'postgres';

/** A pool or a transaction: these reads are single statements. */
type Db = Sql | TransactionSql;
import type { GlossaryEntry } from '../../domain/glossary';
import type { WorkshopDoc } from './port';

export interface LoadedDocs {
	/** Documents of the searchable workshops among the ids. */
	docs: WorkshopDoc[];
	/** Ids that are not searchable (gone, suspended, or without an approved membership). */
	removed: string[];
}

interface DocRow extends Omit<WorkshopDoc, 'updated_at'> {
	updated_at: Date;
}

const searchable = (tx: Db) => tx`w.status = 'active' and exists (
	select 1 from public.cluster_memberships m where m.workshop_id = w.id and m.status = 'approved')`;

export async function loadDocs(tx: Db, ids: readonly string[]): Promise<LoadedDocs> {
	if (ids.length === 0) return { docs: [], removed: [] };
	const unique = [...new Set(ids)];
	// A master craftsman title: 명장 (Korea Master), 기능장 (Master Craftsman), 숙련기술인/숙련기술자, as the
	// workshop lists it among its certifications. The scorecard's tie-breaker is defined in SQL, in one
	// place (private.scorecard_search_boost); a change of it queues the workshop (its trigger).
	const rows = await tx<DocRow[]>`
		select w.id, w.slug, w.name_ko, w.name_en, w.trade_code, t.name_ko as trade_name_ko, t.name_en as trade_name_en,
		       array(select c.slug from public.cluster_memberships m join public.clusters c on c.id = m.cluster_id
		             where m.workshop_id = w.id and m.status = 'approved' order by c.slug) as clusters,
		       w.district_ko, w.description_ko, w.description_en, w.processes, w.equipment, w.materials, w.certifications,
		       w.verified,
		       exists (select 1 from unnest(w.certifications) cert where cert ~* '명장|기능장|숙련기술|master') as master,
		       w.featured,
		       coalesce(private.scorecard_search_boost(s.completed, s.on_time, s.median_response_minutes), 0)::int as scorecard,
		       w.accepting_orders, w.min_order_units, w.lead_time_days, w.employees, w.lat, w.lng,
		       (select p.thumb_path from public.workshop_photos p where p.workshop_id = w.id
		        order by p.position, p.created_at, p.id limit 1) as thumb_path,
		       w.updated_at
		from public.workshops w
		join public.trades t on t.ksic_code = w.trade_code
		left join public.workshop_scorecards s on s.workshop_id = w.id
		where w.id = any(${unique}::uuid[]) and ${searchable(tx)}
		order by w.id`;
	const docs = rows.map((r) => ({ ...r, updated_at: r.updated_at.toISOString() }));
	const found = new Set(docs.map((d) => d.id));
	return { docs, removed: unique.filter((id) => !found.has(id)).sort() };
}

/** Ids of every searchable workshop, for a full reindex. */
export async function allSearchableIds(tx: Db): Promise<string[]> {
	const rows = await tx<{ id: string }[]>`
		select w.id from public.workshops w where ${searchable(tx)} order by w.id`;
	return rows.map((r) => r.id);
}

/** The live glossary (managers edit it in public.search_synonyms), oldest entries first. */
export async function loadGlossary(tx: Db): Promise<GlossaryEntry[]> {
	return tx<GlossaryEntry[]>`select term, synonyms from public.search_synonyms order by id`;
}
