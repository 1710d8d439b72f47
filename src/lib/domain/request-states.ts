import { msg } from '$lib/msg';
// The lifecycle of a request for quote. Every allowed move is in `requestTransitions`; the server
// applies a move only through `transition`, so an illegal one is refused in one place.
// Only the request's owner (the startup) moves it; the server checks ownership before calling this.

export const requestStates = ['draft', 'open', 'awarded', 'closed', 'cancelled'] as const;
export type RequestState = (typeof requestStates)[number];

export const requestTransitions = {
	// The owner posts a draft: it becomes visible (to all or to invited workshops), matched and routed to clusters.
	publish: { from: ['draft'], to: 'open' },
	// The owner accepts one quote (quote transition `accept`): the request stops taking quotes and the
	// other workshops that quoted are told they were not selected.
	award: { from: ['open'], to: 'awarded' },
	// The owner stops taking quotes without choosing any (enough offers, or the need went away).
	close: { from: ['open'], to: 'closed' },
	// The owner takes quotes again after closing; an awarded request stays awarded, as a workshop was promised the work.
	reopen: { from: ['closed'], to: 'open' },
	// The owner drops the request before awarding it; open quotes can no longer be accepted.
	cancel: { from: ['draft', 'open', 'closed'], to: 'cancelled' }
} as const satisfies Record<string, { from: readonly RequestState[]; to: RequestState }>;

export type RequestTransition = keyof typeof requestTransitions;

export type TransitionResult<S> = { ok: true; to: S } | { ok: false; error: 'err_illegal_transition' };

export function isRequestState(value: unknown): value is RequestState {
	return typeof value === 'string' && (requestStates as readonly string[]).includes(value);
}

export function isRequestTransition(value: unknown): value is RequestTransition {
	return typeof value === 'string' && Object.hasOwn(requestTransitions, value);
}

/** The state after the move, or the message key that refuses it (unknown moves included). */
export function transition(state: RequestState, name: string): TransitionResult<RequestState> {
	if (!isRequestTransition(name)) return { ok: false, error: msg('err_illegal_transition') };
	const t = requestTransitions[name];
	if (!(t.from as readonly string[]).includes(state)) return { ok: false, error: msg('err_illegal_transition') };
	return { ok: true, to: t.to };
}

export function can(state: RequestState, name: string): boolean {
	return transition(state, name).ok;
}

/** The moves offered in this state, in table order (for the owner's buttons). */
export function availableTransitions(state: RequestState): RequestTransition[] {
	return (Object.keys(requestTransitions) as RequestTransition[]).filter((name) => can(state, name));
}

/** Only an open request takes new quotes, revisions and acceptances. */
export function acceptsQuotes(state: RequestState): boolean {
	return state === 'open';
}

/** Message key of each state's name, `request_state_<state>`. */
export const REQUEST_STATE_MESSAGE_KEYS = Object.freeze(requestStates.map((s) => `request_state_${s}`));
