// The statements that read a page of hits: by relevance, in tiers and slices (relevanceStages()), or
// from one lookup when the matches are few (fewSql()); nearest first (distancePageSql()).
import type { SearchFilters } from '../port';
import { boostGroups } from '../boost';
import { both, cellsQuery, distanceSql, boxSql } from './filters';
import { boostLexeme, cellKm, LNG_SCALE, sampleLexeme } from './lexemes';
import type { PlannedQuery } from './query';
import { finite, integerLiteral, lexeme, stringLiteral, type Params } from './sql';

export const DOCS = 'public.search_documents';

/** Up to this many matches, a relevance page is ranked from one lookup of them all. */
export const SMALL_RESULT = 300;
/** Matches in sampling bucket 0 up to which a query is tried as a small one (about 64 × this in all). */
const FEW_IN_FIRST_BUCKET = 6;

/** What a relevance page is looked up with; `where` makes the row conditions with a statement's own Params. */
export interface RelevanceLookup {
	planned: PlannedQuery | null;
	/** List and flag filters (and a radius's cells), as a tsquery. */
	filters: string | null;
	where: (p: Params) => string;
	keyScope: boolean;
	/** The match with a radius's coarse cells, for counting sampling bucket 0 (see cellsQuery()). */
	probe: string | null;
	/** The boosts a match can have: a verified or master filter rules out half of them (see ../boost.ts). */
	boosts: readonly number[];
}

/**
 * The words the tiers look for: the query's own, or for a corrected query (whose own words are found
 * nowhere) its corrections, which then rank by where they are found like the own words would.
 */
const ownWords = (planned: PlannedQuery) => (planned.strictEmpty ? planned.full : planned.strict);

/**
 * The stages of a relevance page, in rank order: one statement per tier (exact name with the first),
 * each a union of slices by boost; the caller runs them until the page is full. Tiers: the query's own
 * words in the name, the key fields, anywhere; then synonyms and corrections anywhere (scope 'key',
 * matching: the own words in the key fields, then synonyms and corrections there). PostgreSQL runs a
 * stage's slices in order and stops once enough rows came, so a broad query reads a few rows of its
 * first slices only. Within a slice the order is the table's (any workshop of the same tier and boost
 * is as good as another). The tiers nest (a name match is a key-field match is a match anywhere), so
 * each tier leaves out the workshops of the one before, and the exact names are left out of all: every
 * workshop is in one slice. A stage only runs when the ones before held fewer rows than the page
 * needs, so the rows it skips as belonging to an earlier tier are fewer than that.
 *
 * One statement per tier rather than one for all: planning a union of 17 slices took 2 to 5 ms, more
 * than running the few a broad query needs. Within a tier, private.search_slices() runs the slices
 * one by one, so that only those that run are planned.
 * A stage statement gets `need` (rows still wanted) and `skip` (of those, how many come before the
 * page: their documents are not read), and returns (workshop_id, doc) in rank order.
 */
