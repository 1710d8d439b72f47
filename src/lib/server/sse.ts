// Server-Sent Events fed by Postgres LISTEN/NOTIFY, as the live pages use them (thread messages, the
// notification bell): LISTEN on a channel, and on each notification that concerns the stream run one
// refresh at a time, in order (a burst collapses into the refreshes it needs). Keep-alive comments, an
// optional lifetime (the browser reconnects by itself, which checks the session again), and a
// 'fallback' event telling the page to poll when LISTEN is not available (a pooler that drops it).
import { sql } from './db';

const KEEP_ALIVE_MS = 15_000;

export interface EventStream {
	/** Raw SSE text; ignored once the stream is closed. */
	write(chunk: string): void;
	readonly closed: boolean;
	/** Ends the stream (the client reconnects after `retry`). */
	stop(): Promise<void>;
}

export interface ListenOptions {
	channel: string;
	/** Whether a notification's payload concerns this stream. */
	concerns(payload: string): boolean;
	/** Loads what changed and writes it; runs one at a time, in order. */
	refresh(stream: EventStream): Promise<void>;
	/** What the stream sends first, once listening (then one refresh catches what came in between). */
	open(stream: EventStream): void;
	/** Ends the stream after this long (default: never). */
	lifetimeMs?: number;
	/** How often a keep-alive comment goes out (default 15 s; tests shorten it). */
	keepAliveMs?: number;
}

export function listenStream(request: Request, options: ListenOptions): Response {
	const encoder = new TextEncoder();
	let stop: (() => Promise<void>) | undefined;
	// The client may leave while LISTEN is still being set up, before there is a stop() to call.
	let cancelled = false;
	const body = new ReadableStream<Uint8Array>({
		async start(controller) {
			let closed = false;
			const stream: EventStream = {
				write: (chunk) => {
					if (closed) return;
					try {
						controller.enqueue(encoder.encode(chunk));
					} catch {
						// Closed under us (the client left): a timer's write must never throw, which
						// would take the whole server down. Stop listening instead.
						void stop?.();
					}
				},
				get closed() {
					return closed;
				},
				stop: () => stop?.() ?? Promise.resolve()
			};
			let queue = Promise.resolve();
			const refresh = () => {
				queue = queue.then(() => (closed ? undefined : options.refresh(stream))).catch(() => stream.write(': retrying\n\n'));
			};
			const listener = await sql()
				.listen(options.channel, (payload) => {
					if (options.concerns(payload)) refresh();
				})
				.catch(() => null);
			const ping = setInterval(() => stream.write(': keep-alive\n\n'), options.keepAliveMs ?? KEEP_ALIVE_MS);
			const lifetime = options.lifetimeMs ? setTimeout(() => void stop?.(), options.lifetimeMs) : undefined;
			const onAbort = () => void stop?.();
			stop = async () => {
				if (closed) return;
				closed = true;
				clearInterval(ping);
				clearTimeout(lifetime);
				request.signal.removeEventListener('abort', onAbort);
				await listener?.unlisten().catch(() => {});
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			};
			request.signal.addEventListener('abort', onAbort);
			if (cancelled || request.signal.aborted) return void (await stop());

			stream.write('retry: 3000\n\n');
			if (!listener) {
				stream.write('event: fallback\ndata: poll\n\n');
				return void (await stop());
			}
			options.open(stream);
			refresh();
		},
		async cancel() {
			cancelled = true;
			await stop?.();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'private, no-cache, no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}
