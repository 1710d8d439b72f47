// Typo correction: a query word found nowhere in the index is corrected against the index's vocabulary
// (public.search_terms), compared in jamo with pg_trgm (주얼라 → 주얼리), and against the glossary's words.
import { expandQuery, synonymGroups, type GlossaryEntry } from '../../../domain/glossary';
import { jamoDistance, toJamo, typoBudget } from '../../../domain/korean';
import { HANGUL_WORD, INITIALS_WORD } from './lexemes';
import { DOCS } from './pages';
import { productsIn } from '../../../domain/products';
import { plan, type Segment } from './query';
import { Params } from './sql';

/** The part of a vocabulary word closest to the query word: 주얼라 in 명가주얼리 → 주얼리 (1 jamo). */
function closestPart(word: string, term: string, budget: number): { text: string; distance: number } | null {
	let best: { text: string; distance: number } | null = null;
	const consider = (text: string) => {
		const distance = jamoDistance(word, text, budget);
		if (distance <= budget && (!best || distance < best.distance)) best = { text, distance };
	};
	if (HANGUL_WORD.test(word) && HANGUL_WORD.test(term)) {
		for (let length = Math.max(1, word.length - 1); length <= word.length + 1; length++) {
			for (let start = 0; start + length <= term.length; start++) consider(term.slice(start, start + length));
		}
	} else consider(term);
	return best;
}

/** The best corrections of a word among candidate terms: those at the smallest distance, at most 3. */
export function correctionsFor(word: string, candidates: Iterable<string>): string[] {
	const budget = typoBudget(word);
	if (budget === 0) return [];
	const found = new Map<string, number>();
	for (const term of candidates) {
		const part = closestPart(word, term, budget);
		if (part && part.text !== word) found.set(part.text, Math.min(part.distance, found.get(part.text) ?? Infinity));
	}
	const min = Math.min(...found.values());
	return [...found]
		.filter(([, d]) => d === min)
		.map(([t]) => t)
		.sort()
		.slice(0, 3);
}

/** Corrections of query words found nowhere in the index: vocabulary in jamo, then glossary terms. */
export async function correct(
	run: <R>(text: string) => Promise<R[]>,
	segments: Segment[],
	terms: readonly GlossaryEntry[]
): Promise<Segment[] | null> {
	const words = segments
		.filter((s) => s.words.length === 1 && !INITIALS_WORD.test(s.words[0]) && typoBudget(s.words[0]) > 0)
		.map((s) => s.words[0]);
	if (words.length === 0) return null;
	// One statement: per word, whether the index holds it at all (each with its own tsquery, so each
	// is a GIN lookup), and for a word it does not, similar vocabulary words by the trigrams of their
	// jamo (threshold in SEARCH_SETTINGS).
	const p = new Params();
	const asked = words.map((word) => {
		const query = plan(
			segments.filter((s) => s.words.length === 1 && s.words[0] === word),
			word
		).full;
		return `(${p.add(word, 'text')}, ${p.add(toJamo(word), 'text')}, exists (select 1 from ${DOCS} where tsv @@ ${p.add(query, 'tsquery')}))`;
	});
	const rows = await run<{ word: string; terms: string[] | null }>(
		`select q.word,
		        case when not q.found then
		          array(select t.term from public.search_terms t where t.jamo operator(extensions.%) q.jamo
		                order by extensions.similarity(t.jamo, q.jamo) desc limit 30) end as terms
		 from (values ${asked.join(', ')}) as q(word, jamo, found)`
	);
	if (rows.every((row) => row.terms === null)) return null;
	const glossaryWords = synonymGroups(terms)
		.flat()
		.filter((t) => !t.includes(' '));
	let changed = false;
	const corrected = segments.map((s) => {
		const row = rows.find((r) => s.words.length === 1 && r.word === s.words[0]);
		if (!row?.terms) return s;
		const fixes = correctionsFor(row.word, [...row.terms, ...glossaryWords]);
		if (fixes.length === 0) return s;
		changed = true;
		const alternatives = fixes.flatMap((fix) => [[fix], ...expandQuery([fix], terms).map((t) => t.split(' '))]);
		// And the products a fix names: 수재화 → 수제화 finds shoe workshops that never wrote it.
		const products = [...new Set(fixes.flatMap((fix) => productsIn(fix).map((m) => m.product.key)))];
		return { words: s.words, alternatives, products };
	});
	return changed ? corrected : null;
}
