// The support programs open now; for a craftsman, per workshop, which ones it is eligible for and the
// rule that excludes each of the others, a way to apply to the eligible ones, and their applications.
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { noNul } from '$lib/form-messages';
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as programs from '$lib/server/programs';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	return withUser(locals.claims, async (tx) => {
		const now = new Date();
		const craftsman = locals.user?.role === 'craftsman';
		const workshops = craftsman ? await programs.workshopsOf(tx, locals.user!.id) : [];
		const checks = [];
		for (const w of workshops) {
			const results = await programs.eligibility(tx, w, now);
			checks.push({
				workshop: { id: w.id, name_ko: w.name_ko },
				results: results.map((r) => ({ slug: r.program.slug, excluded: r.excluded.map((e) => ({ ko: e.ko, en: e.en })) }))
			});
		}
		const mine = craftsman ? await programs.applicationsOf(tx, locals.user!.id) : [];
		return {
			programs: await programs.list(tx, { openAt: now }),
			checks,
			applications: mine.map((a) => ({
				id: a.id,
				program_slug: a.program_slug,
				program_title_ko: a.program_title_ko,
				program_title_en: a.program_title_en,
				workshop_id: a.workshop_id,
				workshop_name: a.workshop_name,
				status: a.status
			}))
		};
	});
}) satisfies PageServerLoad;

const applySchema = z.object({ program: z.string().min(1).max(100).refine(noNul), workshop: z.uuid() });

export const actions = {
	// Starts the workshop's application (or opens the one it has): eligibility is checked again here.
	apply: async ({ request, locals, url }) => {
		const { user, claims } = requireRole({ locals, url }, ['craftsman']);
		const parsed = applySchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { applyError: 'program_err_not_owner' as const });
		const result = await withUser(claims, async (tx) => {
			const program = await programs.bySlug(tx, parsed.data.program);
			if (!program) return { ok: false as const, error: 'program_err_closed' as const };
			return programs.start(tx, user.id, program, parsed.data.workshop);
		});
		if (!result.ok) return fail(400, { applyError: result.error, program: parsed.data.program });
		redirect(303, `/programs/applications/${result.id}`);
	}
} satisfies Actions;
