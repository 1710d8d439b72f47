// The benchmark's scratch database: the corpus written the way the app's data flows — workshop rows
// (the source of truth, which search_documents references), then the Postgres engine's upsert() in
// batches, as the outbox worker does. Cluster memberships are not written: each index document
// carries its cluster slugs itself.
import type { Sql } from 'postgres';
import { postgresEngine } from '../../src/lib/server/search/postgres';
import type { WorkshopDoc } from '../../src/lib/server/search/port';
import { corpusBatches } from './corpus';
import { CRAFT_CLUSTERS, TRADES } from './vocabulary';

async function insertWorkshops(sql: Sql, docs: WorkshopDoc[]): Promise<void> {
	const rows = docs.map((d) => ({
		id: d.id,
		slug: d.slug,
		name_ko: d.name_ko,
		name_en: d.name_en,
		trade_code: d.trade_code,
		employees: d.employees,
		district_ko: d.district_ko,
		lat: d.lat,
		lng: d.lng,
		description_ko: d.description_ko,
		description_en: d.description_en,
		processes: d.processes,
		equipment: d.equipment,
		materials: d.materials,
		certifications: d.certifications,
		min_order_units: d.min_order_units,
		lead_time_days: d.lead_time_days,
		accepting_orders: d.accepting_orders,
		verified: d.verified,
		featured: d.featured
	}));
	await sql.begin(async (tx) => {
		// Replica mode skips the outbox triggers: the benchmark feeds the engine itself, as the worker would.
		await tx`set local session_replication_role = replica`;
		await tx`
			insert into public.workshops (id, slug, name_ko, name_en, trade_code, employees, district_ko, lat, lng,
				description_ko, description_en, processes, equipment, materials, certifications, min_order_units,
				lead_time_days, accepting_orders, verified, featured)
			select * from jsonb_to_recordset(${tx.json(rows)}::jsonb) as r(id uuid, slug text, name_ko text,
				name_en text, trade_code text, employees int, district_ko text, lat float8, lng float8, description_ko text,
				description_en text, processes text[], equipment text[], materials text[], certifications text[],
				min_order_units int, lead_time_days int, accepting_orders boolean, verified boolean, featured boolean)`;
	});
}

export interface LoadTimes {
	generateMs: number;
	workshopsMs: number;
	/** Time spent in the engine's upsert(): the index load time. */
	upsertMs: number;
	analyzeMs: number;
}

export async function loadCorpus(
	sql: Sql,
	opts: { docs: number; batch: number; seed: number; progress: (done: number, upsertMs: number) => void }
): Promise<LoadTimes> {
	const engine = postgresEngine(sql);
	await engine.prepare();
	await sql`insert into public.trades (ksic_code, name_ko, name_en)
		select * from unnest(${TRADES.map((t) => t.code)}::text[], ${TRADES.map((t) => t.name_ko)}::text[], ${TRADES.map((t) => t.name_en)}::text[])
		on conflict (ksic_code) do nothing`;
	const times: LoadTimes = { generateMs: 0, workshopsMs: 0, upsertMs: 0, analyzeMs: 0 };
	let done = 0;
	let lastProgress = performance.now();
	const batches = corpusBatches(opts.docs, opts.batch, opts.seed);
	for (;;) {
		let t = performance.now();
		const next = batches.next();
		times.generateMs += performance.now() - t;
		if (next.done) break;
		t = performance.now();
		await insertWorkshops(sql, next.value);
		times.workshopsMs += performance.now() - t;
		t = performance.now();
		await engine.upsert(next.value);
		times.upsertMs += performance.now() - t;
		done += next.value.length;
		if (performance.now() - lastProgress > 30_000) {
			opts.progress(done, times.upsertMs);
			lastProgress = performance.now();
		}
	}
	// Autovacuum would analyze the new rows within a minute; do it now so that plans are stable from the start.
	const t = performance.now();
	await sql`vacuum (analyze) public.search_documents`;
	await sql`vacuum (analyze) public.search_terms`;
	await sql`vacuum (analyze) public.workshops`;
	times.analyzeMs = performance.now() - t;
	return times;
}

/** Names of the four craft clusters, as in supabase/seed.sql. */
const CLUSTER_NAMES: Record<(typeof CRAFT_CLUSTERS)[number]['slug'], [string, string]> = {
	'jongno-jewelry': ['종로 주얼리 집적지', 'Jongno Jewelry Cluster'],
	'seongsu-handmade-shoes': ['성수 수제화 집적지', 'Seongsu Handmade Shoe Cluster'],
	'mullae-machine-metal': ['문래 기계금속 집적지', 'Mullae Machine-Metal Cluster'],
	'cheongju-printing': ['청주 인쇄 집적지', 'Cheongju Printing Cluster']
};

/**
 * The four craft clusters with their specialty trade (the first of their trades, as in the seed):
 * matching reads them to add the specialty cluster's search and reason. Idempotent, so that it can be
 * run on a database a --keep run left.
 */
export async function insertCraftClusters(sql: Sql): Promise<void> {
	const rows = CRAFT_CLUSTERS.map((c) => ({
		slug: c.slug,
		kind: 'craft',
		name_ko: CLUSTER_NAMES[c.slug][0],
		name_en: CLUSTER_NAMES[c.slug][1],
		trade_code: c.trades[0],
		region_ko: c.district,
		region_en: c.district,
		district_ko: c.district,
		district_en: c.district,
		district_kind: 'district',
		lat: c.lat,
		lng: c.lng
	}));
	await sql`
		insert into public.clusters (slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en, district_kind, lat, lng)
		select * from jsonb_to_recordset(${sql.json(rows)}::jsonb) as r(slug text, kind text, name_ko text, name_en text,
			trade_code text, region_ko text, region_en text, district_ko text, district_en text, district_kind text, lat float8, lng float8)
		on conflict (slug) do nothing`;
}

export async function indexSize(sql: Sql): Promise<{ docs: string; terms: string; total: string; n: number }> {
	const [size] = await sql<{ docs: string; terms: string; total: string; n: number }[]>`
		select replace(pg_size_pretty(pg_total_relation_size('public.search_documents')), ' ', '') as docs,
		       replace(pg_size_pretty(pg_total_relation_size('public.search_terms')), ' ', '') as terms,
		       replace(pg_size_pretty(pg_database_size(current_database())), ' ', '') as total,
		       (select count(*)::int from public.search_documents) as n`;
	return size;
}
