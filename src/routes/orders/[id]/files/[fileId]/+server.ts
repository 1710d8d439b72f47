// A file shared on an order (sample photos, shipping papers), for those who may see the order.
import { download } from '$lib/server/downloads';
import * as orders from '$lib/server/orders';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) => download(locals.claims, (tx) => orders.file(tx, params.id, params.fileId));
