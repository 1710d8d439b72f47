// Scorecards computed from what happened on orders, never typed in (Xometry's partner scorecard,
// MFG.com's buyer rating). The database computes the same numbers in private.recompute_scorecards
// (mirrors of these functions, kept honest by tests/integration/reviews.test.ts); this module is the
// arithmetic and the words, so that both sides agree on what "on time" or "new" means.

/** Workshops are judged on the last 12 months, buyers on the last 24 (MFG.com's period). */
export const WORKSHOP_PERIOD_DAYS = 365;
export const BUYER_PERIOD_DAYS = 730;
/** Under this many completed orders a party shows "신규 / new", not numbers (Xometry's probation). */
export const NEW_BELOW_COMPLETED = 3;
/** A deposit paid within this many days of the order counts as paid on time (the reminder's day). */
export const DEPOSIT_ON_TIME_DAYS = 3;

/** A count out of a sample: "12건 중 11건". `share` is null when there is no sample (nothing to say). */
export interface Share {
	count: number;
	of: number;
	share: number | null;
}

export function share(count: number, of: number): Share {
	const c = Math.max(0, Math.floor(count));
	const n = Math.max(0, Math.floor(of));
	return { count: Math.min(c, n), of: n, share: n === 0 ? null : Math.min(c, n) / n };
}

/** The median of a sample (the mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
	const sorted = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One completed order of the workshop in the period. */
export interface CompletedOrder {
	/** Delivered (Seoul date) on or before the agreed due date. */
	on_time: boolean;
	/** For an order with a sample step: approved without asking for changes; null without a sample step. */
	sample_first_try: boolean | null;
}

export interface WorkshopFacts {
	completed: readonly CompletedOrder[];
	/** Orders of the period that went to a dispute (whoever opened it). */
	disputes: number;
	/** Minutes from an invitation or a forwarding to the workshop's first quote or message, per answered invitation. */
	response_minutes: readonly number[];
	/** Quotes of the period the buyer decided on (accepted, not selected or declined), and of those accepted. */
	quotes_decided: number;
	quotes_accepted: number;
}

export interface WorkshopScorecard {
	completed: number;
	on_time: Share;
	sample_first_try: Share;
	median_response_minutes: number | null;
	responses: number;
	acceptance: Share;
	disputes: number;
	is_new: boolean;
}

export function workshopScorecard(f: WorkshopFacts): WorkshopScorecard {
	const completed = f.completed.length;
	const samples = f.completed.filter((o) => o.sample_first_try !== null);
	const response = median(f.response_minutes);
	return {
		completed,
		on_time: share(f.completed.filter((o) => o.on_time).length, completed),
		sample_first_try: share(samples.filter((o) => o.sample_first_try).length, samples.length),
		median_response_minutes: response === null ? null : Math.round(response),
		responses: f.response_minutes.filter((v) => Number.isFinite(v) && v >= 0).length,
		acceptance: share(f.quotes_accepted, f.quotes_decided),
		disputes: Math.max(0, f.disputes),
		is_new: completed < NEW_BELOW_COMPLETED
	};
}

export interface BuyerFacts {
	/** Requests published in the period that reached a decision (awarded, closed or cancelled), and of those awarded. */
	requests_decided: number;
	requests_awarded: number;
	/** Days from each order to its deposit, for the orders whose deposit was paid. */
	deposit_days: readonly number[];
	/** Disputes the buyer opened. */
	disputes: number;
	completed: number;
}

export interface BuyerScorecard {
	award_rate: Share;
	deposit_on_time: Share;
	disputes: number;
	completed: number;
	is_new: boolean;
}

export function buyerScorecard(f: BuyerFacts): BuyerScorecard {
	return {
		award_rate: share(f.requests_awarded, f.requests_decided),
		deposit_on_time: share(f.deposit_days.filter((d) => d <= DEPOSIT_ON_TIME_DAYS).length, f.deposit_days.length),
		disputes: Math.max(0, f.disputes),
		completed: Math.max(0, f.completed),
		is_new: f.completed < NEW_BELOW_COMPLETED
	};
}

/** A response time in words' units: minutes under an hour, hours under two days, days after. */
export function responseUnit(minutes: number): { unit: 'minute' | 'hour' | 'day'; value: number } {
	if (minutes < 60) return { unit: 'minute', value: Math.max(1, Math.round(minutes)) };
	if (minutes < 48 * 60) return { unit: 'hour', value: Math.ceil(minutes / 60) };
	return { unit: 'day', value: Math.ceil(minutes / 1440) };
}
