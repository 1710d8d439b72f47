import { error } from '@sveltejs/kit';
import * as companies from '$lib/server/companies';
import { withUser } from '$lib/server/db';
import * as reviews from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const found = await withUser(locals.claims, async (tx) => {
		const company = await companies.bySlug(tx, params.slug);
		if (!company) return null;
		return { company, scorecard: await reviews.buyerCard(tx, company.id), reviews: await reviews.aboutCompany(tx, company.id) };
	});
	if (!found) error(404);
	const { company, scorecard } = found;
	// The registration number and address are for paperwork, not the public page.
	const { owner_id, business_registration_number: _brn, address_ko: _address, ...shown } = company;
	return { company: shown, isOwner: !!locals.user && owner_id === locals.user.id, scorecard, reviews: found.reviews };
}) satisfies PageServerLoad;
