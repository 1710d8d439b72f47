import * as editor from '$lib/server/workshop-editor';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

function craftsman(event: { locals: App.Locals; url: URL }) {
	const { user, claims } = requireRole(event, ['craftsman'], 'Only craftsmen have a workshop profile');
	return { target: { kind: 'own', userId: user.id } as const, claims };
}

export const load = (async (event) => {
	const { target, claims } = craftsman(event);
	return editor.loadEditor(claims, target);
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { target, claims } = craftsman(event);
		return editor.save(event.request, claims, target);
	},
	deletePhoto: async (event) => editor.deletePhoto(event.request, craftsman(event).claims)
} satisfies Actions;
