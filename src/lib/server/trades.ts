// Data module: the designated trades (KSIC codes), kept as data.
import type { Tx } from './db';

export interface Trade {
	ksic_code: string;
	name_ko: string;
	name_en: string;
}

export async function designated(tx: Tx): Promise<Trade[]> {
	return tx<Trade[]>`
		select ksic_code, name_ko, name_en from public.trades where designated order by ksic_code`;
}
