// Puts the evaluation's profiles into the database the way people do: a craftsman account, the
// workshop form saved through its own server function (same schema, same validation, same
// transaction), an application to the cluster, the cluster manager's approval, and the manager's
// verified / featured flags where a profile has them. Returns each profile's workshop id by key.
import type { Sql } from 'postgres';
import { withUser, type Claims } from '../../src/lib/server/db';
import * as memberships from '../../src/lib/server/memberships';
import { save } from '../../src/lib/server/workshop-editor';
import { setCuration } from '../../src/lib/server/workshops';
import type { ClusterKey, EvalProfile, ProfileForm } from './search-profiles';

/** The seed's four designated clusters and their managers (supabase/seed.sql). */
const CLUSTERS: Record<ClusterKey, { id: string; manager: string }> = {
	jongno: { id: '00000000-0000-4000-8000-00000000c001', manager: '00000000-0000-4000-8000-000000000a01' },
	seongsu: { id: '00000000-0000-4000-8000-00000000c002', manager: '00000000-0000-4000-8000-000000000a02' },
	mullae: { id: '00000000-0000-4000-8000-00000000c003', manager: '00000000-0000-4000-8000-000000000a03' },
	cheongju: { id: '00000000-0000-4000-8000-00000000c004', manager: '00000000-0000-4000-8000-000000000a04' }
};

const claimsOf = (sub: string): Claims => ({ sub, role: 'authenticated' });

/** The form as the browser posts it: every field a string, empty when left blank. */
function formRequest(form: ProfileForm): Request {
	const body = new FormData();
	const text = (v: string | number | undefined) => (v === undefined ? '' : String(v));
	const fields: Record<string, string> = {
		name_ko: form.name_ko,
		name_en: text(form.name_en),
		trade_code: form.trade_code,
		employees: text(form.employees),
		business_registration_number: '',
		address_ko: '',
		district_ko: form.district_ko,
		lat: text(form.lat),
		lng: text(form.lng),
		description_ko: text(form.description_ko),
		description_en: text(form.description_en),
		processes: text(form.processes),
		equipment: text(form.equipment),
		materials: text(form.materials),
		certifications: text(form.certifications),
		min_order_units: text(form.min_order_units),
		lead_time_days: text(form.lead_time_days),
		monthly_capacity_units: '',
		representative_name: '',
		business_type: '',
		business_item: '',
		tax_email: ''
	};
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	if (form.accepting_orders !== false) body.set('accepting_orders', 'on');
	return new Request('http://localhost/dashboard/workshop?/save', { method: 'POST', body });
}

export interface SignedUp {
	/** Workshop id by profile key. */
	ids: Map<string, string>;
	/** The accounts created, for cleaning up. */
	users: string[];
}

export async function signUpProfiles(sql: Sql, profiles: readonly EvalProfile[], run: string): Promise<SignedUp> {
	const ids = new Map<string, string>();
	const users: string[] = [];
	for (const profile of profiles) {
		// Sign-up: GoTrue inserts the user, the database trigger makes the craftsman profile.
		const [{ id: userId }] = await sql<{ id: string }[]>`
			insert into auth.users (email, email_confirmed_at, raw_user_meta_data)
			values (${`eval-${profile.key}-${run}@example.test`}, now(), ${sql.json({ role: 'craftsman', display_name: profile.form.name_ko })})
			returning id`;
		users.push(userId);
		const claims = claimsOf(userId);
		const result = await save(formRequest(profile.form), claims, { kind: 'own', userId });
		if ('status' in result) throw new Error(`${profile.key}: the form refused the profile: ${JSON.stringify(result.data.form.errors)}`);

		const cluster = CLUSTERS[profile.cluster];
		const workshopId = await withUser(claims, async (tx) => {
			const [{ id }] = await tx<{ id: string }[]>`select id from public.workshops where owner_id = ${userId}`;
			const applied = await memberships.apply(tx, id, cluster.id, '집적지에 입주한 공방입니다.');
			if (!applied.ok) throw new Error(`${profile.key}: could not apply: ${applied.error}`);
			return id;
		});
		const manager = claimsOf(cluster.manager);
		await withUser(manager, async (tx) => {
			const pending = await memberships.forCluster(tx, cluster.id, 'pending');
			const application = pending.find((a) => a.workshop_id === workshopId);
			if (!application || !(await memberships.decide(tx, application.id, cluster.manager, { status: 'approved', reason: null })))
				throw new Error(`${profile.key}: the manager could not approve it`);
			if (profile.curation && !(await setCuration(tx, workshopId, profile.curation)))
				throw new Error(`${profile.key}: the manager could not set its flags`);
		});
		ids.set(profile.key, workshopId);
	}
	return { ids, users };
}

/** Removes the evaluation's workshops and accounts again (their memberships and documents cascade). */
export async function removeProfiles(sql: Sql, signedUp: SignedUp): Promise<void> {
	const workshops = [...signedUp.ids.values()];
	await sql`delete from public.workshops where id = any(${workshops}::uuid[])`;
	await sql`delete from auth.users where id = any(${signedUp.users}::uuid[])`;
}
