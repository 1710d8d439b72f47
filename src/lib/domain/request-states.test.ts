import { describe, expect, it } from 'vitest';
import {
	REQUEST_STATE_MESSAGE_KEYS,
	acceptsQuotes,
	availableTransitions,
	can,
	isRequestState,
	requestStates,
	requestTransitions,
	transition,
	type RequestState,
	type RequestTransition
} from './request-states';

// Every (state × move): the state reached, or null where the move is refused.
const expected: Record<RequestState, Record<RequestTransition, RequestState | null>> = {
	draft: { publish: 'open', award: null, close: null, reopen: null, cancel: 'cancelled' },
	open: { publish: null, award: 'awarded', close: 'closed', reopen: null, cancel: 'cancelled' },
	awarded: { publish: null, award: null, close: null, reopen: null, cancel: null },
	closed: { publish: null, award: null, close: null, reopen: 'open', cancel: 'cancelled' },
	cancelled: { publish: null, award: null, close: null, reopen: null, cancel: null }
};

const cases = requestStates.flatMap((state) =>
	(Object.keys(requestTransitions) as RequestTransition[]).map((name) => [state, name, expected[state][name]] as const)
);

describe('request transitions', () => {
	it('covers every state and every move in the table below', () => {
		expect(Object.keys(expected)).toEqual([...requestStates]);
		for (const state of requestStates) expect(Object.keys(expected[state])).toEqual(Object.keys(requestTransitions));
	});

	it.each(cases)('%s --%s--> %s', (state, name, to) => {
		expect(transition(state, name)).toEqual(to === null ? { ok: false, error: 'err_illegal_transition' } : { ok: true, to });
		expect(can(state, name)).toBe(to !== null);
	});

	it.each([['delete'], ['toString'], ['__proto__'], ['']])('refuses the unknown move %j', (name) => {
		expect(transition('open', name)).toEqual({ ok: false, error: 'err_illegal_transition' });
	});

	it('keeps an awarded request awarded: a workshop was promised the work', () => {
		expect(availableTransitions('awarded')).toEqual([]);
	});

	it.each<[RequestState, RequestTransition[]]>([
		['draft', ['publish', 'cancel']],
		['open', ['award', 'close', 'cancel']],
		['closed', ['reopen', 'cancel']],
		['cancelled', []]
	])('offers in %s: %j', (state, names) => {
		expect(availableTransitions(state)).toEqual(names);
	});
});

describe('acceptsQuotes', () => {
	it.each<[RequestState, boolean]>([
		['draft', false],
		['open', true],
		['awarded', false],
		['closed', false],
		['cancelled', false]
	])('%s: %s', (state, accepts) => {
		expect(acceptsQuotes(state)).toBe(accepts);
	});
});

describe('isRequestState', () => {
	it.each([
		['open', true],
		['expired', false],
		[null, false]
	])('%j: %s', (value, result) => {
		expect(isRequestState(value)).toBe(result);
	});

	it('names each state by a message key', () => {
		expect(REQUEST_STATE_MESSAGE_KEYS).toEqual([
			'request_state_draft',
			'request_state_open',
			'request_state_awarded',
			'request_state_closed',
			'request_state_cancelled'
		]);
	});
});
