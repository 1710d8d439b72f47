import { describe, expect, it } from 'vitest';
import { publishDeadline, shouldPublish, transition, windowOpen, type ReviewFacts } from './review-states';

const NOW = new Date('2026-12-06T03:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const review = (state: ReviewFacts['state'], more: Partial<ReviewFacts> = {}): ReviewFacts => ({
	state,
	edited: false,
	has_reply: false,
	completed_at: daysAgo(2),
	...more
});
const full = { side: 'buyer' as const, ratings: { quality: 5, on_time: 4, communication: 5 } };

describe('the review machine', () => {
	it.each([
		['a draft is kept', review('none'), 'save_draft', 'author', {}, { ok: true, to: 'draft' }],
		['a draft is sent with every rating', review('draft'), 'submit', 'author', full, { ok: true, to: 'submitted' }],
		['sent straight away', review('none'), 'submit', 'author', full, { ok: true, to: 'submitted' }],
		[
			'a rating missing',
			review('draft'),
			'submit',
			'author',
			{ side: 'buyer', ratings: { quality: 5, on_time: 4 } },
			{ ok: false, error: 'err_review_ratings' }
		],
		[
			'a rating out of 1–5',
			review('draft'),
			'submit',
			'author',
			{ side: 'buyer', ratings: { quality: 6, on_time: 4, communication: 1 } },
			{ ok: false, error: 'err_review_ratings' }
		],
		[
			'the workshop rates clarity and payment, not quality',
			review('none'),
			'submit',
			'author',
			{ side: 'workshop', ratings: { quality: 5, on_time: 4, communication: 5 } },
			{ ok: false, error: 'err_review_ratings' }
		],
		[
			'the workshop rates the buyer',
			review('none'),
			'submit',
			'author',
			{ side: 'workshop', ratings: { clarity: 4, payment: 5, communication: 4 } },
			{ ok: true, to: 'submitted' }
		],
		['edited once before publishing', review('submitted'), 'edit', 'author', full, { ok: true, to: 'submitted' }],
		['not twice', review('submitted', { edited: true }), 'edit', 'author', full, { ok: false, error: 'err_review_already_edited' }],
		['not after publishing', review('published'), 'edit', 'author', full, { ok: false, error: 'err_illegal_transition' }],
		['nobody else writes it', review('none'), 'submit', 'subject', full, { ok: false, error: 'err_not_your_move' }],
		['the system publishes', review('submitted'), 'publish', 'system', {}, { ok: true, to: 'published' }],
		['a draft is never published', review('draft'), 'publish', 'system', {}, { ok: false, error: 'err_illegal_transition' }],
		['the author does not publish', review('submitted'), 'publish', 'author', {}, { ok: false, error: 'err_not_your_move' }],
		['the subject replies once', review('published'), 'reply', 'subject', { reason: '감사합니다' }, { ok: true, to: 'published' }],
		['an empty reply', review('published'), 'reply', 'subject', { reason: '  ' }, { ok: false, error: 'err_reason_required' }],
		[
			'a second reply',
			review('published', { has_reply: true }),
			'reply',
			'subject',
			{ reason: '또' },
			{ ok: false, error: 'err_review_already_replied' }
		],
		[
			'no reply before publishing',
			review('submitted'),
			'reply',
			'subject',
			{ reason: '네' },
			{ ok: false, error: 'err_illegal_transition' }
		],
		['hidden with a reason', review('published'), 'hide', 'moderator', { reason: '개인정보 포함' }, { ok: true, to: 'hidden' }],
		['not without', review('published'), 'hide', 'moderator', {}, { ok: false, error: 'err_reason_required' }],
		['the author cannot hide', review('published'), 'hide', 'author', { reason: 'x' }, { ok: false, error: 'err_not_your_move' }],
		['restored', review('hidden'), 'restore', 'moderator', {}, { ok: true, to: 'published' }],
		['an unknown move', review('published'), 'delete', 'moderator', {}, { ok: false, error: 'err_illegal_transition' }],
		[
			'after the 30-day window',
			review('none', { completed_at: daysAgo(31) }),
			'submit',
			'author',
			full,
			{ ok: false, error: 'err_review_window_closed' }
		],
		[
			'an order not completed',
			review('none', { completed_at: null }),
			'save_draft',
			'author',
			{},
			{ ok: false, error: 'err_review_window_closed' }
		]
	] as const)('%s', (_, facts, move, actor, input, expected) => {
		expect(transition(facts, move, actor, input, NOW)).toEqual(expected);
	});

	it('keeps the window open through the 30th day and closes it after', () => {
		expect(windowOpen(daysAgo(30), NOW)).toBe(true);
		expect(windowOpen(new Date(daysAgo(30).getTime() - 1000), NOW)).toBe(false);
		expect(windowOpen(null, NOW)).toBe(false);
	});

	it.each([
		['nobody wrote', [null, null], false],
		['one side wrote today', [daysAgo(0), null], false],
		['one side wrote 13 days ago', [daysAgo(13), null], false],
		['one side wrote 14 days ago', [daysAgo(14), null], true],
		['both wrote', [daysAgo(1), daysAgo(0)], true]
	] as const)('publishes blind reviews when %s: %s', (_, sent, expected) => {
		expect(shouldPublish(sent, NOW)).toBe(expected);
	});

	it('sets the deadline 14 days after the first review', () => {
		expect(publishDeadline(new Date('2026-12-01T00:00:00Z')).toISOString()).toBe('2026-12-15T00:00:00.000Z');
	});
});
