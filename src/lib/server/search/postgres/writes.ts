// Writing documents into the index: their lexemes (indexRow()), their facet codes, and the vocabulary
// typo correction looks words up in.
import type { Sql } from 'postgres';
import { toJamo } from '../../../domain/korean';
import type { WorkshopDoc } from '../port';
import type { FacetDictionary } from './caches';
import { indexRow, packCodes, vocabulary } from './lexemes';

/** Writes the documents (at least one) into public.search_documents, in one transaction. */
export async function writeDocuments(sql: Sql, docs: WorkshopDoc[], dictionary: FacetDictionary): Promise<void> {
	// One order for every writer, so concurrent workers never deadlock on the same rows.
	const rows = [...new Map(docs.map((d) => [d.id, indexRow(d)])).values()].sort((a, b) => (a.workshop_id < b.workshop_id ? -1 : 1));
	const terms = [...new Set(docs.flatMap(vocabulary))].sort();
	// Codes for the facet values, new ones added first in their own statement: a code that ends up
	// unused (the write below failed) costs a dictionary row, never a wrong count.
	const values = [...new Set(rows.flatMap((r) => r.facet_values))].sort();
	const coded = await sql<{ code: number; value: string }[]>`
		with added as (
			insert into public.search_facet_codes (value) select unnest(${values}::text[])
			on conflict (value) do nothing returning code, value)
		select code, value from added
		union all
		select code, value from public.search_facet_codes where value = any(${values}::text[])`;
	// A value another writer added while this statement waited on it is in neither half (the
	// statement's snapshot is older): read again.
	const codeOf = new Map(coded.map(({ code, value }) => [value, code]));
	const late = values.filter((value) => !codeOf.has(value));
	if (late.length) {
		for (const { code, value } of await sql<{ code: number; value: string }[]>`
			select code, value from public.search_facet_codes where value = any(${late}::text[])`)
			codeOf.set(value, code);
	}
	for (const [value, code] of codeOf) dictionary.learn(code, value);
	const written = rows.map(({ facet_values, ...row }) => ({
		...row,
		facet_codes: packCodes(facet_values.map((value) => codeOf.get(value)!))
	}));
	await sql.begin(async (tx) => {
		await tx`
			insert into public.search_documents as d (workshop_id, doc, name_norm, name_en_norm, tsv, key_tsv, name_tsv,
				facet_codes, verified, master, featured, accepting_orders,
				min_order_units, lead_time_days, lat, lng, boost, indexed_at)
			select r.workshop_id, r.doc, r.name_norm, r.name_en_norm,
			       array_to_tsvector(r.a || r.b || r.c), array_to_tsvector(r.a || r.b), array_to_tsvector(r.a),
			       r.facet_codes, r.verified, r.master, r.featured,
			       r.accepting_orders, r.min_order_units, r.lead_time_days, r.lat, r.lng, r.boost, now()
			from jsonb_to_recordset(${tx.json(written as never)}::jsonb) as r(workshop_id uuid, doc jsonb, name_norm text,
				name_en_norm text, a text[], b text[], c text[], facet_codes text, verified boolean, master boolean, featured boolean,
				accepting_orders boolean, min_order_units int, lead_time_days int, lat float8, lng float8, boost smallint)
			on conflict (workshop_id) do update set
				doc = excluded.doc, name_norm = excluded.name_norm, name_en_norm = excluded.name_en_norm,
				tsv = excluded.tsv, key_tsv = excluded.key_tsv, name_tsv = excluded.name_tsv,
				facet_codes = excluded.facet_codes, verified = excluded.verified,
				master = excluded.master, featured = excluded.featured, accepting_orders = excluded.accepting_orders,
				min_order_units = excluded.min_order_units, lead_time_days = excluded.lead_time_days,
				lat = excluded.lat, lng = excluded.lng, boost = excluded.boost, indexed_at = excluded.indexed_at`;
		if (terms.length) {
			await tx`
				insert into public.search_terms (term, jamo)
				select * from unnest(${terms}::text[], ${terms.map(toJamo)}::text[])
				on conflict (term) do nothing`;
		}
	});
	// New index entries wait in the text indexes' pending lists, which every search reads whole:
	// merged now, in bulk (see the settle_search_index migration).
	await sql`select private.settle_search_index()`;
}
