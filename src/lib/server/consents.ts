// Consents people gave (public.consents): which document, which version, when. Rows are only added.
import type { Tx } from './db';

export type LegalDocument = 'terms' | 'privacy' | 'marketing';

/** Records the user's consent to these documents at this version (again: nothing changes). */
export async function record(tx: Tx, userId: string, documents: readonly LegalDocument[], version: string): Promise<void> {
	if (!documents.length) return;
	await tx`
		insert into public.consents (user_id, document, version)
		select ${userId}, d, ${version} from unnest(${documents as string[]}::text[]) as d
		on conflict (user_id, document, version) do nothing`;
}

/** The documents and versions the user consented to, newest first. */
export function list(tx: Tx, userId: string): Promise<{ document: LegalDocument; version: string; accepted_at: Date }[]> {
	return tx`
		select document, version, accepted_at from public.consents where user_id = ${userId} order by accepted_at desc, document`;
}
