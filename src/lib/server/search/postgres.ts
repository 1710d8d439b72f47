// Search engine on PostgreSQL, in the app's own database: the embedded default, and the fallback when
// Meilisearch is unreachable. Text is folded here with the same Korean rules as the queries
// (domain/korean.ts) and stored as 'simple' lexemes: words, syllable bigrams of Korean words (compounds
// have no spaces: 주얼리 must be found inside 명가주얼리, and a bigram index finds it without scanning)
// and initial consonants (초성). A query word found nowhere is corrected against the index's vocabulary
// in jamo with pg_trgm (주얼라 → 주얼리); glossary terms widen the query (jewelry → 주얼리, 귀금속).
//
// Ranking works like Meilisearch's attribute rule, in tiers: exact name, the query's own words in the
// name, in the key fields (trade, processes, materials, equipment, certifications), anywhere; then
// glossary alternatives and the products the query names (what a trade makes), one at a time. Within a
// tier, the tie-breakers (boost.ts: featured, verified, master, scorecard) order the workshops: a boost
// never crosses tiers. A query of several words then lists the workshops with only its first words,
// in partial levels after all the full matches (see search/README.md).
// Tiers are split by that boost into slices read in rank order until the page is full, so a page costs the
// same whether 50 or 50,000 workshops match. Totals and facet counts are exact up to about
// SAMPLE_TARGET matches; above that they are estimated from a fixed sample of the index (every document
// carries one of SAMPLE_BUCKETS bucket lexemes), so a broad query never counts 300,000 rows.
//
// The engine lives in ./postgres/, one concern a file:
//   sql.ts          SQL literals: the one way a value goes into statement text (a security boundary)
//   lexemes.ts      what a document's vectors hold (indexRow()), sampling buckets, boosts, grid cells, facet codes
//   query.ts        a query as tsqueries: glossary segments and the tiers' tsqueries (plan())
//   corrections.ts  typo correction of words found nowhere in the index
//   filters.ts      filters as lexemes and row conditions, a radius as grid cells
//   pages.ts        the statements of a page: relevance tiers and slices, few matches, nearest first
//   counts.ts       the statement that counts matches and facet values, exactly or from a sample
//   highlight.ts    <mark>ing the query in a hit's name and description
//   caches.ts       estimates, exact counts, plan hints, the glossary, the facet dictionary
//   writes.ts       writing documents into the index
//   engine.ts       postgresEngine(): the SearchEngine made of the above
export { correctionsFor } from './postgres/corrections';
export { postgresEngine, SEARCH_SETTINGS, type PostgresEngineOptions } from './postgres/engine';
export { filterQuery } from './postgres/filters';
export { highlight, type HighlightTerms } from './postgres/highlight';
export { indexRow, packCodes, sampleBucket, tallyCodes } from './postgres/lexemes';
export { plan, segment, type PlannedQuery } from './postgres/query';
export { tsqueryLiteral } from './postgres/sql';
