// The role of an account made by a provider's sign-in (Kakao), where no sign-up form asked for it.
// The profile's role is not the user's to write (RLS), so this runs as the auth side does, on the
// server's own connection, and only for an account that has nothing yet that depends on its role.
import type { Claims } from '../db';
import { sql } from '../db';
import type { SelfServiceRole } from './port';

/**
 * An account that signed in through a provider and has not chosen its role yet: the role travels in
 * user_metadata, which an email sign-up fills in and a provider's does not.
 */
export function needsRoleChoice(claims: Claims): boolean {
	const provider = claims.app_metadata?.provider;
	return typeof provider === 'string' && provider !== 'email' && !claims.user_metadata?.role;
}

/**
 * Sets the role and the name of the account; false (nothing changed) once it owns a workshop, a
 * company or a request, whose rules hang on the role it had when they were made.
 */
export async function chooseRole(userId: string, role: SelfServiceRole, displayName: string): Promise<boolean> {
	const rows = await sql()`
		update public.profiles p set role = ${role}, display_name = ${displayName}
		where p.id = ${userId} and p.role in ('craftsman', 'startup') and p.deleted_at is null
		  and not exists (select 1 from public.workshops w where w.owner_id = p.id)
		  and not exists (select 1 from public.companies c where c.owner_id = p.id)
		  and not exists (select 1 from public.requests r where r.owner_id = p.id)
		returning p.id`;
	return rows.length === 1;
}
