import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import * as memberships from '$lib/server/memberships';
import * as photos from '$lib/server/photos';
import * as reviews from '$lib/server/reviews';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	return withUser(locals.claims, async (tx) => {
		const workshop = await workshops.bySlug(tx, params.slug);
		if (!workshop) error(404);
		const clusters = (await memberships.forWorkshop(tx, workshop.id)).filter((ms) => ms.status === 'approved');
		const { business_registration_number, owner_id, ...shown } = workshop;
		return {
			workshop: { ...shown, brn: business_registration_number },
			isOwner: !!locals.user && owner_id === locals.user.id,
			clusters,
			photos: await photos.listPhotos(tx, workshop.id),
			scorecard: await reviews.workshopCard(tx, workshop.id),
			reviews: await reviews.aboutWorkshop(tx, workshop.id)
		};
	});
}) satisfies PageServerLoad;
