import { z } from 'zod';

/**
 * A key made when a create form is rendered and posted with it: a second post of the same form (a double
 * click without JavaScript, a retried request, two tabs) finds what the first made instead of making
 * another. Anything that is not a uuid is no key (the post still works, unprotected).
 */
export const submissionKeyField = z.string().max(100).default('');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The posted key if it is one, else null. */
export function submissionKey(value: string | null | undefined): string | null {
	return value && UUID.test(value) ? value.toLowerCase() : null;
}

/** A new key, for a form being rendered (or rendered again after a successful post). */
export const newSubmissionKey = (): string => crypto.randomUUID();
