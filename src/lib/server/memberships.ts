// Data module: applications of workshops to SE clusters and managers' decisions on them.
import type { Tx } from './db';
import { MEMBERS_PER_PAGE, type FlagFilter, type MemberFilter } from '$lib/domain/member-table';

export type MembershipStatus = 'pending' | 'approved' | 'rejected';

export interface Membership {
	id: string;
	cluster_id: string;
	cluster_slug: string;
	cluster_name_ko: string;
	cluster_name_en: string;
	status: MembershipStatus;
	message: string;
	decision_reason: string | null;
	decided_at: Date | null;
	created_at: Date;
}

export interface Application {
	id: string;
	status: MembershipStatus;
	message: string;
	decision_reason: string | null;
	created_at: Date;
	decided_at: Date | null;
	workshop_id: string;
	workshop_slug: string;
	workshop_name_ko: string;
	workshop_name_en: string | null;
	employees: number;
	district_ko: string;
	trade_name_ko: string;
	trade_name_en: string;
	business_registration_number: string | null;
	verified: boolean;
	featured: boolean;
	online: boolean;
}

export async function forWorkshop(tx: Tx, workshopId: string): Promise<Membership[]> {
	return tx<Membership[]>`
		select m.id, m.cluster_id, c.slug as cluster_slug, c.name_ko as cluster_name_ko, c.name_en as cluster_name_en,
		       m.status, m.message, m.decision_reason, m.decided_at, m.created_at
		from public.cluster_memberships m join public.clusters c on c.id = m.cluster_id
		where m.workshop_id = ${workshopId} order by m.created_at`;
}

export type ApplyResult = { ok: true } | { ok: false; error: 'already_applied' | 'not_allowed' };

export async function apply(tx: Tx, workshopId: string, clusterId: string, message: string): Promise<ApplyResult> {
	try {
		await tx.savepoint(
			(sp) => sp`
			insert into public.cluster_memberships (workshop_id, cluster_id, message)
			values (${workshopId}, ${clusterId}, ${message})`
		);
		return { ok: true };
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === '23505') return { ok: false, error: 'already_applied' };
		if (code === '42501' || code === '23503') return { ok: false, error: 'not_allowed' };
		throw e;
	}
}

/** Applications to one cluster, newest first within each status, pending first. */
export async function forCluster(tx: Tx, clusterId: string, status: MembershipStatus): Promise<Application[]> {
	return tx<Application[]>`
		select m.id, m.status, m.message, m.decision_reason, m.created_at, m.decided_at,
		       w.id as workshop_id, w.slug as workshop_slug, w.name_ko as workshop_name_ko, w.name_en as workshop_name_en,
		       w.employees, w.district_ko, t.name_ko as trade_name_ko, t.name_en as trade_name_en,
		       w.business_registration_number, w.verified, w.featured, w.owner_id is not null as online
		from public.cluster_memberships m
		join public.workshops w on w.id = m.workshop_id
		join public.trades t on t.ksic_code = w.trade_code
		where m.cluster_id = ${clusterId} and m.status = ${status}
		order by coalesce(m.decided_at, m.created_at) desc`;
}

/** Records a manager's decision; false when the application is not theirs to decide (RLS). */
export async function decide(
	tx: Tx,
	id: string,
	managerId: string,
	decision: { status: 'approved' | 'rejected'; reason: string | null }
): Promise<boolean> {
	const rows = await tx`
		update public.cluster_memberships
		set status = ${decision.status}, decision_reason = ${decision.reason}, decided_by = ${managerId}, decided_at = now()
		where id = ${id}`;
	return rows.count === 1;
}

export interface ManagedCluster {
	id: string;
	slug: string;
	name_ko: string;
	name_en: string;
	district_kind: 'district' | 'county';
	pending: number;
	approved: number;
}

export async function managedBy(tx: Tx, userId: string): Promise<ManagedCluster[]> {
	return tx<ManagedCluster[]>`
		select c.id, c.slug, c.name_ko, c.name_en, c.district_kind,
		       count(m.id) filter (where m.status = 'pending')::int as pending,
		       count(m.id) filter (where m.status = 'approved')::int as approved
		from public.cluster_managers cm
		join public.clusters c on c.id = cm.cluster_id
		left join public.cluster_memberships m on m.cluster_id = c.id
		where cm.user_id = ${userId}
		group by c.id order by c.name_ko`;
}

/**
 * The cluster a console page is about: one the user manages, or for the operator any craft cluster
 * (the operator reads every cluster's console; deciding stays with its managers, by RLS).
 */
export async function consoleCluster(tx: Tx, user: { id: string; role: string }, slug: string): Promise<ManagedCluster | null> {
	if (user.role !== 'operator') return (await managedBy(tx, user.id)).find((c) => c.slug === slug) ?? null;
	const [row] = await tx<ManagedCluster[]>`
		select c.id, c.slug, c.name_ko, c.name_en, c.district_kind,
		       count(m.id) filter (where m.status = 'pending')::int as pending,
		       count(m.id) filter (where m.status = 'approved')::int as approved
		from public.clusters c left join public.cluster_memberships m on m.cluster_id = c.id
		where c.slug = ${slug} and c.kind = 'craft'
		group by c.id`;
	return row ?? null;
}

