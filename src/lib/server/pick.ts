// What reaches the browser is allow-listed: a page names the columns it shows, so a column added to
// a table later stays on the server until someone decides to show it (a deny-list such as
// `{ ...row, owner_id: undefined }` would send it by default).

/** A copy of `row` with only `keys` (own properties; a key the row lacks is left out). */
export function pick<T extends object, const K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
	const out = {} as Pick<T, K>;
	for (const key of keys) if (Object.hasOwn(row, key)) out[key] = row[key];
	return out;
}

/** pick() over a list of rows. */
export function pickAll<T extends object, const K extends keyof T>(rows: readonly T[], keys: readonly K[]): Pick<T, K>[] {
	return rows.map((row) => pick(row, keys));
}
