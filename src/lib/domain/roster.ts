// Member import (issue 16): a cluster manager's roster file, decoded, its columns mapped to our fields
// and every row checked with the same rules as the rest of the app (BRN check digit, fewer than 10
// employees, designated trades), so the dry run says row by row what is wrong before anything is
// written. Pure: the trades and the address lookup are arguments. Problems are message keys
// (roster_problem_…), so pages say them in Korean or English.
import { decodeCp949 } from './cp949';
import { formatBrn, isValidBrn } from './brn';
import { craftsmanEligible } from './clusters';
import { newSlug } from './slug';

export const ROSTER_FIELDS = ['name', 'representative', 'brn', 'trade', 'address', 'employees', 'phone', 'email'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
/** Without these columns a file cannot be imported. */
export const REQUIRED_FIELDS: readonly RosterField[] = ['name', 'brn', 'trade', 'address', 'employees'];
/** A roster larger than this is refused whole (a cluster's members number in the hundreds). */
export const MAX_ROWS = 5000;
export const MAX_BYTES = 5 * 1024 * 1024;

/** Column index per field; a field left out is not in the file. */
export type Mapping = Partial<Record<RosterField, number>>;

/** How managers' files name each field (compared without spaces, case-insensitive). */
const HEADER_NAMES: Record<RosterField, string[]> = {
	name: ['상호', '상호명', '업체명', '회사명', '사업장명', '공방명', 'name', 'company', 'businessname'],
	representative: ['대표자', '대표자명', '대표', '성명', 'representative', 'owner', 'ceo'],
	brn: ['사업자등록번호', '사업자번호', '등록번호', 'brn', 'businessregistrationnumber'],
	trade: ['업종', '업종명', '업종코드', '업태', '종목', 'ksic', 'trade', 'industry'],
	address: ['주소', '소재지', '사업장주소', '사업장소재지', 'address'],
	employees: ['종업원수', '종업원', '직원수', '상시근로자수', '근로자수', 'employees', 'staff'],
	phone: ['전화', '전화번호', '연락처', '휴대폰', 'phone', 'tel'],
	email: ['이메일', '전자우편', '메일', 'email', 'e-mail']
};

const squash = (s: string) =>
	s
		.normalize('NFC')
		.replace(/[\s_()]+/g, '')
		.toLowerCase();

/** The mapping the headers suggest: each field to the first column named like it. */
export function guessMapping(headers: readonly string[]): Mapping {
	const mapping: Mapping = {};
	const taken = new Set<number>();
	for (const field of ROSTER_FIELDS) {
		const names = HEADER_NAMES[field];
		const i = headers.findIndex((h, idx) => !taken.has(idx) && names.includes(squash(h)));
		if (i >= 0) {
			mapping[field] = i;
			taken.add(i);
		}
	}
	return mapping;
}

export type Encoding = 'utf-8' | 'euc-kr' | 'utf-16';

/**
 * A CSV file's text: UTF-8 with or without a byte order mark, UTF-16 (Excel's "Unicode text"), or
 * CP949/EUC-KR (what Korean Excel writes for "CSV"). Null when it is none of them.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const text = tryDecode('utf-8', bytes.subarray(3));
		return text === null ? null : { text, encoding: 'utf-8' };
	}
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		const text = tryDecode(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
		return text === null ? null : { text, encoding: 'utf-16' };
	}
	const utf8 = tryDecode('utf-8', bytes);
	if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
	// CP949 (EUC-KR and the Hangul syllables KS X 1001 lacks, which Node's own euc-kr decoder misreads).
	const korean = decodeCp949(bytes);
	return korean.includes('\uFFFD') || hasControlCharacters(korean) ? null : { text: korean, encoding: 'euc-kr' };
}

/** A binary file decodes to control characters (an XLSX renamed .csv, a PDF…). */
function hasControlCharacters(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x09 || (c > 0x0d && c < 0x20)) return true;
	}
	return false;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
	try {
		const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
		return hasControlCharacters(text) ? null : text;
	} catch {
		return null;
	}
}

