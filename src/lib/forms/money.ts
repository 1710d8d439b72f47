// Money fields accept won the way people type it ("300만원", "1억 5천만", "1,500,000"): parseWon
// (src/lib/domain/format.ts) reads it; these helpers put it in front of a zod number schema.
import { z } from 'zod';
import { parseWon } from '$lib/domain/won';
import { msg } from '$lib/msg';

/**
 * For z.preprocess: blank → undefined, typed won → an integer, anything else untouched so that the
 * number schema after it refuses it with its own message.
 */
export function wonInput(v: unknown): unknown {
	if (v === null || v === undefined) return undefined;
	if (typeof v !== 'string') return v;
	if (v.trim() === '') return undefined;
	return parseWon(v) ?? v;
}

/** An amount of won from a form field, as an integer in [min, max]; blank is null. Errors are message keys. */
export const optionalWon = (min: number, max: number, minError: string) =>
	z.preprocess(
		(v) => wonInput(v) ?? null,
		z
			.number({ error: msg('err_number') })
			.int(msg('err_integer'))
			.min(min, minError)
			.max(max, msg('err_too_large'))
			.nullable()
	);
