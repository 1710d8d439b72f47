// Data module: the designated trades (KSIC codes), kept as data.
import type { Tx } from './db';
import type { Tables } from './db/database.types';

export type Trade = Pick<Tables<'trades'>, 'ksic_code' | 'name_ko' | 'name_en'>;

export async function designated(tx: Tx): Promise<Trade[]> {
	return tx<Trade[]>`
		select ksic_code, name_ko, name_en from public.trades where designated order by ksic_code`;
}

/** Every trade's name by its KSIC code (search facet labels). */
export function names(tx: Tx): Promise<{ code: string; name_ko: string; name_en: string }[]> {
	return tx<{ code: string; name_ko: string; name_en: string }[]>`
		select ksic_code as code, name_ko, name_en from public.trades order by ksic_code`;
}

/** The words of the live trade glossary, terms and synonyms alike (for did-you-mean). */
export async function glossaryWords(tx: Tx): Promise<string[]> {
	const rows = await tx<{ word: string }[]>`
		select distinct unnest(array_prepend(term, synonyms)) as word from public.search_synonyms`;
	return rows.map((r) => r.word);
}
