// Data module: the audit trail of managers' and operators' actions. Entries are written by database
// triggers in the same transaction as each action (see the audit_trail migration); here they are only
// read, under RLS: a manager sees their clusters' entries, the operator every entry.
import type { Tx } from './db';
import type { AuditEntry } from '$lib/domain/audit';

export type { AuditEntry };

export interface AuditFilter {
	clusterId?: string;
	workshopId?: string;
	/** Entries older than this id (the next page). */
	beforeId?: string;
	limit?: number;
}

/** Newest first; what the caller may see of the filter's entries. */
export async function list(tx: Tx, { clusterId, workshopId, beforeId, limit = 100 }: AuditFilter = {}): Promise<AuditEntry[]> {
	return tx<AuditEntry[]>`
		select a.id::text, a.at, a.actor_id, a.actor_role, a.actor_name, a.action, a.cluster_id,
		       c.name_ko as cluster_name_ko, c.name_en as cluster_name_en, a.workshop_id, w.name_ko as workshop_name_ko,
		       a.request_id, a.subject_user_id, a.before, a.after, a.note
		from public.audit_entries a
		left join public.clusters c on c.id = a.cluster_id
		left join public.workshops w on w.id = a.workshop_id
		where true
		${clusterId ? tx`and a.cluster_id = ${clusterId}` : tx``}
		${workshopId ? tx`and a.workshop_id = ${workshopId}` : tx``}
		${beforeId && /^\d+$/.test(beforeId) ? tx`and a.id < ${beforeId}` : tx``}
		order by a.id desc
		limit ${limit}`;
}
