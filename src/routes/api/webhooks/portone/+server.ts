// POST /api/webhooks/portone: PortOne V2's signed webhooks (Transaction.Paid, VirtualAccountIssued,
// Failed, Cancelled). Set this URL and version 2024-04-25 in PortOne's console; its secret goes in
// PORTONE_WEBHOOK_SECRET. 404 when PortOne is not configured.
import * as ports from '$lib/server/ports';
import { receive } from '$lib/server/payments/webhook';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request }) => receive(ports.payments().get('portone'), request);
