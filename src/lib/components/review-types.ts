/** What the review components show of a review (from $lib/server/reviews, allow-listed by the load). */
export interface ShownReview {
	id: string;
	ratings: Record<string, number | null | undefined>;
	body: string;
	published_at: Date | string | null;
	reply: string | null;
	author_name: string;
}
