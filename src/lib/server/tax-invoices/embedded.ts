// The embedded tax-invoice adapter: a record in public.tax_invoices (unique per milestone, never
// changed) and the printable form at /orders/[id]/documents/tax-invoice/[milestoneId]. Nothing is
// sent to the National Tax Service: the workshop issues the invoice in Hometax (or its own provider)
// from the printed data and records here that it did.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { Tx } from '../db';
import type { IssuedTaxInvoice, TaxInvoicePort } from './port';
import { msg } from '$lib/msg';

export function createEmbeddedTaxInvoices(): TaxInvoicePort {
	return {
		provider: 'embedded',
		async issue(tx, input) {
			try {
				const invoice = await tx.savepoint(async (sp) => {
					const [row] = await sp<IssuedTaxInvoice[]>`
						insert into public.tax_invoices (id, order_id, milestone_id, issued_by, provider, data, supply_krw, vat_krw)
						values (${randomUUID()}, ${input.orderId}, ${input.milestoneId}, ${input.userId}, 'embedded',
						        ${sp.json(JSON.parse(JSON.stringify(input.data)) as postgres.JSONValue)},
						        ${input.data.amounts.supply_krw}, ${input.data.amounts.vat_krw})
						returning id, order_id, milestone_id, issued_at, issued_by, provider, provider_ref, data`;
					return row;
				});
				return { ok: true, invoice };
			} catch (e) {
				const code = (e as postgres.PostgresError)?.code;
				if (code === '23505') return { ok: false, error: msg('err_tax_invoice_exists') };
				// 42501: RLS refused (not the workshop, or the milestone is not paid); 23503: no such milestone.
				if (code === '42501' || code === '23503') return { ok: false, error: msg('err_tax_invoice_not_allowed') };
				throw e;
			}
		},
		forOrder(tx: Tx, orderId: string) {
			return tx<IssuedTaxInvoice[]>`
				select id, order_id, milestone_id, issued_at, issued_by, provider, provider_ref, data
				from public.tax_invoices where order_id = ${orderId} order by issued_at, id`;
		}
	};
}
