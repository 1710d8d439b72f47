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
	minute: { ko: '분', one: 'minute', other: 'minutes' },
	hour: { ko: '시간', one: 'hour', other: 'hours' },
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
