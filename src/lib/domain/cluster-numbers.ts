// The cluster's numbers (issue 16), the pure part: the period filter and its buckets (Korean days
// or months), medians, the tables every chart and CSV file shows, CSV text that Korean Excel opens
// safely, bots that are not counted as visitors, and the geometry of the server-rendered SVG charts.
import type { MessageKey } from '$lib/i18n';

export const PERIODS = ['30d', '12m', 'all'] as const;
export type Period = (typeof PERIODS)[number];
export type Unit = 'day' | 'month';

export function parsePeriod(value: string | null | undefined): Period {
	return (PERIODS as readonly string[]).includes(value ?? '') ? (value as Period) : '12m';
}

// ─── days (YYYY-MM-DD, calendar arithmetic in UTC so no zone shifts them) ──────────────────────

const DAY_MS = 86_400_000;
const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Korean calendar day of an instant (Korea keeps UTC+9 all year). */
export function koreanDay(at: Date): string {
	return fromUtc(at.getTime() + 9 * 3_600_000);
}

/** The Korean date and time of an instant to the minute: 2026-12-06 14:05. */
export function koreanMinute(at: Date | string): string {
	return new Date(new Date(at).getTime() + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function addDays(day: string, n: number): string {
	return fromUtc(toUtc(day) + n * DAY_MS);
}

export function monthStart(day: string): string {
	return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: string, n: number): string {
	const d = new Date(toUtc(monthStart(day)));
	d.setUTCMonth(d.getUTCMonth() + n);
	return fromUtc(d.getTime());
}

export interface Buckets {
	unit: Unit;
	/** Start of the first and of the last bucket. */
	first: string;
	last: string;
	/** The day after today: the running bucket's values are taken there. */
	upto: string;
	/** Every bucket's start, oldest first. */
	starts: string[];
}

/** At most ten years of months for "all", so an odd first date cannot make the page endless. */
const MAX_MONTHS = 120;

/**
 * The buckets of a period ending today: 30 days by day; 12 months by month (this one included);
 * "all" by month from the month of `since` (the cluster's first fact).
 */
export function periodBuckets(period: Period, today: string, since: string): Buckets {
	const upto = addDays(today, 1);
	if (period === '30d') {
		const first = addDays(today, -29);
		return { unit: 'day', first, last: today, upto, starts: Array.from({ length: 30 }, (_, i) => addDays(first, i)) };
	}
	const last = monthStart(today);
	let count = 12;
	if (period === 'all') {
		const from = monthStart(since < today ? since : today);
		count = Math.min(MAX_MONTHS, monthsBetween(from, last) + 1);
	}
	const first = addMonths(last, -(count - 1));
	return { unit: 'month', first, last, upto, starts: Array.from({ length: count }, (_, i) => addMonths(first, i)) };
}

function monthsBetween(a: string, b: string): number {
	return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** A bucket's label: the day, or the month (YYYY-MM). */
export function bucketLabel(start: string, unit: Unit): string {
	return unit === 'day' ? start : start.slice(0, 7);
}

// ─── statistics ────────────────────────────────────────────────────────────────────────────────

/** The median (mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** part / whole as a whole percentage; null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
	return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** Rounds to `digits` decimals, keeping null. */
export function round(value: number | null | undefined, digits = 0): number | null {
	if (value === null || value === undefined || !Number.isFinite(value)) return null;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

// ─── the tables ────────────────────────────────────────────────────────────────────────────────

export type Cell = string | number | null;

/** What the database gives per bucket, oldest first (src/lib/server/cluster-numbers.ts). */
export interface NumbersData {
	period: Period;
	buckets: Buckets;
	members: {
		applied: number;
		approved: number;
		pending: number;
		verified: number;
		accepting: number;
		active: number;
		decided: number;
		decide_hours_median: number | null;
	}[];
	requests: { routed: number; forwarded: number; quoted: number; awarded: number; quoted_krw: number; awarded_krw: number }[];
	responses: { invitations: number; answered: number; response_minutes_median: number | null }[];
	views: { views: number; appearances: number }[];
	memberViews: { workshop_id: string; slug: string; name_ko: string; name_en: string | null; views: number; appearances: number }[];
	orders: { completed: number; on_time: number }[];
	ordersTotal: number;
	/** The approved members' changes of the two flags in the period (by owners, managers, the operator), newest first. */
	flagChanges: FlagChange[];
	/** Over the whole period: median hours from application to decision, median minutes to a first response. */
	decideHoursMedian: number | null;
	responseMinutesMedian: number | null;
}

export interface FlagChange {
	at: Date | string;
	workshop_id: string;
	name_ko: string;
	name_en: string | null;
	flag: 'verified' | 'accepting_orders';
	after: boolean;
	by_role: 'owner' | 'manager' | 'operator' | 'system';
}

/** At most this many flag changes of a period are shown (and exported). */
export const FLAG_CHANGES_MAX = 200;

export const TABLE_IDS = ['members', 'applications', 'requests', 'responses', 'views', 'member-views', 'orders', 'flag-changes'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export function isTableId(value: string): value is TableId {
	return (TABLE_IDS as readonly string[]).includes(value);
}

/** A table of numbers: column headers are message keys (numbers_col_…), rows hold raw values. */
export interface NumbersTable {
	id: TableId;
	columns: MessageKey[];
	rows: Cell[][];
}

/**
 * Every table of the dashboard from the data; the charts draw the same numbers. `word` translates the
 * message keys that stand in text cells (which flag, its new value, who changed it).
 */
export function numbersTables(d: NumbersData, word: (key: MessageKey) => string = (key) => key): Record<TableId, NumbersTable> {
	const label = (i: number) => bucketLabel(d.buckets.starts[i], d.buckets.unit);
	const period = d.buckets.unit === 'day' ? 'numbers_col_day' : 'numbers_col_month';
	return {
		members: {
			id: 'members',
			columns: [
				period,
				'numbers_col_applied',
				'numbers_col_approved',
				'numbers_col_verified',
				'numbers_col_accepting',
				'numbers_col_active'
			],
			rows: d.members.map((r, i) => [label(i), r.applied, r.approved, r.verified, r.accepting, r.active])
		},
		applications: {
			id: 'applications',
			columns: [period, 'numbers_col_pending', 'numbers_col_decided', 'numbers_col_decide_hours'],
			rows: d.members.map((r, i) => [label(i), r.pending, r.decided, round(r.decide_hours_median, 1)])
		},
		requests: {
			id: 'requests',
			columns: [
				period,
				'numbers_col_routed',
				'numbers_col_forwarded',
				'numbers_col_quoted',
				'numbers_col_awarded',
				'numbers_col_quoted_krw',
				'numbers_col_awarded_krw'
			],
			rows: d.requests.map((r, i) => [label(i), r.routed, r.forwarded, r.quoted, r.awarded, r.quoted_krw, r.awarded_krw])
		},
		responses: {
			id: 'responses',
			columns: [period, 'numbers_col_invitations', 'numbers_col_answered', 'numbers_col_response_minutes'],
			rows: d.responses.map((r, i) => [label(i), r.invitations, r.answered, round(r.response_minutes_median)])
		},
		views: {
			id: 'views',
			columns: [period, 'numbers_col_views', 'numbers_col_appearances'],
			rows: d.views.map((r, i) => [label(i), r.views, r.appearances])
		},
		'member-views': {
			id: 'member-views',
			columns: ['numbers_col_member', 'numbers_col_views', 'numbers_col_appearances'],
			rows: sortMemberViews(d.memberViews).map((r) => [r.name_ko, r.views, r.appearances])
		},
		orders: {
			id: 'orders',
			columns: [period, 'numbers_col_completed', 'numbers_col_on_time', 'numbers_col_on_time_share'],
			rows: d.orders.map((r, i) => [label(i), r.completed, r.on_time, share(r.on_time, r.completed)])
		},
		'flag-changes': {
			id: 'flag-changes',
			columns: ['numbers_col_changed_at', 'numbers_col_member', 'numbers_col_flag', 'numbers_col_new_value', 'numbers_col_changed_by'],
			rows: d.flagChanges.map((c) => [
				koreanMinute(c.at),
				c.name_ko,
				word(c.flag === 'verified' ? 'numbers_col_verified' : 'numbers_col_accepting'),
				word(c.after ? 'numbers_flag_on' : 'numbers_flag_off'),
				word(`numbers_by_${c.by_role}`)
			])
		}
	};
}

/** Most viewed first, then most shown, then by name. */
export function sortMemberViews<T extends { name_ko: string; views: number; appearances: number }>(rows: readonly T[]): T[] {
	return [...rows].sort((a, b) => b.views - a.views || b.appearances - a.appearances || a.name_ko.localeCompare(b.name_ko, 'ko'));
}

/** One column of a table as numbers (null where empty), for a chart. */
export function column(table: NumbersTable, key: MessageKey): (number | null)[] {
	const i = table.columns.indexOf(key);
	return table.rows.map((r) => {
		const v = r[i];
		return typeof v === 'number' ? v : null;
	});
}

// ─── CSV ───────────────────────────────────────────────────────────────────────────────────────

/**
 * CSV for spreadsheets: UTF-8 with a byte order mark (Korean Excel otherwise reads it as CP949),
 * CRLF lines, quoted where needed. A text cell starting with = + - @ (or a tab or carriage return)
 * is a formula to a spreadsheet, so it gets a leading apostrophe; numbers stay numbers.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const cell = (v: Cell) => {
		if (v === null) return '';
		if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
		const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
		return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
	};
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

// ─── who is counted ────────────────────────────────────────────────────────────────────────────

const BOT =
	/bot\b|crawl|spider|slurp|bingpreview|facebookexternalhit|headless|lighthouse|curl\/|wget\/|python-requests|httpclient|okhttp|go-http-client|yeti|daum(oa)?\b/i;

/** Crawlers, link previews, scripts and headless browsers: not a visitor, not counted. No agent at all is not a browser either. */
export function isBot(userAgent: string | null | undefined): boolean {
	return !userAgent || BOT.test(userAgent);
}

// ─── chart geometry ────────────────────────────────────────────────────────────────────────────

/** A round upper bound for an axis (1, 2, 5 × 10^n), at least 1. */
export function niceMax(max: number): number {
	if (!(max > 0)) return 1;
	const p = 10 ** Math.floor(Math.log10(max));
	const step = [1, 2, 5, 10].find((s) => s * p >= max)!;
	return step * p;
}

/** Evenly spaced axis values from 0 to max: 4 or 5 whole steps where they fit (counts are whole), else 2 or 1. */
export function ticks(max: number): number[] {
	const count = [4, 5, 2, 1].find((c) => Number.isInteger(max / c))!;
	return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

export interface Frame {
	width: number;
	height: number;
	/** Space for the axis labels. */
	left: number;
	bottom: number;
	top: number;
	right: number;
}

/** The y coordinate of a value. */
export function yOf(value: number, max: number, f: Frame): number {
	const h = f.height - f.top - f.bottom;
	return f.top + h - (Math.max(0, value) / max) * h;
}

/** The x of the i-th of n points, spread over the plot (one point sits in the middle). */
export function xOf(i: number, n: number, f: Frame): number {
	const w = f.width - f.left - f.right;
	return n <= 1 ? f.left + w / 2 : f.left + (i * w) / (n - 1);
}

/** An SVG path through the values; a gap (null) lifts the pen. Empty string for no values. */
export function linePath(values: readonly (number | null)[], max: number, f: Frame): string {
	let d = '';
	let pen = false;
	values.forEach((v, i) => {
		if (v === null) {
			pen = false;
			return;
		}
		d += `${pen ? 'L' : 'M'}${fmt(xOf(i, values.length, f))} ${fmt(yOf(v, max, f))}`;
		pen = true;
	});
	return d;
}

export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
	series: number;
	index: number;
	value: number;
}

/** Grouped bars: for each bucket one bar per series side by side. */
export function barRects(series: readonly (readonly (number | null)[])[], max: number, f: Frame): Bar[] {
	const n = Math.max(0, ...series.map((s) => s.length));
	if (n === 0 || series.length === 0) return [];
	const slot = (f.width - f.left - f.right) / n;
	const gap = Math.min(slot * 0.2, 8);
	const barWidth = (slot - gap) / series.length;
	const base = f.height - f.bottom;
	const bars: Bar[] = [];
	series.forEach((values, s) =>
		values.forEach((v, i) => {
			const value = v ?? 0;
			const y = yOf(value, max, f);
			bars.push({
				x: round(f.left + i * slot + gap / 2 + s * barWidth, 2)!,
				y: round(y, 2)!,
				width: round(barWidth, 2)!,
				height: round(base - y, 2)!,
				series: s,
				index: i,
				value
			});
		})
	);
	return bars;
}

/** Where a bucket label sits against its x: the first starts there, the last ends there (nothing is cut off). */
export function labelAnchor(i: number, n: number): 'start' | 'middle' | 'end' {
	return n > 1 && i === n - 1 ? 'end' : i === 0 && n > 1 ? 'start' : 'middle';
}

/** Which of n bucket labels to print under the axis, at most `room` of them, always the last. */
export function labelIndexes(n: number, room: number): number[] {
	if (n <= room) return Array.from({ length: n }, (_, i) => i);
	const step = Math.ceil(n / room);
	const picked = Array.from({ length: n }, (_, i) => i).filter((i) => (n - 1 - i) % step === 0);
	return picked;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);
