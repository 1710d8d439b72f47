import { error } from '@sveltejs/kit';
import * as companies from '$lib/server/companies';
import { withUser } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const company = await withUser(locals.claims, (tx) => companies.bySlug(tx, params.slug));
	if (!company) error(404);
	// The registration number and address are for paperwork, not the public page.
	const { owner_id, business_registration_number: _brn, address_ko: _address, ...shown } = company;
	return { company: shown, isOwner: !!locals.user && owner_id === locals.user.id };
}) satisfies PageServerLoad;
