// A refusal is a message in the user's language. Form schemas give their own message keys; where a
// schema gives none (a number that is not one, an option not on the list, a format), zod would answer
// in its own English ("Invalid input: expected number, received NaN") and the page would show it as
// is. Configured once (hooks.server.ts imports this), every such issue becomes one of these keys,
// which t() translates like any other.
import { z } from 'zod';

interface Issue {
	code?: string;
	expected?: string;
	origin?: string;
	minimum?: number | bigint;
	input?: unknown;
}

/** The message key for an issue its schema gave no message for. */
export function formMessage(issue: Issue): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null || issue.input === '') return 'err_required';
			if (issue.expected === 'int') return 'forms_err_whole_number';
			if (issue.expected === 'number' || issue.expected === 'bigint') return 'forms_err_number';
			if (issue.expected === 'date') return 'forms_err_format';
			return 'forms_err_invalid';
		case 'too_small':
			if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'err_required' : 'forms_err_too_short';
			if (issue.origin === 'array' || issue.origin === 'set') return 'forms_err_too_few';
			return 'forms_err_out_of_range';
		case 'too_big':
			if (issue.origin === 'string') return 'err_too_long';
			if (issue.origin === 'array' || issue.origin === 'set') return 'forms_err_too_many';
			if (issue.origin === 'file') return 'forms_err_file_too_large';
			return 'forms_err_out_of_range';
		case 'invalid_value':
			return 'forms_err_choose';
		case 'invalid_format':
			return 'forms_err_format';
		case 'not_multiple_of':
			return 'forms_err_out_of_range';
		default:
			return 'forms_err_invalid';
	}
}

/** PostgreSQL text cannot hold a NUL character: a field with one is refused with a message, not a server error. */
export const noNul = (s: string): boolean => !s.includes('\u0000');

z.config({ customError: (issue) => formMessage(issue) });
