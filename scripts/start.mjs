// `npm start`: builds the app (unless --no-build) and serves it with adapter-node.
// With no environment set, the server starts embedded PostgreSQL under .data/ and seeds it.
// --fresh wipes DATA_DIR first (used by the e2e tests).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
	console.log(`npm start -- [options]   builds the app and serves it on PORT (default 3000)
  --no-build   serve the existing build/ as it is
  --fresh      delete DATA_DIR (default .data) first: a new embedded database, migrated and seeded`);
	process.exit(0);
}
if (args.has('--fresh')) rmSync(path.resolve(process.env.DATA_DIR ?? '.data'), { recursive: true, force: true });
if (!args.has('--no-build')) {
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
// Portfolio uploads go up to 8 MiB a photo, several per form; the per-photo limit answers with a
// clear message in the form, so the transport limit sits well above it.
process.env.BODY_SIZE_LIMIT ??= '80M';
process.env.PORT ??= '3000';
// adapter-node assumes https without ORIGIN, which would refuse every form post on plain http
// (SvelteKit's CSRF check compares origins). Behind a proxy, set ORIGIN to the public URL.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.log(`Sogong Link → ${process.env.ORIGIN}`);
await import(path.resolve('build/index.js'));
