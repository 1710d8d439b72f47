// The cluster's numbers (issue 16): the dashboard's data for its managers and the operator, read
// through the security definer functions of migration 20261209100100_cluster_numbers.sql (each
// refuses, 42501, a caller who does not manage the cluster), and the daily counting of profile
// views and search appearances (public.count_workshop_views: daily totals, no visitor identities).
// The functions combine rollups of closed months (migration 20261210000100_cluster_numbers_rollups.sql)
// with the running month computed live; `refreshRollups` is the job that writes them (startRollups).
import {
	FLAG_CHANGES_MAX,
	koreanDay,
	numbersTables,
	periodBuckets,
	toCsv,
	type FlagChange,
	type NumbersData,
	type Period,
	type TableId
} from '$lib/domain/cluster-numbers';
import type { MessageKey } from '$lib/i18n';
import { asService, withUser, type Claims, type Tx } from './db';
import { isShuttingDown } from './outbox';

/** Where the dashboard's statements run: one transaction, or a transaction each (as the same user). */
export type Runner = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** All in this transaction (the statements are pipelined on its one connection). */
export const inTransaction =
	(tx: Tx): Runner =>
	(fn) =>
		fn(tx);

/**
 * Each section in its own transaction as this user, side by side on the pool's connections: the page
 * waits for the slowest section rather than for all of them one after another.
 */
export const asUser =
	(claims: Claims | null): Runner =>
	(fn) =>
		withUser(claims, fn);

/** Everything the dashboard shows for one period, as of `now`. */
export async function dashboard(run: Runner, clusterId: string, period: Period, now = new Date()): Promise<NumbersData> {
	const today = koreanDay(now);
	const [{ since }] = await run((tx) => tx<{ since: string }[]>`select private.cluster_numbers_since(${clusterId})::text as since`);
	const b = periodBuckets(period, today, since);
	const args = [clusterId, b.unit, b.first, b.last, b.upto] as const;
	const [members, requests, responses, views, orders, flagChanges] = await Promise.all([
		run(
			(tx) => tx<(NumbersData['members'][number] & { period_decide_hours_median: number | null })[]>`
			select applied, approved, pending, verified, accepting, active, decided, decide_hours_median, period_decide_hours_median
			from private.cluster_numbers_members(${args[0]}, ${args[1]}, ${args[2]}::date, ${args[3]}::date, ${args[4]}::date)`
		),
		run(
			(tx) => tx<NumbersData['requests']>`
			select routed, forwarded, quoted, awarded, quoted_krw, awarded_krw
			from private.cluster_numbers_requests(${args[0]}, ${args[1]}, ${args[2]}::date, ${args[3]}::date, ${args[4]}::date)`
		),
		run(
			(tx) => tx<(NumbersData['responses'][number] & { period_response_minutes_median: number | null })[]>`
			select invitations, answered, response_minutes_median, period_response_minutes_median
			from private.cluster_numbers_responses(${args[0]}, ${args[1]}, ${args[2]}::date, ${args[3]}::date, ${args[4]}::date)`
		),
		run(
			(tx) => tx<
				{
					bucket: string | null;
					workshop_id: string | null;
					slug: string | null;
					name_ko: string | null;
					name_en: string | null;
					views: number;
					appearances: number;
				}[]
			>`
			select bucket::text, workshop_id, slug, name_ko, name_en, views, appearances
			from private.cluster_numbers_views(${args[0]}, ${args[1]}, ${args[2]}::date, ${args[3]}::date, ${args[4]}::date)
			order by bucket nulls last`
		),
		run(
			(tx) => tx<{ completed: number; on_time: number; orders_total: number }[]>`
			select completed, on_time, orders_total
			from private.cluster_numbers_orders(${args[0]}, ${args[1]}, ${args[2]}::date, ${args[3]}::date, ${args[4]}::date)`
		),
		run(
			(tx) => tx<FlagChange[]>`
			select at, workshop_id, name_ko, name_en, flag, after, by_role
			from private.cluster_numbers_flag_changes(${clusterId}, ${b.first}::date, ${b.upto}::date, ${FLAG_CHANGES_MAX})`
		)
	]);
	return {
		period,
		buckets: b,
		members: members.map(({ period_decide_hours_median: _, ...r }) => r),
		requests: [...requests],
		responses: responses.map(({ period_response_minutes_median: _, ...r }) => r),
		decideHoursMedian: members[0]?.period_decide_hours_median ?? null,
		responseMinutesMedian: responses[0]?.period_response_minutes_median ?? null,
		views: views.filter((v) => v.bucket !== null).map((v) => ({ views: v.views, appearances: v.appearances })),
		memberViews: views
			.filter((v) => v.workshop_id !== null)
			.map((v) => ({
				workshop_id: v.workshop_id!,
				slug: v.slug!,
				name_ko: v.name_ko!,
				name_en: v.name_en,
				views: v.views,
				appearances: v.appearances
			})),
		orders: orders.map((o) => ({ completed: o.completed, on_time: o.on_time })),
		ordersTotal: orders[0]?.orders_total ?? 0,
		flagChanges: [...flagChanges]
	};
}

