// Saving the request form, shared by /requests/new and /requests/[id]/edit: validate every field
// and every file before anything is written, then save, attach and (when asked) publish in one
// transaction. Errors come back on their fields, with everything typed kept. The form works without
// JavaScript too: its template fields then arrive as plain `details.<key>` fields, and changing the
// template is a post (switchTemplate) that answers the form of the new template with what was typed.
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { setError, superValidate, withFiles, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { isTemplateId, type TemplateId } from '$lib/domain/request-templates';
import { m } from '$lib/paraglide/messages';
import type { Claims, Tx } from '$lib/server/db';
import * as places from '$lib/server/places';
import { storage } from '$lib/server/ports';
import { refusal } from '$lib/server/refusal';
import { withUserFiles } from '$lib/server/storage/staged';
import * as files from '$lib/server/request-files';
import * as requests from '$lib/server/requests';
import { carryOver, detailsFromFormData, followSuggestion, MAX_FILES, parseRequest, requestFormSchema, type RequestForm } from './schema';
import { msg } from '$lib/msg';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the page gets back: the form, and which template it is. */
export type SubmitFailure = ActionFailure<{ form: SuperValidated<RequestForm>; template: TemplateId }>;

export type SubmitResult =
	{ ok: true; id: string; published: boolean; form: SuperValidated<RequestForm> } | { ok: false; response: SubmitFailure };

/**
 * The posted form of one template, validated (or, with `errors: false`, only read). Without
 * JavaScript there is no JSON: superforms reads the common fields, and the template's come from
 * their `details.<key>` fields.
 */
export async function readRequestForm(data: FormData, template: TemplateId, today: Date, opts: { errors?: boolean } = {}) {
	const adapter = zod4(requestFormSchema(template, today));
	if (data.has('__superform_json')) return superValidate(data, adapter, { errors: opts.errors });
	const common = await superValidate(data, adapter, { errors: false });
	const details = detailsFromFormData(template, data);
	const shown = data.get('processes_suggested');
	const required_processes =
		typeof shown === 'string' ? followSuggestion(template, common.data.required_processes, shown, details) : common.data.required_processes;
	const complete = await superValidate({ ...common.data, details, required_processes }, adapter, { errors: opts.errors ?? true });
	return { ...complete, posted: true };
}

/**
 * The form moved to the template chosen in `next_template`, with everything typed kept (files must be
 * chosen again). Nothing is saved. The page shows the returned template's form.
 */
export async function switchTemplate(request: Request, from: TemplateId) {
	const today = new Date();
	const data = await request.formData();
	const next = data.get('next_template');
	const to = isTemplateId(next) ? next : from;
	const typed = await readRequestForm(data, from, today, { errors: false });
	const values = carryOver(from, to, typed.data, { nda_text: m.request_nda_default() });
	const form = await superValidate(values, zod4(requestFormSchema(to, today)), { errors: false });
	return { form: withFiles(form), template: to, switched: to !== from };
}

export async function submitRequest(
	request: Request,
	claims: Claims,
	template: TemplateId,
	opts: {
		publish: boolean;
		existing: requests.Request | null;
		companyOf: (tx: Tx) => Promise<string | null>;
		/** The author's email is confirmed: publishing waits for it (saving a draft does not). */
		emailConfirmed: boolean;
		/** A workshop to invite when the request is published ("request a quote" from its page). */
		invite?: string | null;
	}
): Promise<SubmitResult> {
	const today = new Date();
	const form = await readRequestForm(await request.formData(), template, today);
	if (!form.valid) return { ok: false, response: fail(400, withFiles({ form, template })) };
	// Before anything is written, so the form comes back as typed and nothing half-happens.
	if (opts.publish && !opts.emailConfirmed) return { ok: false, response: refuse(form, template, '', msg('err_email_unconfirmed')) };

	const uploads: files.Upload[] = [];
	for (const file of form.data.attachments) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		const checked = files.checkFile(file.name, bytes);
		if (!checked.ok) return { ok: false, response: refuse(form, template, 'attachments._errors', checked.error) };
		uploads.push({ name: file.name, bytes, contentType: checked.contentType });
	}
	const located = await places.locate(form.data.delivery_place, form.data);
	if (!located.ok) return { ok: false, response: refuse(form, template, 'delivery_place', located.error) };
	form.data.lat = located.place?.lat ?? null;
	form.data.lng = located.place?.lng ?? null;
	const input = parseRequest(template, today, form.data);

	try {
		type Outcome = { id: string } | { tooMany: true } | { refused: string };
		// Files stored for a transaction that then fails (a refused publish) are removed again.
		const result = await withUserFiles(claims, storage(), async (tx, store): Promise<Outcome> => {
			const existing = opts.existing;
			const stored = existing ? await files.count(tx, existing.id) : 0;
			if (stored + uploads.length > MAX_FILES) return { tooMany: true };
			let id: string;
			if (existing) {
				await requests.update(tx, existing, input);
				id = existing.id;
			} else {
				const key = UUID.test(form.data.submission_key) ? form.data.submission_key : null;
				const made = await requests.create(tx, claims.sub, await opts.companyOf(tx), input, key);
				// The same form posted again: the first post made (and published) it; nothing more to do.
				if (!made.created) return { id: made.id };
				id = made.id;
			}
			await files.attach(tx, store, id, claims.sub, uploads);
			if (opts.publish) {
				const saved = await requests.byId(tx, id);
				if (!saved) error(404);
				const moved = await requests.move(tx, saved, 'publish');
				if (!moved.ok) return { refused: moved.error };
				// Invitations need an open request; in the same transaction, so a published request is never without it.
				if (opts.invite) await requests.invite(tx, id, opts.invite, claims.sub);
			}
			return { id };
		});
		if ('tooMany' in result)
			return { ok: false, response: refuse(form, template, 'attachments._errors', msg('request_err_files_too_many')) };
		if ('refused' in result) return { ok: false, response: refuse(form, template, 'title', result.refused) };
		form.data.attachments = [];
		return { ok: true, id: result.id, published: opts.publish, form: withFiles(form) };
	} catch (e) {
		const message = refusal(e);
		if (!message) throw e;
		return { ok: false, response: refuse(form, template, 'title', message) };
	}
}

/** The form with an error on one field, saying which template it is (the page shows that one). */
function refuse(
	form: SuperValidated<RequestForm>,
	template: TemplateId,
	path: '' | 'title' | 'delivery_place' | 'attachments._errors',
	message: string
): SubmitFailure {
	setError(form, path, message);
	return fail(400, withFiles({ form, template }));
}
