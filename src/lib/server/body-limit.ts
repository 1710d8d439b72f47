// A post larger than the server takes (adapter-node's BODY_SIZE_LIMIT) cannot be read, and a form
// action would see an empty form: it would answer "missing fields" and everything typed would be gone.
// Such a post is answered up front: a browser's form post goes to /too-large, which says so and sends
// the person back, where the browser still has what they typed; any other client gets 413. ($lib/file-limit stops such posts in the browser; this
// is for browsers without JavaScript and for clients that ignore it.)
import { json, type Handle } from '@sveltejs/kit';

/** adapter-node's reading of BODY_SIZE_LIMIT ('80M', '512K', a number of bytes; default 512K). */
export function parseBodyLimit(value: string | undefined): number {
	const text = (value ?? '512K').trim();
	const multiplier = ({ K: 1024, M: 1024 * 1024, G: 1024 * 1024 * 1024 } as Record<string, number>)[text.at(-1)?.toUpperCase() ?? ''] ?? 1;
	const bytes = Number(multiplier !== 1 ? text.slice(0, -1) : text) * multiplier;
	return Number.isFinite(bytes) ? bytes : Infinity;
}

export function bodyLimitHandle(limit: () => number): Handle {
	return ({ event, resolve }) => {
		const length = Number(event.request.headers.get('content-length'));
		if (event.request.method === 'GET' || !Number.isFinite(length) || length <= limit()) return resolve(event);
		// A form posted by a browser (not use:enhance's fetch, which $lib/file-limit keeps from sending it).
		const navigation = event.request.headers.get('accept')?.includes('text/html') && !event.request.headers.has('x-sveltekit-action');
		if (navigation) return new Response(null, { status: 303, headers: { location: '/too-large', 'cache-control': 'no-store' } });
		return json({ error: 'too_large' }, { status: 413 });
	};
}
