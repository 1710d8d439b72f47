// One request, as each role sees it: the owner (state, files with their access log, matches to
// invite, participants), a workshop (NDA, files, joining), a manager of a routed cluster (forwarding).
// RLS decides what each one may read and do; this page only chooses what to show.
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { completeness } from '$lib/domain/request-templates';
import { withUser, type Tx } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as matches from '$lib/server/matches';
import * as files from '$lib/server/request-files';
import * as requests from '$lib/server/requests';
import * as workshops from '$lib/server/workshops';
import { attempt } from '$lib/server/refusal';
import type { Actions, PageServerLoad } from './$types';

const id = z.uuid();

async function visible(tx: Tx, requestId: string) {
	if (!id.safeParse(requestId).success) error(404);
	const request = await requests.byId(tx, requestId);
	if (!request) error(404);
	return request;
}

export const load = (async ({ locals, url, params }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const request = await visible(tx, params.id);
		const isOwner = request.owner_id === user.id;
		const attachments = await files.list(tx, request.id);
		const clusters = await matches.craftClusters(tx);
		const base = {
			request: { ...request, owner_id: undefined, lat: undefined, lng: undefined },
			attachments,
			routed: await requests.routedClusters(tx, request.id),
			clusterNames: matches.clusterNames(clusters),
			published: url.searchParams.has('published'),
			declined: url.searchParams.has('declined')
		};
		const [company] = request.company_id
			? await tx<
					{ name_ko: string; name_en: string | null; slug: string }[]
				>`select name_ko, name_en, slug from public.companies where id = ${request.company_id}`
			: [];

		if (isOwner) {
			const participants = await requests.participants(tx, request.id);
			const ranked = request.status === 'draft' || request.status === 'open' ? await matches.forRequest(tx, request) : [];
			return {
				...base,
				company: company ?? null,
				role: 'owner' as const,
				moves: requests.ownerMoves(request.status),
				completeness: completeness(request.template, { ...request, attachment_count: attachments.length }),
				participants,
				matches: ranked,
				accessLog: await files.accessLog(tx, request.id),
				canOpen: true
			};
		}

		const manager = user.role === 'manager' && (await requests.managesRouted(tx, request.id, user.id));
		if (manager) {
			return {
				...base,
				company: company ?? null,
				role: 'manager' as const,
				participants: await requests.participants(tx, request.id),
				candidates: request.status === 'open' ? await requests.forwardCandidates(tx, request.id, user.id) : [],
				canOpen: true
			};
		}

		if (user.role !== 'craftsman') return { ...base, company: company ?? null, role: 'viewer' as const, canOpen: false };
		const workshop = await workshops.ownedBy(tx, user.id);
		const me = workshop ? await requests.participant(tx, request.id, workshop.id) : null;
		const canOpen = !!me && me.declined_at === null && (!request.nda_required || me.nda_accepted_at !== null);
		const stillOpen = request.status === 'open' || request.status === 'closed';
		const liveQuote = !!workshop && !!me && (await requests.hasLiveQuote(tx, request.id, workshop.id));
		return {
			...base,
			company: company ?? null,
			role: 'workshop' as const,
			workshop: workshop && { id: workshop.id, name_ko: workshop.name_ko, name_en: workshop.name_en },
			participant: me,
			canJoin: !!workshop && !me && request.visibility === 'public' && request.status === 'open',
			// Taking part (or free to join a public request) and not yet declined; a live quote is withdrawn instead.
			canDecline: !!workshop && stillOpen && (me ? !me.declined_at : request.visibility === 'public' && request.status === 'open'),
			liveQuote,
			canOpen
		};
	});
}) satisfies PageServerLoad;

const moveSchema = z.object({ name: z.enum(['publish', 'close', 'reopen', 'cancel']), confirmed: z.literal('1').optional() });
/** Moves that cannot be undone: the page asks first (a dialog with JavaScript, a checkbox without). */
const CONFIRMED_MOVES = new Set(['close', 'cancel']);
const workshopSchema = z.object({ workshopId: z.uuid() });
const forwardSchema = z.object({ workshopId: z.uuid('request_forward_choose'), note: z.string().trim().max(2000, 'err_too_long') });

export const actions = {
	move: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const parsed = moveSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { moveError: 'request_err_transition' });
		if (CONFIRMED_MOVES.has(parsed.data.name) && !parsed.data.confirmed) return fail(400, { moveError: 'request_err_confirm' });
		let refused: string | null = null;
		const problem = await attempt(claims, async (tx) => {
			const current = await visible(tx, params.id);
			if (current.owner_id !== user.id) error(404);
			const moved = await requests.move(tx, current, parsed.data.name);
			if (!moved.ok) refused = moved.error;
		});
		if (problem ?? refused) return fail(400, { moveError: problem ?? refused });
		return { moved: parsed.data.name };
	},
	invite: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const parsed = workshopSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { inviteError: 'err_not_found' });
		const problem = await attempt(claims, (tx) => requests.invite(tx, params.id, parsed.data.workshopId, user.id));
		if (problem) return fail(403, { inviteError: problem, workshopId: parsed.data.workshopId });
		return { invited: parsed.data.workshopId };
	},
	join: async ({ locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const problem = await attempt(claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			if (!workshop) error(403);
			await requests.join(tx, params.id, workshop.id);
		});
		if (problem) return fail(403, { workshopError: problem });
		return { joined: true };
	},
	acceptNda: async ({ locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const problem = await attempt(claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			if (!workshop) error(403);
			await requests.acceptNda(tx, params.id, workshop.id);
		});
		if (problem) return fail(403, { workshopError: problem });
		return { ndaAccepted: true };
	},
	forward: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const values = Object.fromEntries(await request.formData());
		const parsed = forwardSchema.safeParse(values);
		if (!parsed.success) return fail(400, { forward: { values, error: parsed.error.issues[0].message } });
		const problem = await attempt(claims, (tx) => requests.forward(tx, params.id, parsed.data.workshopId, user.id, parsed.data.note));
		if (problem) return fail(403, { forward: { values, error: problem } });
		return { forwarded: true };
	}
} satisfies Actions;
