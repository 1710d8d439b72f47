import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { milestoneInvoiceable } from '$lib/domain/paperwork';
import { m } from '$lib/paraglide/messages';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as paperwork from '$lib/server/paperwork';
import { taxInvoices } from '$lib/server/ports';
import type { Actions, PageServerLoad } from './$types';
import { recordSchema } from './schema';
import { msg } from '$lib/msg';

// The tax-invoice data of one milestone, from the moment it is paid; before that, a 404 that says so.
export const load = (async (event) => {
	requireUser(event);
	const { milestones } = await event.parent();
	const milestone = milestones.find((ms) => ms.id === event.params.milestoneId);
	if (!milestone) error(404, 'Not found');
	if (!milestoneInvoiceable(milestone)) error(404, m.paper_not_available_tax_invoice());
	return { milestone, form: await superValidate(zod4(recordSchema), { id: 'record' }) };
}) satisfies PageServerLoad;

export const actions = {
	// The workshop records that it issued the invoice; the data is computed here, never sent by the browser.
	record: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(recordSchema), { id: 'record' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) => {
			const found = await paperwork.forOrder(tx, event.params.id, user.id);
			const data = found && paperwork.taxInvoiceData(found, event.params.milestoneId);
			if (!found || !data || found.actor !== 'workshop') return { ok: false, error: msg('err_tax_invoice_not_allowed') } as const;
			return taxInvoices().issue(tx, { orderId: found.order.id, milestoneId: event.params.milestoneId, userId: user.id, data });
		});
		if (!result.ok) return setError(form, '', result.error, { status: result.error === 'err_tax_invoice_exists' ? 409 : 403 });
		return message(form, 'paper_recorded');
	}
} satisfies Actions;
