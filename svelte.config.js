import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Forms post multipart photos; the per-file limit is enforced (with a clear message) in the storage code.
		csrf: { trustedOrigins: [] },
		// Hashes, not nonces: anonymous pages are served from a cache, and a nonce must never repeat.
		// Styles allow inline attributes (Svelte renders style: directives as attributes on the server).
		// Map tiles are the one other origin.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https://tile.openstreetmap.org'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
