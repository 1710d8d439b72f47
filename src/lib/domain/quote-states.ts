// The lifecycle of a workshop's quote on a request. Every allowed move, who may make it and whether it
// needs a reason are in `quoteTransitions`; the server applies a move only through `transition`.
// The server decides the actor: the request's owner is 'startup', a member of the quoting workshop is
// 'workshop'; 'system' moves happen only as the consequence of another move (see planAccept).
import { acceptsQuotes, transition as requestTransition, type RequestState } from './request-states';
import { seoulDate } from './request-templates';
import { msg } from '$lib/msg';

export const quoteStates = [
	'submitted',
	'revision_requested',
	'accepted',
	'declined',
	'withdrawn',
	'not_selected',
	// Never stored: a live quote past its valid_until (see effectiveState).
	'expired'
] as const;
export type QuoteState = (typeof quoteStates)[number];

/** The badge tone of each state (a class of the app's stylesheet). */
export const quoteStateClass: Record<QuoteState, '' | 'ok' | 'warn' | 'danger'> = {
	submitted: '',
	revision_requested: 'warn',
	accepted: 'ok',
	declined: 'danger',
	withdrawn: 'danger',
	not_selected: '',
	expired: 'warn'
};

export type Actor = 'startup' | 'workshop' | 'system';

interface QuoteTransitionRule {
	from: readonly QuoteState[];
	to: QuoteState;
	by: Actor;
	/** A note or reason is required (the other side is told why). */
	reason: boolean;
}

export const quoteTransitions = {
	// The startup asks for a counter-offer and says what should change (price, lead time, material…).
	request_revision: { from: ['submitted'], to: 'revision_requested', by: 'startup', reason: true },
	// The workshop sends a new price, lead time or validity date: the revision number goes up by one.
	// Also allowed unasked, and on an expired quote, which renews the offer with a new validity date.
	revise: { from: ['submitted', 'revision_requested', 'expired'], to: 'submitted', by: 'workshop', reason: false },
	// The startup takes the offer as it stands: the request is awarded and every other live quote is
	// not selected (planAccept). A quote under revision must be revised first: its price is being changed.
	accept: { from: ['submitted'], to: 'accepted', by: 'startup', reason: false },
	// The startup turns this offer down, telling the workshop why; the request stays open to others.
	decline: { from: ['submitted', 'revision_requested'], to: 'declined', by: 'startup', reason: true },
	// The workshop takes its offer back (capacity gone, price of material changed…), telling the startup why.
	withdraw: { from: ['submitted', 'revision_requested'], to: 'withdrawn', by: 'workshop', reason: true },
	// Another quote on the same request was accepted; only ever applied by planAccept's result.
	not_select: { from: ['submitted', 'revision_requested', 'expired'], to: 'not_selected', by: 'system', reason: false }
} as const satisfies Record<string, QuoteTransitionRule>;

export type QuoteTransition = keyof typeof quoteTransitions;

export type QuoteError = 'err_illegal_transition' | 'err_not_your_move' | 'err_reason_required';
export type QuoteTransitionResult = { ok: true; to: QuoteState } | { ok: false; error: QuoteError };

/** Quotes the startup can still act on and the workshop can still change. */
export const LIVE_QUOTE_STATES: readonly QuoteState[] = Object.freeze(['submitted', 'revision_requested']);

export function isQuoteState(value: unknown): value is QuoteState {
	return typeof value === 'string' && (quoteStates as readonly string[]).includes(value);
}

export function isQuoteTransition(value: unknown): value is QuoteTransition {
	return typeof value === 'string' && Object.hasOwn(quoteTransitions, value);
}

export function isLive(state: QuoteState): boolean {
	return LIVE_QUOTE_STATES.includes(state);
}

/**
 * The state to show and to check moves against: a live quote whose valid_until (its last valid day)
 * has passed in Korea is expired. Pass the stored state.
 */
export function effectiveState(state: QuoteState, validUntil: string | null | undefined, today: Date): QuoteState {
	if (!isLive(state) || !validUntil) return state;
	return validUntil < seoulDate(today) ? 'expired' : state;
}

/**
 * Whether `actor` may make move `name` on a quote in `state` (the effective state). Checked in this
 * order: an unknown move is illegal; someone else's move is not yours; then the state; then the reason.
 */
export function transition(state: QuoteState, name: string, actor: Actor, reason?: string | null): QuoteTransitionResult {
	if (!isQuoteTransition(name)) return { ok: false, error: msg('err_illegal_transition') };
	const rule: QuoteTransitionRule = quoteTransitions[name];
	if (rule.by !== actor) return { ok: false, error: msg('err_not_your_move') };
	if (!rule.from.includes(state)) return { ok: false, error: msg('err_illegal_transition') };
	if (rule.reason && (typeof reason !== 'string' || reason.trim() === '')) return { ok: false, error: msg('err_reason_required') };
	return { ok: true, to: rule.to };
}

/** Whether the move is open to this actor in this state, reason aside (for showing buttons). */
export function can(state: QuoteState, name: string, actor: Actor): boolean {
	const result = transition(state, name, actor, 'reason');
	return result.ok;
}

export function reasonRequired(name: QuoteTransition): boolean {
	return quoteTransitions[name].reason;
}

/** The quote's revision number after the move: a revise adds one, nothing else changes it. */
export function revisionAfter(name: QuoteTransition, revision: number): number {
	return name === 'revise' ? revision + 1 : revision;
}

export interface QuoteRef {
	id: string;
	/** Stored state. */
	state: QuoteState;
	valid_until?: string | null;
}

export type AcceptPlan =
	{ ok: true; accept: string; notSelected: string[]; request: RequestState } | { ok: false; error: QuoteError | 'err_not_found' };

/**
 * Everything accepting one quote changes, decided in one place: the quote is accepted, the request
 * is awarded (so it takes no more quotes), and every other live or expired-but-unanswered quote is
 * not selected. The server applies the plan in one transaction and notifies each quoting workshop.
 */
export function planAccept(requestState: RequestState, quotes: readonly QuoteRef[], quoteId: string, today: Date): AcceptPlan {
	const chosen = quotes.find((q) => q.id === quoteId);
	if (!chosen) return { ok: false, error: msg('err_not_found') };
	if (!acceptsQuotes(requestState)) return { ok: false, error: msg('err_illegal_transition') };
	const accepted = transition(effectiveState(chosen.state, chosen.valid_until, today), 'accept', 'startup');
	if (!accepted.ok) return accepted;
	const award = requestTransition(requestState, 'award');
	if (!award.ok) return award;
	const notSelected = quotes
		.filter((q) => q.id !== quoteId && transition(effectiveState(q.state, q.valid_until, today), 'not_select', 'system').ok)
		.map((q) => q.id);
	return { ok: true, accept: quoteId, notSelected, request: award.to };
}

/** Message key of each state's name, `quote_state_<state>`. */
export const QUOTE_STATE_MESSAGE_KEYS = Object.freeze(quoteStates.map((s) => `quote_state_${s}`));

export const QUOTE_ERROR_KEYS = Object.freeze([
	msg('err_illegal_transition'),
	msg('err_not_your_move'),
	msg('err_reason_required'),
	msg('err_not_found')
] as const);
