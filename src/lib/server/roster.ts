// Data module: member import and claim (issue 16). A roster file is parsed to text cells here (CSV in
// UTF-8, UTF-16 or CP949, or XLSX with formulas' cached values), kept as an upload while the manager
// maps its columns, checked by the domain rules (src/lib/domain/roster.ts) and written by
// public.roster_import in one set-based statement per table, all or nothing. Claims go through
// public.roster_claim, which checks the code and the BRN.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import {
	checkRows,
	decodeText,
	delimiterOf,
	MAX_BYTES,
	MAX_ROWS,
	memberSlug,
	newClaimCode,
	type CheckedRow,
	type Mapping,
	type RosterContext,
	type RosterMember
} from '$lib/domain/roster';
import type { Tx } from './db';
import type { Tables } from './db/database.types';
import { geocodeFromTable } from './geo/embedded';

export type FileError =
	'roster_file_too_large' | 'roster_file_encoding' | 'roster_file_unreadable' | 'roster_file_empty' | 'roster_file_too_many_rows';

export interface ParsedFile {
	encoding: 'utf-8' | 'euc-kr' | 'utf-16' | 'xlsx';
	headers: string[];
	rows: string[][];
}

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const cellText = (v: unknown): string => {
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	if (typeof v === 'string') return v.trim();
	return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
};

/** A roster file's header row and data rows as text; blank rows dropped. */
export async function parseFile(bytes: Uint8Array): Promise<{ ok: true; file: ParsedFile } | { ok: false; error: FileError }> {
	if (bytes.byteLength > MAX_BYTES) return { ok: false, error: 'roster_file_too_large' };
	if (bytes.byteLength === 0) return { ok: false, error: 'roster_file_empty' };
	let table: string[][];
	let encoding: ParsedFile['encoding'];
	if (isXlsx(bytes)) {
		try {
			// The first sheet; a formula's cell holds its cached value, as Excel saved it.
			const data = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
			table = data.map((row) => row.map(cellText));
			encoding = 'xlsx';
		} catch {
			return { ok: false, error: 'roster_file_unreadable' };
		}
	} else {
		const decoded = decodeText(bytes);
		if (!decoded) return { ok: false, error: 'roster_file_encoding' };
		try {
			table = parse(decoded.text, {
				delimiter: delimiterOf(decoded.text),
				relax_column_count: true,
				relax_quotes: true,
				skip_empty_lines: true,
				trim: true
			});
		} catch {
			return { ok: false, error: 'roster_file_unreadable' };
		}
		encoding = decoded.encoding;
	}
	table = table.filter((row) => row.some((c) => c !== ''));
	if (table.length < 2) return { ok: false, error: 'roster_file_empty' };
	if (table.length - 1 > MAX_ROWS) return { ok: false, error: 'roster_file_too_many_rows' };
	const [headers, ...rows] = table;
	return { ok: true, file: { encoding, headers, rows } };
}

// ---------------------------------------------------------------- uploads

export interface Upload extends ParsedFile {
	id: string;
	file_name: string;
	created_at: Date;
}

export async function saveUpload(tx: Tx, clusterId: string, fileName: string, file: ParsedFile): Promise<string> {
	// Uploads older than a day are not worth keeping.
	await tx`delete from public.roster_uploads where cluster_id = ${clusterId} and created_at < now() - interval '1 day'`;
	const [row] = await tx<{ id: string }[]>`
		insert into public.roster_uploads (cluster_id, file_name, encoding, headers, rows)
		values (${clusterId}, ${fileName.slice(0, 200)}, ${file.encoding}, ${tx.json(file.headers)}, ${tx.json(file.rows)})
		returning id`;
	return row.id;
}

export async function upload(tx: Tx, clusterId: string, id: string): Promise<Upload | null> {
	const [row] = await tx<Upload[]>`
		select id, file_name, encoding, headers, rows, created_at from public.roster_uploads
		where id = ${id} and cluster_id = ${clusterId}`;
	return row ?? null;
}

export async function dropUpload(tx: Tx, id: string): Promise<void> {
	await tx`delete from public.roster_uploads where id = ${id}`;
}

// ---------------------------------------------------------------- checking and importing

/** What the rules are checked against: the trades table and the embedded district table. */
export async function context(tx: Tx): Promise<RosterContext> {
	const trades = await tx<{ code: string; name_ko: string; designated: boolean }[]>`
		select ksic_code as code, name_ko, designated from public.trades`;
	return {
		trades,
		locate(address) {
			const place = geocodeFromTable(address);
			return place ? { district_ko: place.district_ko, lat: place.lat, lng: place.lng } : null;
		}
	};
}

export async function check(tx: Tx, rows: readonly (readonly string[])[], mapping: Mapping): Promise<CheckedRow[]> {
	return checkRows(rows, mapping, await context(tx));
}

/** new: created; changed: updated; unchanged; claimed: its owner keeps their listing; member: already a member, not imported. */
export type RowStatus = 'new' | 'changed' | 'unchanged' | 'claimed' | 'member';

export interface ImportResult {
	counts: Record<RowStatus, number>;
	/** By BRN (XXX-XX-XXXXX). */
	statuses: Record<string, RowStatus>;
	importId: string | null;
}

/**
 * Writes checked members to the cluster (or, with dryRun, only says what it would do): new BRNs become
 * unclaimed workshops, approved members with a claim code; known ones are updated when they changed
 * and nobody claimed them yet. Set-based, in the caller's transaction, as the signed-in manager.
 */