export function relevanceStages(look: RelevanceLookup): ((p: Params, need: number, skip: number) => string)[] {
	const { planned, filters, keyScope } = look;
	const own = planned && ownWords(planned);
	const tiers: [string, string | null][] = !own
		? [['tsv', null]]
		: keyScope
			? [['key_tsv', own]]
			: [
					['name_tsv', own],
					['key_tsv', own],
					['tsv', own]
				];
	if (planned && planned.full !== own) tiers.push([keyScope ? 'key_tsv' : 'tsv', planned.full]);
	return tiers.map(([column, words], i) => (p, need, skip) => {
		// The alternatives tier, one alternative at a time, each leaving out the ones before: an OR of
		// alternatives keeps the index from skipping through a broad word's postings (7 ms a slice for
		// laser cutting, where its first alternative alone takes 2.5 ms and fills the page).
		const parts =
			planned && words === planned.full && planned.full !== ownWords(planned) && planned.alternatives ? planned.alternatives : [words];
		const where = look.where(p);
		const slices: string[] = [];
		let notNamed = '';
		if (planned && !keyScope) {
			const name = p.add(planned.name, 'text');
			if (i === 0 && !planned.partial) {
				const filtered = filters ? ` and name_tsv @@ ${p.add(filters, 'tsquery')}` : '';
				slices.push(`select workshop_id from ${DOCS} where (name_norm = ${name} or name_en_norm = ${name})${filtered} and ${where}
					order by boost desc, workshop_id`);
			}
			notNamed = ` and name_norm <> ${name} and name_en_norm is distinct from ${name}`;
		}
		const before = i > 0 ? ` and not (${tiers[i - 1][0]} @@ ${p.add(tiers[i - 1][1]!, 'tsquery')})` : '';
		// Which alternative before which boost: a synonym in a workshop's own text outranks a verified
		// workshop found only by what its trade makes (the last alternative, see plan()).
		for (const [j, part] of parts.entries()) {
			for (const group of boostGroups(look.boosts)) {
				const query = both(part, filters, group.map((boost) => lexeme(boostLexeme(boost))).join(' | '))!;
				const earlier =
					j > 0
						? ` and not (${column} @@ ${p.add(
								parts
									.slice(0, j)
									.map((q) => `(${q})`)
									.join(' | '),
								'tsquery'
							)})`
						: '';
				// A group of several boosts is ordered by boost (it reads all its rows: the few featured ones, or
				// those with a master title or a scorecard), equal boosts in the table's order like a group of
				// one, which is read in the table's order as far as needed (fewSql ranks the same way: a page
				// is the same whichever path made it).
				const order = group.length > 1 ? ' order by boost desc, ctid' : '';
				slices.push(
					`select workshop_id from ${DOCS} where ${column} @@ ${p.add(query, 'tsquery')}${before}${earlier}${notNamed} and ${where}${order}`
				);
			}
		}
		// Run one by one, each planned only when its turn comes (see the search_slices migration).
		const list = `array[${slices.map((slice) => stringLiteral(slice.replace(/\s+/g, ' '))).join(', ')}]::text[]`;
		return `select f.workshop_id, case when f.i > ${integerLiteral(skip, 'skip')} then d.doc end as doc
			from private.search_slices(${list}, ${integerLiteral(need, 'need')}) with ordinality as f(workshop_id, i)
			join ${DOCS} d using (workshop_id) order by f.i`;
	});
}

/**
 * Few matches (the usual case with a place or several filters): one lookup reads them all and ranks
 * them in the order the stages would, instead of up to 17 slices that each find little. The matches
 * in sampling bucket 0 (1/64 of the index, one rare lexeme: a cheap lookup) tell a broad query from a
 * narrow one before any lookup reads all the matches of a broad one. Returns whether the matches were
 * few (at most `small`), and if so how many and the documents of the page.
 */
export function fewSql(look: RelevanceLookup, match: string, p: Params, offset: number, limit: number, small: number): string {
	const { planned } = look;
	const where = look.where(p);
	// The tier reads the vectors: only for the few. The alternatives in the stages' order (4, 5, …).
	const own = planned && ownWords(planned);
	const alternatives = planned && planned.full !== own ? (planned.alternatives ?? [planned.full]) : [];
	const tier =
		planned && own
			? `case when d.name_norm = ${p.add(planned.name, 'text')} or d.name_en_norm = ${p.add(planned.name, 'text')} then 0
			when d.name_tsv @@ ${p.add(own, 'tsquery')} then 1 when d.key_tsv @@ ${p.add(own, 'tsquery')} then 2
			when d.tsv @@ ${p.add(own, 'tsquery')} then 3
			${alternatives.map((a, j) => `when d.tsv @@ ${p.add(a, 'tsquery')} then ${4 + j}`).join(' ')} else ${4 + alternatives.length} end`
			: '0';
	const inFirstBucket = p.add(both(look.probe ?? match, lexeme(sampleLexeme(1)))!, 'tsquery');
	return `with probe as (select count(*) as n from ${DOCS} where tsv @@ ${inFirstBucket} and ${where}),
		few as materialized (select workshop_id, boost, ctid as at from ${DOCS}
			where (select n from probe) <= ${FEW_IN_FIRST_BUCKET} and tsv @@ ${p.add(match, 'tsquery')} and ${where} limit ${integerLiteral(small + 1, 'small')}),
		counted as materialized (select (select n from probe) <= ${FEW_IN_FIRST_BUCKET} and count(*) <= ${integerLiteral(small, 'small')} as few from few),
		ranked as (select f.workshop_id, row_number() over (order by ${tier}, f.boost desc, case when ${tier} = 0 then f.workshop_id end, f.at) as ord
			from few f join ${DOCS} d using (workshop_id) where (select few from counted))
		select (select few from counted) as few, (select count(*)::int from few) as n,
		       coalesce((select json_agg(d.doc order by r.ord) from ranked r join ${DOCS} d using (workshop_id)
		                 where r.ord > ${integerLiteral(offset, 'offset')} and r.ord <= ${integerLiteral(offset + limit, 'limit')}), '[]'::json) as docs`;
}

