// A bank's account statement (거래내역) as the operator downloads it: CSV, in UTF-8 or in the CP949
// (EUC-KR) Korean banks still export. Each deposit line that names a milestone's reference (SL + 6) in
// its depositor or memo column becomes a payment event, fingerprinted so that uploading the same
// statement twice (or two overlapping ones) applies each line once. Broken lines are reported by
// number, never guessed.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { msg } from '$lib/msg';

export interface StatementLine {
	/** 1-based line number in the file (the header is line 1). */
	line: number;
	date: string;
	depositor: string;
	amountKrw: number;
	balance: string;
	reference: string | null;
	/** Same line, same fingerprint, whichever statement it came in. */
	fingerprint: string;
}

export interface StatementProblem {
	line: number;
	error: 'err_statement_amount' | 'err_statement_date' | 'err_statement_columns';
}

export type ParsedStatement =
	| { ok: true; lines: StatementLine[]; problems: StatementProblem[]; withdrawals: number }
	| { ok: false; error: 'err_statement_header' | 'err_statement_empty' | 'err_statement_unreadable' };

// Column names as Korean banks' exports spell them, and English ones.
const COLUMNS = {
	date: ['거래일시', '거래일자', '거래일', '일자', 'date'],
	depositor: ['입금자명', '입금자', '기재내용', '보낸분', '내용', '적요', 'depositor', 'description', 'memo'],
	deposit: ['입금액', '입금', '맡기신금액', '입금금액', 'deposit', 'amount'],
	withdrawal: ['출금액', '출금', '찾으신금액', 'withdrawal'],
	balance: ['잔액', '거래후잔액', 'balance']
} as const;

const REFERENCE = /SL[0-9A-HJ-NP-Z]{6}/;

/** Bytes of the file as text: UTF-8 when it is valid UTF-8 (a BOM dropped), else CP949. */
export function decodeStatement(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('euc-kr').decode(bytes);
	}
}

function findColumn(header: string[], names: readonly string[]): number {
	const normalized = header.map((h) => h.replace(/\s+/g, '').toLowerCase());
	for (const name of names) {
		const i = normalized.indexOf(name.toLowerCase());
		if (i >= 0) return i;
	}
	return -1;
}

/** '1,234,000', '1234000원', ' 1234000 ' → 1234000; empty → 0; anything else → null. */
function amount(value: string | undefined): number | null {
	const s = (value ?? '').replace(/[\s,원₩]/g, '');
	if (s === '' || s === '-') return 0;
	return /^\d{1,12}$/.test(s) ? Number(s) : null;
}

export function parseStatement(text: string): ParsedStatement {
	let rows: string[][];
	try {
		const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: true, bom: true });
		rows = records;
	} catch {
		return { ok: false, error: msg('err_statement_unreadable') };
	}
	// Some exports put the account's name and period above the table: the header is the first row
	// that has a date and a deposit column.
	const headerIndex = rows.findIndex((r) => findColumn(r, COLUMNS.date) >= 0 && findColumn(r, COLUMNS.deposit) >= 0);
	if (headerIndex < 0) return { ok: false, error: msg('err_statement_header') };
	const header = rows[headerIndex];
	const col = {
		date: findColumn(header, COLUMNS.date),
		depositor: findColumn(header, COLUMNS.depositor),
		deposit: findColumn(header, COLUMNS.deposit),
		withdrawal: findColumn(header, COLUMNS.withdrawal),
		balance: findColumn(header, COLUMNS.balance)
	};
	if (col.depositor < 0) return { ok: false, error: msg('err_statement_header') };
	const lines: StatementLine[] = [];
	const problems: StatementProblem[] = [];
	let withdrawals = 0;
	rows.slice(headerIndex + 1).forEach((row, i) => {
		const line = headerIndex + 2 + i;
		if (row.every((cell) => cell === '')) return;
		if (row.length < header.length) {
			problems.push({ line, error: msg('err_statement_columns') });
			return;
		}
		const deposit = amount(row[col.deposit]);
		const withdrawal = col.withdrawal >= 0 ? amount(row[col.withdrawal]) : 0;
		if (deposit === null || withdrawal === null) {
			problems.push({ line, error: msg('err_statement_amount') });
			return;
		}
		const date = row[col.date];
		if (!/^\d{4}[-./]\d{2}[-./]\d{2}/.test(date)) {
			problems.push({ line, error: msg('err_statement_date') });
			return;
		}
		if (deposit === 0) {
			withdrawals += 1;
			return;
		}
		// Depositor names are often cut short by the bank: look in every text column of the line.
		const depositor = row[col.depositor];
		const reference = (REFERENCE.exec(depositor.toUpperCase()) ?? REFERENCE.exec(row.join(' ').toUpperCase()))?.[0] ?? null;
		const balance = col.balance >= 0 ? row[col.balance] : '';
		const fingerprint = createHash('sha256')
			.update(JSON.stringify([date, depositor, deposit, balance]))
			.digest('hex')
			.slice(0, 40);
		lines.push({ line, date, depositor, amountKrw: deposit, balance, reference, fingerprint });
	});
	if (lines.length === 0 && problems.length === 0 && withdrawals === 0) return { ok: false, error: msg('err_statement_empty') };
	return { ok: true, lines, problems, withdrawals };
}
