// Reading an action's answer on a page with several forms. Every action answers in superforms'
// shape (`{ form }` with the form's id, its data, errors and message); a page shows each answer
// next to the form it belongs to.
import type { SuperValidated } from 'sveltekit-superforms';

type Answer = { form?: SuperValidated<Record<string, unknown>, unknown> } | null | undefined;

/** The answered form when it belongs to the form with this id, otherwise null. */
export function answerOf(answer: unknown, id: string): SuperValidated<Record<string, unknown>, unknown> | null {
	const form = (answer as Answer)?.form;
	return form && form.id === id ? form : null;
}

/** The first thing to tell the user about this form: its own error, else the first field error. */
export function firstError(form: SuperValidated<Record<string, unknown>, unknown> | null): string | null {
	return form ? firstOf(form.errors) : null;
}

type Errors = Record<string, unknown> & { _errors?: string[] };

function firstOf(errors: Errors): string | null {
	if (errors._errors?.length) return errors._errors[0];
	for (const value of Object.values(errors)) {
		if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
		const nested = (value as { _errors?: string[] } | undefined)?._errors;
		if (nested?.length) return nested[0];
	}
	return null;
}

/** The answered form's value of one field, as text ('' when absent). */
export function valueOf(form: SuperValidated<Record<string, unknown>, unknown> | null, key: string): string {
	const value = form?.data[key];
	return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * The first error of an answered form that no input on the page stands beside: an error of the form
 * itself, or of a field the page does not show (`shown` lists those it does). A hidden id that was
 * tampered with, or names a row that is gone, is said at the top instead of nowhere.
 */
export function hiddenError(
	form: SuperValidated<Record<string, unknown>, unknown> | null | undefined,
	shown: readonly string[] = []
): string | null {
	if (!form) return null;
	return firstOf(Object.fromEntries(Object.entries(form.errors as Errors).filter(([key]) => !shown.includes(key))));
}
