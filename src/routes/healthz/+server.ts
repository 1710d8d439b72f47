// Health check for load balancers and the page benchmark's baseline: the process answers, having gone
// through the same hooks as every page, and reads and renders nothing.
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
