// The operator's payments desk: reconcile the bank statement (each deposit naming a milestone's
// reference pays it, once), confirm a transfer by hand, settle payouts to workshops, and the
// disputes waiting for a decision. Applying payments runs as the service role in order-payments.
import { fail } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import { payments } from '$lib/server/ports';
import { requireRole } from '$lib/server/guards';
import * as orderPayments from '$lib/server/order-payments';
import * as orders from '$lib/server/orders';
import { decodeStatement, parseStatement } from '$lib/server/payments/statement';
import type { Actions, PageServerLoad } from './$types';
import { milestoneSchema, returnSchema, statementSchema } from './schema';
import { msg } from '$lib/msg';

const operatorOnly = 'Only the operator settles payments';

export const load = (async (event) => {
	const { claims } = requireRole(event, ['operator'], operatorOnly);
	const lists = await withUser(claims, async (tx) => ({
		awaiting: await orderPayments.awaitingTransfer(tx),
		payouts: await orderPayments.toPayOut(tx),
		refunds: await orderPayments.toRefund(tx),
		disputes: await orders.disputed(tx)
	}));
	return {
		...lists,
		ledgerProblems: (await orderPayments.ledgerProblems()).length,
		statementForm: await superValidate(zod4(statementSchema), { id: 'statement' }),
		milestoneForm: await superValidate(zod4(milestoneSchema), { id: 'milestone' }),
		returnForm: await superValidate(zod4(returnSchema), { id: 'return' })
	};
}) satisfies PageServerLoad;

export const actions = {
	statement: async (event) => {
		requireRole(event, ['operator'], operatorOnly);
		const form = await superValidate(event.request, zod4(statementSchema), { id: 'statement' });
		if (!form.valid) return fail(400, withFiles({ form }));
		const parsed = parseStatement(decodeStatement(new Uint8Array(await form.data.statement.arrayBuffer())));
		if (!parsed.ok) return setError(withFiles(form), 'statement', parsed.error);
		const report = await orderPayments.applyStatement(parsed.lines);
		const line = (l: (typeof parsed.lines)[number]) => ({ line: l.line, date: l.date, depositor: l.depositor, amount_krw: l.amountKrw });
		return message(withFiles(form), {
			applied: report.applied.map(line),
			duplicate: report.duplicate.length,
			alreadyPaid: report.alreadyPaid.map(line),
			amountMismatch: report.amountMismatch.map(line),
			unmatched: report.unmatched.map(line),
			problems: parsed.problems,
			withdrawals: parsed.withdrawals
		});
	},

	confirm: async (event) => {
		const { user } = requireRole(event, ['operator'], operatorOnly);
		const form = await superValidate(event.request, zod4(milestoneSchema), { id: 'milestone' });
		if (!form.valid) return fail(400, { form });
		const outcome = await orderPayments.confirmTransfer(form.data.milestone, form.data.note, user.id);
		if (outcome !== 'applied') return setError(form, '', `err_payment_${outcome}`);
		return message(form, 'operator_transfer_confirmed');
	},

	payout: async (event) => {
		const { claims } = requireRole(event, ['operator'], operatorOnly);
		const form = await superValidate(event.request, zod4(milestoneSchema), { id: 'milestone' });
		if (!form.valid) return fail(400, { form });
		const done = await withUser(claims, (tx) => orderPayments.markPaidOut(tx, form.data.milestone));
		if (!done) return setError(form, '', msg('err_payout_not_possible'));
		return message(form, 'operator_payout_done');
	},

	return: async (event) => {
		const { claims } = requireRole(event, ['operator'], operatorOnly);
		const form = await superValidate(event.request, zod4(returnSchema), { id: 'return' });
		if (!form.valid) return fail(400, { form });
		const outcome = await withUser(claims, (tx) => orderPayments.returnMoney(tx, payments().providers, form.data.payment, form.data.seen));
		if (outcome !== 'returned') return setError(form, '', `err_return_${outcome}`);
		return message(form, 'operator_refund_done');
	}
} satisfies Actions;