/** The delimiter of a text table: tab when the first line has more tabs than commas. */
export function delimiterOf(text: string): ',' | '\t' {
	const first = text.split(/\r?\n/, 1)[0] ?? '';
	return (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

export type FileProblem = 'roster_file_empty' | 'roster_file_too_many_rows' | 'roster_file_missing_columns';

/** What keeps the whole file from being imported; the fields a mapping lacks are listed. */
export function fileProblems(rowCount: number, mapping: Mapping): { problem: FileProblem; missing?: RosterField[] }[] {
	const out: { problem: FileProblem; missing?: RosterField[] }[] = [];
	if (rowCount === 0) out.push({ problem: 'roster_file_empty' });
	if (rowCount > MAX_ROWS) out.push({ problem: 'roster_file_too_many_rows' });
	const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
	if (missing.length) out.push({ problem: 'roster_file_missing_columns', missing });
	return out;
}

export type RowProblem =
	| 'roster_problem_required'
	| 'roster_problem_too_long'
	| 'roster_problem_brn_invalid'
	| 'roster_problem_brn_duplicate'
	| 'roster_problem_employees_invalid'
	| 'roster_problem_employees_not_eligible'
	| 'roster_problem_trade_unknown'
	| 'roster_problem_trade_not_designated'
	| 'roster_problem_address_unparsed'
	| 'roster_problem_email_invalid'
	| 'roster_problem_formula';

export interface TradeRef {
	code: string;
	name_ko: string;
	designated: boolean;
}

export interface Located {
	district_ko: string;
	lat: number;
	lng: number;
}

export interface RosterContext {
	trades: readonly TradeRef[];
	/** The district of an address, or null when it names none (the embedded district table on the server). */
	locate(address: string): Located | null;
}

/** A row as it will be written. */
export interface RosterMember {
	brn: string;
	name: string;
	representative: string;
	trade_code: string;
	employees: number;
	address: string;
	district: string;
	lat: number | null;
	lng: number | null;
	phone: string;
	email: string;
}

export interface CheckedRow {
	/** The line of the file (the header is line 1). */
	line: number;
	values: Record<RosterField, string>;
	problems: { field: RosterField; problem: RowProblem }[];
	/** Null when the row has problems. */
	member: RosterMember | null;
}

const LIMITS: Record<RosterField, number> = {
	name: 80,
	representative: 80,
	brn: 20,
	trade: 80,
	address: 200,
	employees: 10,
	phone: 40,
	email: 254
};

/** A cell a spreadsheet would run as a formula (CSV injection), unlike a phone number such as +82 10…. */
export function isFormula(cell: string): boolean {
	return /^[=@]/.test(cell) || (/^[+-]/.test(cell) && !/^[+-][\d\s().-]*$/.test(cell));
}

/** Every data row checked against the rules; rows are arrays of cell texts (the header row left out). */
export function checkRows(rows: readonly (readonly string[])[], mapping: Mapping, ctx: RosterContext): CheckedRow[] {
	const byCode = new Map(ctx.trades.map((t) => [t.code, t]));
	const byName = new Map(ctx.trades.map((t) => [squash(t.name_ko), t]));
	const located = new Map<string, Located | null>();
	const seen = new Map<string, number>();
	const checked = rows.map((cells, i): CheckedRow => {
		const values = Object.fromEntries(
			ROSTER_FIELDS.map((f) => [f, mapping[f] === undefined ? '' : String(cells[mapping[f]] ?? '').trim()])
		) as Record<RosterField, string>;
		const problems: CheckedRow['problems'] = [];
		const add = (field: RosterField, problem: RowProblem) => problems.push({ field, problem });
		for (const f of ROSTER_FIELDS) {
			if (isFormula(values[f])) add(f, 'roster_problem_formula');
			else if (values[f].length > LIMITS[f]) add(f, 'roster_problem_too_long');
		}
		const bad = (f: RosterField) => problems.some((p) => p.field === f);
		for (const f of REQUIRED_FIELDS) if (!values[f] && !bad(f)) add(f, 'roster_problem_required');

		const brn = formatBrn(values.brn);
		if (values.brn && !bad('brn') && !isValidBrn(brn)) add('brn', 'roster_problem_brn_invalid');

		let employees = NaN;
		if (values.employees && !bad('employees')) {
			const digits = values.employees.replace(/[,\s]|명$/g, '');
			employees = /^\d+$/.test(digits) ? Number(digits) : NaN;
			if (!Number.isInteger(employees) || employees < 1) add('employees', 'roster_problem_employees_invalid');
			else if (!craftsmanEligible(employees)) add('employees', 'roster_problem_employees_not_eligible');
		}

		let trade: TradeRef | undefined;
		if (values.trade && !bad('trade')) {
			const code = values.trade.match(/^C?(\d{2,5})\b/)?.[1];
			trade = (code ? byCode.get(code) : undefined) ?? byName.get(squash(values.trade.replace(/^C?\d{2,5}\s*/, '')));
			if (!trade) add('trade', 'roster_problem_trade_unknown');
			else if (!trade.designated) add('trade', 'roster_problem_trade_not_designated');
		}

		let place: Located | null = null;
		if (values.address && !bad('address')) {
			if (!located.has(values.address)) located.set(values.address, ctx.locate(values.address));
			place = located.get(values.address) ?? null;
			if (!place) add('address', 'roster_problem_address_unparsed');
		}

		if (values.email && !bad('email') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) add('email', 'roster_problem_email_invalid');

		return {
			line: i + 2,
			values,
			problems,
			member:
				problems.length || !trade
					? null
					: {
							brn,
							name: values.name,
							representative: values.representative,
							trade_code: trade.code,
							employees,
							address: values.address,
							district: place?.district_ko ?? '',
							lat: place?.lat ?? null,
							lng: place?.lng ?? null,
							phone: values.phone,
							email: values.email.toLowerCase()
						}
		};
	});
	// The same BRN twice: both rows are reported, neither is imported.
	checked.forEach((row) => {
		if (isValidBrn(formatBrn(row.values.brn))) {
			const key = formatBrn(row.values.brn);
			seen.set(key, (seen.get(key) ?? 0) + 1);
		}
	});
	for (const row of checked) {
		const key = formatBrn(row.values.brn);
		if ((seen.get(key) ?? 0) > 1) {
			row.problems.push({ field: 'brn', problem: 'roster_problem_brn_duplicate' });
			row.member = null;
		}
	}
	return checked;
}

/** Claim codes: 8 letters and digits without look-alikes (0/O, 1/I/L), printed as XXXX-XXXX. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newClaimCode(random: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): string {
	return Array.from(random.subarray(0, 8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export const formatClaimCode = (code: string) => (code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code);

/** A code as typed: spaces and dashes dropped, upper case. */
export const normalizeClaimCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

/** A new member's slug (the database keeps the first one on re-import). */
export const memberSlug = (name: string) => newSlug(null, name, 'member');
