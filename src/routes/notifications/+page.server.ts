// The signed-in user's notifications (newest first) and which kinds they want by email.
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

function signedIn(locals: App.Locals) {
	if (!locals.user || !locals.claims) redirect(303, '/login?redirectTo=/notifications');
	return { user: locals.user, claims: locals.claims };
}

const idSchema = z.object({ id: z.uuid('err_not_found') });

export const load = (async ({ locals }) => {
	const { user, claims } = signedIn(locals);
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
	read: async ({ request, locals }) => {
		const { user, claims } = signedIn(locals);
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { error: 'err_not_found' });
		await withUser(claims, (tx) => notifications.markRead(tx, user.id, parsed.data.id));
		return { read: parsed.data.id };
	},
	readAll: async ({ locals }) => {
		const { user, claims } = signedIn(locals);
		await withUser(claims, (tx) => notifications.markAllRead(tx, user.id));
		return { readAll: true };
	},
	preferences: async ({ request, locals }) => {
		const { user, claims } = signedIn(locals);
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
