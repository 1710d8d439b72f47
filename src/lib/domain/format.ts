// Every date, number, amount of won and counted quantity the app shows goes through here, so that
// both languages read the same everywhere. Moments are always shown in Korean time: the server may
// run in UTC and browsers anywhere, but a deadline in Seoul is what users mean.

export type Locale = 'ko' | 'en' | (string & {});

export const TIME_ZONE = 'Asia/Seoul';

const tag = (locale: Locale) => (locale === 'en' ? 'en-US' : 'ko-KR');
// en-GB writes dates day-first without a comma ("6 Dec 2026"), which reads well next to Korean ones.
const dateTag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'ko-KR');

// Intl formatters are costly to build and pages format hundreds of values: one per locale and kind.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
	let f = cache.get(key) as T | undefined;
	if (!f) cache.set(key, (f = make()));
	return f;
}

/** 1,234,567 in either locale. */
export function formatNumber(n: number, locale: Locale): string {
	return cached(`n:${locale}`, () => new Intl.NumberFormat(tag(locale))).format(n);
}

/** ₩2,400,000 in either locale (KRW has no minor unit). */
export function formatWon(amount: number, locale: Locale): string {
	return cached(`w:${locale}`, () => new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'KRW' })).format(amount);
}

/** The day of a moment in Korean time: 2026. 12. 6. / 6 Dec 2026. */
export function formatDate(at: Date | string, locale: Locale): string {
	return cached(`d:${locale}`, () => new Intl.DateTimeFormat(dateTag(locale), { dateStyle: 'medium', timeZone: TIME_ZONE })).format(
		new Date(at)
	);
}

/** A moment in Korean time, to the minute. */
export function formatDateTime(at: Date | string, locale: Locale): string {
	return cached(
		`dt:${locale}`,
		() => new Intl.DateTimeFormat(dateTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE })
	).format(new Date(at));
}

/**
 * A calendar date as stored (YYYY-MM-DD, a deadline or validity date): it names a day, not a moment,
 * so no time zone may move it.
 */
export function formatDay(iso: string, locale: Locale): string {
	return cached(`day:${locale}`, () => new Intl.DateTimeFormat(dateTag(locale), { dateStyle: 'medium', timeZone: 'UTC' })).format(
		new Date(`${iso.slice(0, 10)}T00:00:00Z`)
	);
}

/** Korean counter and English singular/plural of each thing the app counts. */
const UNITS = {
	unit: { ko: '개', one: 'unit', other: 'units' },
	day: { ko: '일', one: 'day', other: 'days' },
	person: { ko: '명', one: 'person', other: 'people' },
	workshop: { ko: '곳', one: 'workshop', other: 'workshops' },
	file: { ko: '개', one: 'file', other: 'files' },
	message: { ko: '개', one: 'message', other: 'messages' },
	mail: { ko: '통', one: 'mail', other: 'mails' }
} as const;
export type CountUnit = keyof typeof UNITS;

/** "3,000개" / "1 unit" / "3,000 units": Korean counters stick to the number, English ones agree with it. */
export function formatCount(n: number, unit: CountUnit, locale: Locale): string {
	const u = UNITS[unit];
	if (locale !== 'en') return `${formatNumber(n, locale)}${u.ko}`;
	const plural = cached('p:en', () => new Intl.PluralRules('en-US')).select(n);
	return `${formatNumber(n, locale)} ${plural === 'one' ? u.one : u.other}`;
}

export function formatFileSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ---------------------------------------------------------------- won as Koreans write it

