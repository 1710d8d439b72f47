// Test double of Supabase Storage: a local HTTP server speaking the REST endpoints storage-js
// calls, with the real service's headers and error bodies. Storage answers most errors with
// HTTP 400 and the meaningful status as a string in the body (`statusCode: "404"`); the API
// gateway in front of it answers a missing or wrong `apikey` with 401.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StorageDouble {
	/** Base URL to give createClient, like a project URL. */
	url: string;
	serviceKey: string;
	/** The one (private) bucket the double holds. */
	bucket: string;
	close(): Promise<void>;
}

interface StoredObject {
	id: string;
	data: Buffer;
	contentType: string;
}

type Reply = { status: number; body: unknown } | { status: 200; bytes: Buffer; contentType: string };

const errors = {
	noSuchKey: { statusCode: '404', code: 'NoSuchKey', error: 'not_found', message: 'Object not found' },
	noSuchBucket: { statusCode: '404', code: 'NoSuchBucket', error: 'Bucket not found', message: 'Bucket not found' },
	duplicate: { statusCode: '409', code: 'KeyAlreadyExists', error: 'Duplicate', message: 'The resource already exists' },
	accessDenied: { statusCode: '403', code: 'AccessDenied', error: 'Unauthorized', message: 'invalid signature' }
};

export async function startStorageDouble(bucket = 'portfolio'): Promise<StorageDouble> {
	const serviceKey = `double-service-key-${randomUUID()}`;
	const objects = new Map<string, StoredObject>();

	function handle(method: string, url: URL, headers: http.IncomingHttpHeaders, body: Buffer): Reply {
		if (!headers.apikey) return { status: 401, body: { message: 'No API key found in request' } };
		if (headers.apikey !== serviceKey) return { status: 401, body: { message: 'Invalid API key' } };
		if (headers.authorization !== `Bearer ${serviceKey}`) return { status: 400, body: errors.accessDenied };

		const match = /^\/storage\/v1\/object\/(?:authenticated\/)?([^/]+)(?:\/(.+))?$/.exec(url.pathname);
		if (!match)
			return { status: 404, body: { statusCode: '404', error: 'Not Found', message: `Route ${method}:${url.pathname} not found` } };
		const [, bucketName, rawKey] = match;
		if (decodeURIComponent(bucketName) !== bucket) return { status: 400, body: errors.noSuchBucket };
		const key = rawKey?.split('/').map(decodeURIComponent).join('/');

		if (method === 'DELETE' && !key) {
			const { prefixes } = JSON.parse(body.toString('utf8') || '{}') as { prefixes?: unknown };
			if (!Array.isArray(prefixes) || prefixes.length === 0) {
				return {
					status: 400,
					body: { statusCode: '400', error: 'Bad Request', message: 'body/prefixes must NOT have fewer than 1 items' }
				};
			}
			const removed = (prefixes as string[]).filter((p) => objects.delete(p));
			return { status: 200, body: removed.map((name) => ({ name, bucket_id: bucket })) };
		}
		if (!key) return { status: 404, body: { statusCode: '404', error: 'Not Found', message: `Route ${method}:${url.pathname} not found` } };

		const existing = objects.get(key);
		switch (method) {
			case 'GET':
				if (!existing) return { status: 400, body: errors.noSuchKey };
				return { status: 200, bytes: existing.data, contentType: existing.contentType };
			case 'POST':
			case 'PUT': {
				if (method === 'POST' && existing && headers['x-upsert'] !== 'true') return { status: 400, body: errors.duplicate };
				if (method === 'PUT' && !existing) return { status: 400, body: errors.noSuchKey };
				const id = existing?.id ?? randomUUID();
				objects.set(key, { id, data: body, contentType: headers['content-type'] ?? 'application/octet-stream' });
				return { status: 200, body: { Id: id, Key: `${bucket}/${key}` } };
			}
			default:
				return { status: 404, body: { statusCode: '404', error: 'Not Found', message: `Route ${method}:${url.pathname} not found` } };
		}
	}

	const server = http.createServer((req, res) => void serve(req, res));
	async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		let reply: Reply;
		try {
			reply = handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://double'), req.headers, Buffer.concat(chunks));
		} catch (e) {
			reply = { status: 400, body: { statusCode: '400', error: 'Bad Request', message: String(e) } };
		}
		if ('bytes' in reply) {
			res.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.bytes.length });
			res.end(reply.bytes);
		} else {
			res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(reply.body));
		}
	}
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		serviceKey,
		bucket,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			})
	};
}
