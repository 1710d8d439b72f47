import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	barRects,
	bucketLabel,
	column,
	isBot,
	labelAnchor,
	koreanDay,
	labelIndexes,
	linePath,
	median,
	niceMax,
	numbersTables,
	parsePeriod,
	periodBuckets,
	share,
	sortMemberViews,
	ticks,
	toCsv,
	type Frame,
	type NumbersData
} from './cluster-numbers';

describe('period and buckets', () => {
	it('reads the period from the URL, 12 months unless it is one of the three', () => {
		expect(parsePeriod('30d')).toBe('30d');
		expect(parsePeriod('all')).toBe('all');
		expect(parsePeriod('7d')).toBe('12m');
		expect(parsePeriod(null)).toBe('12m');
	});

	it('takes the Korean day of an instant', () => {
		expect(koreanDay(new Date('2026-12-06T14:59:59Z'))).toBe('2026-12-06');
		expect(koreanDay(new Date('2026-12-06T15:00:00Z'))).toBe('2026-12-07');
	});

	it('adds days and months across month and year ends and leap days', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
		expect(addMonths('2026-03-15', -3)).toBe('2025-12-01');
	});

	it('30 days by day, today last; tomorrow is when the running day is taken', () => {
		const b = periodBuckets('30d', '2026-12-06', '2020-01-01');
		expect(b.unit).toBe('day');
		expect(b.starts).toHaveLength(30);
		expect(b.starts[0]).toBe('2026-11-07');
		expect(b.starts.at(-1)).toBe('2026-12-06');
		expect(b.upto).toBe('2026-12-07');
	});

	it('12 months by month, this month included', () => {
		const b = periodBuckets('12m', '2026-12-06', '2020-01-01');
		expect(b).toMatchObject({ unit: 'month', first: '2026-01-01', last: '2026-12-01', upto: '2026-12-07' });
		expect(b.starts).toHaveLength(12);
	});

	it('all: by month from the first fact, at least this month, at most ten years', () => {
		expect(periodBuckets('all', '2026-12-06', '2024-01-20').starts).toHaveLength(36);
		expect(periodBuckets('all', '2026-12-06', '2026-12-06').starts).toEqual(['2026-12-01']);
		expect(periodBuckets('all', '2026-12-06', '2027-05-01').starts).toEqual(['2026-12-01']);
		expect(periodBuckets('all', '2026-12-06', '1990-01-01').starts).toHaveLength(120);
	});

	it('labels days in full and months as YYYY-MM', () => {
		expect(bucketLabel('2026-12-06', 'day')).toBe('2026-12-06');
		expect(bucketLabel('2026-12-01', 'month')).toBe('2026-12');
	});
});

describe('statistics', () => {
	it('median of odd and even counts, null for none', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});

	it('share in whole percent, null without a whole', () => {
		expect(share(2, 3)).toBe(67);
		expect(share(0, 0)).toBeNull();
	});
});

const data: NumbersData = {
	period: '12m',
	buckets: { unit: 'month', first: '2026-11-01', last: '2026-12-01', upto: '2026-12-07', starts: ['2026-11-01', '2026-12-01'] },
	members: [
		{ applied: 3, approved: 2, pending: 1, verified: 1, accepting: 2, active: 1, decided: 2, decide_hours_median: 36.04 },
		{ applied: 4, approved: 3, pending: 0, verified: 1, accepting: 3, active: 2, decided: 1, decide_hours_median: null }
	],
	requests: [
		{ routed: 5, forwarded: 2, quoted: 3, awarded: 1, quoted_krw: 900000, awarded_krw: 1000000 },
		{ routed: 0, forwarded: 0, quoted: 0, awarded: 0, quoted_krw: 0, awarded_krw: 0 }
	],
	responses: [
		{ invitations: 2, answered: 1, response_minutes_median: 180.4 },
		{ invitations: 0, answered: 0, response_minutes_median: null }
	],
	views: [
		{ views: 10, appearances: 40 },
		{ views: 3, appearances: 9 }
	],
	memberViews: [
		{ workshop_id: 'b', slug: 'b', name_ko: '나공방', name_en: null, views: 1, appearances: 5 },
		{ workshop_id: 'a', slug: 'a', name_ko: '가공방', name_en: null, views: 1, appearances: 5 },
		{ workshop_id: 'c', slug: 'c', name_ko: '다공방', name_en: null, views: 7, appearances: 0 }
	],
	orders: [
		{ completed: 3, on_time: 2 },
		{ completed: 0, on_time: 0 }
	],
	ordersTotal: 4,
	flagChanges: [],
	decideHoursMedian: 36,
	responseMinutesMedian: 180
};

