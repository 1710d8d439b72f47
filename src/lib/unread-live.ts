// The header's unread count, live, in the browser. One stream per browser rather than per tab: browsers
// keep at most six HTTP/1.1 connections to a site, and a stream held open by every tab would soon
// stall the site's other requests. The tab holding a Web Lock keeps the EventSource and shares each
// count with the user's other tabs over a BroadcastChannel; when it closes, another tab takes the lock.
// Without those APIs every tab keeps its own stream. When streams fail, the count is polled.

const POLL_MS = 30_000;
const ENDPOINT = '/notifications/events';

/** Follows the user's unread count, calling onCount with each new one; returns the way to stop. */
export function followUnread(userId: string, onCount: (count: number) => void): () => void {
	const name = `sogong-link:unread:${userId}`;
	const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
	const publish = (count: number) => {
		onCount(count);
		channel?.postMessage({ unread: count });
	};
	channel?.addEventListener('message', (e: MessageEvent<{ unread?: unknown }>) => {
		if (typeof e.data?.unread === 'number') onCount(e.data.unread);
	});

	if (!channel || typeof navigator === 'undefined' || !navigator.locks) {
		const stopStream = stream(publish);
		return () => {
			stopStream();
			channel?.close();
		};
	}

	let stopStream: (() => void) | undefined;
	let releaseLock: (() => void) | undefined;
	const abort = new AbortController();
	navigator.locks
		.request(name, { signal: abort.signal }, () => {
			stopStream = stream(publish);
			// Held until this tab stops following (or closes, which releases it too).
			return new Promise<void>((release) => (releaseLock = release));
		})
		.catch(() => {}); // aborted while waiting for the lock
	return () => {
		abort.abort();
		stopStream?.();
		releaseLock?.();
		channel.close();
	};
}

/** The count from the server's event stream, polling when the stream cannot be kept. */
function stream(publish: (count: number) => void): () => void {
	let source: EventSource | undefined;
	let timer: ReturnType<typeof setInterval> | undefined;
	let failures = 0;

	async function poll() {
		const res = await fetch(`${ENDPOINT}?poll=1`, { headers: { accept: 'application/json' } }).catch(() => null);
		if (res?.status === 401) return stopPolling(); // signed out meanwhile
		if (res?.ok) publish(((await res.json()) as { unread: number }).unread);
	}
	function stopPolling() {
		clearInterval(timer);
		timer = undefined;
	}
	function startPolling() {
		source?.close();
		source = undefined;
		if (timer) return;
		timer = setInterval(() => void poll(), POLL_MS);
		void poll();
	}

	if (typeof EventSource === 'undefined') startPolling();
	else {
		source = new EventSource(ENDPOINT);
		source.addEventListener('unread', (e) => publish(Number((e as MessageEvent<string>).data)));
		source.addEventListener('fallback', startPolling);
		source.onopen = () => (failures = 0);
		// The browser reconnects by itself (the server ends each stream after a while); after repeated
		// failures, or when it gives up, poll instead.
		source.onerror = () => {
			failures += 1;
			if (failures >= 3 || source?.readyState === EventSource.CLOSED) startPolling();
		};
	}
	return () => {
		source?.close();
		stopPolling();
	};
}
