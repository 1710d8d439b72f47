import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCenters, parseCsv, slugFor } from './center-import';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => Number.parseInt(b, 16)));
// "연번,지역,센터명,운영기관,주소\r\n1,서울,종로 귀금속 소공인특화지원센터,똠방각하 협동조합,"서울 종로구 돈화문로 11, 3층"\r\n"
// in CP949, as data.go.kr publishes it ("똠" is one of CP949's additions to EUC-KR).
const CP949 = hex(
	'bfacb9f82cc1f6bfaa2cbcbec5cdb8ed2cbfeebfb5b1e2b0fc2cc1d6bcd20d0a312cbcadbfef2cc1beb7ce20b1cdb1ddbcd320bcd2b0f8c0cec6afc8adc1f6bff8bcbec5cd2c8c63b9e6b0a2c7cf20c7f9b5bfc1b6c7d52c22bcadbfef20c1beb7ceb1b820b5b7c8adb9aeb7ce2031312c2033c3fe220d0a'
);
const SAMPLE =
	'연번,지역,센터명,운영기관,주소\r\n1,서울,종로 귀금속 소공인특화지원센터,똠방각하 협동조합,"서울 종로구 돈화문로 11, 3층"\r\n';

describe('decoding the file', () => {
	it('reads the published CP949 file', () => {
		expect(decodeCsv(CP949)).toBe(SAMPLE);
	});
	it('reads UTF-8 with and without a BOM', () => {
		const utf8 = new TextEncoder().encode(SAMPLE);
		expect(decodeCsv(utf8)).toBe(SAMPLE);
		expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe(SAMPLE);
	});
});

describe('CSV records', () => {
	it('keeps commas, quotes and line breaks inside quoted fields', () => {
		expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\nx,y')).toEqual([
			['a', 'b, c', 'say "hi"', 'two\nlines'],
			['x', 'y']
		]);
		expect(parseCsv('a,b\r\n,\r\n')).toEqual([
			['a', 'b'],
			['', '']
		]);
	});
});

describe('the centers of the file', () => {
	it('maps the columns by their Korean names, in any order, ignoring others', () => {
		const result = parseCenters(decodeCsv(CP949));
		expect(result).toEqual({
			ok: true,
			rows: [
				{
					line: 2,
					region: '서울',
					name: '종로 귀금속 소공인특화지원센터',
					operator: '똠방각하 협동조합',
					address: '서울 종로구 돈화문로 11, 3층',
					errors: []
				}
			]
		});
		const reordered = parseCenters('주소,센터명,지역,운영기관\n충북 청주시 1,청주 인쇄 센터,충북,청주상공회의소\n');
		expect(reordered.ok && reordered.rows[0]).toMatchObject({ name: '청주 인쇄 센터', region: '충북', address: '충북 청주시 1' });
	});
	it('drops control characters, which PostgreSQL text cannot hold (a NUL)', () => {
		const result = parseCenters('주소,센터명,지역,운영기관\n충북 청주시 1,청주\u0000 인쇄\u0007 센터,충북,청주상공회의소\n');
		expect(result.ok && result.rows[0]).toMatchObject({ name: '청주 인쇄 센터', errors: [] });
	});
	it('names the missing columns', () => {
		expect(parseCenters('지역,센터명\n서울,a\n')).toEqual({
			ok: false,
			error: 'counseling_import_err_columns',
			missing: ['운영기관', '주소']
		});
		expect(parseCenters('\n\n')).toEqual({ ok: false, error: 'counseling_import_err_empty' });
		expect(parseCenters('지역,센터명,운영기관,주소\n')).toEqual({ ok: false, error: 'counseling_import_err_empty' });
	});
	it('says what is wrong with each row, by its line', () => {
		const result = parseCenters(
			[
				'지역,센터명,운영기관,주소',
				'서울,,기관,주소 1',
				'',
				'서울,센터 A,기관,',
				'부산,센터 A,기관,부산 1',
				`서울,${'가'.repeat(121)},기관,주소`
			].join('\n')
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.rows.map((r) => [r.line, r.errors.map((e) => e.error)])).toEqual([
			[2, ['counseling_import_err_name_missing']],
			[4, ['counseling_import_err_address_missing']],
			[5, ['counseling_import_err_duplicate']],
			[6, ['counseling_import_err_too_long']]
		]);
	});
});

describe('slugs of new centers', () => {
	it('are the same for the same name and differ between names', () => {
		expect(slugFor('종로 센터')).toBe(slugFor('종로 센터'));
		expect(slugFor('종로 센터')).not.toBe(slugFor('성수 센터'));
		expect(slugFor('종로 센터')).toMatch(/^center-[0-9a-f]{8}$/);
	});
});

describe('CP949 beyond EUC-KR', () => {
	it('decodes the syllables CP949 adds, from the first to the last, among standard ones', () => {
		// Codes as Python's cp949 codec writes them.
		expect(decodeCsv(hex('8141'))).toBe('갂');
		expect(decodeCsv(hex('94ee'))).toBe('뷁');
		expect(decodeCsv(hex('c164'))).toBe('햏');
		expect(decodeCsv(hex('c652'))).toBe('힣');
		expect(decodeCsv(hex('c8fe'))).toBe('힝');
		expect(decodeCsv(hex('41c8fe8c63c652'))).toBe('A힝똠힣');
	});
});
