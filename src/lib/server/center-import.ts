// Importing support centers from the public list (see $lib/domain/center-import): what each row
// would do (add a center, update one of the same name, or nothing), and applying the whole file in
// the operator's one transaction — all rows or none. Matching is by the center's Korean name, so
// importing the same file twice changes nothing the second time. RLS lets only the operator add and
// edit centers this way (the insert policy is the operator's).
import { slugFor, type CenterRow } from '$lib/domain/center-import';
import type { Tx } from './db';

export type RowAction = 'create' | 'update' | 'unchanged' | 'error';
export interface PreviewRow extends CenterRow {
	action: RowAction;
	/** The center of the same name, when there is one. */
	id: string | null;
}

interface Existing {
	id: string;
	name_ko: string;
	region_ko: string;
	operator_ko: string;
	address_ko: string;
}

async function existing(tx: Tx, names: string[]): Promise<Map<string, Existing>> {
	const rows = await tx<Existing[]>`select id, name_ko, region_ko, operator_ko, address_ko from public.support_centers
		where name_ko = any(${names}::text[])`;
	return new Map(rows.map((r) => [r.name_ko, r]));
}

const actionOf = (row: CenterRow, found: Existing | undefined): RowAction =>
	row.errors.length
		? 'error'
		: !found
			? 'create'
			: found.region_ko === row.region && found.operator_ko === row.operator && found.address_ko === row.address
				? 'unchanged'
				: 'update';

/** What importing the rows would do, row by row. */
export async function preview(tx: Tx, rows: CenterRow[]): Promise<PreviewRow[]> {
	const found = await existing(
		tx,
		rows.map((r) => r.name)
	);
	return rows.map((r) => ({ ...r, action: actionOf(r, found.get(r.name)), id: found.get(r.name)?.id ?? null }));
}

export type ImportResult =
	| { ok: true; created: number; updated: number; unchanged: number }
	| { ok: false; error: 'rows_with_errors' | 'not_allowed'; rows?: PreviewRow[] };

/** Applies every row, or none when any row has an error; the caller's transaction holds them together. */
export async function apply(tx: Tx, rows: CenterRow[]): Promise<ImportResult> {
	// Two imports at once would both see a name as new; the second waits for the first.
	await tx`select pg_advisory_xact_lock(hashtextextended('center_import', 0))`;
	const planned = await preview(tx, rows);
	if (planned.some((r) => r.action === 'error')) return { ok: false, error: 'rows_with_errors', rows: planned };
	let created = 0;
	let updated = 0;
	try {
		await tx.savepoint(async (sp) => {
			for (const r of planned) {
				if (r.action === 'create') {
					await sp`insert into public.support_centers (slug, name_ko, region_ko, operator_ko, address_ko)
						values (${slugFor(r.name)}, ${r.name}, ${r.region}, ${r.operator}, ${r.address})`;
					created++;
				} else if (r.action === 'update') {
					const rowsChanged = await sp`update public.support_centers
						set region_ko = ${r.region}, operator_ko = ${r.operator}, address_ko = ${r.address}
						where id = ${r.id} returning id`;
					if (!rowsChanged.length) throw Object.assign(new Error('not allowed'), { code: '42501' });
					updated++;
				}
			}
		});
	} catch (e) {
		if ((e as { code?: string }).code === '42501') return { ok: false, error: 'not_allowed' };
		throw e;
	}
	return { ok: true, created, updated, unchanged: planned.length - created - updated };
}
