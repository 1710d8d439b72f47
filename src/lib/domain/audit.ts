// An entry of the audit trail as pages show it (written by the database's triggers; see src/lib/server/audit.ts).
export interface AuditEntry {
	id: string;
	at: Date;
	actor_id: string | null;
	/** craftsman: a claim of an imported listing (the roster migration). */
	actor_role: 'manager' | 'operator' | 'craftsman';
	actor_name: string;
	action: string;
	cluster_id: string | null;
	cluster_name_ko: string | null;
	cluster_name_en: string | null;
	workshop_id: string | null;
	workshop_name_ko: string | null;
	request_id: string | null;
	subject_user_id: string | null;
	before: Record<string, unknown> | null;
	after: Record<string, unknown> | null;
	note: string | null;
}
