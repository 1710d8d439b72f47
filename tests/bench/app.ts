// The built app on the seed data, for the benchmarks that measure pages (pages.ts, script.ts,
// lighthouse.ts): `node build` via scripts/start.mjs on a fresh embedded database of its own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { note } from './cli';
import { freePort } from './servers';

export interface App {
	base: string;
	stop: () => void;
}

/** Runs `vite build` when asked to or when there is no build/ yet; exits on a failed build. */
export function buildIfNeeded(root: string, force: boolean): void {
	if (!force && existsSync(path.join(root, 'build', 'index.js'))) return;
	note('building (vite build)');
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Starts the built app on a fresh, seeded embedded database under DATA_DIR `dataDir`; resolves when /healthz answers. */
export async function startApp(root: string, dataDir: string): Promise<App> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--fresh'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: base,
			DATA_DIR: dataDir,
			EMBEDDED_PG_PORT: String(await freePort()),
			SEED: 'auto'
		}
	});
	const stop = () => {
		if (server.exitCode === null) server.kill('SIGTERM');
	};
	process.on('exit', stop);

	const until = Date.now() + 120_000;
	while (Date.now() < until) {
		if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode} before it was ready`);
		const ok = await fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return { base, stop };
		await new Promise((r) => setTimeout(r, 300));
	}
	stop();
	throw new Error('the app did not answer /healthz within 120 s');
}

/** A seeded workshop's page, found the way a visitor finds it: the first one linked from a cluster. */
export async function findWorkshop(base: string): Promise<string> {
	const clusterHtml = await (await fetch(`${base}/clusters/jongno-jewelry`)).text();
	const workshop = /href="(\/workshops\/[^"?#]+)"/.exec(clusterHtml)?.[1];
	if (!workshop) throw new Error('no workshop link on /clusters/jongno-jewelry');
	return workshop;
}

/** The search the benchmarks load: a common Korean trade word with hits in the seed. */
export const SEARCH_PATH = `/search?q=${encodeURIComponent('주얼리')}`;
