// The signed-in user's notifications (newest first) and which kinds they want by email.
import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

const readSchema = z.object({ id: z.uuid(msg('err_not_found')) });
const readAllSchema = z.object({});
/** One checkbox per kind: a checkbox sends its value only when checked, so a kind not sent is off. */
const preferencesSchema = z.object(
	Object.fromEntries(notifications.notificationKinds.map((k) => [`email_${k}`, z.boolean().default(false)])) as Record<
		`email_${notifications.NotificationKind}`,
		z.ZodDefault<z.ZodBoolean>
	>
);

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
	read: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(readSchema), { id: 'read' });
		if (!form.valid) return fail(400, { form });
		await withUser(claims, (tx) => notifications.markRead(tx, user.id, form.data.id));
		return message(form, 'read');
	},
	readAll: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(readAllSchema), { id: 'readAll' });
		await withUser(claims, (tx) => notifications.markAllRead(tx, user.id));
		return message(form, 'read');
	},
	preferences: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(preferencesSchema), { id: 'preferences' });
		if (!form.valid) return fail(400, { form });
		const email = Object.fromEntries(notifications.notificationKinds.map((k) => [k, form.data[`email_${k}`]])) as Record<
			notifications.NotificationKind,
			boolean
		>;
		await withUser(claims, (tx) => notifications.savePreferences(tx, user.id, email));
		return message(form, 'notifications_prefs_saved');
	}
} satisfies Actions;
