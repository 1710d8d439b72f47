// One request, as each role sees it: the owner (state, files with their access log, matches to
// invite, participants), a workshop (NDA, files, joining), a manager of a routed cluster (forwarding).
// RLS decides what each one may read and do; this page only chooses what to show.
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { approximate } from '$lib/domain/geo';
import { completeness } from '$lib/domain/request-templates';
import * as companies from '$lib/server/companies';
import { withUser, type Tx } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as matches from '$lib/server/matches';
import { pick } from '$lib/server/pick';
import * as files from '$lib/server/request-files';
import * as requests from '$lib/server/requests';
import * as reviews from '$lib/server/reviews';
import * as workshops from '$lib/server/workshops';
import { attempt } from '$lib/server/refusal';
import type { Actions, PageServerLoad } from './$types';
import { forwardSchema, inviteSchema, moveSchema, workshopSchema } from './schema';

const id = z.uuid();

/** The request's columns this page shows; anything else (its owner, its exact location) stays here. */
const SHOWN = [
	'id',
	'template',
	'title',
	'description',
	'details',
	'quantity',
	'budget_min_krw',
	'budget_max_krw',
	'deadline',
	'delivery_place',
	'visibility',
	'nda_required',
	'nda_text',
	'required_processes',
	'status',
	'published_at',
	'updated_at'
] as const;

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
		const point = request.lat !== null && request.lng !== null ? { lat: request.lat, lng: request.lng } : null;
		const base = {
			request: pick(request, SHOWN),
			// The owner's own point; anyone else gets the neighbourhood (the door stays here).
			place: point && (isOwner ? { ...point, exact: true } : { ...approximate(point), exact: false }),
			attachments,
			routed: await requests.routedClusters(tx, request.id),
			clusterNames: matches.clusterNames(clusters),
			published: url.searchParams.has('published'),
			declined: url.searchParams.has('declined')
		};
		const company = request.company_id ? await companies.nameById(tx, request.company_id) : null;

		if (isOwner) {
			const participants = await requests.participants(tx, request.id);
			const ranked = request.status === 'draft' || request.status === 'open' ? await matches.forRequest(tx, request) : [];
			return {
				...base,
				company,
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
				company,
				role: 'manager' as const,
				participants: await requests.participants(tx, request.id),
				// Best match first, by the score and reasons the owner's own matches use.
				candidates:
					request.status === 'open'
						? await matches.rankMembers(tx, request, await requests.forwardCandidates(tx, request.id, user.id))
						: [],
				canOpen: true
			};
		}

		if (user.role !== 'craftsman') return { ...base, company, role: 'viewer' as const, canOpen: false };
		const workshop = await workshops.ownedBy(tx, user.id);
		const me = workshop ? await requests.participant(tx, request.id, workshop.id) : null;
		const canOpen = !!me && me.declined_at === null && (!request.nda_required || me.nda_accepted_at !== null);
		const stillOpen = request.status === 'open' || request.status === 'closed';
		const liveQuote = !!workshop && !!me && (await requests.hasLiveQuote(tx, request.id, workshop.id));
		return {
			...base,
			company,
			role: 'workshop' as const,
			workshop: workshop && { id: workshop.id, name_ko: workshop.name_ko, name_en: workshop.name_en },
			participant: me,
			canJoin: !!workshop && !me && request.visibility === 'public' && request.status === 'open',
			// Taking part (or free to join a public request) and not yet declined; a live quote is withdrawn instead.
			canDecline: !!workshop && stillOpen && (me ? !me.declined_at : request.visibility === 'public' && request.status === 'open'),
			liveQuote,
			canOpen,
			// A craftsman deciding whether to quote sees how this buyer has dealt before.
			buyerCard: request.company_id ? await reviews.buyerCard(tx, request.company_id) : null
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	move: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(moveSchema), { id: 'move' });
		if (!form.valid) return fail(400, { form });
		let refused: string | null = null;
		const problem = await attempt(claims, async (tx) => {
			const current = await visible(tx, params.id);
			if (current.owner_id !== user.id) error(404);
			const moved = await requests.move(tx, current, form.data.name);
			if (!moved.ok) refused = moved.error;
		});
		if (problem ?? refused) return setError(form, '', problem ?? refused ?? '');
		return message(form, 'request_moved');
	},
	invite: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(inviteSchema), { id: 'invite' });
		if (!form.valid) return fail(400, { form });
		const problem = await attempt(claims, (tx) => requests.invite(tx, params.id, form.data.workshopId, user.id));
		if (problem) return setError(form, '', problem, { status: 403 });
		return message(form, 'request_invited');
	},
	join: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(workshopSchema), { id: 'workshop' });
		const problem = await attempt(claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			if (!workshop) error(403);
			await requests.join(tx, params.id, workshop.id);
		});
		if (problem) return setError(form, '', problem, { status: 403 });
		return message(form, 'request_joined');
	},
	acceptNda: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(workshopSchema), { id: 'workshop' });
		const problem = await attempt(claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			if (!workshop) error(403);
			await requests.acceptNda(tx, params.id, workshop.id);
		});
		if (problem) return setError(form, '', problem, { status: 403 });
		return message(form, 'request_nda_accepted');
	},
	forward: async ({ request, locals, url, params }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(forwardSchema), { id: 'forward' });
		if (!form.valid) return fail(400, { form });
		const problem = await attempt(claims, (tx) => requests.forward(tx, params.id, form.data.workshopId, user.id, form.data.note));
		if (problem) return setError(form, '', problem, { status: 403 });
		return message(form, 'request_forwarded');
	}
} satisfies Actions;
