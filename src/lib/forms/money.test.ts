import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatWon } from '$lib/domain/format';
import { formatWonKorean, parseWon } from '$lib/domain/won';
import { optionalWon, wonInput } from './money';

const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe('parseWon', () => {
	it.each([
		['300만원', 3_000_000],
		['1억 5천만', 150_000_000],
		['1,500,000', 1_500_000],
		['150만 원', 1_500_000],
		['3천', 3_000],
		['1.5억', 150_000_000],
		['₩2,400,000', 2_400_000],
		['KRW 2400000', 2_400_000],
		['2억 3,000만 500원', 230_000_500],
		['천만 원', 10_000_000],
		['3천5백', 3_500],
		['１５０만', 1_500_000],
		['0', 0]
	])('reads %s as %d won', (typed, won) => {
		expect(parseWon(typed)).toBe(won);
	});

	it.each([
		'',
		'원',
		'abc',
		'1,,500',
		'1,50',
		'0.5',
		'-5',
		'1e5',
		'억억',
		'만억',
		'15백',
		'5천 3000',
		'1억 20000',
		'15000만',
		'3만 천만',
		'1.5',
		'백만불'
	])('refuses %j', (typed) => {
		expect(parseWon(typed)).toBeNull();
	});

	it('reads back every amount as the app writes it', () => {
		fc.assert(
			fc.property(amount, (n) => {
				expect(parseWon(formatNumber(n, 'ko'))).toBe(n);
				expect(parseWon(formatWon(n, 'ko'))).toBe(n);
				expect(parseWon(formatWon(n, 'en'))).toBe(n);
				expect(parseWon(`${formatNumber(n, 'ko')}원`)).toBe(n);
				expect(parseWon(formatWonKorean(n))).toBe(n);
				expect(parseWon(formatWonKorean(n).replaceAll(' ', ''))).toBe(n);
			})
		);
	});

	it('never accepts text with anything but digits, separators, won signs and number units', () => {
		fc.assert(
			fc.property(
				fc.string().filter((s) => /[^\d\s,.조억만천백십원₩krwKRW０-９]/u.test(s.normalize('NFKC'))),
				(s) => {
					expect(parseWon(s)).toBeNull();
				}
			)
		);
	});

	it('gives whole, non-negative, exact amounts or nothing, whatever is typed from its alphabet', () => {
		const typed = fc.string({ unit: fc.constantFrom(...'0123456789,. 조억만천백십원₩'.split('')), maxLength: 16 });
		fc.assert(
			fc.property(typed, (s) => {
				const n = parseWon(s);
				if (n !== null) {
					expect(Number.isSafeInteger(n)).toBe(true);
					expect(n).toBeGreaterThanOrEqual(0);
				}
			})
		);
	});
});

describe('money fields', () => {
	const budget = optionalWon(0, 1_000_000_000_000, 'err_min_0');

	it('accept the Korean way and keep blank as null', () => {
		expect(budget.parse('300만원')).toBe(3_000_000);
		expect(budget.parse(' ')).toBeNull();
		expect(budget.parse(undefined)).toBeNull();
		expect(wonInput(1500)).toBe(1500);
	});

	it('refuse what is not an amount with the number message', () => {
		const result = budget.safeParse('삼백만원쯤');
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toBe('err_number');
	});
});

describe('the quote price', () => {
	it('is accepted as a workshop types it', async () => {
		const { quoteSchema } = await import('../../routes/requests/[id]/quotes/schema');
		const base = {
			workshop_id: crypto.randomUUID(),
			lead_time_days: '14',
			valid_until: '2999-01-01',
			notes: '',
			files: [],
			deposit_krw: '300,000'
		};
		expect(quoteSchema.safeParse({ ...base, price_krw: '240만 원' }).success).toBe(true);
		expect(quoteSchema.safeParse({ ...base, price_krw: '이백만' }).error?.issues[0].message).toBe('err_quote_price');
	});
});
