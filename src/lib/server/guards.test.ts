import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Claims } from './db';
import { requireRole, requireUser, returnTo, type User } from './guards';

const claims: Claims = { sub: 'u1', role: 'authenticated' };
const user = (role: User['role']): User => ({
	id: 'u1',
	email: 'a@b.kr',
	role,
	displayName: 'A',
	emailConfirmed: true,
	termsVersion: '2026-12-06'
});
const locals = (u: User | null) => ({ user: u, claims: u ? claims : null }) as App.Locals;

/** What a guard threw: the redirect's location or the error's status. */
function thrown(fn: () => unknown) {
	try {
		fn();
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		if (isHttpError(e)) return { status: e.status, message: e.body.message };
		throw e;
	}
	return null;
}

describe('requireUser', () => {
	it('sends a visitor to the login page and back to the page with its query', () => {
		const url = new URL('http://x/requests/new?template=shoes');
		expect(thrown(() => requireUser({ locals: locals(null), url }))).toEqual({
			status: 303,
			location: '/login?redirectTo=%2Frequests%2Fnew%3Ftemplate%3Dshoes'
		});
	});

	it('returns after a form post to the page, not to the action', () => {
		expect(returnTo(new URL('http://x/requests/1?/move'))).toBe('/login?redirectTo=%2Frequests%2F1');
	});

	it('lets a signed-in user through with their claims', () => {
		const got = requireUser({ locals: locals(user('startup')), url: new URL('http://x/dashboard') });
		expect(got.user.role).toBe('startup');
		expect(got.claims).toBe(claims);
	});
});

describe('requireRole', () => {
	it('answers 403 with the message to a signed-in user of another role', () => {
		const url = new URL('http://x/inbox');
		expect(thrown(() => requireRole({ locals: locals(user('startup')), url }, ['manager'], 'Managers only'))).toEqual({
			status: 403,
			message: 'Managers only'
		});
	});

	it('sends a visitor to log in before it looks at roles', () => {
		const url = new URL('http://x/inbox');
		expect(thrown(() => requireRole({ locals: locals(null), url }, ['manager']))?.status).toBe(303);
	});

	it('lets any of the roles through', () => {
		const url = new URL('http://x/manage/a');
		expect(requireRole({ locals: locals(user('operator')), url }, ['manager', 'operator']).user.role).toBe('operator');
	});
});
