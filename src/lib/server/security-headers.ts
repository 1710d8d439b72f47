// Headers every response carries, whatever made it: no framing (clickjacking of the managers' curation
// page was shown possible), no content sniffing, referrers cut to the origin across sites, browser
// features the app never uses switched off, and HSTS once the app is served over https. The page
// Content-Security-Policy itself comes from SvelteKit (kit.csp in svelte.config.js), which knows the
// hashes of its inline scripts; endpoints that serve uploaded files set their own sandboxing policy.
import type { Handle } from '@sveltejs/kit';

export function securityHeaders(origin: string): Record<string, string> {
	return {
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy': 'camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
		...(origin.startsWith('https://') ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
		// Endpoints and error pages get no policy from SvelteKit: nothing of theirs may be framed either.
		'content-security-policy': "frame-ancestors 'none'"
	};
}

/** Adds the headers a response lacks (a policy an endpoint or SvelteKit set is kept). */
export function securityHandle(origin: () => string): Handle {
	return async ({ event, resolve }) => {
		const response = await resolve(event);
		for (const [name, value] of Object.entries(securityHeaders(origin()))) {
			if (!response.headers.has(name)) response.headers.set(name, value);
		}
		return response;
	};
}
