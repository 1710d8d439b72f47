// Paying milestones: starting an attempt with a provider, applying what providers say (webhooks,
// bank statement lines, lookups) exactly once, and the operator's lists. Applying runs as the
// service role — a webhook has no user — and every money effect happens inside the database function
// private.apply_payment, keyed by the provider's event id, so a replay, a concurrent delivery or an
// event arriving out of order changes nothing the second time.
import { payable } from '$lib/domain/order-states';
import type { MilestoneKind } from '$lib/domain/money';
import type { Sql } from 'postgres';
import { announce } from './announce';
import { batcher } from './payments/batches';
import { asService, asServiceStatement, type Tx } from './db';
import { MAIL_TOPIC } from './mail/notifications';
import type { Order } from './orders';
import type { PaymentEvent, PaymentProvider, ProviderKind, StartResult } from './payments/port';
import type { StatementLine } from './payments/statement';
import { msg } from '$lib/msg';

export type ApplyOutcome = 'applied' | 'duplicate' | 'already_paid' | 'amount_mismatch' | 'unmatched' | 'ignored';

/**
 * Applies one verified provider event as the service role, with the other events arriving meanwhile
 * (payments/batches.ts: one statement, private.apply_payments, and so one transaction for the batch;
 * alone when nothing else is running). Resolves once it committed. The notices' announcements
 * (NOTIFY) go after the commit, together with those of the batches that finished meanwhile
 * (announce.ts).
 */
export function apply(provider: ProviderKind, event: PaymentEvent): Promise<ApplyOutcome> {
	return batches.apply(provider, event);
}

// One batch at a time: on two cores bench:payments measured the database's CPU per webhook at
// 0.44-0.48 ms with one, 0.54-0.66 ms with two and 0.68-0.76 ms with three or four, and p95 15-18 ms
// against 17-22 ms; the one writer applied 1,300-1,900 webhooks a second there, sharing the cores with
// the app and the bench. Several app instances run a batch each.
const batches = batcher({
	inFlight: 1,
	maxSize: 16,
	applyMany: async (provider, events) => {
		const [row] = await asServiceStatement(
			(q) => q<{ outcomes: ApplyOutcome[]; users: string[]; mail: boolean }[]>`
				select outcomes, users, mail from private.apply_payments(${provider},
				  ${events.map((e) => e.eventId)}::text[], ${events.map((e) => e.type)}::text[],
				  ${events.map((e) => ('providerRef' in e ? e.providerRef : null))}::text[],
				  ${events.map((e) => (e.type === 'paid' ? e.milestoneId : null))}::uuid[],
				  ${events.map((e) => (e.type === 'paid' ? e.amountKrw : null))}::bigint[],
				  ${events.map((e) => JSON.stringify(e.raw ?? {}))}::jsonb[])`
		);
		return row;
	},
	committed: ({ users, mail }) => {
		if (users.length) announce('notifications', users);
		if (mail) announce('outbox', [MAIL_TOPIC]);
	}
});

/** The provider's event as stored: JSON values only. */
function plain(raw: PaymentEvent['raw']): Record<string, never> {
	return JSON.parse(JSON.stringify(raw ?? {})) as Record<string, never>;
}

export async function applyIn(tx: Sql | Tx, provider: ProviderKind, event: PaymentEvent): Promise<ApplyOutcome> {
	const raw = plain(event.raw);
	if (event.type === 'paid') {
		const [row] = await tx<{ outcome: ApplyOutcome }[]>`
			select private.apply_payment(${provider}, ${event.eventId}, 'paid', ${event.providerRef},
			                             ${event.milestoneId}::uuid, ${event.amountKrw}, ${tx.json(raw)}) as outcome`;
		return row.outcome;
	}
	if (event.type === 'failed' || event.type === 'expired') {
		const [row] = await tx<{ outcome: ApplyOutcome }[]>`
			select private.apply_payment_failure(${provider}, ${event.eventId}, ${event.type}, ${event.providerRef},
			                                     ${event.type}, ${tx.json(raw)}) as outcome`;
		return row.outcome;
	}
	const inserted = await tx`insert into public.payment_events (provider, event_id, type, outcome, payload)
		values (${provider}, ${event.eventId}, 'ignored', 'ignored', ${tx.json(raw)}) on conflict do nothing returning 1`;
	return inserted.length ? 'ignored' : 'duplicate';
}

