// A document of a program application, for the applicant and the program's center (RLS decides).
import { download } from '$lib/server/downloads';
import * as programs from '$lib/server/programs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => download(locals.claims, (tx) => programs.document(tx, params.id, params.docId));
