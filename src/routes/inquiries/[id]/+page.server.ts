// One inquiry: the question asked on a workshop's page and the answers, between the asker and whoever
// acts for the workshop. Without JavaScript the form posts and the page reloads; with it the page marks
// the inquiry read once it is open (a POST: loads only read, since hovered links preload them).
import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { markRead } from '$lib/server/conversations';
import { withUser, type Tx } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as inquiries from '$lib/server/inquiries';
import { inquirySchema } from '$lib/inquiry-schema';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';

async function ownInquiry(tx: Tx, id: string, userId: string) {
	const inquiry = await inquiries.byId(tx, id, userId);
	if (!inquiry) error(404);
	return inquiry;
}

export const load = (async ({ locals, url, params }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const inquiry = await ownInquiry(tx, params.id, user.id);
		return {
			inquiry,
			messages: await inquiries.messages(tx, inquiry, user.id),
			sent: url.searchParams.has('sent'),
			form: await superValidate({ submission_key: newSubmissionKey() }, zod4(inquirySchema), { errors: false })
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	send: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(inquirySchema));
		if (!form.valid) return fail(400, { form });
		await withUser(claims, async (tx) => {
			const inquiry = await ownInquiry(tx, params.id, user.id);
			await inquiries.send(tx, inquiry.id, user.id, form.data.body, submissionKey(form.data.submission_key));
		});
		form.data.body = '';
		// The next message is another one.
		form.data.submission_key = newSubmissionKey();
		return { form };
	},
	read: async ({ locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		await withUser(claims, async (tx) => markRead(tx, (await ownInquiry(tx, params.id, user.id)).id, user.id));
		return { read: true };
	}
} satisfies Actions;
