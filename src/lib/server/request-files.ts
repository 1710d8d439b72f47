// Data module: a request's own files (drawings, CAD models, PDFs) and who opened them. Files live in
// the storage port under requests/<request id>/<uuid>-<safe name>; the attachments row says who may
// open them (RLS), and every opening goes through private.open_attachment, which checks, logs and
// answers the path in the caller's own transaction.
import { randomUUID } from 'node:crypto';
import type { Tx } from './db';
import type { StoragePort } from './storage/port';
import { MAX_REQUEST_FILE_BYTES } from '$lib/domain/uploads';
import { msg } from '$lib/msg';

export const MAX_FILE_BYTES = MAX_REQUEST_FILE_BYTES;

/** Extensions accepted, with the content type the file is stored and served as. */
const TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	dxf: 'image/vnd.dxf',
	dwg: 'image/vnd.dwg',
	step: 'model/step',
	stp: 'model/step',
	stl: 'model/stl',
	zip: 'application/zip'
};

/** Signatures of the formats that have one at offset 0. */
const MAGIC: Record<string, number[][]> = {
	pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
	png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
	jpg: [[0xff, 0xd8, 0xff]],
	jpeg: [[0xff, 0xd8, 0xff]],
	zip: [
		[0x50, 0x4b, 0x03, 0x04],
		[0x50, 0x4b, 0x05, 0x06] // an empty archive
	]
};

export const ACCEPT = Object.keys(TYPES)
	.map((ext) => `.${ext}`)
	.join(',');

export type FileCheck =
	| { ok: true; contentType: string }
	| { ok: false; error: 'request_err_file_type' | 'request_err_file_too_large' | 'request_err_file_empty' | 'request_err_file_content' };

export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Whether a file may be attached, by extension, size and, where the format has a signature (PDF,
 * PNG, JPEG, ZIP), by content. CAD formats (DXF, DWG, STEP, STL) are accepted by extension and size
 * only: DXF and STEP are plain text, ASCII STL has no fixed header and binary STL none at all, and
 * DWG's version string changes with every AutoCAD release, so a check would refuse real drawings. They
 * are always served as downloads (content-disposition: attachment), never rendered.
 */
export function checkFile(name: string, bytes: Uint8Array): FileCheck {
	const ext = extensionOf(name);
	const contentType = TYPES[ext];
	if (!contentType) return { ok: false, error: msg('request_err_file_type') };
	if (bytes.byteLength === 0) return { ok: false, error: msg('request_err_file_empty') };
	if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, error: msg('request_err_file_too_large') };
	const signatures = MAGIC[ext];
	if (signatures && !signatures.some((sig) => sig.every((b, i) => bytes[i] === b)))
		return { ok: false, error: msg('request_err_file_content') };
	return { ok: true, contentType };
}

/** A storage-safe version of a file name: ASCII letters, digits, dot, dash, underscore; the extension kept. */
export function safeFilename(name: string): string {
	const ext = extensionOf(name);
	const base = (ext ? name.slice(0, -(ext.length + 1)) : name)
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9._-]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^[._-]+|[._-]+$/g, '')
		.slice(0, 80);
	return `${base || 'file'}${ext ? `.${ext.replace(/[^a-z0-9]/g, '')}` : ''}`;
}

export interface Attachment {
	id: string;
	filename: string;
	content_type: string;
	size_bytes: number;
	created_at: Date;
}

/** A request's own files (not those of its quotes or messages), as whoever sees the request. */
export function list(tx: Tx, requestId: string): Promise<Attachment[]> {
	return tx<Attachment[]>`
		select id, filename, content_type, size_bytes, created_at from public.attachments
		where request_id = ${requestId} and quote_id is null and message_id is null
		order by created_at, filename`;
}

