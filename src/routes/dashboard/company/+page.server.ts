import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { z } from 'zod';
import { newSlug } from '$lib/domain/slug';
import { formatBrn } from '$lib/domain/brn';
import * as businessDetails from '$lib/server/business-details';
import * as companies from '$lib/server/companies';
import { withUser } from '$lib/server/db';
import * as places from '$lib/server/places';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { companySchema } from './schema';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';

const startup = (locals: App.Locals, url: URL) =>
	requireRole({ locals, url }, ['startup'], 'Only startups and IT firms have a company profile');

/** Without a location of its own, a company sits at its startup cluster's centre. */
function toInput(f: z.infer<typeof companySchema>, clusters: companies.StartupClusterOption[]): companies.CompanyInput {
	const cluster = clusters.find((c) => c.id === f.startup_cluster_id);
	return {
		name_ko: f.name_ko,
		name_en: f.name_en || null,
		builds_ko: f.builds_ko,
		builds_en: f.builds_en,
		startup_cluster_id: cluster?.id ?? null,
		lat: f.lat ?? cluster?.lat ?? null,
		lng: f.lng ?? cluster?.lng ?? null,
		website: f.website || null,
		business_registration_number: f.business_registration_number ? formatBrn(f.business_registration_number) : null,
		address_ko: f.address_ko
	};
}

export const load = (async ({ locals, url }) => {
	const { user, claims } = startup(locals, url);
	return withUser(claims, async (tx) => {
		const company = await companies.ownedBy(tx, user.id);
		const details = company && (await businessDetails.of(tx, { company_id: company.id }));
		const defaults = company
			? {
					...company,
					...(details ?? businessDetails.emptyDetails),
					name_en: company.name_en ?? '',
					website: company.website ?? '',
					startup_cluster_id: company.startup_cluster_id ?? '',
					business_registration_number: company.business_registration_number ?? ''
				}
			: { submission_key: newSubmissionKey() };
		return {
			form: await superValidate(defaults, zod4(companySchema), { errors: false }),
			company: company && { slug: company.slug },
			clusters: await companies.startupClusters(tx)
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		const { user, claims } = startup(locals, url);
		const form = await superValidate(request, zod4(companySchema));
		if (!form.valid) return fail(400, { form });
		// The company's place: the point picked on the map, else its address found on the server.
		const located = await places.locate(form.data.address_ko, form.data);
		if (!located.ok) return setError(form, 'address_ko', located.error);
		form.data.lat = located.place?.lat ?? null;
		form.data.lng = located.place?.lng ?? null;
		await withUser(claims, async (tx) => {
			const clusters = await companies.startupClusters(tx);
			const existing = await companies.ownedBy(tx, user.id);
			const input = toInput(form.data, clusters);
			const saved = existing
				? await companies.update(tx, existing.id, input)
				: await companies.create(
						tx,
						user.id,
						newSlug(form.data.name_en, form.data.name_ko, 'company'),
						input,
						submissionKey(form.data.submission_key)
					);
			if (saved) await businessDetails.save(tx, { company_id: saved.id }, form.data);
		});
		return message(form, 'saved');
	}
} satisfies Actions;
