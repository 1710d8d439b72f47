// The lifecycle of an order, from the accepted quote to the buyer's purchase confirmation (구매확정).
// Every allowed move, who may make it and what it needs are in `orderTransitions`; the server checks
// a move with `transition` (so the user is told what is wrong) and the database's trigger, which
// mirrors this table in private.order_transition_actor, has the last word.
//
// Money follows the moves: each milestone is paid before its part of the work (held by the platform,
// not yet the workshop's) and released when the buyer approves that part — the deposit when the sample
// is approved (or at confirmation when there is no sample), the rest at purchase confirmation. See
// `releasedBy`. Seven days after delivery without an answer the order confirms itself.
import type { MilestoneKind } from './money';
import { msg } from '$lib/msg';

export const orderStates = [
	'awaiting_deposit',
	'in_production',
	'sample_submitted',
	'changes_requested',
	'sample_approved',
	'shipped',
	'delivered',
	'completed',
	'cancelled',
	'disputed',
	'resolved'
] as const;
export type OrderState = (typeof orderStates)[number];

/** buyer: the request's owner; workshop: who acts for the workshop; operator: the platform. */
export type OrderActor = 'buyer' | 'workshop' | 'operator' | 'system';

/** What a move needs besides the state: a reason, a sample step, every milestone paid, a tracking number. */
type Requirement = 'reason' | 'sample_step' | 'no_sample_step' | 'all_paid' | 'shipment' | 'resolution';

interface OrderTransitionRule {
	from: readonly OrderState[];
	to: OrderState;
	by: readonly OrderActor[];
	requires: readonly Requirement[];
}

const ACTIVE: readonly OrderState[] = ['in_production', 'sample_submitted', 'changes_requested', 'sample_approved', 'shipped', 'delivered'];

export const orderTransitions = {
	// The deposit arrived (a payment, confirmed by the provider or the operator's reconciliation): work starts.
	start: { from: ['awaiting_deposit'], to: 'in_production', by: ['system'], requires: [] },
	// Before any money moved either side may call the deal off, saying why.
	cancel: { from: ['awaiting_deposit'], to: 'cancelled', by: ['buyer', 'workshop'], requires: ['reason'] },
	// The workshop shows the sample (photos and a note); again after the buyer asked for changes.
	submit_sample: { from: ['in_production', 'changes_requested'], to: 'sample_submitted', by: ['workshop'], requires: ['sample_step'] },
	// The buyer wants something changed in the sample and says what.
	request_changes: { from: ['sample_submitted'], to: 'changes_requested', by: ['buyer'], requires: ['reason'] },
	// The buyer approves the sample: the deposit is released to the workshop, the rest becomes payable.
	approve_sample: { from: ['sample_submitted'], to: 'sample_approved', by: ['buyer'], requires: [] },
	// The workshop ships once everything is paid: courier and tracking number (or hands it over itself).
	ship: { from: ['sample_approved'], to: 'shipped', by: ['workshop'], requires: ['all_paid', 'shipment'] },
	// Without a sample step production goes straight to shipping.
	ship_direct: { from: ['in_production'], to: 'shipped', by: ['workshop'], requires: ['no_sample_step', 'all_paid', 'shipment'] },
	// Either side records that the goods arrived; the seven days to confirm start.
	deliver: { from: ['shipped'], to: 'delivered', by: ['buyer', 'workshop'], requires: [] },
	// The buyer inspected the goods and confirms the purchase (검수 → 구매확정): everything held is released.
	confirm: { from: ['delivered'], to: 'completed', by: ['buyer'], requires: [] },
	// Seven days after delivery without an answer (자동 구매확정), as Korean buyers expect.
	auto_confirm: { from: ['delivered'], to: 'completed', by: ['system'], requires: [] },
	// Something went wrong after money moved: the operator steps in; nothing is released meanwhile.
	dispute: { from: ACTIVE, to: 'disputed', by: ['buyer', 'workshop'], requires: ['reason'] },
	// The operator decides: part (or all) of what is held goes back to the buyer, the rest to the workshop.
	resolve: { from: ['disputed'], to: 'resolved', by: ['operator'], requires: ['resolution'] }
} as const satisfies Record<string, OrderTransitionRule>;

export type OrderTransition = keyof typeof orderTransitions;

export type OrderError =
	| 'err_illegal_transition'
	| 'err_not_your_move'
	| 'err_reason_required'
	| 'err_order_unpaid'
	| 'err_order_no_sample_step'
	| 'err_order_has_sample_step'
	| 'err_tracking_invalid'
	| 'err_resolution_invalid';

