// Claim codes to print for members who are not online: one card per member (the selected ones, or the
// ones given by ?w=), each with its code, the site to type it in and a QR code of the claim link.
import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { z } from 'zod';
import { formatClaimCode } from '$lib/domain/roster';
import { config } from '$lib/server/config';
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as memberships from '$lib/server/memberships';
import * as roster from '$lib/server/roster';
import type { PageServerLoad } from './$types';

const MAX_CARDS = 200;

export const load = (async (event) => {
	const { user, claims } = requireRole(event, ['manager'], 'Cluster managers only');
	const ids = event.url.searchParams
		.getAll('w')
		.filter((w) => z.uuid().safeParse(w).success)
		.slice(0, MAX_CARDS);
	const origin = config().origin ?? event.url.origin;
	return withUser(claims, async (tx) => {
		const cluster = await memberships.consoleCluster(tx, user, event.params.slug);
		if (!cluster) error(404);
		const { members } = ids.length ? await roster.unclaimed(tx, cluster.id, { ids, perPage: MAX_CARDS }) : { members: [] };
		const cards = await Promise.all(
			members.map(async (u) => {
				const link = `${origin}/claim?code=${u.claim_code}`;
				return {
					workshop_id: u.workshop_id,
					name_ko: u.name_ko,
					brn_tail: u.brn.slice(-5),
					code: formatClaimCode(u.claim_code),
					link,
					qr: await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
				};
			})
		);
		return {
			cluster: { slug: cluster.slug, name_ko: cluster.name_ko, name_en: cluster.name_en },
			site: new URL(origin).host + '/claim',
			cards
		};
	});
}) satisfies PageServerLoad;