describe('tables', () => {
	it('one row per bucket with its label, rounded medians, the on-time share', () => {
		const t = numbersTables(data);
		expect(t.members.columns[0]).toBe('numbers_col_month');
		expect(t.members.rows).toEqual([
			['2026-11', 3, 2, 1, 2, 1],
			['2026-12', 4, 3, 1, 3, 2]
		]);
		expect(t.applications.rows[0]).toEqual(['2026-11', 1, 2, 36]);
		expect(t.applications.rows[1]).toEqual(['2026-12', 0, 1, null]);
		expect(t.requests.rows[0]).toEqual(['2026-11', 5, 2, 3, 1, 900000, 1000000]);
		expect(t.responses.rows[0]).toEqual(['2026-11', 2, 1, 180]);
		expect(t.orders.rows).toEqual([
			['2026-11', 3, 2, 67],
			['2026-12', 0, 0, null]
		]);
		expect(column(t.orders, 'numbers_col_on_time_share')).toEqual([67, null]);
	});

	it('members most viewed first, then most shown, then by name', () => {
		expect(sortMemberViews(data.memberViews).map((r) => r.name_ko)).toEqual(['다공방', '가공방', '나공방']);
		expect(numbersTables(data)['member-views'].rows[0]).toEqual(['다공방', 7, 0]);
	});
});

describe('CSV', () => {
	it('starts with a byte order mark, ends lines with CRLF, quotes what needs it', () => {
		expect(toCsv(['월', '이름'], [['2026-12', '대성, "정밀"']])).toBe('\uFEFF월,이름\r\n2026-12,"대성, ""정밀"""\r\n');
	});

	it('neutralises text a spreadsheet would run as a formula, keeps numbers and empty cells', () => {
		const csv = toCsv(['a'], [['=1+1'], ['+82'], ['-x'], ['@SUM(A1)'], ['\tx'], [-5], [null]]);
		expect(csv.split('\r\n').slice(1, -1)).toEqual(["'=1+1", "'+82", "'-x", "'@SUM(A1)", "'\tx", '-5', '']);
	});
});

describe('who is counted', () => {
	it('leaves out crawlers, previews, scripts, headless browsers and requests without an agent', () => {
		for (const ua of [
			'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
			'Mozilla/5.0 (compatible; Yeti/1.1; +http://naver.me/spd)',
			'facebookexternalhit/1.1',
			'curl/8.4.0',
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
			'',
			null
		])
			expect(isBot(ua), String(ua)).toBe(true);
	});

	it('counts people’s browsers', () => {
		for (const ua of [
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
			'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Whale/3.24.223.21 Safari/537.36'
		])
			expect(isBot(ua)).toBe(false);
	});
});

describe('chart geometry', () => {
	const f: Frame = { width: 110, height: 60, left: 10, right: 0, top: 10, bottom: 0 };

	it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
		expect(niceMax(0)).toBe(1);
		expect(niceMax(7)).toBe(10);
		expect(niceMax(120)).toBe(200);
		expect(niceMax(4_900_000)).toBe(5_000_000);
		expect(ticks(200)).toEqual([0, 50, 100, 150, 200]);
		// Counts stay whole: 5 in five steps, 1 in one.
		expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(ticks(1)).toEqual([0, 1]);
		expect(ticks(2)).toEqual([0, 1, 2]);
		expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
	});

	it('draws a line through the values and lifts the pen at a gap', () => {
		expect(linePath([0, 50, null, 100], 100, f)).toBe('M10 60L43.33 35M110 10');
		expect(linePath([null], 100, f)).toBe('');
		expect(linePath([5], 10, f)).toBe('M60 35');
	});

	it('places grouped bars side by side from the baseline', () => {
		const bars = barRects(
			[
				[10, 0],
				[5, null]
			],
			10,
			f
		);
		expect(bars).toHaveLength(4);
		const first = bars.find((b) => b.series === 0 && b.index === 0)!;
		const second = bars.find((b) => b.series === 1 && b.index === 0)!;
		expect(first).toMatchObject({ y: 10, height: 50, value: 10 });
		expect(second).toMatchObject({ y: 35, height: 25 });
		expect(second.x).toBeCloseTo(first.x + first.width, 1);
		expect(bars.find((b) => b.series === 1 && b.index === 1)).toMatchObject({ height: 0, value: 0 });
	});

	it('keeps the first and last labels inside the chart', () => {
		expect([0, 1, 2].map((i) => labelAnchor(i, 3))).toEqual(['start', 'middle', 'end']);
		expect(labelAnchor(0, 1)).toBe('middle');
	});

	it('labels at most the room there is, always the last bucket', () => {
		expect(labelIndexes(4, 6)).toEqual([0, 1, 2, 3]);
		const picked = labelIndexes(30, 6);
		expect(picked.length).toBeLessThanOrEqual(6);
		expect(picked.at(-1)).toBe(29);
	});
});
