// The center's machines for its staff, archived ones too: add one, edit one.
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import type { PageServerLoad } from './$types';
import { staffCenter } from '../center';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	return withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		return { center, machines: await staff.machinesOf(tx, center.id) };
	});
}) satisfies PageServerLoad;
