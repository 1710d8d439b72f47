import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
	checkRows,
	decodeText,
	delimiterOf,
	fileProblems,
	guessMapping,
	isFormula,
	newClaimCode,
	normalizeClaimCode,
	type RosterContext
} from './roster';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/roster/${name}`, import.meta.url)));
const table = (bytes: Uint8Array) => {
	const decoded = decodeText(bytes);
	if (!decoded) throw new Error('undecodable');
	return { ...decoded, rows: parse(decoded.text, { delimiter: delimiterOf(decoded.text), relax_column_count: true }) };
};

const ctx: RosterContext = {
	trades: [
		{ code: '3311', name_ko: '귀금속 및 관련제품 제조업', designated: true },
		{ code: '151', name_ko: '가죽, 가방 및 유사 제품 제조업', designated: true },
		{ code: '5611', name_ko: '음식점업', designated: false }
	],
	locate: (address) => (address.includes('종로구') ? { district_ko: '종로구', lat: 37.57, lng: 126.99 } : null)
};

describe('decoding a roster file', () => {
	it('reads UTF-8 with a byte order mark, without the mark in the first header', () => {
		const { encoding, rows } = table(fixture('utf8-bom.csv'));
		expect(encoding).toBe('utf-8');
		expect(rows[0][0]).toBe('상호');
		expect(rows[1][0]).toBe('종로주얼리공방');
	});

	it('reads CP949 (what Korean Excel saves as CSV)', () => {
		const { encoding, rows } = table(fixture('cp949.csv'));
		expect(encoding).toBe('euc-kr');
		expect(rows[0]).toEqual(['상호', '대표자', '사업자등록번호', '업종', '주소', '종업원 수', '전화', '이메일']);
		expect(rows[1][1]).toBe('김민수');
	});

	it('reads the CP949 syllables EUC-KR lacks (똠, 햏), which Node’s own euc-kr decoder turns into Latin letters', () => {
		const decoded = decodeText(Uint8Array.from([140, 99, 176, 248, 185, 230, 44, 193, 100]));
		expect(decoded).toEqual({ text: '똠공방,햏', encoding: 'euc-kr' });
	});

	it('reads UTF-16 tab-separated text and refuses binary files', () => {
		const text = '\ufeff상호\t사업자등록번호\n공방\t110-81-23459\n';
		const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text.slice(1), 'utf16le'))]);
		const decoded = decodeText(bytes);
		expect(decoded?.encoding).toBe('utf-16');
		expect(delimiterOf(decoded!.text)).toBe('\t');
		expect(decodeText(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x80]))).toBeNull();
	});
});

describe('mapping columns', () => {
	it('recognises the usual Korean and English headers', () => {
		expect(guessMapping(['상호', '대표자', '사업자등록번호', '업종', '주소', '종업원 수', '전화', '이메일'])).toEqual({
			name: 0,
			representative: 1,
			brn: 2,
			trade: 3,
			address: 4,
			employees: 5,
			phone: 6,
			email: 7
		});
		expect(guessMapping(['Company', 'BRN', 'E-mail', 'Staff'])).toEqual({ name: 0, brn: 1, email: 2, employees: 3 });
	});

	it('reports missing columns, empty files and too many rows for the whole file', () => {
		expect(fileProblems(3, { name: 0, brn: 1 })).toEqual([
			{ problem: 'roster_file_missing_columns', missing: ['trade', 'address', 'employees'] }
		]);
		expect(fileProblems(0, guessMapping(['상호', '사업자등록번호', '업종', '주소', '종업원수']))).toEqual([
			{ problem: 'roster_file_empty' }
		]);
		expect(fileProblems(10_000, guessMapping(['상호', '사업자등록번호', '업종', '주소', '종업원수']))).toEqual([
			{ problem: 'roster_file_too_many_rows' }
		]);
	});
});

describe('checking rows', () => {
	const { rows } = table(fixture('cp949.csv'));
	const [headers, ...data] = rows;
	const checked = checkRows(data, guessMapping(headers), ctx);
	const problemsOf = (line: number) => checked.find((r) => r.line === line)!.problems.map((p) => `${p.field}:${p.problem}`);

	it('turns a good row into a member, the BRN formatted and the district found', () => {
		expect(checked[0].line).toBe(2);
		expect(problemsOf(2)).toEqual(['brn:roster_problem_brn_duplicate']);
		expect(checked[0].values.name).toBe('종로주얼리공방');
	});

	it('reports each problem on its row', () => {
		expect(problemsOf(3)).toEqual(['brn:roster_problem_brn_invalid']);
		expect(problemsOf(4)).toEqual(['brn:roster_problem_brn_duplicate']);
		expect(problemsOf(5)).toEqual(['employees:roster_problem_employees_not_eligible']);
		expect(problemsOf(6)).toEqual(['trade:roster_problem_trade_unknown']);
		expect(problemsOf(7)).toEqual(['name:roster_problem_formula', 'address:roster_problem_address_unparsed']);
		expect(checked.every((r) => r.member === null)).toBe(true);
	});

	it('accepts trades by code or name and refuses trades that are not designated', () => {
		const map = { name: 0, brn: 1, trade: 2, address: 3, employees: 4, email: 5 };
		const [byName, byCode, other, blank] = checkRows(
			[
				['가', '110-81-23459', '귀금속 및 관련제품 제조업', '서울 종로구 봉익동', '9명', 'A@Example.com'],
				['나', '2208567811', 'C151', '종로구', '1', ''],
				['다', '315-02-73641', '5611', '종로구', '2', 'no-at'],
				['', '', '', '', '', '']
			],
			map,
			ctx
		);
		expect(byName.member).toMatchObject({
			brn: '110-81-23459',
			trade_code: '3311',
			employees: 9,
			district: '종로구',
			email: 'a@example.com'
		});
		expect(byCode.member).toMatchObject({ brn: '220-85-67811', trade_code: '151', employees: 1 });
		expect(other.problems.map((p) => p.problem)).toEqual(['roster_problem_trade_not_designated', 'roster_problem_email_invalid']);
		expect(blank.problems.map((p) => p.field)).toEqual(['name', 'brn', 'trade', 'address', 'employees']);
	});

	it('reports zero or unreadable employee counts', () => {
		const [zero, words] = checkRows(
			[
				['가', '110-81-23459', '3311', '종로구', '0'],
				['나', '220-85-67811', '3311', '종로구', '다섯']
			],
			{ name: 0, brn: 1, trade: 2, address: 3, employees: 4 },
			ctx
		);
		expect(zero.problems[0].problem).toBe('roster_problem_employees_invalid');
		expect(words.problems[0].problem).toBe('roster_problem_employees_invalid');
	});
});

describe('formulas and claim codes', () => {
	it('tells a formula from a phone number', () => {
		expect(isFormula('=1+1')).toBe(true);
		expect(isFormula('@SUM(A1)')).toBe(true);
		expect(isFormula('+cmd|calc')).toBe(true);
		expect(isFormula('+82 10-1234-5678')).toBe(false);
		expect(isFormula('-')).toBe(false);
		expect(isFormula('김민수')).toBe(false);
	});

	it('makes codes without look-alike characters and reads them as typed', () => {
		const code = newClaimCode();
		expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
		expect(newClaimCode(new Uint8Array([0, 1, 2, 3, 30, 31, 62, 8]))).toBe('ABCD9AAJ');
		expect(normalizeClaimCode(' abcd-ef23 ')).toBe('ABCDEF23');
	});
});
