// Data module: the operator's side of clusters — designating new ones, editing, archiving, and
// appointing their managers by email. Runs in the operator's RLS transaction; the policies and the
// security-definer functions (operator_console migration) refuse anyone else.
import type { Tx } from './db';

export interface ClusterInput {
	slug: string;
	kind: 'craft' | 'startup';
	name_ko: string;
	name_en: string;
	specialty_ko: string;
	specialty_en: string;
	trade_code: string | null;
	region_ko: string;
	region_en: string;
	district_ko: string;
	district_en: string;
	district_kind: 'district' | 'county';
	areas_ko: string[];
	lat: number;
	lng: number;
	description_ko: string;
	description_en: string;
}

export interface AdminCluster extends ClusterInput {
	id: string;
	archived_at: Date | null;
	members: number;
	pending: number;
	managers: { user_id: string; email: string; display_name: string }[];
}

const columns = [
	'slug',
	'kind',
	'name_ko',
	'name_en',
	'specialty_ko',
	'specialty_en',
	'trade_code',
	'region_ko',
	'region_en',
	'district_ko',
	'district_en',
	'district_kind',
	'areas_ko',
	'lat',
	'lng',
	'description_ko',
	'description_en'
] as const;

/** Every cluster, archived ones last, with member counts and managers. */
export async function listAll(tx: Tx): Promise<AdminCluster[]> {
	const [clusters, managers] = await Promise.all([
		tx<Omit<AdminCluster, 'managers'>[]>`
			select c.id, ${tx(columns.map((c) => `c.${c}`))}, c.archived_at,
				count(m.id) filter (where m.status = 'approved')::int as members,
				count(m.id) filter (where m.status = 'pending')::int as pending
			from public.clusters c left join public.cluster_memberships m on m.cluster_id = c.id
			group by c.id
			order by c.archived_at is not null, c.kind, c.name_ko`,
		tx<{ cluster_id: string; user_id: string; email: string; display_name: string }[]>`select * from private.manager_accounts()`
	]);
	return clusters.map((c) => ({
		...c,
		specialty_ko: c.specialty_ko ?? '',
		specialty_en: c.specialty_en ?? '',
		description_ko: c.description_ko ?? '',
		description_en: c.description_en ?? '',
		managers: managers.filter((m) => m.cluster_id === c.id).map(({ user_id, email, display_name }) => ({ user_id, email, display_name }))
	}));
}

export async function get(tx: Tx, slug: string): Promise<AdminCluster | null> {
	return (await listAll(tx)).find((c) => c.slug === slug) ?? null;
}

const nullable = (input: ClusterInput) => ({
	...input,
	specialty_ko: input.specialty_ko || null,
	specialty_en: input.specialty_en || null,
	description_ko: input.description_ko || null,
	description_en: input.description_en || null,
	trade_code: input.trade_code || null
});

export type SaveResult = { ok: true; slug: string } | { ok: false; error: 'slug_taken' | 'unknown_trade' | 'not_allowed' };

async function guarded(fn: () => Promise<string | null>): Promise<SaveResult> {
	try {
		const slug = await fn();
		return slug ? { ok: true, slug } : { ok: false, error: 'not_allowed' };
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === '23505') return { ok: false, error: 'slug_taken' };
		if (code === '23503') return { ok: false, error: 'unknown_trade' };
		if (code === '42501') return { ok: false, error: 'not_allowed' };
		throw e;
	}
}

/**
 * A new cluster. With a submission key (made with the empty form), a second post of the same form makes
 * nothing: it answers the first's cluster (instead of its slug being taken by it).
 */
export function create(tx: Tx, input: ClusterInput, submissionKey: string | null = null): Promise<SaveResult> {
	const made = async () => {
		if (!submissionKey) return null;
		const [row] = await tx<{ slug: string }[]>`select slug from public.clusters where submission_key = ${submissionKey}`;
		return row?.slug ?? null;
	};
	return guarded(async () => {
		const earlier = await made();
		if (earlier) return earlier;
		try {
			const [row] = await tx.savepoint(
				(sp) => sp<
					{ slug: string }[]
				>`insert into public.clusters ${sp({ ...nullable(input), submission_key: submissionKey }, ...columns, 'submission_key')}
					on conflict (submission_key) where submission_key is not null do nothing returning slug`
			);
			return row?.slug ?? (await made());
		} catch (e) {
			// The slug taken by a second post's first, which finished while this one was inserting.
			const first = (e as { code?: string }).code === '23505' ? await made() : null;
			if (first) return first;
			throw e;
		}
	});
}

export function update(tx: Tx, id: string, input: ClusterInput): Promise<SaveResult> {
	return guarded(async () => {
		const [row] = await tx.savepoint(
			(sp) => sp<{ slug: string }[]>`update public.clusters set ${sp(nullable(input), ...columns)} where id = ${id} returning slug`
		);
		return row?.slug ?? null;
	});
}

/** Archives (or restores) a cluster: it leaves listings and routing, its history stays. */
export async function setArchived(tx: Tx, id: string, archived: boolean): Promise<boolean> {
	try {
		const rows = await tx.savepoint((sp) => sp`update public.clusters set archived_at = ${archived ? sp`now()` : null} where id = ${id}`);
		return rows.count === 1;
	} catch (e) {
		if ((e as { code?: string }).code === '42501') return false;
		throw e;
	}
}

/** Appoints the account with this address as a manager of the cluster; false when there is no such account. */
export async function appointManager(tx: Tx, clusterId: string, email: string): Promise<boolean> {
	const [row] = await tx<{ id: string | null }[]>`select private.appoint_manager(${clusterId}, ${email}) as id`;
	return row.id !== null;
}

export async function removeManager(tx: Tx, clusterId: string, userId: string): Promise<boolean> {
	const rows = await tx`delete from public.cluster_managers where cluster_id = ${clusterId} and user_id = ${userId}`;
	return rows.count === 1;
}