/** Adds one view or search appearance today to each workshop, in the caller's name (their own workshop is not counted). */
export async function count(tx: Tx, workshopIds: readonly string[], what: 'view' | 'appearance'): Promise<void> {
	if (workshopIds.length === 0) return;
	await tx`select public.count_workshop_views(${[...workshopIds]}::uuid[], ${what})`;
}

/**
 * Counts without keeping the page waiting: the count runs in a transaction of its own, not awaited,
 * and a failure is logged, never shown. Bots are left out by the caller (isBot in the domain).
 */
export function countLater(claims: Claims | null, workshopIds: readonly string[], what: 'view' | 'appearance'): void {
	if (workshopIds.length === 0) return;
	withUser(claims, (tx) => count(tx, workshopIds.slice(0, 100), what)).catch((e) => console.error(`counting ${what}s failed`, e));
}

/** One table of the dashboard as a CSV file; `label` translates the column keys (and the words in text cells). */
export function csv(data: NumbersData, table: TableId, label: (key: MessageKey) => string): string {
	const t = numbersTables(data, label)[table];
	return toCsv(t.columns.map(label), t.rows);
}

/**
 * Rolls up every cluster's closed months as of `at` (or only the given clusters): the months closed
 * since the last run and those marked dirty by a later change. Idempotent, and safe on several
 * instances (a cluster another instance is refreshing is skipped). Returns the cluster-months recomputed.
 */
export function refreshRollups(at = new Date(), only: string[] | null = null): Promise<number> {
	return asService((tx) => refresh(tx, at, only));
}

/** The same in the caller's transaction (the service role's, or a test's). */
export async function refresh(tx: Tx, at = new Date(), only: string[] | null = null): Promise<number> {
	const [row] = await tx<{ n: number }[]>`select private.refresh_all_cluster_numbers(${at}, ${only}::uuid[]) as n`;
	return row.n;
}

/**
 * Starts the rollup job: at start and then every `everyMs` (a minute), like the payments worker's
 * timers. Between runs the dashboard stays exact: what is not rolled up yet is computed live.
 * Returns stop().
 */
export function startRollups({ everyMs = 60_000 } = {}): () => Promise<void> {
	let running: Promise<unknown> | undefined;
	const tick = () => {
		if (running || isShuttingDown()) return;
		running = refreshRollups()
			.catch((e: Error) => isShuttingDown() || console.error('[numbers] rollups:', e.message))
			.finally(() => (running = undefined));
	};
	const timer = setInterval(tick, everyMs);
	timer.unref();
	tick();
	return async () => {
		clearInterval(timer);
		await running;
	};
}
