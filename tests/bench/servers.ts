// The benchmark's HTTP servers (server.ts) as child processes: one per engine, so that each has its
// own memory (the baseline's RSS is its index) and neither slows the other while idle.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { ServerOptions } from './server';

export interface Server {
	child: ChildProcess;
	port: number;
	/** What the server reported when ready (set-up times, memory, index check). */
	info: Record<string, unknown>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export function startServer(root: string, opts: ServerOptions): Promise<Server> {
	const script = path.join(root, 'tests', 'bench', 'server.ts');
	// --expose-gc: memory is measured after a collection; the baseline's index needs a large heap.
	const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', script, JSON.stringify(opts)], {
		cwd: root,
		stdio: ['pipe', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		let out = '';
		const onData = (chunk: Buffer) => {
			out += chunk.toString();
			const line = out.split('\n').find((l) => l.startsWith('{'));
			if (!line) return;
			child.stdout.off('data', onData);
			const info = JSON.parse(line) as Record<string, unknown> & { port: number };
			resolve({ child, port: info.port, info });
		};
		child.stdout.on('data', onData);
		child.once('exit', (code) => reject(new Error(`${opts.engine} server exited with ${code} before it was ready`)));
	});
}

/** Ends a server by closing its stdin (it exits on end of input), killing it if it does not. */
export async function stopServer(server: Server): Promise<void> {
	if (server.child.exitCode !== null) return;
	const exited = new Promise((r) => server.child.once('exit', r));
	server.child.stdin!.end();
	const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

export async function serverStats(server: Server): Promise<{ rss_mb: number; heap_mb: number; churned: number }> {
	const res = await fetch(`http://127.0.0.1:${server.port}/stats`);
	return (await res.json()) as { rss_mb: number; heap_mb: number; churned: number };
}

/** --churn: the server re-indexes this many random workshops per second until set to 0. */
export async function setChurn(server: Server, perSecond: number, docs: number): Promise<void> {
	await fetch(`http://127.0.0.1:${server.port}/churn?per_second=${perSecond}&docs=${docs}`);
}
