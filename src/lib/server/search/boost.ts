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
 * The PostgreSQL engine's slices of one tier by boost, highest first: per featured/verified pair, first the workshops with
 * a finer tie-breaker (master title or scorecard: few, read whole and ordered by boost), then those
 * without one (many, read in the table's order only as far as the page needs). Eight slices instead
 * of one per boost (32): each slice that runs is planned on its own.
 */
export function boostGroups(boosts: readonly number[]): number[][] {
	const groups: number[][] = [];
	for (let coarse = (FEATURED + VERIFIED) / VERIFIED; coarse >= 0; coarse--) {
		const finer = boosts.filter((b) => Math.floor(b / VERIFIED) === coarse && b % VERIFIED > 0);
		if (finer.length) groups.push(finer);
		if (boosts.includes(coarse * VERIFIED)) groups.push([coarse * VERIFIED]);
	}
	return groups;
}
