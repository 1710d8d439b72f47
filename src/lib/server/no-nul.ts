// PostgreSQL text cannot hold a NUL character: a form field carrying one (no keyboard types it; a
// crafted post, a paste of binary) failed the action's write with a server error wherever a schema
// did not refuse it itself (the hostile-input property test kept finding new ones). Every form an
// action reads has its text fields' NULs dropped, as invisible characters nobody meant: the request's
// formData() is read once, as always, and handed over without them (files are left as they are).
import type { Handle } from '@sveltejs/kit';

/** The form with NUL characters dropped from its text fields; the same form when it has none. */
export function withoutNul(form: FormData): FormData {
	let found = false;
	for (const [, value] of form) if (typeof value === 'string' && value.includes('\u0000')) found = true;
	if (!found) return form;
	const clean = new FormData();
	for (const [key, value] of form) clean.append(key, typeof value === 'string' ? value.replaceAll('\u0000', '') : value);
	return clean;
}

/** Goes after any hook that replaces event.request (the language's). */
export const noNulHandle: Handle = ({ event, resolve }) => {
	if (event.request.method === 'POST') {
		const request = event.request;
		const read = request.formData.bind(request);
		Object.defineProperty(request, 'formData', { value: async () => withoutNul(await read()) });
	}
	return resolve(event);
};
