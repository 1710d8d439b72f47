// Deleting a draft: this page is the confirmation step (it works without JavaScript) and lists what
// goes with it. Only the owner's drafts: once published, someone may have opened the files. The
// draft's files leave storage once the deletion is committed.
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser, type Tx } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { storage } from '$lib/server/ports';
import * as files from '$lib/server/request-files';
import * as requests from '$lib/server/requests';
import { withUserFiles } from '$lib/server/storage/staged';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

/** The caller's own draft; 404 for anyone else's request, back to the request once published. */
async function ownDraft(tx: Tx, userId: string, id: string) {
	if (!z.uuid().safeParse(id).success) error(404);
	const request = await requests.byId(tx, id);
	if (!request || request.owner_id !== userId) error(404);
	if (request.status !== 'draft') redirect(303, `/requests/${id}`);
	return request;
}

export const load = (async ({ locals, url, params }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const request = await ownDraft(tx, user.id, params.id);
		return { request: { id: request.id, title: request.title }, attachments: await files.list(tx, request.id) };
	});
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const deleted = await withUserFiles(claims, storage(), async (tx, store) =>
			requests.removeDraft(tx, store, await ownDraft(tx, user.id, params.id))
		);
		if (!deleted) return fail(403, { error: msg('request_err_not_allowed') });
		redirect(303, '/requests?deleted=1');
	}
} satisfies Actions;