const BIG_UNITS: [string, bigint][] = [
	['조', 1_000_000_000_000n],
	['억', 100_000_000n],
	['만', 10_000n]
];
const SMALL_UNITS: [string, bigint][] = [
	['천', 1000n],
	['백', 100n],
	['십', 10n]
];
// A number as typed: 1500, 1,500 (commas only where thousands are), 1.5 (a fraction of a unit).
const PLAIN = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** A typed number times a unit, if it comes to whole won ("1.5" × 억 does; "0.5" won does not). */
function times(number: string, unit: bigint): bigint | null {
	if (!PLAIN.test(number)) return null;
	const [whole, fraction = ''] = number.replaceAll(',', '').split('.');
	const scale = 10n ** BigInt(fraction.length);
	const product = BigInt(whole + fraction) * unit;
	return product % scale === 0n ? product / scale : null;
}

/**
 * Below 만: "3천5백", "천", "2,500", "3천 500". An empty coefficient before a unit means one; each
 * coefficient counts less than ten of its unit and what follows a unit is less than one of it, so
 * "15백" or "5천 3000" are refused rather than guessed. `limit`: what the whole must stay below.
 */
function underUnit(text: string, limit: bigint | null): bigint | null {
	let rest = text;
	let total = 0n;
	let below = limit;
	for (const [name, value] of SMALL_UNITS) {
		const at = rest.indexOf(name);
		if (at < 0) continue;
		const coefficient = rest.slice(0, at);
		const part = coefficient === '' ? value : times(coefficient, value);
		if (part === null || part === 0n || part >= value * 10n) return null;
		total += part;
		rest = rest.slice(at + 1);
		below = value;
	}
	if (rest === '') return total > 0n ? total : null;
	const ones = times(rest, 1n);
	if (ones === null || (below !== null && ones >= below)) return null;
	total += ones;
	return limit !== null && total >= limit ? null : total;
}

/**
 * Won as people type it: "1,500,000", "₩1500000", "300만원", "150만 원", "1억 5천만", "1.5억", "3천",
 * "2억 3,000만 500원". Units go from large to small, each at most once, as they are read aloud; so
 * "1억 5천" is 100,005,000 (the form shows what it understood). Anything else, fractions of a won and
 * amounts past what a number holds exactly are refused (null).
 */
export function parseWon(input: string): number | null {
	let s = input.normalize('NFKC').replace(/\s+/g, '');
	s = s.replace(/^(?:₩|krw)/i, '').replace(/원$/, '');
	if (s === '' || /[^\d,.조억만천백십]/.test(s)) return null;
	let total = 0n;
	let big = false;
	for (const [name, value] of BIG_UNITS) {
		const at = s.indexOf(name);
		if (at < 0) continue;
		const coefficient = s.slice(0, at);
		// "1.5억": a fraction applies to the big unit itself; "5천만": a count below 만 of them.
		// Below 조 a unit counts fewer than 10,000 of itself (1,500만, not 15,000만).
		const limit = name === '조' ? null : 10_000n;
		const part =
			coefficient === ''
				? value
				: /^[\d,.]+$/.test(coefficient)
					? times(coefficient, value)
					: (underUnit(coefficient, limit) ?? -1n) * value;
		if (part === null || part <= 0n || (limit !== null && part >= limit * value)) return null;
		total += part;
		s = s.slice(at + 1);
		big = true;
	}
	if (s !== '') {
		const tail = underUnit(s, big ? 10_000n : null);
		if (tail === null) return null;
		total += tail;
	}
	return total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(total) : null;
}

/** Won read aloud in writing: 150000000 → "1억 5,000만 원", 3000 → "3,000원". */
export function formatWonKorean(amount: number): string {
	let rest = BigInt(Math.trunc(amount));
	const parts: string[] = [];
	for (const [name, value] of BIG_UNITS) {
		const n = rest / value;
		if (n > 0n) parts.push(`${formatNumber(Number(n), 'ko')}${name}`);
		rest %= value;
	}
	if (rest > 0n || parts.length === 0) parts.push(formatNumber(Number(rest), 'ko'));
	// Spacing as 한글 맞춤법 writes money: units of 만 apart, 원 after a unit apart, after a digit attached.
	const last = parts.at(-1)!;
	return `${parts.join(' ')}${/\d$/.test(last) ? '원' : ' 원'}`;
}
