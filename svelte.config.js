import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Forms post multipart photos; the per-file limit is enforced (with a clear message) in the storage code.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
