// The operator's clusters: every cluster (archived ones last) and the form to designate a new one.
import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import * as clusterAdmin from '$lib/server/cluster-admin';
import * as trades from '$lib/server/trades';
import { requireRole } from '$lib/server/guards';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { areaList, clusterSchema } from '../schema';
import { msg } from '$lib/msg';

export const load = (async (event) => {
	const { claims } = requireRole(event, ['operator'], 'Operator only');
	return withUser(claims, async (tx) => ({
		clusters: await clusterAdmin.listAll(tx),
		trades: await trades.designated(tx),
		form: await superValidate({ submission_key: newSubmissionKey() }, zod4(clusterSchema), { id: 'cluster', errors: false })
	}));
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const { claims } = requireRole(event, ['operator'], 'Operator only');
		const form = await superValidate(event.request, zod4(clusterSchema), { id: 'cluster' });
		if (!form.valid) return fail(400, { form });
		const { areas, submission_key, ...rest } = form.data;
		const result = await withUser(claims, (tx) =>
			clusterAdmin.create(
				tx,
				{ ...rest, trade_code: rest.kind === 'craft' ? rest.trade_code : null, areas_ko: areaList(areas) },
				submissionKey(submission_key)
			)
		);
		if (!result.ok) {
			if (result.error === 'slug_taken') return setError(form, 'slug', msg('console_err_slug_taken'));
			if (result.error === 'unknown_trade') return setError(form, 'trade_code', msg('console_err_trade_required'));
			return setError(form, '', msg('err_not_found'), { status: 403 });
		}
		redirect(303, `/admin/clusters/${result.slug}?created=1`);
	}
} satisfies Actions;
