import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as memberships from '$lib/server/memberships';
import * as editor from '$lib/server/workshop-editor';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A manager edits approved members (without an account) of a cluster they manage; anything else is a 404. */
async function authorize({ locals, params, url }: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const { user, claims } = requireUser({ locals, url });
	const workshopId = z.uuid().safeParse(params.id);
	if (!workshopId.success) error(404);
	const userId = user.id;
	const cluster = await withUser(claims, async (tx) => {
		const managed = (await memberships.managedBy(tx, userId)).find((c) => c.slug === params.slug);
		if (!managed) return null;
		const approved = await memberships.forCluster(tx, managed.id, 'approved');
		// Members with an account of their own keep their profile themselves.
		return approved.some((a) => a.workshop_id === workshopId.data && !a.online) ? managed : null;
	});
	if (!cluster) error(404);
	return { claims, cluster, target: { kind: 'member', workshopId: workshopId.data } as const };
}

export const load = (async (event) => {
	const { claims, cluster, target } = await authorize(event);
	return {
		...(await editor.loadEditor(claims, target)),
		cluster: { slug: cluster.slug, name_ko: cluster.name_ko, name_en: cluster.name_en }
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { claims, target } = await authorize(event);
		return editor.save(event.request, claims, target);
	},
	deletePhoto: async (event) => editor.deletePhoto(event.request, (await authorize(event)).claims)
} satisfies Actions;