export type StartError = 'err_payment_not_payable' | 'err_payment_provider';

/**
 * Starts paying a milestone of the caller's order (the buyer only; the order read through their RLS
 * transaction). The provider is called outside any transaction; the attempt is recorded after it
 * answers (service role: users never write payments). A crash between the two loses nothing: the
 * provider's webhook still pays the milestone, matched by the metadata it carries.
 */
export async function start(
	order: Order,
	milestoneId: string,
	provider: PaymentProvider,
	ctx: { userId: string; returnUrl: string; locale: 'ko' | 'en'; buyerEmail?: string; attempt: string }
): Promise<{ ok: true; result: StartResult } | { ok: false; error: StartError }> {
	const milestone = order.milestones.find((m) => m.id === milestoneId);
	if (
		!milestone ||
		order.buyer_id !== ctx.userId ||
		milestone.status !== 'pending' ||
		!payable(order.status, milestone.kind, order.has_sample)
	)
		return { ok: false, error: msg('err_payment_not_payable') };
	let result: StartResult;
	try {
		result = await provider.start({
			orderId: order.id,
			milestoneId: milestone.id,
			amountKrw: milestone.amount_krw,
			reference: milestone.reference,
			description: `${order.number} ${milestone.kind}`,
			buyerEmail: ctx.buyerEmail,
			returnUrl: ctx.returnUrl,
			idempotencyKey: `milestone-${milestone.id}-${ctx.attempt}`.slice(0, 255),
			locale: ctx.locale
		});
	} catch (e) {
		console.error(`payment start failed (${provider.kind})`, e);
		return { ok: false, error: msg('err_payment_provider') };
	}
	const ref = result.kind === 'instructions' ? null : result.providerRef;
	// Reason for the service role: payments are written by the platform only (RLS gives users read).
	await asService(
		(tx) => tx`insert into public.payments (milestone_id, order_id, provider, provider_ref, amount_krw, created_by)
			values (${milestone.id}, ${order.id}, ${provider.kind}, ${ref}, ${milestone.amount_krw}, ${ctx.userId})
			on conflict (provider, provider_ref) do nothing`
	);
	return { ok: true, result };
}

export interface PendingAttempt {
	id: string;
	provider: ProviderKind;
	provider_ref: string;
	milestone_id: string;
	amount_krw: number;
}

/** Attempts with a provider id still pending after `olderThanMinutes`: the reconciliation job asks about them. */
export async function pendingAttempts(olderThanMinutes: number, limit = 100): Promise<PendingAttempt[]> {
	return asService(
		(tx) => tx<PendingAttempt[]>`
			select id, provider, provider_ref, milestone_id, amount_krw from public.payments
			where status = 'pending' and provider_ref is not null
			  and created_at < now() - make_interval(mins => ${olderThanMinutes})
			order by created_at limit ${limit}`
	);
}

/**
 * Asks each provider about attempts left pending (a webhook that never came, or a crash between the
 * provider's answer and our commit) and applies what it says, under an event id of its own so that
 * a late webhook for the same attempt is recognised as the same payment (apply_payment: duplicate).
 */
export async function reconcilePending(
	providers: readonly PaymentProvider[],
	olderThanMinutes = 15
): Promise<Record<ApplyOutcome, number>> {
	const counts: Record<ApplyOutcome, number> = { applied: 0, duplicate: 0, already_paid: 0, amount_mismatch: 0, unmatched: 0, ignored: 0 };
	for (const attempt of await pendingAttempts(olderThanMinutes)) {
		const provider = providers.find((p) => p.kind === attempt.provider);
		if (!provider) continue;
		counts[await settle(provider, attempt.provider_ref)] += 1;
	}
	return counts;
}

/**
 * Asks the provider what became of one attempt and applies it (the reconciliation job, and the
 * buyer's return from PortOne's payment window: the browser's word is never taken, the provider's
 * is). Keyed `lookup:<ref>`, so asking twice, or a webhook before or after, applies it once.
 */
export async function settle(provider: PaymentProvider, providerRef: string): Promise<ApplyOutcome> {
	const found = await provider.lookup(providerRef);
	const eventId = `lookup:${providerRef}`;
	if (found.status === 'paid')
		return apply(provider.kind, { type: 'paid', eventId, providerRef, milestoneId: found.milestoneId, amountKrw: found.amountKrw });
	if (found.status === 'failed' || found.status === 'expired') return apply(provider.kind, { type: found.status, eventId, providerRef });
	return 'ignored';
}

