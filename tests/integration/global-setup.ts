// Vitest global setup: a fresh embedded PostgreSQL for this test run, migrated and seeded.
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/lib/server/db';
import { stopEmbedded } from '../../src/lib/server/db/embedded';
import { migrate, seedIfEmpty } from '../../src/lib/server/db/migrate';

// Each run gets its own folder and port, so parallel runs (and a dev server) never collide.
const runDir = path.resolve(`.data/test-${process.pid}`);

async function freePort(): Promise<number> {
	const server = net.createServer().listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export default async function setup(project: TestProject) {
	const port = await freePort();
	const sql = await connect({ kind: 'embedded', dir: path.join(runDir, 'pg'), port });
	await migrate(sql);
	await seedIfEmpty(sql);
	await sql.end();
	project.provide('databaseUrl', `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
	return async () => {
		await stopEmbedded(path.join(runDir, 'pg'));
		await rm(runDir, { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
	}
}
