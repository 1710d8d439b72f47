// Reading the public list of support centers (data.go.kr '소공인 특화지원센터 현황'): a CSV file in
// CP949 (EUC-KR) as published, or UTF-8 (with or without a BOM) as re-saved by a spreadsheet, with
// the columns 지역, 센터명, 운영기관, 주소 (in any order; other columns such as 연번 are ignored).
// Every row is checked here; the import applies only a file without errors (see center-import.ts).

export const CENTER_COLUMNS = { region: '지역', name: '센터명', operator: '운영기관', address: '주소' } as const;
export type CenterField = keyof typeof CENTER_COLUMNS;

const LIMITS: Record<CenterField, number> = { region: 40, name: 120, operator: 120, address: 300 };

export type RowError = `counseling_import_err_${'name_missing' | 'address_missing' | 'too_long' | 'duplicate'}`;

export interface CenterRow {
	/** The row's line in the file (the header is line 1). */
	line: number;
	region: string;
	name: string;
	operator: string;
	address: string;
	errors: { field: CenterField; error: RowError }[];
}

export type ParseResult =
	| { ok: true; rows: CenterRow[] }
	| {
			ok: false;
			error: 'counseling_import_err_empty' | 'counseling_import_err_columns' | 'counseling_import_err_too_many';
			missing?: string[];
	  };

import { decodeCp949 } from './cp949';
import { msg } from '$lib/msg';

export { decodeCp949 };

export const MAX_ROWS = 1000;

/** The file's text: UTF-8 when it has a BOM or is valid UTF-8, otherwise CP949 (the published encoding). */
export function decodeCsv(bytes: Uint8Array): string {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return decodeCp949(bytes);
	}
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') {
			record.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || record.length) {
		record.push(field);
		records.push(record);
	}
	return records;
}

// Control characters (a NUL, which PostgreSQL text cannot hold, or what a binary file decodes to) are dropped.
const clean = (s: string | undefined) =>
	(s ?? '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
		.replace(/\s+/g, ' ')
		.trim();

/** The centers of the file, each row with what is wrong with it (nothing, for a row to import). */
export function parseCenters(text: string): ParseResult {
	const records = parseCsv(text.replace(/^\uFEFF/, ''));
	const lines = records.map((r, i) => ({ line: i + 1, cells: r })).filter((r) => r.cells.some((c) => c.trim() !== ''));
	if (lines.length === 0) return { ok: false, error: msg('counseling_import_err_empty') };
	const header = lines[0].cells.map((c) => c.replace(/\s+/g, ''));
	const index = Object.fromEntries(
		(Object.keys(CENTER_COLUMNS) as CenterField[]).map((f) => [f, header.indexOf(CENTER_COLUMNS[f])])
	) as Record<CenterField, number>;
	const missing = (Object.keys(index) as CenterField[]).filter((f) => index[f] < 0).map((f) => CENTER_COLUMNS[f]);
	if (missing.length) return { ok: false, error: msg('counseling_import_err_columns'), missing };
	const body = lines.slice(1);
	if (body.length === 0) return { ok: false, error: msg('counseling_import_err_empty') };
	if (body.length > MAX_ROWS) return { ok: false, error: msg('counseling_import_err_too_many') };
	const seen = new Map<string, number>();
	const rows = body.map(({ line, cells }) => {
		const row: CenterRow = {
			line,
			region: clean(cells[index.region]),
			name: clean(cells[index.name]),
			operator: clean(cells[index.operator]),
			address: clean(cells[index.address]),
			errors: []
		};
		if (!row.name) row.errors.push({ field: 'name', error: msg('counseling_import_err_name_missing') });
		if (!row.address) row.errors.push({ field: 'address', error: msg('counseling_import_err_address_missing') });
		for (const f of Object.keys(LIMITS) as CenterField[])
			if (row[f].length > LIMITS[f]) row.errors.push({ field: f, error: msg('counseling_import_err_too_long') });
		if (row.name) {
			if (seen.has(row.name)) row.errors.push({ field: 'name', error: msg('counseling_import_err_duplicate') });
			else seen.set(row.name, line);
		}
		return row;
	});
	return { ok: true, rows };
}

/** A slug for a center first imported under this name: stable, so a name always gives the same one. */
export function slugFor(name: string): string {
	let h = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(name)) {
		h ^= byte;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return `center-${h.toString(16).padStart(8, '0')}`;
}
