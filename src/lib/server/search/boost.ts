// The tie-breakers of search, in one place for both engines: featured, then verified, then a master
// craftsman title, then the scorecard boost (0..3, defined in SQL by private.scorecard_search_boost,
// migration 20261210200100). They only ever order workshops that match a query equally well: the
// PostgreSQL engine ranks by tier first and boost second, Meilisearch has `boost:desc` after all its
// built-in rules (see README.md).
import type { WorkshopDoc } from './port';

/** Largest scorecard boost (private.scorecard_search_boost). */
export const MAX_SCORECARD_BOOST = 3;

/** Weights of the tie-breakers: each one outweighs everything after it. */
const FEATURED = 16;
const VERIFIED = 8;
const MASTER = 4;

/** The boost a document's tie-breakers give, 0..31: featured × 16 + verified × 8 + master × 4 + scorecard. */
export function searchBoost(doc: Pick<WorkshopDoc, 'featured' | 'verified' | 'master' | 'scorecard'>): number {
	const scorecard = Math.max(0, Math.min(MAX_SCORECARD_BOOST, Math.floor(doc.scorecard ?? 0)));
	return (doc.featured ? FEATURED : 0) + (doc.verified ? VERIFIED : 0) + (doc.master ? MASTER : 0) + scorecard;
}

/** Every boost, highest first (the PostgreSQL engine reads a tier one boost at a time). */
export const BOOSTS: readonly number[] = Array.from({ length: FEATURED * 2 }, (_, i) => FEATURED * 2 - 1 - i);

/** Whether a workshop of this boost is verified (the verified filter rules out the others' slices). */
export const boostIsVerified = (boost: number) => (boost & VERIFIED) !== 0;
/** Whether a workshop of this boost holds a master title (the master filter rules out the others). */
export const boostIsMaster = (boost: number) => (boost & MASTER) !== 0;

/**
 * The PostgreSQL engine's slices of one tier by boost, highest first: every featured workshop in one
 * slice (few: featured is curated), then per verified or not, first the workshops with a finer
 * tie-breaker (master title or scorecard: few), then those without one (many). A slice of several
 * boosts is read whole and ordered by boost; a slice of one boost in the table's order, only as far as
 * the page needs. Five slices instead of one per boost (32): each slice that runs is planned alone.
 */
export function boostGroups(boosts: readonly number[]): number[][] {
	const groups = [
		boosts.filter((b) => b >= FEATURED),
		...[1, 0].flatMap((verified) => [
			boosts.filter((b) => b < FEATURED && Math.floor(b / VERIFIED) === verified && b % VERIFIED > 0),
			boosts.filter((b) => b === verified * VERIFIED)
		])
	];
	return groups.filter((group) => group.length > 0);
}
