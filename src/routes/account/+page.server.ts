// Account settings: name, password, email, the mail switches (linked: they live with the
// notifications), the live sessions, a download of one's data and deleting the account. Every action
// opens with its guard; passwords are checked by the auth port and never sent back to the browser.
import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { describeUserAgent } from '$lib/domain/user-agent';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { sql, withUser } from '$lib/server/db';
import { requireUser, type User } from '$lib/server/guards';
import { mail } from '$lib/server/ports';
import * as profiles from '$lib/server/profiles';
import * as throttle from '$lib/server/throttle';
import * as orders from '$lib/server/orders';
import type { Actions, PageServerLoad } from './$types';
import { closeSchema, deleteSchema, emailSchema, leaveSchema, nameSchema, othersSchema, passwordSchema } from './schema';
import * as memberships from '$lib/server/memberships';
import * as workshops from '$lib/server/workshops';

export const load = (async (event) => {
	const { user } = requireUser(event);
	const sessions = await event.locals.auth.listSessions();
	// A craftsman's workshop and clusters: what they may leave or close here.
	const craft =
		user.role === 'craftsman'
			? await withUser(event.locals.claims, async (tx) => {
					const workshop = await workshops.ownedBy(tx, user.id);
					return workshop
						? {
								id: workshop.id,
								name: workshop.name_ko,
								status: workshop.status,
								memberships: (await memberships.forWorkshop(tx, workshop.id)).filter((ms) => ms.status !== 'rejected')
							}
						: null;
				})
			: null;
	return {
		workshop: craft,
		leaveForm: await superValidate(zod4(leaveSchema), { id: 'leave', errors: false }),
		closeForm: await superValidate(zod4(closeSchema), { id: 'close' }),
		email: user.email,
		nameForm: await superValidate({ display_name: user.displayName }, zod4(nameSchema), { id: 'name', errors: false }),
		passwordForm: await superValidate(zod4(passwordSchema), { id: 'password' }),
		emailForm: await superValidate(zod4(emailSchema), { id: 'email' }),
		othersForm: await superValidate(zod4(othersSchema), { id: 'others' }),
		deleteForm: await superValidate(zod4(deleteSchema), { id: 'delete' }),
		sessions:
			sessions?.map((s) => ({
				createdAt: s.createdAt,
				lastSeenAt: s.lastSeenAt,
				current: s.current,
				device: describeUserAgent(s.userAgent)
			})) ?? null
	};
}) satisfies PageServerLoad;

/**
 * Runs a change that checks the user's password, counted with their sign-ins: wrong passwords here
 * lock the account as wrong passwords at sign-in do, so this page is no way around the limit.
 */
async function withPassword<T extends { ok: boolean; error?: string }>(
	user: User,
	form: SuperValidated<Record<string, unknown>>,
	field: string,
	change: () => Promise<T>
): Promise<T | ReturnType<typeof fail>> {
	const key = `signin:account:${user.email}`;
	const verdict = await throttle.check(sql(), key, throttle.LIMITS.signInAccount);
	if (!verdict.ok) {
		setError(form, '', 'err_rate_limited', { status: 429 });
		return fail(429, { form, retryMinutes: Math.ceil(verdict.retryAfterSeconds / 60) });
	}
	const result = await change();
	if (!result.ok && result.error === 'invalid_credentials') {
		await throttle.hit(sql(), key, throttle.LIMITS.signInAccount);
		return setError(form, field, 'settings_err_wrong_password');
	}
	if (!result.ok && result.error === 'unavailable') return setError(form, '', 'settings_err_unavailable', { status: 503 });
	return result;
}

