// Form errors travel as message keys (schemas live at module top level, before any locale is known)
// and are translated where they are shown. Any key means every message: t() loads them all, so
// pages that can do without it use m.… directly (and `pick` from $lib/pick for database text).
import { m } from '$lib/paraglide/messages';
import { particles } from '$lib/domain/particles';

/** Every message Paraglide compiled (messages/**\/{ko,en}.json): a typo in a key fails `npm run check`. */
export type MessageKey = keyof typeof m;

type MessageFn = (params?: Record<string, unknown>) => string;
const isMessage = (v: unknown): v is MessageFn => typeof v === 'function';

// The messages by name, for keys known only at runtime (each message declares its own inputs; t() takes them loosely).
const messages: Readonly<Record<string, unknown>> = m;

export function t(key: MessageKey, params?: Record<string, unknown>): string {
	return translate(key, params);
}

/**
 * For a key only known at runtime, built from what the database holds: an unknown key shows itself, so
 * a miss is visible rather than blank. Every other key goes through t(). The callers (keep this list
 * current; src/lib/i18n.test.ts checks every key the database can hold there):
 *   - src/routes/notifications/+page.svelte — notification_text_… from a notification's kind and payload
 *   - src/routes/orders/[id]/OrderTimeline.svelte — order_event_…, and the milestone, provider and courier in its payload
 *   - src/lib/components/AuditList.svelte — console_audit_… from the actions the audit triggers write
 * and formText() below, for the keys form actions answer with.
 */
export function translate(key: string, params?: Record<string, unknown>): string {
	const fn = Object.hasOwn(messages, key) ? messages[key] : undefined;
	// Messages that take a name write its particle as a pair ("{workshop}이(가)"): settled here.
	return isMessage(fn) ? particles(fn(params)) : key;
}

/**
 * A message key as a form action answers it: sveltekit-superforms carries errors as string[] and messages
 * untyped, and fail() data reaches a page as ActionData — no room for a key type. The keys are made where
 * a form is refused or answered (msg() in schemas, setError, message, fail); src/lib/i18n.test.ts
 * checks every such literal in src exists in Korean and English. No answer (undefined, '') shows nothing.
 */
export function formText(key: unknown): string {
	return typeof key === 'string' ? translate(key) : '';
}

// Keys written where they are made (schemas, refusals): $lib/msg, which loads no messages.
export { msg } from './msg';

// For the pages that translate keys anyway; the others import it from $lib/pick.
export { pick } from './pick';
