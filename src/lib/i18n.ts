// Form errors travel as message keys (schemas live at module top level, before any locale is known)
// and are translated where they are shown. Any key means every message: t() loads them all, so
// pages that can do without it use m.… directly (and `pick` from $lib/pick for database text).
import { m } from '$lib/paraglide/messages';
import { particles } from '$lib/domain/particles';

type MessageFn = (params?: Record<string, unknown>) => string;

export function t(key: string, params?: Record<string, unknown>): string {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	// Messages that take a name write its particle as a pair ("{workshop}이(가)"): settled here.
	return typeof fn === 'function' ? particles(fn(params)) : key;
}

// For the pages that translate keys anyway; the others import it from $lib/pick.
export { pick } from './pick';
