// Data module: accounts as the operator sees them — found by email or name, with their roles and
// managed clusters — and suspension with a reason. auth.users is not readable by the API roles, so
// this goes through operator-only security-definer functions (operator_console migration).
import type { Tx } from './db';

export interface UserRow {
	id: string;
	email: string;
	display_name: string;
	role: 'craftsman' | 'startup' | 'manager' | 'operator';
	created_at: Date;
	last_sign_in_at: Date | null;
	suspended_at: Date | null;
	suspension_reason: string | null;
	deleted_at: Date | null;
	clusters: string[];
}

export function find(tx: Tx, query: string, limit = 50): Promise<UserRow[]> {
	return tx<UserRow[]>`select * from private.find_users(${query.trim()}, ${limit})`;
}

/** Suspends the account with a reason (its sessions end), or lifts the suspension (reason null). */
export async function setSuspension(tx: Tx, userId: string, reason: string | null): Promise<boolean> {
	try {
		const [row] = await tx.savepoint((sp) => sp<{ ok: boolean }[]>`select private.set_suspension(${userId}, ${reason}) as ok`);
		return row.ok;
	} catch (e) {
		if ((e as { code?: string }).code === '42501') return false;
		throw e;
	}
}
