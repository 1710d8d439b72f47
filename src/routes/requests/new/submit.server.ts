// Saving the request form, shared by /requests/new and /requests/[id]/edit: validate every field
// and every file before anything is written, then save, attach and (when asked) publish in one
// transaction. Errors come back on their fields, with everything typed kept.
import { error, fail } from '@sveltejs/kit';
import { setError, superValidate, withFiles, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { TemplateId } from '$lib/domain/request-templates';
import type { Claims, Tx } from '$lib/server/db';
import { withUser } from '$lib/server/db';
import { storage } from '$lib/server/ports';
import * as files from '$lib/server/request-files';
import * as requests from '$lib/server/requests';
import { MAX_FILES, parseRequest, requestFormSchema, type RequestForm } from './schema';

export type SubmitResult =
	| { ok: true; id: string; published: boolean; form: SuperValidated<RequestForm> }
	| { ok: false; response: ReturnType<typeof fail> };

/** A PostgreSQL refusal (RLS, a trigger) as the message a person reads. */
export function refusal(e: unknown): string | null {
	const code = (e as { code?: string }).code;
	if (code === '42501') return 'request_err_not_allowed';
	if (code === '23514') return 'request_err_transition';
	return null;
}

export async function submitRequest(
	request: Request,
	claims: Claims,
	template: TemplateId,
	opts: { publish: boolean; existing: requests.Request | null; companyOf: (tx: Tx) => Promise<string | null> }
): Promise<SubmitResult> {
	const today = new Date();
	const form = await superValidate(request, zod4(requestFormSchema(template, today)));
	if (!form.valid) return { ok: false, response: fail(400, withFiles({ form })) };

	const uploads: files.Upload[] = [];
	for (const file of form.data.attachments) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		const checked = files.checkFile(file.name, bytes);
		if (!checked.ok) return { ok: false, response: setError(withFiles(form), 'attachments._errors', checked.error) };
		uploads.push({ name: file.name, bytes, contentType: checked.contentType });
	}
	const input = parseRequest(template, today, form.data);

	try {
		type Outcome = { id: string } | { tooMany: true } | { refused: string };
		const result = await withUser(claims, async (tx): Promise<Outcome> => {
			const existing = opts.existing;
			const stored = existing ? await files.count(tx, existing.id) : 0;
			if (stored + uploads.length > MAX_FILES) return { tooMany: true };
			let id: string;
			if (existing) {
				await requests.update(tx, existing, input);
				id = existing.id;
			} else {
				id = await requests.create(tx, claims.sub, await opts.companyOf(tx), input);
			}
			await files.attach(tx, storage(), id, claims.sub, uploads);
			if (opts.publish) {
				const saved = await requests.byId(tx, id);
				if (!saved) error(404);
				const moved = await requests.move(tx, saved, 'publish');
				if (!moved.ok) return { refused: moved.error };
			}
			return { id };
		});
		if ('tooMany' in result) return { ok: false, response: setError(withFiles(form), 'attachments._errors', 'request_err_files_too_many') };
		if ('refused' in result) return { ok: false, response: setError(withFiles(form), 'title', result.refused) };
		form.data.attachments = [];
		return { ok: true, id: result.id, published: opts.publish, form: withFiles(form) };
	} catch (e) {
		const message = refusal(e);
		if (!message) throw e;
		return { ok: false, response: setError(withFiles(form), 'title', message) };
	}
}
