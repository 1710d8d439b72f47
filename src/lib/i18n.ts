// Form errors travel as message keys (schemas live at module top level, before any locale is known)
// and are translated where they are shown.
import { m } from '$lib/paraglide/messages';
import { particles } from '$lib/domain/particles';

type MessageFn = (params?: Record<string, unknown>) => string;

export function t(key: string, params?: Record<string, unknown>): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	// Messages that take a name write its particle as a pair ("{workshop}이(가)"): settled here.
	return typeof fn === 'function' ? particles(fn(params)) : key;
}

/** The localized value of a ko/en pair, falling back to Korean. */
export function pick(ko: string, en: string | null | undefined, locale: string): string {
	return locale === 'en' && en ? en : ko;
}
