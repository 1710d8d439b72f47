import { describe, expect, it } from 'vitest';
import {
	QUOTE_STATE_MESSAGE_KEYS,
	can,
	effectiveState,
	planAccept,
	quoteStates,
	quoteTransitions,
	reasonRequired,
	revisionAfter,
	transition,
	type Actor,
	type QuoteRef,
	type QuoteState,
	type QuoteTransition
} from './quote-states';

const actors: Actor[] = ['startup', 'workshop', 'system'];

// Who makes each move, and whether they must say why.
const owner: Record<QuoteTransition, { by: Actor; reason: boolean }> = {
	request_revision: { by: 'startup', reason: true },
	revise: { by: 'workshop', reason: false },
	accept: { by: 'startup', reason: false },
	decline: { by: 'startup', reason: true },
	withdraw: { by: 'workshop', reason: true },
	not_select: { by: 'system', reason: false }
};

// Every (state × move) for the move's own actor: the state reached, or null where it is refused.
const reached: Record<QuoteState, Record<QuoteTransition, QuoteState | null>> = {
	submitted: {
		request_revision: 'revision_requested',
		revise: 'submitted',
		accept: 'accepted',
		decline: 'declined',
		withdraw: 'withdrawn',
		not_select: 'not_selected'
	},
	revision_requested: {
		request_revision: null,
		revise: 'submitted',
		accept: null,
		decline: 'declined',
		withdraw: 'withdrawn',
		not_select: 'not_selected'
	},
	accepted: { request_revision: null, revise: null, accept: null, decline: null, withdraw: null, not_select: null },
	declined: { request_revision: null, revise: null, accept: null, decline: null, withdraw: null, not_select: null },
	withdrawn: { request_revision: null, revise: null, accept: null, decline: null, withdraw: null, not_select: null },
	not_selected: { request_revision: null, revise: null, accept: null, decline: null, withdraw: null, not_select: null },
	// an expired offer can only be renewed by its workshop, or passed over when another is accepted
	expired: { request_revision: null, revise: 'submitted', accept: null, decline: null, withdraw: null, not_select: 'not_selected' }
};

const names = Object.keys(quoteTransitions) as QuoteTransition[];
const cases = quoteStates.flatMap((state) => names.flatMap((name) => actors.map((actor) => [state, name, actor] as const)));

describe('quote transitions', () => {
	it('covers every state and every move in the tables above', () => {
		expect(Object.keys(reached)).toEqual([...quoteStates]);
		expect(Object.keys(owner)).toEqual(names);
		for (const name of names) expect({ by: quoteTransitions[name].by, reason: reasonRequired(name) }).toEqual(owner[name]);
	});

	it.each(cases)('%s, %s by the %s', (state, name, actor) => {
		const to = reached[state][name];
		const result = transition(state, name, actor, 'the price of aluminium went up');
		if (actor !== owner[name].by) expect(result).toEqual({ ok: false, error: 'err_not_your_move' });
		else if (to === null) expect(result).toEqual({ ok: false, error: 'err_illegal_transition' });
		else expect(result).toEqual({ ok: true, to });
		expect(can(state, name, actor)).toBe(result.ok);
	});

	it.each(names.filter((name) => owner[name].reason))('%s needs a reason', (name) => {
		const { by } = owner[name];
		for (const reason of [undefined, null, '', '   \n']) {
			expect(transition('submitted', name, by, reason)).toEqual({ ok: false, error: 'err_reason_required' });
		}
		expect(transition('submitted', name, by, '납기가 맞지 않습니다')).toMatchObject({ ok: true });
	});

	it.each(names.filter((name) => !owner[name].reason))('%s needs no reason', (name) => {
		expect(transition('submitted', name, owner[name].by)).toMatchObject({ ok: true });
	});

	it.each([
		// someone else's move is refused as such, even where the state would refuse it too
		['accepted', 'withdraw', 'startup', 'err_not_your_move'],
		// the state is checked before the reason: no point asking why for a move that cannot happen
		['accepted', 'decline', 'startup', 'err_illegal_transition'],
		['submitted', 'publish', 'startup', 'err_illegal_transition'],
		['submitted', 'hasOwnProperty', 'startup', 'err_illegal_transition']
	] as const)('%s, %s by the %s: %s', (state, name, actor, error) => {
		expect(transition(state, name, actor)).toEqual({ ok: false, error });
	});

	it.each<[QuoteTransition, number, number]>([
		['revise', 1, 2],
		['revise', 2, 3],
		['request_revision', 1, 1],
		['accept', 3, 3]
	])('%s turns revision %i into %i', (name, before, after) => {
		expect(revisionAfter(name, before)).toBe(after);
	});

	it('names each state by a message key', () => {
		expect(QUOTE_STATE_MESSAGE_KEYS).toContain('quote_state_revision_requested');
		expect(QUOTE_STATE_MESSAGE_KEYS).toHaveLength(quoteStates.length);
	});
});

describe('effectiveState', () => {
	const noon = new Date('2026-11-27T03:00:00Z');
	it.each<[QuoteState, string | null, Date, QuoteState]>([
		['submitted', '2026-11-27', noon, 'submitted'],
		['submitted', '2026-11-26', noon, 'expired'],
		['revision_requested', '2026-11-26', noon, 'expired'],
		['submitted', null, noon, 'submitted'],
		// a decided quote stays decided, whatever its validity
		['accepted', '2026-01-01', noon, 'accepted'],
		['declined', '2026-01-01', noon, 'declined'],
		// 15:30 UTC on the 27th is past midnight in Seoul: the 27th was the last valid day
		['submitted', '2026-11-27', new Date('2026-11-27T15:30:00Z'), 'expired']
	])('%s valid until %s, at %s: %s', (state, validUntil, today, expected) => {
		expect(effectiveState(state, validUntil, today)).toBe(expected);
	});
});

describe('planAccept', () => {
	const today = new Date('2026-11-27T03:00:00Z');
	const quotes: QuoteRef[] = [
		{ id: 'q1', state: 'submitted', valid_until: '2026-12-31' },
		{ id: 'q2', state: 'revision_requested', valid_until: '2026-12-31' },
		{ id: 'q3', state: 'withdrawn', valid_until: '2026-12-31' },
		{ id: 'q4', state: 'submitted', valid_until: '2026-11-01' },
		{ id: 'q5', state: 'declined', valid_until: null }
	];

	it('accepts one, awards the request and passes over every other live or expired offer', () => {
		expect(planAccept('open', quotes, 'q1', today)).toEqual({ ok: true, accept: 'q1', notSelected: ['q2', 'q4'], request: 'awarded' });
	});

	it.each([
		['a quote under revision', 'open', 'q2', 'err_illegal_transition'],
		['a withdrawn quote', 'open', 'q3', 'err_illegal_transition'],
		['an expired quote', 'open', 'q4', 'err_illegal_transition'],
		['a quote of another request', 'open', 'q9', 'err_not_found'],
		['on an awarded request', 'awarded', 'q1', 'err_illegal_transition'],
		['on a closed request', 'closed', 'q1', 'err_illegal_transition']
	] as const)('refuses %s', (_label, requestState, id, error) => {
		expect(planAccept(requestState, quotes, id, today)).toEqual({ ok: false, error });
	});
});
