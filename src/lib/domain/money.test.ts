import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minDeposit, planMilestones, splitEvenly, splitVat, suggestedDeposit } from './money';

const won = fc.integer({ min: 1, max: 2_000_000_000 });

describe('VAT beside the supply amount', () => {
	it('adds 10% on top, dropping fractions of a won', () => {
		expect(splitVat(2_400_000, false)).toEqual({ supply_krw: 2_400_000, vat_krw: 240_000, total_krw: 2_640_000 });
		expect(splitVat(12_345, false)).toEqual({ supply_krw: 12_345, vat_krw: 1_234, total_krw: 13_579 });
	});

	it('takes VAT out of a price typed VAT-included, keeping the total exactly as typed', () => {
		expect(splitVat(11_000, true)).toEqual({ supply_krw: 10_000, vat_krw: 1_000, total_krw: 11_000 });
		expect(splitVat(10_000, true)).toEqual({ supply_krw: 9_091, vat_krw: 909, total_krw: 10_000 });
	});

	it('always adds up, in integers, with VAT within a won of 10% of the supply (the database checks the same)', () => {
		fc.assert(
			fc.property(won, fc.boolean(), (amount, included) => {
				const s = splitVat(amount, included);
				expect(Number.isInteger(s.supply_krw) && Number.isInteger(s.vat_krw)).toBe(true);
				expect(s.supply_krw + s.vat_krw).toBe(s.total_krw);
				expect(s.vat_krw).toBeGreaterThanOrEqual(Math.floor(s.supply_krw / 10));
				expect(s.vat_krw).toBeLessThanOrEqual(Math.floor(s.supply_krw / 10) + 1);
			})
		);
	});
});

describe('the payment plan', () => {
	it('asks a deposit of at least a tenth and at least 2,200 won', () => {
		expect(minDeposit(2_640_000)).toBe(264_000);
		expect(minDeposit(10_000)).toBe(2_200);
		expect(minDeposit(1_500)).toBe(1_500);
		expect(planMilestones(2_640_000, 264_000 - 1, 0)).toEqual({ ok: false, error: 'err_deposit_min_percent' });
		expect(planMilestones(20_000, 2_199, 0)).toEqual({ ok: false, error: 'err_deposit_min_amount' });
	});

	it('refuses a split that does not add up, or leaves a payment too small to send', () => {
		expect(planMilestones(1_000_000, 600_000, 500_000)).toEqual({ ok: false, error: 'err_split_exceeds_total' });
		expect(planMilestones(1_000_000, 300_000, 1_000)).toEqual({ ok: false, error: 'err_sample_min_amount' });
		expect(planMilestones(1_000_000, 998_000, 0)).toEqual({ ok: false, error: 'err_balance_min_amount' });
	});

	it('makes deposit, sample and balance that add up to the total', () => {
		expect(planMilestones(2_640_000, 800_000, 500_000)).toEqual({
			ok: true,
			milestones: [
				{ kind: 'deposit', amount_krw: 800_000 },
				{ kind: 'sample', amount_krw: 500_000 },
				{ kind: 'balance', amount_krw: 1_340_000 }
			]
		});
		expect(planMilestones(1_000_000, 1_000_000, 0)).toEqual({ ok: true, milestones: [{ kind: 'deposit', amount_krw: 1_000_000 }] });
	});

	it('suggests a deposit the plan accepts, for any total', () => {
		fc.assert(
			fc.property(won, (total) => {
				const plan = planMilestones(total, suggestedDeposit(total), 0);
				if (plan.ok) expect(plan.milestones.reduce((s, m) => s + m.amount_krw, 0)).toBe(total);
				else expect(plan.error).toBe('err_balance_min_amount');
			})
		);
	});

	it('splits odd amounts without losing a won: three milestones of 1,000,001 won', () => {
		expect(splitEvenly(3_000_003, 3)).toEqual([1_000_001, 1_000_001, 1_000_001]);
		expect(splitEvenly(1_000_001, 3)).toEqual([333_334, 333_334, 333_333]);
		fc.assert(
			fc.property(won, fc.integer({ min: 1, max: 12 }), (amount, parts) => {
				const split = splitEvenly(amount, parts);
				expect(split.reduce((a, b) => a + b, 0)).toBe(amount);
				expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
			})
		);
	});
});
