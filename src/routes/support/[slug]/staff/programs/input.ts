// The program form's values as the module's input: Korea-time fields read as moments, documents parsed.
import { fromSeoulInput } from '$lib/domain/counseling';
import type { ProgramInput } from '$lib/server/support-staff';
import { parseDocuments, type ProgramForm } from './schema';

export function programInput(v: ProgramForm): ProgramInput | null {
	const opens = fromSeoulInput(v.opens_at);
	const deadline = fromSeoulInput(v.deadline);
	const docs = parseDocuments(v.documents);
	if (!opens || !deadline || !docs) return null;
	const { documents: _documents, submission_key: _key, ...rest } = v;
	return { ...rest, opens_at: opens, deadline, required_documents: docs };
}
