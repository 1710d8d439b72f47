// The text of a form's error as FieldError and FormAlert show it. Errors travel as message keys
// (see formText in $lib/i18n); translating one there loads every message the app has, and pages whose
// only keys are their forms' errors (sign-in, sign-up) then loaded 183 KB of script (gzip) instead of
// about 78. Here only the messages an error can be are bundled (form-errors.generated.ts, written by
// `npm run i18n`: every key with `err_` in it and the few error keys named otherwise). A key not among
// them is still translated: on the server from every message, in the browser once they have loaded
// (the page shows nothing for it meanwhile).
import { particles } from '$lib/domain/particles';
import { errorMessages } from './form-errors.generated';

// Each message declares its own inputs; an error is shown without any (as formText() does).
const errors: Readonly<Record<string, unknown>> = errorMessages;
const isMessage = (v: unknown): v is () => string => typeof v === 'function';

/** Every message: on the server from its start (hooks.server.ts), in the browser once a page needed a key the list lacks. */
let everyMessage = $state<((key: string) => string) | null>(null);

/** Hands in translate() where loading every message costs nothing (the server). */
export function useEveryMessage(translate: (key: string) => string): void {
	everyMessage = translate;
}

/** Whether errorText() has a text for the key without loading every message. */
export const hasErrorText = (key: string): boolean => Object.hasOwn(errors, key);

/** The error's text in the page's language; an unknown key shows itself (as translate() does), no error nothing. */
export function errorText(key: unknown): string {
	if (typeof key !== 'string' || key === '') return '';
	const message = hasErrorText(key) ? errors[key] : undefined;
	if (isMessage(message)) return particles(message());
	if (everyMessage) return everyMessage(key);
	if (import.meta.env.SSR) return key;
	void import('./i18n').then((i18n) => (everyMessage = i18n.translate));
	return '';
}
