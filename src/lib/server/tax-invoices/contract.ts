// The behaviour every tax-invoice adapter must show; tests/integration/tax-invoices.test.ts runs it
// against the embedded adapter (a provider adapter would run it against its protocol double).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../db';
import type { TaxInvoiceData, TaxInvoicePort } from './port';
import { msg } from '$lib/msg';

export interface ContractWorld {
	port: TaxInvoicePort;
	/** Runs fn in the user's RLS transaction. */
	as<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
	/** A fresh order of the workshop, with its first milestone paid and the others pending. */
	order(): Promise<{ orderId: string; paid: string; pending: string; data: (milestoneId: string) => TaxInvoiceData }>;
	workshopUser: string;
	buyerUser: string;
	strangerUser: string;
}

export function taxInvoiceContract(title: string, open: () => Promise<ContractWorld>): void {
	describe(title, () => {
		let w: ContractWorld;
		beforeAll(async () => {
			w = await open();
		});

		it('records a paid milestone once, with its data as given, read back by both parties', async () => {
			const o = await w.order();
			const data = o.data(o.paid);
			const first = await w.as(w.workshopUser, (tx) =>
				w.port.issue(tx, { orderId: o.orderId, milestoneId: o.paid, userId: w.workshopUser, data })
			);
			if (!first.ok) throw new Error(first.error);
			expect(first.invoice).toMatchObject({ order_id: o.orderId, milestone_id: o.paid, issued_by: w.workshopUser, data });
			expect(first.invoice.issued_at).toBeInstanceOf(Date);

			const again = await w.as(w.workshopUser, (tx) =>
				w.port.issue(tx, { orderId: o.orderId, milestoneId: o.paid, userId: w.workshopUser, data })
			);
			expect(again).toEqual({ ok: false, error: msg('err_tax_invoice_exists') });

			for (const user of [w.workshopUser, w.buyerUser]) {
				const seen = await w.as(user, (tx) => w.port.forOrder(tx, o.orderId));
				expect(seen.map((i) => [i.milestone_id, i.data])).toEqual([[o.paid, data]]);
			}
			expect(await w.as(w.strangerUser, (tx) => w.port.forOrder(tx, o.orderId))).toEqual([]);
		});

		it('refuses an unpaid milestone, the buyer and a stranger, and leaves nothing behind', async () => {
			const o = await w.order();
			const refused = [
				await w.as(w.workshopUser, (tx) =>
					w.port.issue(tx, { orderId: o.orderId, milestoneId: o.pending, userId: w.workshopUser, data: o.data(o.paid) })
				),
				await w.as(w.buyerUser, (tx) =>
					w.port.issue(tx, { orderId: o.orderId, milestoneId: o.paid, userId: w.buyerUser, data: o.data(o.paid) })
				),
				await w.as(w.strangerUser, (tx) =>
					w.port.issue(tx, { orderId: o.orderId, milestoneId: o.paid, userId: w.strangerUser, data: o.data(o.paid) })
				)
			];
			expect(refused).toEqual(Array(3).fill({ ok: false, error: msg('err_tax_invoice_not_allowed') }));
			expect(await w.as(w.workshopUser, (tx) => w.port.forOrder(tx, o.orderId))).toEqual([]);
		});

		it('keeps the transaction usable after a refusal (the caller may go on)', async () => {
			const o = await w.order();
			const after = await w.as(w.workshopUser, async (tx) => {
				await w.port.issue(tx, { orderId: o.orderId, milestoneId: o.pending, userId: w.workshopUser, data: o.data(o.paid) });
				return w.port.issue(tx, { orderId: o.orderId, milestoneId: o.paid, userId: w.workshopUser, data: o.data(o.paid) });
			});
			expect(after.ok).toBe(true);
		});
	});
}