/** Approved members of a cluster as the designation tracker counts them (src/lib/domain/designation.ts). */
export async function designationInput(tx: Tx, clusterId: string) {
	const [members, trades] = await Promise.all([
		tx<
			{
				workshop_id: string;
				name: string;
				employees: number | null;
				trade_code: string | null;
				district_ko: string;
				verified: boolean;
				brn: string | null;
				trade_name_ko: string | null;
			}[]
		>`
			select w.id as workshop_id, w.name_ko as name, w.employees, w.trade_code, w.district_ko, w.verified,
			       w.business_registration_number as brn, t.name_ko as trade_name_ko
			from public.cluster_memberships m
			join public.workshops w on w.id = m.workshop_id
			left join public.trades t on t.ksic_code = w.trade_code
			where m.cluster_id = ${clusterId} and m.status = 'approved' and w.status = 'active'`,
		tx<{ ksic_code: string }[]>`select ksic_code from public.trades where designated`
	]);
	const [cluster] = await tx<{ district_ko: string; district_kind: 'district' | 'county' }[]>`
		select district_ko, district_kind from public.clusters where id = ${clusterId}`;
	return { members, designatedTrades: new Set(trades.map((t) => t.ksic_code)), cluster };
}

export interface Member extends Application {
	accepting_orders: boolean;
	/** The owner's last sign-in, quote or message; null for members without an account. */
	last_active_at: Date | null;
}

export interface MemberPage {
	members: Member[];
	/** Members matching the filter, on every page. */
	total: number;
	/** Every approved member of the cluster, whatever the filter. */
	all: number;
}

const memberOrder = {
	name: 'w.name_ko',
	joined: 'coalesce(m.decided_at, m.created_at)',
	last_active: 'a.last_active_at'
} as const;

/** One page of the cluster's approved members, filtered and sorted as the member table asks. */
export async function members(tx: Tx, clusterId: string, filter: MemberFilter): Promise<MemberPage> {
	const flag = (column: string, value: FlagFilter) =>
		value === 'yes' ? tx`and ${tx.unsafe(column)}` : value === 'no' ? tx`and not ${tx.unsafe(column)}` : tx``;
	const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const where = () => tx`
		where m.cluster_id = ${clusterId} and m.status = 'approved'
		${filter.q ? tx`and (w.name_ko ilike ${like} or w.name_en ilike ${like} or w.business_registration_number like ${like})` : tx``}
		${flag('w.verified', filter.flags.verified)}
		${flag('w.featured', filter.flags.featured)}
		${flag('w.accepting_orders', filter.flags.accepting)}
		${flag('(w.owner_id is not null)', filter.flags.online)}`;
	const [rows, [counts]] = await Promise.all([
		tx<Member[]>`
			select m.id, m.status, m.message, m.decision_reason, m.created_at, m.decided_at,
			       w.id as workshop_id, w.slug as workshop_slug, w.name_ko as workshop_name_ko, w.name_en as workshop_name_en,
			       w.employees, w.district_ko, t.name_ko as trade_name_ko, t.name_en as trade_name_en,
			       w.business_registration_number, w.verified, w.featured, w.owner_id is not null as online,
			       w.accepting_orders, a.last_active_at
			from public.cluster_memberships m
			join public.workshops w on w.id = m.workshop_id
			join public.trades t on t.ksic_code = w.trade_code
			left join public.cluster_member_activity(${clusterId}) a on a.workshop_id = w.id
			${where()}
			order by ${tx.unsafe(memberOrder[filter.sort])} ${tx.unsafe(filter.desc ? 'desc nulls last' : 'asc nulls first')}, w.name_ko, w.id
			limit ${MEMBERS_PER_PAGE} offset ${(filter.page - 1) * MEMBERS_PER_PAGE}`,
		tx<{ total: number; all_members: number }[]>`
			select (select count(*)::int from public.cluster_memberships m join public.workshops w on w.id = m.workshop_id ${where()}) as total,
			       (select count(*)::int from public.cluster_memberships m where m.cluster_id = ${clusterId} and m.status = 'approved') as all_members`
	]);
	return { members: rows, total: counts.total, all: counts.all_members };
}

/**
 * The owner leaves a cluster (an approved membership) or withdraws an application (a pending one);
 * false when it is not theirs or already decided against (RLS). The managers are told of a leaving.
 */
export async function leave(tx: Tx, membershipId: string): Promise<boolean> {
	const rows = await tx`delete from public.cluster_memberships where id = ${membershipId} and status in ('approved', 'pending')`;
	return rows.count === 1;
}
