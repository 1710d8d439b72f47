// "문의하기 / Ask a question": a question to a workshop before any request. Asking again goes to the
// same conversation. Works without JavaScript; RLS refuses the workshop's own people and inactive workshops.
import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as inquiries from '$lib/server/inquiries';
import * as workshops from '$lib/server/workshops';
import type { Tx } from '$lib/server/db';
import { inquirySchema } from '$lib/inquiry-schema';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';

/** The workshop, if the caller may ask it; their earlier inquiry's page otherwise. */
async function askable(tx: Tx, slug: string, userId: string) {
	const workshop = await workshops.bySlug(tx, slug);
	if (!workshop || workshop.status !== 'active') error(404);
	if (workshop.owner_id === userId) redirect(303, `/workshops/${slug}`);
	const earlier = await inquiries.existing(tx, workshop.id, userId);
	return { workshop, earlier };
}

export const load = (async ({ locals, url, params }) => {
	const { user, claims } = requireUser({ locals, url });
	const { workshop, earlier } = await withUser(claims, (tx) => askable(tx, params.slug, user.id));
	if (earlier) redirect(303, `/inquiries/${earlier}`);
	return {
		workshop: { slug: workshop.slug, name_ko: workshop.name_ko, name_en: workshop.name_en, accepting_orders: workshop.accepting_orders },
		form: await superValidate({ submission_key: newSubmissionKey() }, zod4(inquirySchema), { errors: false })
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(inquirySchema));
		if (!form.valid) return fail(400, { form });
		const id = await withUser(claims, async (tx) => {
			const { workshop } = await askable(tx, params.slug, user.id);
			return inquiries.ask(tx, workshop.id, user.id, form.data.body, submissionKey(form.data.submission_key));
		});
		redirect(303, `/inquiries/${id}?sent=1`);
	}
} satisfies Actions;
