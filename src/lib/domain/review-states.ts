import { msg } from '$lib/msg';
// The life of a review after a completed order (Sharetribe's blind reviews, Alibaba's one edit and one
// reply). Each side of an order writes at most one review of the other: the buyer rates the workshop,
// the workshop rates the buyer. A review is private to its author until it is published — when both
// sides have submitted, or 14 days after the first submission — so neither answers the other. The
// database's guard trigger (private.review_transition_actor) mirrors `reviewTransitions` and has the
// last word.

export const reviewStates = ['draft', 'submitted', 'published', 'hidden'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** author: who wrote it; subject: the reviewed party (replies); moderator: the workshop's cluster managers or the operator. */
export type ReviewActor = 'author' | 'subject' | 'moderator' | 'system';

/** Which side of the order wrote the review: the buyer reviews the workshop, the workshop the buyer. */
export type ReviewSide = 'buyer' | 'workshop';

type Requirement = 'within_window' | 'not_edited' | 'no_reply' | 'reason' | 'complete_ratings';

interface ReviewTransitionRule {
	from: readonly (ReviewState | 'none')[];
	to: ReviewState;
	by: readonly ReviewActor[];
	requires: readonly Requirement[];
}

export const reviewTransitions = {
	// The author keeps a draft while writing; nobody else sees it.
	save_draft: { from: ['none', 'draft'], to: 'draft', by: ['author'], requires: ['within_window'] },
	// Sent: it counts as written (blind until published); the counterpart is told there is one.
	submit: { from: ['none', 'draft'], to: 'submitted', by: ['author'], requires: ['within_window', 'complete_ratings'] },
	// One change after sending, before it is published.
	edit: { from: ['submitted'], to: 'submitted', by: ['author'], requires: ['within_window', 'not_edited', 'complete_ratings'] },
	// Both sides wrote, or 14 days passed since the first review of the order.
	publish: { from: ['submitted'], to: 'published', by: ['system'], requires: [] },
	// The reviewed party answers once, publicly.
	reply: { from: ['published'], to: 'published', by: ['subject'], requires: ['no_reply', 'reason'] },
	// A manager of the workshop's clusters or the operator hides it; the reason is shown in its place.
	hide: { from: ['published'], to: 'hidden', by: ['moderator'], requires: ['reason'] },
	// The same people may show it again (a report turned out unfounded).
	restore: { from: ['hidden'], to: 'published', by: ['moderator'], requires: [] }
} as const satisfies Record<string, ReviewTransitionRule>;

export type ReviewTransition = keyof typeof reviewTransitions;

export type ReviewError =
	| 'err_illegal_transition'
	| 'err_not_your_move'
	| 'err_review_window_closed'
	| 'err_review_already_edited'
	| 'err_review_already_replied'
	| 'err_reason_required'
	| 'err_review_ratings';

/** Days after completion during which each side may review; days after the first review before it is published anyway. */
export const REVIEW_WINDOW_DAYS = 30;
export const BLIND_DAYS = 14;
export const REVIEW_TEXT_MAX = 2000;
export const REPLY_TEXT_MAX = 2000;

export const criteriaBySide = {
	// The buyer rates the workshop.
	buyer: ['quality', 'on_time', 'communication'],
	// The workshop rates the buyer.
	workshop: ['clarity', 'payment', 'communication']
} as const satisfies Record<ReviewSide, readonly string[]>;
export type Criterion = (typeof criteriaBySide)[ReviewSide][number];

export interface ReviewFacts {
	state: ReviewState | 'none';
	edited: boolean;
	has_reply: boolean;
	/** When the order completed; null: not completed, nothing may be written. */
	completed_at: Date | null;
}

export interface ReviewInput {
	ratings?: Partial<Record<Criterion, number | null | undefined>>;
	side?: ReviewSide;
	/** A reply's text or a moderator's reason. */
	reason?: string | null;
}

export function isRating(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Whether the review window of an order completed at `completedAt` is still open at `now`. */
export function windowOpen(completedAt: Date | null, now: Date): boolean {
	if (!completedAt) return false;
	return now.getTime() <= completedAt.getTime() + REVIEW_WINDOW_DAYS * 86_400_000;
}

/** When a submitted review is published at the latest: 14 days after the order's first submission. */
export function publishDeadline(firstSubmittedAt: Date): Date {
	return new Date(firstSubmittedAt.getTime() + BLIND_DAYS * 86_400_000);
}

/** Blind publishing: both sides submitted, or the deadline after the first submission passed. */
export function shouldPublish(submittedAt: readonly (Date | null)[], now: Date): boolean {
	const sent = submittedAt.filter((d): d is Date => d !== null);
	if (sent.length === 0) return false;
	if (sent.length >= 2) return true;
	return now.getTime() >= publishDeadline(sent[0]).getTime();
}

export function isReviewTransition(value: unknown): value is ReviewTransition {
	return typeof value === 'string' && Object.hasOwn(reviewTransitions, value);
}

function unmet(req: Requirement, review: ReviewFacts, input: ReviewInput, now: Date): ReviewError | null {
	switch (req) {
		case 'within_window':
			return windowOpen(review.completed_at, now) ? null : msg('err_review_window_closed');
		case 'not_edited':
			return review.edited ? msg('err_review_already_edited') : null;
		case 'no_reply':
			return review.has_reply ? msg('err_review_already_replied') : null;
		case 'reason':
			return input.reason?.trim() ? null : msg('err_reason_required');
		case 'complete_ratings': {
			const criteria = criteriaBySide[input.side ?? 'buyer'];
			return criteria.every((c) => isRating(input.ratings?.[c])) ? null : msg('err_review_ratings');
		}
	}
}

/** Whether `actor` may make move `name` now: unknown → illegal; someone else's; the state; then what it needs. */
export function transition(
	review: ReviewFacts,
	name: string,
	actor: ReviewActor,
	input: ReviewInput = {},
	now: Date = new Date()
): { ok: true; to: ReviewState } | { ok: false; error: ReviewError } {
	if (!isReviewTransition(name)) return { ok: false, error: msg('err_illegal_transition') };
	const rule: ReviewTransitionRule = reviewTransitions[name];
	if (!rule.by.includes(actor)) return { ok: false, error: msg('err_not_your_move') };
	if (!rule.from.includes(review.state)) return { ok: false, error: msg('err_illegal_transition') };
	for (const req of rule.requires) {
		const error = unmet(req, review, input, now);
		if (error) return { ok: false, error };
	}
	return { ok: true, to: rule.to };
}

export const REVIEW_STATE_MESSAGE_KEYS = Object.freeze(reviewStates.map((s) => `review_state_${s}`));
