// One application to a support program. The applicant (the workshop's owner) writes the draft — a note,
// the amount asked, the program's required documents — and submits it; the staff of the program's
// center take it under review and approve it or reject it with a reason the applicant reads. RLS and the
// guard trigger decide who may do what; every action here works without JavaScript.
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { noNul } from '$lib/form-messages';
import { withUser, type Tx } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { storage } from '$lib/server/ports';
import * as programs from '$lib/server/programs';
import { withUserFiles } from '$lib/server/storage/staged';
import * as support from '$lib/server/support';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';

const MAX_NOTE = 4000;
const MAX_AMOUNT = 1_000_000_000_000;

async function visible(tx: Tx, id: string) {
	const application = await programs.byId(tx, id);
	if (!application) error(404, 'Not found');
	return application;
}

export const load = (async ({ locals, url, params }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const application = await visible(tx, params.id);
		const program = await programs.bySlug(tx, application.program_slug);
		const staff = await support.actsFor(tx, application.center_id);
		return {
			application,
			program: program && {
				title_ko: program.title_ko,
				title_en: program.title_en,
				deadline: program.deadline,
				amount_max_krw: program.amount_max_krw,
				center_slug: program.center_slug,
				center_name_ko: program.center_name_ko,
				center_name_en: program.center_name_en
			},
			isApplicant: application.applicant_id === user.id,
			staff,
			// One per upload form, made with the page: a second post of the same form stores its file once.
			uploadKeys: Object.fromEntries(application.required_documents.map((d) => [d.key, newSubmissionKey()]))
		};
	});
}) satisfies PageServerLoad;

const draftSchema = z.object({
	note: z.string().trim().max(MAX_NOTE, 'err_too_long').refine(noNul, 'forms_err_invalid'),
	amount: z
		.string()
		.trim()
		.transform((s) => s.replace(/[,\s원]/g, ''))
		.refine((s) => s === '' || /^\d+$/.test(s), 'err_number')
		.transform((s) => (s === '' ? null : Number(s)))
		.refine((n) => n === null || n <= MAX_AMOUNT, 'err_too_large')
});

/** A posted text field ('' when missing or a file). */
const field = (data: FormData, key: string): string => {
	const value = data.get(key);
	return typeof value === 'string' ? value : '';
};

type Values = { note: string; amount: string };
const valuesOf = (data: FormData): Values => ({ note: field(data, 'note'), amount: field(data, 'amount') });

/** Saves the draft's fields; the failure keeps what was typed. */
async function saveFields(tx: Tx, id: string, values: Values) {
	const parsed = draftSchema.safeParse(values);
	if (!parsed.success) {
		const fieldErrors = z.flattenError(parsed.error).fieldErrors;
		return { ok: false as const, errors: { note: fieldErrors.note?.[0], amount: fieldErrors.amount?.[0] } };
	}
	const saved = await programs.saveDraft(tx, id, { note: parsed.data.note, amount_krw: parsed.data.amount });
	return saved ? { ok: true as const } : { ok: false as const, errors: { note: 'program_err_not_allowed' } };
}

export const actions = {
	save: async ({ request, locals, url, params }) => {
		const { claims } = requireUser({ locals, url });
		const values = valuesOf(await request.formData());
		const result = await withUser(claims, async (tx) => saveFields(tx, (await visible(tx, params.id)).id, values));
		if (!result.ok) return fail(400, { values, errors: result.errors });
		return { saved: true };
	},
	upload: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const data = await request.formData();
		const values = valuesOf(data);
		const docKey = field(data, 'doc_key');
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { values, docKey, docError: 'program_err_document_empty' });
		const bytes = new Uint8Array(await file.arrayBuffer());
		const result = await withUserFiles(claims, storage(), async (tx, store) => {
			const application = await visible(tx, params.id);
			// What was typed in the note and amount is saved with the upload, so nothing is lost.
			const fields = await saveFields(tx, application.id, values);
			if (!fields.ok) return { ok: false as const, error: 'program_err_fields' as const, errors: fields.errors };
			const key = submissionKey(field(data, 'submission_key'));
			return programs.addDocument(tx, store, application, user.id, docKey, { name: file.name, bytes }, key);
		});
		if (!result.ok) return fail(400, { values, docKey, docError: result.error, errors: 'errors' in result ? result.errors : undefined });
		return { uploaded: true };
	},
	remove: async ({ request, locals, url, params }) => {
		const { claims } = requireUser({ locals, url });
		const documentId = field(await request.formData(), 'document');
		const removed = await withUserFiles(claims, storage(), async (tx, store) =>
			programs.removeDocument(tx, store, (await visible(tx, params.id)).id, documentId)
		);
		if (!removed) return fail(400, { docError: 'program_err_not_allowed' });
		return { removedDocument: true };
	},
	submit: async ({ request, locals, url, params }) => {
		const { claims } = requireUser({ locals, url });
		const values = valuesOf(await request.formData());
		const result = await withUser(claims, async (tx) => {
			const application = await visible(tx, params.id);
			const fields = await saveFields(tx, application.id, values);
			if (!fields.ok) return { ok: false as const, error: 'program_err_fields' as const, errors: fields.errors };
			return programs.move(tx, await visible(tx, params.id), 'submitted');
		});
		if (!result.ok)
			return fail(400, {
				values,
				moveError: result.error,
				missing: 'missing' in result ? result.missing : undefined,
				errors: 'errors' in result ? result.errors : undefined
			});
		redirect(303, `/programs/applications/${params.id}?submitted=1`);
	},
	decide: async ({ request, locals, url, params }) => {
		const { claims } = requireUser({ locals, url });
		const data = await request.formData();
		const to = field(data, 'to');
		const reason = field(data, 'reason').slice(0, 1000);
		if (to !== 'under_review' && to !== 'approved' && to !== 'rejected') return fail(400, { moveError: 'program_err_transition' as const });
		if (!noNul(reason)) return fail(400, { moveError: 'forms_err_invalid' as const, reason: reason.replaceAll('\0', ''), decisionTo: to });
		const result = await withUser(claims, async (tx) => programs.move(tx, await visible(tx, params.id), to, reason));
		if (!result.ok) return fail(400, { moveError: result.error, reason, decisionTo: to });
		return { decided: to } as const;
	}
} satisfies Actions;