/** Whether this attempt belongs to this order (read in the caller's RLS transaction: only who may see the order). */
export async function attemptOf(tx: Tx, orderId: string, provider: ProviderKind, providerRef: string): Promise<boolean> {
	const rows =
		await tx`select 1 from public.payments where order_id = ${orderId} and provider = ${provider} and provider_ref = ${providerRef}`;
	return rows.length > 0;
}

export interface StatementReport {
	applied: StatementLine[];
	duplicate: StatementLine[];
	alreadyPaid: StatementLine[];
	amountMismatch: StatementLine[];
	unmatched: StatementLine[];
}

/**
 * Applies a bank statement's deposit lines: each one naming a milestone's reference is a payment of
 * that milestone, under the line's fingerprint (so the same line in a second upload is a duplicate).
 * Lines without a known reference are listed for the operator to match by hand.
 */
export async function applyStatement(lines: readonly StatementLine[]): Promise<StatementReport> {
	const report: StatementReport = { applied: [], duplicate: [], alreadyPaid: [], amountMismatch: [], unmatched: [] };
	const references = [...new Set(lines.map((l) => l.reference).filter((r): r is string => !!r))];
	const milestones = await asService(
		(tx) => tx<{ id: string; reference: string }[]>`select id, reference from public.order_milestones where reference = any(${references})`
	);
	const byReference = new Map(milestones.map((m) => [m.reference, m.id]));
	for (const line of lines) {
		const milestoneId = line.reference ? byReference.get(line.reference) : undefined;
		if (!milestoneId) {
			report.unmatched.push(line);
			continue;
		}
		const outcome = await apply('bank_transfer', {
			type: 'paid',
			eventId: `statement:${line.fingerprint}`,
			providerRef: `statement:${line.fingerprint}`,
			milestoneId,
			amountKrw: line.amountKrw,
			raw: { date: line.date, depositor: line.depositor, amount_krw: line.amountKrw }
		});
		if (outcome === 'applied') report.applied.push(line);
		else if (outcome === 'duplicate') report.duplicate.push(line);
		else if (outcome === 'already_paid') report.alreadyPaid.push(line);
		else if (outcome === 'amount_mismatch') report.amountMismatch.push(line);
		else report.unmatched.push(line);
	}
	return report;
}

/** The operator confirms one transfer by hand (a line the statement did not match, a phone call). */
export async function confirmTransfer(milestoneId: string, note: string, operatorId: string): Promise<ApplyOutcome> {
	const [m] = await asService(
		(tx) => tx<{ amount_krw: number }[]>`select amount_krw from public.order_milestones where id = ${milestoneId}`
	);
	if (!m) return 'unmatched';
	return apply('bank_transfer', {
		type: 'paid',
		eventId: `manual:${milestoneId}`,
		providerRef: `manual:${milestoneId}`,
		milestoneId,
		amountKrw: m.amount_krw,
		raw: { note, operator_id: operatorId }
	});
}

export interface OperatorMilestone {
	id: string;
	order_id: string;
	order_number: string;
	kind: MilestoneKind;
	amount_krw: number;
	reference: string;
	status: string;
	paid_via: string | null;
	released_at: Date | null;
	paid_out_at: Date | null;
	workshop_name_ko: string;
	buyer_name: string | null;
}

/** For the operator's payments page (their RLS transaction: the operator sees every order). */
export async function awaitingTransfer(tx: Tx): Promise<OperatorMilestone[]> {
	return tx<OperatorMilestone[]>`
		select m.id, m.order_id, o.number as order_number, m.kind, m.amount_krw, m.reference, m.status, m.paid_via,
		       m.released_at, m.paid_out_at, w.name_ko as workshop_name_ko, p.display_name as buyer_name
		from public.order_milestones m
		join public.orders o on o.id = m.order_id
		join public.workshops w on w.id = o.workshop_id
		left join public.profiles p on p.id = o.buyer_id
		where m.status = 'pending'
		  -- Only what the buyer may pay now (order-states.ts payable): the deposit first, the rest later.
		  and case when m.kind = 'deposit' then o.status = 'awaiting_deposit'
		           when o.has_sample then o.status = 'sample_approved'
		           else o.status = 'in_production' end
		order by o.created_at, m.seq limit 200`;
}

