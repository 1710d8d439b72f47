// The support programs open now; for a craftsman, per workshop, which ones it is eligible for and the
// rule that excludes each of the others.
import { withUser } from '$lib/server/db';
import * as programs from '$lib/server/programs';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	return withUser(locals.claims, async (tx) => {
		const now = new Date();
		const workshops = locals.user?.role === 'craftsman' ? await programs.workshopsOf(tx, locals.user.id) : [];
		const checks = [];
		for (const w of workshops) {
			const results = await programs.eligibility(tx, w, now);
			checks.push({
				workshop: { id: w.id, name_ko: w.name_ko },
				results: results.map((r) => ({ slug: r.program.slug, excluded: r.excluded.map((e) => ({ ko: e.ko, en: e.en })) }))
			});
		}
		return { programs: await programs.list(tx, { openAt: now }), checks };
	});
}) satisfies PageServerLoad;
