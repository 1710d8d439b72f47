// Opens one of a request's files: private.open_attachment checks, in the user's own RLS
// transaction, that they may open it and logs the opening for the owner (see $lib/server/downloads).
import { download } from '$lib/server/downloads';
import * as files from '$lib/server/request-files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) => download(locals.claims, (tx) => files.open(tx, params.id, params.attachmentId));