/** Released milestones not yet paid out to the workshop's account: the settlement list. */
export async function toPayOut(tx: Tx): Promise<OperatorMilestone[]> {
	return tx<OperatorMilestone[]>`
		select m.id, m.order_id, o.number as order_number, m.kind, m.amount_krw, m.reference, m.status, m.paid_via,
		       m.released_at, m.paid_out_at, w.name_ko as workshop_name_ko, p.display_name as buyer_name
		from public.order_milestones m
		join public.orders o on o.id = m.order_id
		join public.workshops w on w.id = o.workshop_id
		left join public.profiles p on p.id = o.buyer_id
		where m.status = 'released' and m.paid_out_at is null
		order by m.released_at, m.id limit 200`;
}

/** The operator marks a released milestone as paid out (the ledger moves payable → external). */
export async function markPaidOut(tx: Tx, milestoneId: string): Promise<boolean> {
	try {
		const rows = await tx.savepoint(
			(sp) => sp`update public.order_milestones set paid_out_at = now() where id = ${milestoneId} and paid_out_at is null returning id`
		);
		return rows.length > 0;
	} catch (e) {
		if (['23514', '42501'].includes((e as { code?: string }).code ?? '')) return false;
		throw e;
	}
}

/** Rows that break the ledger's rules; empty when it balances. */
export async function ledgerProblems(): Promise<string[]> {
	const rows = await asService((tx) => tx<{ problem: string }[]>`select private.ledger_problems() as problem`);
	return rows.map((r) => r.problem);
}

/** Money still to give back by hand (view refunds_to_send): bank-transfer refunds of disputes, payments that came twice. */
export interface RefundToSend {
	payment_id: string;
	order_id: string;
	order_number: string;
	kind: MilestoneKind;
	provider: ProviderKind;
	provider_ref: string | null;
	reason: 'dispute' | 'paid_twice';
	due_krw: number;
	refunded_krw: number;
	buyer_name: string | null;
}

export async function toRefund(tx: Tx): Promise<RefundToSend[]> {
	return tx<RefundToSend[]>`
		select r.payment_id, r.order_id, o.number as order_number, m.kind, r.provider, r.provider_ref, r.reason,
		       r.due_krw::int as due_krw, r.refunded_krw, p.display_name as buyer_name
		from public.refunds_to_send r
		join public.orders o on o.id = r.order_id
		join public.order_milestones m on m.id = r.milestone_id
		left join public.profiles p on p.id = o.buyer_id
		order by r.updated_at, r.payment_id limit 200`;
}

export type ReturnOutcome = 'returned' | 'not_due' | 'changed' | 'provider_refused';

/**
 * The operator gives back what a payment still owes the buyer. A card payment that came twice is
 * refunded through its provider (the key makes a retried click a no-op there); a bank transfer is
 * the operator's own transfer, recorded here. `seen` is the amount already returned as the operator
 * saw it: if it changed meanwhile (a second tab, a double click) nothing is recorded twice.
 */
export async function returnMoney(
	tx: Tx,
	providers: readonly Pick<PaymentProvider, 'kind' | 'refund'>[],
	paymentId: string,
	seen: number
): Promise<ReturnOutcome> {
	const [due] = await tx<{ provider: ProviderKind; provider_ref: string | null; due_krw: number; refunded_krw: number }[]>`
		select provider, provider_ref, due_krw::int as due_krw, refunded_krw from public.refunds_to_send where payment_id = ${paymentId}`;
	if (!due) return 'not_due';
	if (due.refunded_krw !== seen) return 'changed';
	if (due.provider !== 'bank_transfer') {
		const provider = providers.find((p) => p.kind === due.provider);
		if (!provider || !due.provider_ref) return 'provider_refused';
		const done = await provider.refund({
			providerRef: due.provider_ref,
			amountKrw: due.due_krw,
			idempotencyKey: `return-${paymentId}-${seen}`
		});
		if (!done.ok) return 'provider_refused';
	}
	const rows = await tx`update public.payments set refunded_krw = refunded_krw + ${due.due_krw}
		where id = ${paymentId} and refunded_krw = ${seen} returning id`;
	return rows.length ? 'returned' : 'changed';
}