export async function importRoster(
	tx: Tx,
	clusterId: string,
	rows: readonly RosterMember[],
	{ dryRun, fileName = '', uploadId = null }: { dryRun: boolean; fileName?: string; uploadId?: string | null }
): Promise<ImportResult> {
	const payload = rows.map((r) => ({ ...r, code: newClaimCode(), slug: memberSlug(r.name) }));
	const json = tx.json(payload);
	const [{ result }] = await tx<
		{ result: { counts: Record<RowStatus, number>; statuses: Record<string, RowStatus>; import_id: string | null } }[]
	>`
		select ${
			uploadId && !dryRun
				? tx`public.roster_import_upload(${clusterId}, ${uploadId}, ${fileName}, ${json}::jsonb)`
				: tx`public.roster_import(${clusterId}, ${fileName}, ${json}::jsonb, ${dryRun})`
		} as result`;
	return { counts: result.counts, statuses: result.statuses, importId: result.import_id };
}

/**
 * Holds the upload for its import until the transaction ends: a second post of the same import (a double
 * click, a retried request) waits here for the first, then finds the import it made (importedFrom).
 */
export async function lockUpload(tx: Tx, uploadId: string): Promise<void> {
	await tx`select pg_advisory_xact_lock(hashtextextended(${`roster_upload:${uploadId}`}, 0))`;
}

/** The import made from this upload, if it was imported. */
export async function importedFrom(tx: Tx, clusterId: string, uploadId: string): Promise<string | null> {
	const [row] = await tx<{ id: string }[]>`
		select id from public.roster_imports where cluster_id = ${clusterId} and upload_id = ${uploadId}`;
	return row?.id ?? null;
}

export type ImportRecord = Pick<
	Tables<'roster_imports'>,
	'id' | 'file_name' | 'row_count' | 'created_count' | 'updated_count' | 'unchanged_count'
> & { at: Date };

export function imports(tx: Tx, clusterId: string, limit = 10): Promise<ImportRecord[]> {
	return tx<ImportRecord[]>`
		select id, file_name, row_count, created_count, updated_count, unchanged_count, at
		from public.roster_imports where cluster_id = ${clusterId} order by at desc limit ${limit}`;
}

// ---------------------------------------------------------------- unclaimed members and claims

export interface UnclaimedMember {
	workshop_id: string;
	slug: string;
	name_ko: string;
	brn: string;
	representative: string;
	email: string;
	claim_code: string;
	invited_email: string | null;
	invited_at: Date | null;
}

export async function unclaimed(
	tx: Tx,
	clusterId: string,
	{ page = 1, perPage = 50, ids }: { page?: number; perPage?: number; ids?: string[] } = {}
): Promise<{ members: UnclaimedMember[]; total: number }> {
	const only = ids && ids.length ? tx`and rm.workshop_id = any(${ids}::uuid[])` : tx``;
	const rows = await tx<(UnclaimedMember & { total: number })[]>`
		select rm.workshop_id, w.slug, w.name_ko, rm.brn, rm.representative, rm.email, rm.claim_code, rm.invited_email, rm.invited_at,
		       count(*) over ()::int as total
		from public.roster_members rm join public.workshops w on w.id = rm.workshop_id
		where rm.cluster_id = ${clusterId} and rm.claimed_at is null and w.owner_id is null ${only}
		order by w.name_ko, rm.brn
		limit ${perPage} offset ${(page - 1) * perPage}`;
	return { members: rows.map(({ total: _, ...member }) => member), total: rows[0]?.total ?? 0 };
}

/**
 * Marks the invitation sent (the audit trail records it): the member, and whether to mail them (send).
 * Null when the member is not the cluster's or already claimed. A second post of the same form (the same
 * key: a double click, a retried request) waits for the first's row lock, finds its key and is told not
 * to mail again (the invitation as the first wrote it).
 */
export async function markInvited(
	tx: Tx,
	clusterId: string,
	workshopId: string,
	email: string,
	key: string | null = null
): Promise<(UnclaimedMember & { send: boolean }) | null> {
	const [row] = await tx<{ workshop_id: string }[]>`
		update public.roster_members set invited_email = ${email}, invited_at = now(), invite_key = ${key}
		where cluster_id = ${clusterId} and workshop_id = ${workshopId} and claimed_at is null
		  and (${key}::uuid is null or invite_key is distinct from ${key}::uuid)
		returning workshop_id`;
	const member = (await unclaimed(tx, clusterId, { ids: [workshopId], perPage: 1 })).members[0] ?? null;
	if (!member || (!row && !key)) return null;
	if (row) return { ...member, send: true };
	const [same] = await tx`select 1 from public.roster_members
		where cluster_id = ${clusterId} and workshop_id = ${workshopId} and invite_key = ${key}`;
	return same ? { ...member, send: false } : null;
}

export type ClaimError = 'not_craftsman' | 'bad_code' | 'brn_mismatch' | 'has_workshop';

/** The signed-in craftsman takes over the listing of the code when the BRN matches. */
export async function claim(
	tx: Tx,
	code: string,
	brn: string
): Promise<{ ok: true; workshopId: string; slug: string; name: string } | { ok: false; error: ClaimError }> {
	try {
		const [row] = await tx.savepoint((sp) => sp<{ id: string }[]>`select public.roster_claim(${code}, ${brn}) as id`);
		const [w] = await tx<{ slug: string; name_ko: string }[]>`select slug, name_ko from public.workshops where id = ${row.id}`;
		return { ok: true, workshopId: row.id, slug: w.slug, name: w.name_ko };
	} catch (e) {
		const message = (e as { code?: string; message?: string }).code === 'P0001' ? (e as Error).message : '';
		if (message === 'not_craftsman' || message === 'bad_code' || message === 'brn_mismatch' || message === 'has_workshop') {
			return { ok: false, error: message };
		}
		throw e;
	}
}
