// Announcing after commit, in batches: NOTIFYs that a hot path left out of its own transaction
// (private.apply_payment_announcing_later: a transaction that NOTIFYs holds a database-wide lock
// until its commit is on disk, so concurrent ones commit one at a time). The first announcement goes
// out at once; those made while it is on its way wait for it and then go out together, one statement
// (and one commit) for any number. They are hints (a bell count to re-read, a worker to wake before
// its next poll): one lost to a crash or an outage is caught up by the next page load or poll, so a
// failure is logged, not retried.
import { sql } from './db';

const pending = new Map<string, Set<string>>();
let sending: Promise<void> | undefined;

/** Sends NOTIFY channel, payload for each payload, after what is already on its way. */
export function announce(channel: string, payloads: Iterable<string>): void {
	let set = pending.get(channel);
	for (const payload of payloads) {
		if (!set) pending.set(channel, (set = new Set()));
		set.add(payload);
	}
	if (pending.size > 0) sending ??= send();
}

/** Resolves when everything announced so far has been sent (tests, shutdown). */
export async function announced(): Promise<void> {
	while (sending) await sending;
}

async function send(): Promise<void> {
	try {
		while (pending.size > 0) {
			const channels: string[] = [];
			const payloads: string[] = [];
			for (const [channel, set] of pending)
				for (const payload of set) {
					channels.push(channel);
					payloads.push(payload);
				}
			pending.clear();
			try {
				await sql()`select pg_notify(c, p) from unnest(${channels}::text[], ${payloads}::text[]) as t (c, p)`;
			} catch (e) {
				console.error('announce: %d notifications not sent:', channels.length, (e as Error).message);
			}
		}
	} finally {
		sending = undefined;
	}
}
