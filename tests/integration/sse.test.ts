// The LISTEN/NOTIFY event streams behind the live bell and threads (src/lib/server/sse.ts).
import { describe, expect, it } from 'vitest';
import { listenStream } from '../../src/lib/server/sse';
import { testSql } from './db';

const CHANNEL = 'sse_test';
const read = async (reader: ReadableStreamDefaultReader<Uint8Array>) => new TextDecoder().decode((await reader.read()).value);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('event streams', () => {
	it('sends what a notification concerns, and keep-alives between', async () => {
		const sql = testSql();
		const res = listenStream(new Request('http://localhost/events'), {
			channel: CHANNEL,
			concerns: (payload) => payload === 'mine',
			open: (stream) => stream.write('event: hello\ndata: 0\n\n'),
			refresh: async (stream) => stream.write('event: changed\ndata: 1\n\n'),
			keepAliveMs: 50
		});
		const reader = res.body!.getReader();
		let text = '';
		while (!text.includes('event: changed')) text += await read(reader); // the refresh after opening
		expect(text).toContain('retry: 3000');
		expect(text).toContain('event: hello');
		text = '';
		await sql`select pg_notify(${CHANNEL}, 'not mine'), pg_notify(${CHANNEL}, 'mine')`;
		while (!text.includes('event: changed')) text += await read(reader);
		while (!text.includes(': keep-alive')) text += await read(reader);
		await reader.cancel();
	});

	it('survives a client that leaves while the stream is still being set up', async () => {
		// A keep-alive written into a stream the client already closed used to throw from a timer and
		// take the whole server down (seen in an e2e run). Vitest fails the run on such an error.
		testSql();
		const thrown: unknown[] = [];
		const onError = (error: unknown) => thrown.push(error);
		process.on('uncaughtException', onError);
		const abort = new AbortController();
		const res = listenStream(new Request('http://localhost/events', { signal: abort.signal }), {
			channel: CHANNEL,
			concerns: () => true,
			open: (stream) => stream.write('event: hello\n\n'),
			refresh: async () => {},
			keepAliveMs: 10
		});
		abort.abort();
		await res.body!.cancel();
		await sleep(200); // twenty keep-alive periods
		process.off('uncaughtException', onError);
		expect(thrown).toEqual([]);
	});
});
