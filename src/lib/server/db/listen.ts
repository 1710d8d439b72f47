// LISTEN on a channel, checked: a notification of our own must come back, because through a
// transaction-mode pooler (Supabase's on port 6543) LISTEN seems to work and hears nothing, and a
// cache dropped on notifications would then never be dropped. onChange also runs on every
// (re)connection of the listener: changes may have been missed while it was away.
import type { Sql } from 'postgres';

const CHECK_MS = 2_000;

/**
 * Listens on the channel; resolves whether notifications are heard (false: do not rely on them).
 * onChange gets each message's payload, and no payload on a (re)connection.
 */
export async function listenChecked(sql: Sql, channel: string, onChange: (payload?: string) => void, label: string): Promise<boolean> {
	const probe = `probe:${Math.random().toString(36).slice(2)}`;
	let heard: () => void = () => {};
	const back = new Promise<boolean>((resolve) => {
		heard = () => resolve(true);
		setTimeout(() => resolve(false), CHECK_MS).unref?.();
	});
	try {
		const listener = await sql.listen(
			channel,
			(payload) => {
				onChange(payload);
				if (payload === probe) heard();
			},
			() => onChange()
		);
		await sql`select pg_notify(${channel}, ${probe})`;
		if (await back) return true;
		await listener.unlisten();
		console.warn('[%s] no notification came back on %s: nothing is kept', label, channel);
	} catch (e) {
		console.warn('[%s] cannot listen on %s (%s): nothing is kept', label, channel, (e as Error).message);
	}
	return false;
}
