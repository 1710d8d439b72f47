import { error, redirect } from '@sveltejs/kit';
import * as editor from '$lib/server/workshop-editor';
import type { Actions, PageServerLoad } from './$types';

function craftsman(locals: App.Locals) {
	if (!locals.user || !locals.claims) redirect(303, '/login?redirectTo=/dashboard/workshop');
	if (locals.user.role !== 'craftsman') error(403, 'Only craftsmen have a workshop profile');
	return { target: { kind: 'own', userId: locals.user.id } as const, claims: locals.claims };
}

export const load = (async ({ locals }) => {
	const { target, claims } = craftsman(locals);
	return editor.loadEditor(claims, target);
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals }) => {
		const { target, claims } = craftsman(locals);
		return editor.save(request, claims, target);
	},
	deletePhoto: async ({ request, locals }) => editor.deletePhoto(request, craftsman(locals).claims)
} satisfies Actions;
