// The shape of the evaluation's queries and the measures (hit@3, nDCG@10), shared by the tuning and
// held-out sets. Relevance is graded: 2 for a workshop a person typing the query is looking for (its
// own profile says it), 1 for one that also fits (its trade makes the thing, or it does part of it).
export type Kind = 'korean' | 'initials' | 'typo' | 'spacing' | 'english' | 'product' | 'two-word' | 'name';

export interface EvalQuery {
	q: string;
	kind: Kind;
	/** Workshop key → grade (2 best, 1 also relevant); every other workshop is not relevant. */
	rel: Readonly<Record<string, 1 | 2>>;
}

/** A query whose `best` workshops are graded 2 and `also` (minus the best) 1. */
export function query(q: string, kind: Kind, best: readonly string[], also: readonly string[] = []): EvalQuery {
	const rel: Record<string, 1 | 2> = {};
	for (const key of also) rel[key] = 1;
	for (const key of best) rel[key] = 2;
	return { q, kind, rel };
}

/** Whether one of the query's best-graded workshops is among the first three. */
export function hitAt3(ranked: readonly string[], rel: EvalQuery['rel']): boolean {
	const top = Math.max(...Object.values(rel));
	return ranked.slice(0, 3).some((key) => rel[key] === top);
}

/** nDCG@10 with gains 2^grade − 1. */
export function ndcgAt10(ranked: readonly string[], rel: EvalQuery['rel']): number {
	const gain = (grade: number) => 2 ** grade - 1;
	const dcg = ranked.slice(0, 10).reduce((sum, key, i) => sum + gain(rel[key] ?? 0) / Math.log2(i + 2), 0);
	const ideal = Object.values(rel)
		.sort((a, b) => b - a)
		.slice(0, 10)
		.reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
	return dcg / ideal;
}