export const actions = {
	name: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(nameSchema), { id: 'name' });
		if (!form.valid) return fail(400, { form });
		await withUser(claims, (tx) => profiles.rename(tx, user.id, form.data.display_name));
		return message(form, 'settings_name_saved');
	},

	password: async (event) => {
		const { user } = requireUser(event);
		const form = await superValidate(event.request, zod4(passwordSchema), { id: 'password' });
		const { current_password, new_password } = form.data;
		form.data.current_password = form.data.new_password = '';
		if (!form.valid) return fail(400, { form });
		const result = await withPassword(user, form, 'current_password', () =>
			event.locals.auth.changePassword(current_password, new_password)
		);
		if (!('ok' in result)) return result;
		if (!result.ok) return setError(form, 'new_password', 'err_password_weak');
		return message(form, 'settings_password_changed');
	},

	email: async (event) => {
		const { user } = requireUser(event);
		const form = await superValidate(event.request, zod4(emailSchema), { id: 'email' });
		const { email_password } = form.data;
		form.data.email_password = '';
		if (!form.valid) return fail(400, { form });
		if (form.data.email === user.email) return setError(form, 'email', 'settings_err_same_email');
		const result = await withPassword(user, form, 'email_password', () => event.locals.auth.changeEmail(email_password, form.data.email));
		if (!('ok' in result)) return result;
		if (!result.ok) return setError(form, 'email', 'err_email_taken');
		// Supabase's secure email change: GoTrue mailed both addresses; nothing has changed yet.
		if (result.pending) return message(form, 'signin_email_pending');
		// A note to the old address: if someone else changed it, its owner learns of it there.
		const locale = getLocale();
		await mail().send({
			to: result.previous,
			subject: m.settings_email_changed_mail_subject({}, { locale }),
			text: m.settings_email_changed_mail_body({ email: form.data.email }, { locale })
		});
		return message(form, 'settings_email_changed');
	},

	others: async (event) => {
		requireUser(event);
		const form = await superValidate(event.request, zod4(othersSchema), { id: 'others' });
		await event.locals.auth.signOutOthers();
		return message(form, 'settings_others_signed_out');
	},

	leave: async (event) => {
		const { user } = requireUser(event);
		const form = await superValidate(event.request, zod4(leaveSchema), { id: 'leave' });
		if (!form.valid) return fail(400, { form });
		const left = await withUser(event.locals.claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			return workshop ? memberships.leave(tx, form.data.membership) : false;
		});
		if (!left) return setError(form, '', 'settings_err_leave', { status: 404 });
		return message(form, 'settings_left');
	},

	close: async (event) => {
		const { user } = requireUser(event);
		const form = await superValidate(event.request, zod4(closeSchema), { id: 'close' });
		if (!form.valid) return fail(400, { form });
		const outcome = await withUser(event.locals.claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			if (!workshop) return 'none' as const;
			if (form.data.confirm_name !== workshop.name_ko.trim()) return 'mistyped' as const;
			return workshops.close(tx, workshop.id);
		});
		if (outcome === 'none') return setError(form, '', 'err_not_found', { status: 404 });
		if (outcome === 'mistyped') return setError(form, 'confirm_name', 'settings_err_confirm_name');
		if (outcome === 'running_orders') return setError(form, '', 'settings_err_close_running_orders');
		return message(form, 'settings_closed');
	},

	delete: async (event) => {
		const { user } = requireUser(event);
		const form = await superValidate(event.request, zod4(deleteSchema), { id: 'delete' });
		const { delete_password } = form.data;
		form.data.delete_password = '';
		if (!form.valid) return fail(400, { form });
		if (form.data.confirm_email !== user.email.toLowerCase()) return setError(form, 'confirm_email', 'settings_err_confirm_email');
		// Money held for someone, or work promised to someone, outlives no account: finish or settle first.
		const running = await withUser(event.locals.claims, (tx) => orders.runningFor(tx, user.id));
		if (running > 0) return setError(form, '', 'settings_err_running_orders');
		const result = await withPassword(user, form, 'delete_password', () => event.locals.auth.deleteAccount(delete_password));
		if (!('ok' in result) || !result.ok) return result;
		redirect(303, '/account/deleted');
	}
} satisfies Actions;
