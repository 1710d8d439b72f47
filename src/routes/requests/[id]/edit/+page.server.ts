import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { isTemplateId, suggestedProcesses, type TemplateId } from '$lib/domain/request-templates';
import { m } from '$lib/paraglide/messages';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { storage } from '$lib/server/ports';
import { withUserFiles } from '$lib/server/storage/staged';
import * as files from '$lib/server/request-files';
import * as requests from '$lib/server/requests';
import * as workshops from '$lib/server/workshops';
import { formValues, requestFormSchema } from '../../new/schema';
import { submitRequest, switchTemplate } from '../../new/submit.server';
import type { Actions, PageServerLoad } from './$types';
import { CONFIRM_REMOVE } from './confirm';
import { msg } from '$lib/msg';

const EDITABLE = ['draft', 'open', 'closed'];

const removeFileSchema = z.object({ attachmentId: z.uuid(msg('err_not_found')), confirmed: z.boolean().default(false) });

/** The owner's request, while it can still be edited; 404 for anyone else (a path reveals nothing). */
async function ownRequest(locals: App.Locals, url: URL, id: string) {
	const { user, claims } = requireUser({ locals, url });
	if (!z.uuid().safeParse(id).success) error(404);
	const request = await withUser(claims, (tx) => requests.byId(tx, id));
	if (!request || request.owner_id !== user.id) error(404);
	if (!EDITABLE.includes(request.status)) redirect(303, `/requests/${id}`);
	return { claims, request };
}

/** A draft may switch template (?template=); a published request keeps its own. */
function templateOf(request: requests.Request, url: URL): TemplateId {
	const asked = url.searchParams.get('template');
	return request.status === 'draft' && isTemplateId(asked) ? asked : request.template;
}

export const load = (async ({ locals, url, params }) => {
	const { claims, request } = await ownRequest(locals, url, params.id);
	const template = templateOf(request, url);
	const stored =
		request.template === template ? request : { ...request, details: {}, required_processes: suggestedProcesses(template, {}) };
	const values = formValues(template, stored, { nda_text: m.request_nda_default(), required_processes: [] });
	return {
		request: { id: request.id, title: request.title, status: request.status, template: request.template },
		template,
		form: await superValidate(values, zod4(requestFormSchema(template, new Date())), { errors: false }),
		attachments: await withUser(claims, (tx) => files.list(tx, request.id)),
		accept: files.ACCEPT,
		saved: url.searchParams.has('saved'),
		target: request.status === 'draft' ? await withUser(claims, (tx) => workshops.quoteTarget(tx, url.searchParams.get('workshop'))) : null
	};
}) satisfies PageServerLoad;

async function submit(event: { request: Request; locals: App.Locals; url: URL; params: { id: string } }, publish: boolean) {
	const { claims, request } = await ownRequest(event.locals, event.url, event.params.id);
	const template = templateOf(request, event.url);
	// A draft begun with "request a quote" on a workshop's page invites that workshop when published.
	const target =
		request.status === 'draft' ? await withUser(claims, (tx) => workshops.quoteTarget(tx, event.url.searchParams.get('workshop'))) : null;
	const result = await submitRequest(event.request, claims, template, {
		publish: publish && request.status === 'draft',
		existing: request,
		companyOf: () => Promise.resolve(request.company_id),
		emailConfirmed: event.locals.user?.emailConfirmed ?? false,
		invite: target?.id ?? null
	});
	if (!result.ok) return result.response;
	if (result.published) redirect(303, `/requests/${request.id}?published=1`);
	result.form.message = 'saved';
	return { form: result.form, template };
}

export const actions = {
	save: (event) => submit(event, false),
	publish: (event) => submit(event, true),
	switchTemplate: async ({ request, locals, url, params }) => {
		const { request: stored } = await ownRequest(locals, url, params.id);
		if (stored.status !== 'draft') error(400, 'A published request keeps its template');
		return switchTemplate(request, templateOf(stored, url));
	},
	removeFile: async ({ request, locals, url, params }) => {
		const { claims } = await ownRequest(locals, url, params.id);
		const form = await superValidate(request, zod4(removeFileSchema), { id: 'removeFile' });
		if (!form.valid) return fail(400, { form });
		// Removing deletes the file from storage: asked first. With JavaScript a dialog sets `confirmed`;
		// without it, this answer shows the question with a button that sends it.
		if (!form.data.confirmed) return message(form, CONFIRM_REMOVE, { status: 400 });
		const removed = await withUserFiles(claims, storage(), (tx, store) => files.remove(tx, store, params.id, form.data.attachmentId));
		if (!removed) return setError(form, '', msg('request_err_not_allowed'), { status: 403 });
		return message(form, 'request_file_removed');
	}
} satisfies Actions;
