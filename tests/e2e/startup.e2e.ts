// A start that cannot work ends with one sentence saying what to do, not a stack trace: here the
// built server, started as root (CI, this machine) with its data in a folder the postgres user
// cannot enter.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

test('a start whose database cannot run says why and how to fix it, in one line', () => {
	test.skip(process.getuid?.() !== 0, 'the postgres user only takes over the data folder when started as root');
	const closed = path.resolve(`.data/startup-closed-${process.pid}`);
	mkdirSync(path.join(closed, 'app'), { recursive: true });
	chmodSync(closed, 0o700);
	try {
		const run = spawnSync(process.execPath, ['scripts/start.mjs', '--no-build'], {
			encoding: 'utf8',
			timeout: 60_000,
			env: {
				...process.env,
				PORT: '4399',
				ORIGIN: 'http://localhost:4399',
				DATA_DIR: path.join(closed, 'app', '.data'),
				EMBEDDED_PG_PORT: '54399'
			}
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`Sogong Link cannot start: The embedded PostgreSQL runs as the system user "postgres"`);
		expect(run.stderr).toContain(`cannot enter ${closed}`);
		expect(run.stderr).not.toMatch(/^\s+at /m);
	} finally {
		chmodSync(closed, 0o755);
		rmSync(closed, { recursive: true, force: true });
	}
});
