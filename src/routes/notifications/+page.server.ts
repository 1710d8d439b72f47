// The signed-in user's notifications (newest first) and which kinds they want by email.
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.object({ id: z.uuid('err_not_found') });

export const load = (async (event) => {
	const { user, claims } = requireUser(event);
	return withUser(claims, async (tx) => {
		const list = await notifications.list(tx, user.id, { limit: 100 });
		return {
			notifications: list.map((n) => ({ ...n, href: notifications.href(n) })),
			unread: await notifications.unreadCount(tx, user.id),
			preferences: await notifications.preferences(tx, user.id),
			kinds: notifications.notificationKinds
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	read: async ({ request, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { error: 'err_not_found' });
		await withUser(claims, (tx) => notifications.markRead(tx, user.id, parsed.data.id));
		return { read: parsed.data.id };
	},
	readAll: async (event) => {
		const { user, claims } = requireUser(event);
		await withUser(claims, (tx) => notifications.markAllRead(tx, user.id));
		return { readAll: true };
	},
	preferences: async ({ request, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const data = await request.formData();
		// A checkbox sends its value only when checked: every kind not sent is turned off.
		const email = Object.fromEntries(notifications.notificationKinds.map((k) => [k, data.get(`email_${k}`) === 'on'])) as Record<
			notifications.NotificationKind,
			boolean
		>;
		await withUser(claims, (tx) => notifications.savePreferences(tx, user.id, email));
		return { saved: true };
	}
} satisfies Actions;