/** What the order knows that decides a move, besides its state. */
export interface OrderFacts {
	state: OrderState;
	has_sample: boolean;
	/** Every milestone paid (none pending). */
	all_paid: boolean;
	/** What the platform holds for this order (paid, not released or refunded). */
	held_krw: number;
}

export interface MoveInput {
	reason?: string | null;
	courier?: string | null;
	tracking_number?: string | null;
	/** resolve: how much of what is held goes back to the buyer. */
	refund_krw?: number | null;
}

/** Korean couriers the form offers; 'direct' is handing it over in person or by quick service (퀵). */
export const couriers = ['cj', 'lotte', 'hanjin', 'epost', 'logen', 'kdexp', 'direct'] as const;
export type Courier = (typeof couriers)[number];

/** A tracking number is 8 to 20 digits (hyphens allowed between them), never spaces. */
export function isTrackingNumber(value: string): boolean {
	return /^\d(?:-?\d){7,19}$/.test(value);
}

export function isOrderState(value: unknown): value is OrderState {
	return typeof value === 'string' && (orderStates as readonly string[]).includes(value);
}

export function isOrderTransition(value: unknown): value is OrderTransition {
	return typeof value === 'string' && Object.hasOwn(orderTransitions, value);
}

function unmet(req: Requirement, order: OrderFacts, input: MoveInput): OrderError | null {
	switch (req) {
		case 'reason':
			return input.reason?.trim() ? null : msg('err_reason_required');
		case 'sample_step':
			return order.has_sample ? null : msg('err_order_no_sample_step');
		case 'no_sample_step':
			return order.has_sample ? msg('err_order_has_sample_step') : null;
		case 'all_paid':
			return order.all_paid ? null : msg('err_order_unpaid');
		case 'shipment': {
			const courier = input.courier ?? '';
			if (!(couriers as readonly string[]).includes(courier)) return msg('err_tracking_invalid');
			if (courier === 'direct') return null;
			return isTrackingNumber(input.tracking_number ?? '') ? null : msg('err_tracking_invalid');
		}
		case 'resolution': {
			const r = input.refund_krw;
			return typeof r === 'number' && Number.isSafeInteger(r) && r >= 0 && r <= order.held_krw ? null : msg('err_resolution_invalid');
		}
	}
}

/**
 * Whether `actor` may make move `name` on the order. Checked in this order: an unknown move is
 * illegal; someone else's move is not yours; then the state; then what the move needs.
 */
export function transition(
	order: OrderFacts,
	name: string,
	actor: OrderActor,
	input: MoveInput = {}
): { ok: true; to: OrderState } | { ok: false; error: OrderError } {
	if (!isOrderTransition(name)) return { ok: false, error: msg('err_illegal_transition') };
	const rule: OrderTransitionRule = orderTransitions[name];
	if (!rule.by.includes(actor)) return { ok: false, error: msg('err_not_your_move') };
	if (!rule.from.includes(order.state)) return { ok: false, error: msg('err_illegal_transition') };
	for (const req of rule.requires) {
		const error = unmet(req, order, input);
		if (error) return { ok: false, error };
	}
	return { ok: true, to: rule.to };
}

/** The moves this actor may offer now, requirements that need input (reason, tracking) aside. */
export function availableMoves(order: OrderFacts, actor: OrderActor): OrderTransition[] {
	const filled: MoveInput = { reason: 'r', courier: 'direct', refund_krw: 0 };
	return (Object.keys(orderTransitions) as OrderTransition[]).filter((name) => transition(order, name, actor, filled).ok);
}

/** Which milestones a move releases to the workshop (of those paid and still held). */
export function releasedBy(name: OrderTransition, hasSample: boolean): readonly MilestoneKind[] {
	if (name === 'approve_sample') return ['deposit'];
	if (name === 'confirm' || name === 'auto_confirm') return hasSample ? ['sample', 'balance'] : ['deposit', 'sample', 'balance'];
	return [];
}

/**
 * Which milestone the buyer may pay now: the deposit while the order waits for it; the others once
 * the sample is approved (or, without a sample step, once production started).
 */
export function payable(state: OrderState, kind: MilestoneKind, hasSample: boolean): boolean {
	if (kind === 'deposit') return state === 'awaiting_deposit';
	return hasSample ? state === 'sample_approved' : state === 'in_production';
}

/** Days after delivery before the order confirms itself, and when both sides are reminded. */
export const AUTO_CONFIRM_DAYS = 7;
export const AUTO_CONFIRM_REMINDER_DAYS = 2;
/** Days after the order starts before the buyer is reminded of an unpaid deposit. */
export const DEPOSIT_REMINDER_DAYS = 3;

export const ORDER_STATE_MESSAGE_KEYS = Object.freeze(orderStates.map((s) => `order_state_${s}`));