export async function count(tx: Tx, requestId: string): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from public.attachments where request_id = ${requestId} and quote_id is null and message_id is null`;
	return row.n;
}

export interface Upload {
	name: string;
	bytes: Uint8Array;
	contentType: string;
}

/**
 * Stores files checked with checkFile and records them (the owner, on a draft or open request: RLS).
 * A file is stored before its row is written; when the row is refused the file is removed again, and
 * when the transaction fails later a staged store (withUserFiles) removes it.
 */
export async function attach(tx: Tx, store: StoragePort, requestId: string, userId: string, uploads: Upload[]): Promise<string[]> {
	const ids: string[] = [];
	for (const upload of uploads) {
		const id = randomUUID();
		const path = `requests/${requestId}/${randomUUID()}-${safeFilename(upload.name)}`;
		await store.put(path, upload.bytes, upload.contentType);
		try {
			await tx`
				insert into public.attachments (id, request_id, path, filename, content_type, size_bytes, uploaded_by)
				values (${id}, ${requestId}, ${path}, ${upload.name.slice(0, 255)}, ${upload.contentType}, ${upload.bytes.byteLength}, ${userId})`;
		} catch (e) {
			await store.remove([path]);
			throw e;
		}
		ids.push(id);
	}
	return ids;
}

/**
 * Removes a file of a draft (RLS refuses once published: someone may have opened it). With a staged
 * store the file goes only once the row's deletion is committed.
 */
export async function remove(tx: Tx, store: StoragePort, requestId: string, attachmentId: string): Promise<boolean> {
	const rows = await tx<{ path: string }[]>`
		delete from public.attachments
		where id = ${attachmentId} and request_id = ${requestId} and quote_id is null and message_id is null
		returning path`;
	if (rows.length === 0) return false;
	await store.remove(rows.map((r) => r.path));
	return true;
}

export interface Opened {
	path: string;
	filename: string;
	content_type: string;
	size_bytes: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens a request's file as the caller: private.open_attachment checks access and logs the opening in
 * this transaction. Null when the caller may not open it (or it is not a file of this request).
 */
export async function open(tx: Tx, requestId: string, attachmentId: string): Promise<Opened | null> {
	// Ids come from the address: anything but a uuid is simply not found.
	if (!UUID.test(requestId) || !UUID.test(attachmentId)) return null;
	const [own] = await tx`select 1 from public.attachments where id = ${attachmentId} and request_id = ${requestId}`;
	if (!own) return null;
	try {
		// A savepoint, so a refusal does not abort the caller's transaction.
		const [row] = await tx.savepoint((sp) => sp<Opened[]>`select * from private.open_attachment(${attachmentId})`);
		return row ?? null;
	} catch (e) {
		if ((e as { code?: string }).code === '42501') return null;
		throw e;
	}
}

export interface AccessLogEntry {
	id: string;
	opened_at: Date;
	filename: string;
	/** The request's owner opened it. */
	by_owner: boolean;
	workshop_id: string | null;
	workshop_name_ko: string | null;
	workshop_name_en: string | null;
}

/** Who opened which file of the request, newest first (the owner sees all, others their own). */
export function accessLog(tx: Tx, requestId: string, limit = 200): Promise<AccessLogEntry[]> {
	return tx<AccessLogEntry[]>`
		select l.id::text, l.opened_at, a.filename, l.user_id = r.owner_id as by_owner, l.workshop_id,
		       w.name_ko as workshop_name_ko, w.name_en as workshop_name_en
		from public.attachment_access_log l
		join public.attachments a on a.id = l.attachment_id
		join public.requests r on r.id = l.request_id
		left join public.workshops w on w.id = l.workshop_id
		where l.request_id = ${requestId}
		order by l.opened_at desc, l.id desc
		limit ${limit}`;
}

/** A content-disposition header with the original (possibly Korean) file name, RFC 6266 / 5987. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
	const fallback = safeFilename(filename).replace(/"/g, '');
	return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** PDFs and images may be shown in the browser (sandboxed); everything else downloads. */
export function dispositionFor(contentType: string): 'inline' | 'attachment' {
	return ['application/pdf', 'image/png', 'image/jpeg'].includes(contentType) ? 'inline' : 'attachment';
}
