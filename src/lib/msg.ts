// A message key written where it is made — a schema's error, a refusal, an answer — typed so that a key
// that is not a message fails `npm run check`. Type-only on $lib/i18n: the messages are not loaded here.
import type { MessageKey } from '$lib/i18n';

/** The key itself, checked: `z.string().max(200, msg('err_too_long'))`. */
export function msg<K extends MessageKey>(key: K): K {
	return key;
}
