import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Where PortOne's payment window and the PGs behind it live (Toss Payments, KG Inicis, NICE, KCP, Kakao Pay …).
const pgHosts = [
	'https://*.portone.io',
	'https://*.tosspayments.com',
	'https://*.toss.im',
	'https://*.inicis.com',
	'https://*.nicepay.co.kr',
	'https://*.kcp.co.kr',
	'https://*.kakaopay.com',
	'https://*.naver.com'
];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Forms post multipart photos; the per-file limit is enforced (with a clear message) in the storage code.
		csrf: { trustedOrigins: [] },
		// The app has some 250 route nodes: the server resolves a link's route (one small request on the
		// first navigation to a page kind, made already on hover), so no page ships the whole route table.
		router: { resolution: 'server' },
		// Hashes, not nonces: anonymous pages are served from a cache, and a nonce must never repeat.
		// Styles allow inline attributes (Svelte renders style: directives as attributes on the server).
		// Map tiles are one other origin; PortOne's browser SDK (loaded only when a buyer pays through
		// PortOne) is the other, with the PG windows it opens in frames and the forms some PGs post.
		// The PG hosts follow PortOne's supported PGs; they were not checked against PortOne's live
		// test mode from here (no network), see the README.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'https://cdn.portone.io'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https://tile.openstreetmap.org'],
				'font-src': ['self'],
				'connect-src': ['self', 'https://*.portone.io'],
				'frame-src': ['self', ...pgHosts],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self', ...pgHosts],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