/**
 * Ids of one nearest-first page. With nothing to look up in the text index, the geo index walks
 * outwards (KNN) and checks the remaining conditions row by row. Otherwise the cells of one level
 * around the point bound what the text index yields, which is then sorted exactly: the caller tries
 * growing levels until the page is full (`level` null: everything, and workshops without coordinates
 * last). A level only comes into play when the one below held too few matches, so each costs about
 * the same.
 */
export function distancePageSql(
	from: { lat: number; lng: number },
	match: string | null,
	within: SearchFilters['within'] | null,
	where: string,
	level: number | null,
	p: Params,
	wanted: number
): string {
	const limit = integerLiteral(wanted, 'wanted');
	const lat = p.add(finite(from.lat, 'lat'), 'float8');
	const lng = p.add(finite(from.lng, 'lng'), 'float8');
	const km = distanceSql(lat, lng);
	let located: string;
	if (match && level !== null) {
		const radius = cellKm(level);
		const near = both(match, cellsQuery(from.lat, from.lng, radius))!;
		located = `select workshop_id, ${km} as km, boost from ${DOCS}
			where tsv @@ ${p.add(near, 'tsquery')} and ${where} and lat is not null and lng is not null and ${km} <= ${p.add(radius, 'float8')}
			order by km, workshop_id limit ${limit}`;
	} else if (match) {
		located = `select workshop_id, ${km} as km, boost from ${DOCS}
			where tsv @@ ${p.add(match, 'tsquery')} and ${where} and lat is not null and lng is not null
			order by km, workshop_id limit ${limit}`;
	} else {
		// The index's plane is slightly flattened: a margin of candidates, then the exact distance. A
		// radius also bounds the walk (a box in the same index), or too few rows would mean walking it all.
		const x = p.add(from.lng * LNG_SCALE, 'float8');
		const box = within ? ` and point(lng * ${LNG_SCALE}, lat) <@ ${boxSql(within.lat, within.lng, within.radius_km, p)}` : '';
		located = `select workshop_id, ${km} as km, boost from (
			select workshop_id, lat, lng, boost from ${DOCS} where ${where} and lat is not null and lng is not null${box}
			order by point(lng * ${LNG_SCALE}, lat) <-> point(${x}, ${lat}) limit ${integerLiteral(Math.ceil(wanted * 1.25) + 20, 'wanted')}) near`;
	}
	// Only at the last step, and only read when the located ones do not fill the page. (A parameter
	// the statement does not use would have no type, hence the condition here too.)
	const unlocated =
		level === null
			? `union all (select workshop_id, null, boost from ${DOCS}
			   where (select count(*) from located) < ${limit}
			     and ${match ? `tsv @@ ${p.add(match, 'tsquery')} and ` : ''}${where} and (lat is null or lng is null)
			   order by boost desc, workshop_id limit ${limit})`
			: '';
	return `with located as (${located})
		select workshop_id, row_number() over (order by km nulls last, boost desc, workshop_id) as ord
		from (select * from located ${unlocated}) ranked order by ord limit ${limit}`;
}
