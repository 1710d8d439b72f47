// Apart from i18n.ts on purpose: its t() looks messages up by any key, so whatever imports it loads
// every message of the app (~38 KB gzip). Pages that only show database text in two languages (home,
// search, workshop) import this instead.

/** The localized value of a ko/en pair, falling back to Korean. */
export function pick(ko: string, en: string | null | undefined, locale: string): string {
	return locale === 'en' && en ? en : ko;
}
