import type { LayoutServerLoad } from './$types';

// Only the listed user fields reach the browser.
export const load = (async ({ locals }) => {
	const u = locals.user;
	return { user: u ? { id: u.id, email: u.email, role: u.role, displayName: u.displayName } : null };
}) satisfies LayoutServerLoad;
