// Whether the loaded index was written the way the engine in this process writes: the first
// documents of the corpus are upserted again (the same documents, so a no-op when nothing changed)
// and their rows compared. Guards --reuse, and a run during which someone edited the engine.
import type { Sql } from 'postgres';
import type { WorkshopDoc } from '../../src/lib/server/search/port';
import { postgresEngine } from '../../src/lib/server/search/postgres';
import { corpusBatches } from './corpus';

export async function indexIsCurrent(sql: Sql, seed: number, sample = 50): Promise<boolean> {
	const docs = corpusBatches(sample, sample, seed).next().value as WorkshopDoc[];
	const ids = docs.map((d) => d.id);
	const rows = () => sql<{ id: string; row: string }[]>`
		select workshop_id::text as id, (to_jsonb(d) - 'indexed_at')::text as row
		from public.search_documents d where workshop_id = any(${ids}::uuid[]) order by workshop_id`;
	const before = await rows();
	await postgresEngine(sql).upsert(docs);
	const after = await rows();
	return before.length === docs.length && JSON.stringify(before) === JSON.stringify(after);
}
