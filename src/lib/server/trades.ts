// Data module: the designated trades (KSIC codes), kept as data.
import type { Tx } from './db';
import type { Tables } from './db/database.types';

export type Trade = Pick<Tables<'trades'>, 'ksic_code' | 'name_ko' | 'name_en'>;

export async function designated(tx: Tx): Promise<Trade[]> {
	return tx<Trade[]>`
		select ksic_code, name_ko, name_en from public.trades where designated order by ksic_code`;
}
