// Notifications: written by database triggers (private.notify) in the same transaction as the change;
// users read theirs, mark them read and choose per kind whether to get an email. Every function
// takes the caller's RLS transaction, so a user only ever sees and changes their own.
import { notificationKinds, type NotificationKind, type NotificationPayload } from './mail/templates';
import type { Tx } from './db';
import { href, itemPath } from './notification-links';

export { href };

export { notificationKinds, type NotificationKind };

export interface Notification {
	id: string;
	kind: NotificationKind;
	payload: NotificationPayload & { workshop_id?: string; quote_id?: string; conversation_id?: string; inquiry?: boolean; count?: number };
	read_at: Date | null;
	created_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's notifications, newest first. */
export async function list(tx: Tx, userId: string, { limit = 50 }: { limit?: number } = {}): Promise<Notification[]> {
	return tx<Notification[]>`
		select id, kind, payload, read_at, created_at from public.notifications
		where user_id = ${userId} order by created_at desc, id limit ${limit}`;
}

/** How many of the user's notifications are unread (the header badge). */
export async function unreadCount(tx: Tx, userId: string): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from public.notifications where user_id = ${userId} and read_at is null`;
	return row.n;
}

export async function markRead(tx: Tx, userId: string, id: string): Promise<boolean> {
	if (!UUID.test(id)) return false;
	const rows = await tx`update public.notifications set read_at = now()
		where id = ${id} and user_id = ${userId} and read_at is null returning id`;
	return rows.length > 0;
}

export async function markAllRead(tx: Tx, userId: string): Promise<number> {
	const rows = await tx`update public.notifications set read_at = now()
		where user_id = ${userId} and read_at is null returning id`;
	return rows.length;
}

const REQUEST_PAGE = /^\/requests\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/**
 * A visit to a page settles the notifications about it: the one its link named (?n=) and every unread
 * one that leads to this very page (a quote seen on the quotes page, a message read in its thread),
 * however the user got there. Returns how many were marked read.
 */
export async function markReadOnVisit(tx: Tx, userId: string, url: URL): Promise<number> {
	const named = url.searchParams.get('n');
	const request = REQUEST_PAGE.exec(url.pathname)?.[1];
	if (!request && !(named && UUID.test(named))) return 0;
	const ids: string[] = named && UUID.test(named) ? [named] : [];
	if (request) {
		const unread = await tx<Pick<Notification, 'id' | 'kind' | 'payload'>[]>`
			select id, kind, payload from public.notifications
			where user_id = ${userId} and read_at is null and payload->>'request_id' = ${request}`;
		for (const n of unread) {
			const target = new URL(itemPath(n), url);
			const workshop = target.searchParams.get('workshop');
			if (
				target.pathname === url.pathname &&
				(!workshop || !url.searchParams.has('workshop') || url.searchParams.get('workshop') === workshop)
			)
				ids.push(n.id);
		}
	}
	if (ids.length === 0) return 0;
	const rows = await tx`update public.notifications set read_at = now()
		where user_id = ${userId} and read_at is null and id = any(${ids}::uuid[]) returning id`;
	return rows.length;
}

/** Email on or off for each kind (no row means on). */
export async function preferences(tx: Tx, userId: string): Promise<Record<NotificationKind, boolean>> {
	const rows = await tx<{ kind: NotificationKind; email: boolean }[]>`
		select kind, email from public.notification_preferences where user_id = ${userId}`;
	const prefs = Object.fromEntries(notificationKinds.map((k) => [k, true])) as Record<NotificationKind, boolean>;
	for (const r of rows) prefs[r.kind] = r.email;
	return prefs;
}

export async function savePreferences(tx: Tx, userId: string, email: Record<NotificationKind, boolean>): Promise<void> {
	const kinds = notificationKinds.filter((k) => typeof email[k] === 'boolean');
	if (kinds.length === 0) return;
	await tx`insert into public.notification_preferences (user_id, kind, email, updated_at)
		select ${userId}, k.kind::public.notification_kind, k.email::boolean, now()
		from unnest(${kinds}::text[], ${kinds.map((k) => String(email[k]))}::text[]) as k (kind, email)
		on conflict (user_id, kind) do update set email = excluded.email, updated_at = now()
		where public.notification_preferences.email is distinct from excluded.email`;
}
