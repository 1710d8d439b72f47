import { describe, expect, it } from 'vitest';
import { splitVat } from './money';
import { documentAvailable, milestoneInvoiceable, missingTaxFields, splitVatOverMilestones } from './paperwork';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('splitVatOverMilestones', () => {
	it('splits three milestones of 1,000,001 won so VAT and supply add up exactly to the order', () => {
		const order = splitVat(3_000_003, true);
		expect(order).toEqual({ supply_krw: 2_727_275, vat_krw: 272_728, total_krw: 3_000_003 });
		const shares = splitVatOverMilestones(order, [1_000_001, 1_000_001, 1_000_001]);
		expect(shares.map((s) => s.vat_krw)).toEqual([90_909, 90_909, 90_910]);
		expect(sum(shares.map((s) => s.vat_krw))).toBe(order.vat_krw);
		expect(sum(shares.map((s) => s.supply_krw))).toBe(order.supply_krw);
		for (const s of shares) {
			expect(s.supply_krw + s.vat_krw).toBe(1_000_001);
			expect(Number.isInteger(s.vat_krw) && Number.isInteger(s.supply_krw)).toBe(true);
		}
	});

	it('gives each milestone its share in proportion, the remainder on the last', () => {
		// 2,400,000 + 240,000 VAT as deposit 800,000, sample 500,000, balance 1,340,000.
		const shares = splitVatOverMilestones({ vat_krw: 240_000, total_krw: 2_640_000 }, [800_000, 500_000, 1_340_000]);
		expect(shares).toEqual([
			{ supply_krw: 727_273, vat_krw: 72_727, total_krw: 800_000 },
			{ supply_krw: 454_546, vat_krw: 45_454, total_krw: 500_000 },
			{ supply_krw: 1_218_181, vat_krw: 121_819, total_krw: 1_340_000 }
		]);
		expect(sum(shares.map((s) => s.vat_krw))).toBe(240_000);
	});

	it('keeps one milestone whole and stays exact at the largest amounts', () => {
		expect(splitVatOverMilestones({ vat_krw: 10, total_krw: 110 }, [110])).toEqual([{ supply_krw: 100, vat_krw: 10, total_krw: 110 }]);
		const total = 2_147_483_647;
		const vat = 195_225_786;
		const shares = splitVatOverMilestones({ vat_krw: vat, total_krw: total }, [214_748_365, 1_000_000_000, 932_735_282]);
		expect(sum(shares.map((s) => s.vat_krw))).toBe(vat);
		expect(shares[1].vat_krw).toBe(90_909_090); // floor(195,225,786 × 10^9 / 2,147,483,647), not a float's guess
		expect(splitVatOverMilestones({ vat_krw: 0, total_krw: 5_000 }, [2_500, 2_500]).map((s) => s.vat_krw)).toEqual([0, 0]);
		expect(splitVatOverMilestones({ vat_krw: 0, total_krw: 0 }, [])).toEqual([]);
	});
});

describe('documents by state', () => {
	it('gives the purchase order from the start, the statement once delivered, the tax invoice once paid', () => {
		expect(documentAvailable('purchase_order', { status: 'awaiting_deposit', delivered_at: null })).toBe(true);
		expect(documentAvailable('statement', { status: 'shipped', delivered_at: null })).toBe(false);
		expect(documentAvailable('statement', { status: 'delivered', delivered_at: new Date() })).toBe(true);
		expect(documentAvailable('statement', { status: 'disputed', delivered_at: new Date() })).toBe(true);
		expect(documentAvailable('statement', { status: 'disputed', delivered_at: null })).toBe(false);
		expect(milestoneInvoiceable({ status: 'pending' })).toBe(false);
		expect(milestoneInvoiceable({ status: 'held' })).toBe(true);
		expect(milestoneInvoiceable({ status: 'released' })).toBe(true);
	});

	it('names the tax-invoice fields still to be filled', () => {
		const party = {
			business_registration_number: null,
			name: '대성정밀',
			representative_name: ' ',
			address: '서울 영등포구 문래동',
			business_type: '제조업',
			business_item: '',
			tax_email: 'tax@example.com'
		};
		expect(missingTaxFields(party)).toEqual(['business_registration_number', 'representative_name', 'business_item']);
	});
});
