// Runs after every install (package.json "postinstall"): patches known bugs of dependencies in
// node_modules until their releases carry the fix. Idempotent; says what it did.
//
// postgres (porsager/postgres 3.4.x): a small write is sent on the next tick (setImmediate); when the
// connection closes first — the database restarts, or stops under load at shutdown — the socket is
// null by then and `socket.write` throws from the timer, where nothing can catch it, and the whole
// process dies (porsager/postgres#1154, #1208; fix proposed in #1176). The guard drops the write:
// closing has already failed the queries waiting on that connection with CONNECTION_CLOSED.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUG = '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)';
const FIX =
	'  function nextWrite(fn) {\n    if (!socket) return (chunk = nextWriteTimer = null, false) // patched: scripts/patch-deps.mjs\n    const x = socket.write(chunk, fn)';

for (const file of ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js']) {
	const target = path.join(root, 'node_modules/postgres', file);
	if (!existsSync(target)) continue;
	const text = readFileSync(target, 'utf8');
	if (text.includes('patched: scripts/patch-deps.mjs')) continue;
	if (!text.includes(BUG)) {
		console.warn(`[patch-deps] postgres/${file}: nextWrite changed upstream; check whether porsager/postgres#1154 is fixed`);
		continue;
	}
	writeFileSync(target, text.replace(BUG, FIX));
	console.log(`[patch-deps] postgres/${file}: nextWrite no longer writes to a closed connection`);
}
