// One cluster for the operator: edit it, archive or restore it, appoint and remove its managers.
import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser, type Claims } from '$lib/server/db';
import * as clusterAdmin from '$lib/server/cluster-admin';
import * as trades from '$lib/server/trades';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { appointSchema, archiveSchema, areaList, clusterSchema, removeManagerSchema } from '../../schema';
import { msg } from '$lib/msg';

function operator(event: Pick<RequestEvent, 'locals' | 'url'>): Claims {
	return requireRole(event, ['operator'], 'Operator only').claims;
}

async function clusterOf(claims: Claims, slug: string) {
	const cluster = await withUser(claims, (tx) => clusterAdmin.get(tx, slug));
	if (!cluster) error(404);
	return cluster;
}

export const load = (async (event) => {
	const claims = operator(event);
	const cluster = await clusterOf(claims, event.params.slug);
	const { id, archived_at, members, pending, managers, areas_ko, ...fields } = cluster;
	return {
		cluster: {
			id,
			slug: cluster.slug,
			name_ko: cluster.name_ko,
			name_en: cluster.name_en,
			kind: cluster.kind,
			archived_at,
			members,
			pending,
			managers
		},
		created: event.url.searchParams.has('created'),
		trades: await withUser(claims, (tx) => trades.designated(tx)),
		form: await superValidate({ ...fields, trade_code: fields.trade_code ?? '', areas: areas_ko.join(', ') }, zod4(clusterSchema), {
			id: 'cluster',
			errors: false
		}),
		appointForm: await superValidate(zod4(appointSchema), { id: 'appoint' })
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const claims = operator(event);
		const cluster = await clusterOf(claims, event.params.slug);
		const form = await superValidate(event.request, zod4(clusterSchema), { id: 'cluster' });
		if (!form.valid) return fail(400, { form });
		const { areas, ...rest } = form.data;
		const result = await withUser(claims, (tx) =>
			clusterAdmin.update(tx, cluster.id, {
				...rest,
				trade_code: rest.kind === 'craft' ? rest.trade_code : null,
				areas_ko: areaList(areas)
			})
		);
		if (!result.ok) {
			if (result.error === 'slug_taken') return setError(form, 'slug', msg('console_err_slug_taken'));
			if (result.error === 'unknown_trade') return setError(form, 'trade_code', msg('console_err_trade_required'));
			return setError(form, '', msg('err_not_found'), { status: 403 });
		}
		if (result.slug !== cluster.slug) redirect(303, `/admin/clusters/${result.slug}`);
		return message(form, 'console_cluster_saved');
	},
	archive: async (event) => {
		const claims = operator(event);
		const cluster = await clusterOf(claims, event.params.slug);
		const form = await superValidate(event.request, zod4(archiveSchema), { id: 'archive' });
		if (!form.valid) return fail(400, { form });
		await withUser(claims, (tx) => clusterAdmin.setArchived(tx, cluster.id, form.data.archived));
		return message(form, form.data.archived ? 'console_cluster_archived_done' : 'console_cluster_restored_done');
	},
	appoint: async (event) => {
		const claims = operator(event);
		const cluster = await clusterOf(claims, event.params.slug);
		const form = await superValidate(event.request, zod4(appointSchema), { id: 'appoint' });
		if (!form.valid) return fail(400, { form });
		const ok = await withUser(claims, (tx) => clusterAdmin.appointManager(tx, cluster.id, form.data.email));
		if (!ok) return setError(form, 'email', msg('console_err_no_account'));
		return message(form, 'console_manager_appointed');
	},
	removeManager: async (event) => {
		const claims = operator(event);
		const cluster = await clusterOf(claims, event.params.slug);
		const form = await superValidate(event.request, zod4(removeManagerSchema), { id: 'removeManager' });
		if (!form.valid) return fail(400, { form });
		const ok = await withUser(claims, (tx) => clusterAdmin.removeManager(tx, cluster.id, form.data.userId));
		if (!ok) return setError(form, '', msg('err_not_found'), { status: 404 });
		return message(form, 'console_manager_removed');
	}
} satisfies Actions;
