// A Stripe test double: a local HTTP server speaking the wire format stripe-node uses (pointed at it
// with the SDK's host/port/protocol options). Requests are form-encoded with bracketed keys
// (`line_items[0][price_data][unit_amount]=15000`), authenticated with `Authorization: Bearer sk_…`;
// `Idempotency-Key` is honoured as Stripe does (same key and parameters: the first answer replayed
// with `Idempotent-Replayed: true`; same key, other parameters: 400 idempotency_error); errors are
// JSON `{error: {type, code, message, param}}` with Stripe's status codes (400, 401, 404).
// Endpoints: Checkout Sessions (create, retrieve, expire) and refunds. `stripe-mock` is stateless;
// this double keeps state, so a session paid on its hosted page is paid when retrieved.
//
// The hosted checkout page: a session's `url` is `GET /pay/:id` on the double, with a "결제하기 / Pay"
// button. Pressing it marks the session paid, POSTs a signed `checkout.session.completed` event to
// the configured webhook URL (Stripe-Signature made with stripe.webhooks.generateTestHeaderString)
// and redirects the browser to success_url, so an e2e journey can pay by card.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

export interface StripeSession extends Obj {
	id: string;
	object: 'checkout.session';
	amount_total: number;
	currency: string;
	status: 'open' | 'complete' | 'expired';
	payment_status: 'paid' | 'unpaid';
	payment_intent: string | null;
	success_url: string;
	cancel_url: string | null;
	url: string | null;
	metadata: { [key: string]: string };
	description: string;
}

export interface StripeRefund extends Obj {
	id: string;
	object: 'refund';
	amount: number;
	payment_intent: string;
	status: 'succeeded';
}

export interface SignedEvent {
	id: string;
	body: string;
	signature: string;
}

export interface StripeDouble {
	/** http://127.0.0.1:port: give it to the adapter as STRIPE_API_BASE. */
	url: string;
	secretKey: string;
	webhookSecret: string;
	/** Where the hosted page's Pay button delivers checkout.session.completed (settable later). */
	webhookUrl: string | undefined;
	sessions: Map<string, StripeSession>;
	refunds: StripeRefund[];
	/** Every API request (not the hosted page), in order. */
	requests: { method: string; path: string; idempotencyKey?: string; status: number; replayed: boolean }[];
	/** Webhook deliveries made by the double (hosted page and deliver()). */
	deliveries: { eventId: string; status: number | 'unreachable' }[];
	/** Marks an open session paid, as the hosted page does, and returns the signed completed event (not delivered). */
	pay(sessionId: string): SignedEvent;
	/** Any event, signed with the webhook secret (timestamp in seconds, default now). */
	sign(type: string, object: Obj, opts?: { id?: string; timestamp?: number; secret?: string }): SignedEvent;
	/** POSTs a signed event to the webhook URL as Stripe does; answers the status. */
	deliver(event: SignedEvent): Promise<number | 'unreachable'>;
	/** Simulates an outage: every API request is answered 500 api_error until up(). */
	down(): void;
	up(): void;
	close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('base64url')}`;

/** Stripe's form encoding (qs with brackets) back into an object; numeric keys make arrays. */
export type Form = { [key: string]: FormValue };
type FormValue = string | Form | FormValue[];

export function parseForm(body: string): Form {
	const root: Form = {};
	for (const [key, value] of new URLSearchParams(body)) {
		const path = key.split('[').map((part) => part.replace(/]$/, ''));
		let node: Record<string, FormValue> = root;
		path.forEach((part, i) => {
			if (i === path.length - 1) {
				node[part] = value;
				return;
			}
			const slot = node[part];
			const next = typeof slot === 'object' ? slot : /^\d+$/.test(path[i + 1]) ? [] : {};
			node[part] = next;
			node = next as Record<string, FormValue>;
		});
	}
	return root;
}

const text = (v: FormValue | undefined): string | null => (typeof v === 'string' ? v : null);

class StripeApiError extends Error {
	constructor(
		readonly status: number,
		readonly type: string,
		message: string,
		readonly code?: string,
		readonly param?: string
	) {
		super(message);
	}
	body() {
		return {
			error: { type: this.type, message: this.message, ...(this.code && { code: this.code }), ...(this.param && { param: this.param }) }
		};
	}
}

const invalid = (message: string, param?: string, code = 'parameter_invalid') =>
	new StripeApiError(400, 'invalid_request_error', message, code, param);
const missing = (param: string) => invalid(`Missing required param: ${param}.`, param, 'parameter_missing');
const noSuch = (object: string, value: string, param: string) =>
	new StripeApiError(404, 'invalid_request_error', `No such ${object}: '${value}'`, 'resource_missing', param);

/** An event as Stripe sends it (pretty-printed JSON, as Stripe's deliveries are). */
export function eventBody(id: string, type: string, object: object): string {
	const event = {
		id,
		object: 'event',
		api_version: '2026-11-18.endive',
		created: Math.floor(Date.now() / 1000),
		data: { object },
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		type
	};
	return JSON.stringify(event, null, 2);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startStripeDouble(opts: { port?: number; webhookUrl?: string; secretKey?: string; webhookSecret?: string } = {}) {
	const secretKey = opts.secretKey ?? `sk_test_double_${randomBytes(8).toString('hex')}`;
	const webhookSecret = opts.webhookSecret ?? `whsec_double_${randomBytes(16).toString('hex')}`;
	const stripe = new Stripe(secretKey);
	const sessions = new Map<string, StripeSession>();
	const refunds: StripeRefund[] = [];
	const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();
	const requests: StripeDouble['requests'] = [];
	const deliveries: StripeDouble['deliveries'] = [];
	let isDown = false;
	let base = '';

	function createSession(params: Form): StripeSession {
		if (params.mode !== 'payment') throw params.mode ? invalid('This double supports mode=payment only.', 'mode') : missing('mode');
		const items = params.line_items;
		if (!Array.isArray(items) || items.length === 0) throw missing('line_items');
		let total = 0;
		let currency = '';
		let description = '';
		items.forEach((raw, i) => {
			const item = raw as Form;
			const price = item.price_data as Form | undefined;
			if (!price) throw missing(`line_items[${i}][price_data]`);
			if (typeof price.currency !== 'string') throw missing(`line_items[${i}][price_data][currency]`);
			const unit = text(price.unit_amount) ?? '';
			// Zero-decimal currencies take whole units: 15000 krw is 15,000 won; a fraction is refused.
			if (!/^\d+$/.test(unit)) throw invalid(`Invalid integer: ${unit}`, `line_items[${i}][price_data][unit_amount]`);
			const amount = Number(unit);
			const quantity = Number(text(item.quantity) ?? 1);
			description ||= text((price.product_data as Form | undefined)?.name) ?? '';
			currency ||= price.currency;
			if (price.currency !== currency)
				throw invalid('All line items must use the same currency.', `line_items[${i}][price_data][currency]`);
			total += amount * quantity;
		});
		if (currency === 'krw' && total < 100)
			throw invalid("The Checkout Session's total amount due must add up to at least ₩100 krw", undefined, 'amount_too_small');
		if (typeof params.success_url !== 'string') throw missing('success_url');
		const sessionId = `cs_test_${randomBytes(24).toString('base64url')}`;
		const session: StripeSession = {
			id: sessionId,
			object: 'checkout.session',
			amount_subtotal: total,
			amount_total: total,
			cancel_url: text(params.cancel_url),
			client_reference_id: text(params.client_reference_id),
			created: Math.floor(Date.now() / 1000),
			currency,
			customer_email: text(params.customer_email),
			expires_at: Math.floor(Date.now() / 1000) + 86_400,
			livemode: false,
			locale: text(params.locale),
			metadata: (params.metadata as { [key: string]: string } | undefined) ?? {},
			mode: 'payment',
			payment_intent: null,
			payment_status: 'unpaid',
			status: 'open',
			success_url: params.success_url,
			url: `${base}/pay/${sessionId}`,
			description
		};
		sessions.set(sessionId, session);
		return session;
	}

	function expire(sessionId: string): StripeSession {
		const session = sessions.get(sessionId);
		if (!session) throw noSuch('checkout.session', sessionId, 'session');
		if (session.status !== 'open')
			throw invalid(
				`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`
			);
		session.status = 'expired';
		session.url = null;
		return session;
	}

	function refund(params: Form): StripeRefund {
		const intent = params.payment_intent;
		if (typeof intent !== 'string') throw missing('payment_intent');
		const session = [...sessions.values()].find((s) => s.payment_intent === intent);
		if (!session) throw noSuch('payment_intent', intent, 'payment_intent');
		const refunded = refunds.filter((r) => r.payment_intent === intent).reduce((sum, r) => sum + r.amount, 0);
		const left = session.amount_total - refunded;
		if (left <= 0) throw invalid(`Charge for PaymentIntent ${intent} has already been refunded.`, undefined, 'charge_already_refunded');
		const amount = params.amount === undefined ? left : Number(text(params.amount));
		if (!Number.isInteger(amount) || amount <= 0) throw invalid('Invalid positive integer', 'amount');
		if (amount > left)
			throw invalid(`Refund amount (₩${amount}) is greater than unrefunded amount on charge (₩${left})`, 'amount', 'amount_too_large');
		const made: StripeRefund = {
			id: id('re'),
			object: 'refund',
			amount,
			currency: session.currency,
			payment_intent: intent,
			status: 'succeeded',
			created: Math.floor(Date.now() / 1000),
			metadata: {}
		};
		refunds.push(made);
		return made;
	}

	function route(method: string, path: string, params: Form): Json {
		if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(params);
		let m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
		if (m && method === 'GET') {
			const session = sessions.get(decodeURIComponent(m[1]));
			if (!session) throw noSuch('checkout.session', decodeURIComponent(m[1]), 'session');
			return session;
		}
		m = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
		if (m && method === 'POST') {
			const session = expire(decodeURIComponent(m[1]));
			// Stripe announces it like any other expiry.
			if (double.webhookUrl) void deliver(sign('checkout.session.expired', { ...session }));
			return session;
		}
		if (method === 'POST' && path === '/v1/refunds') return refund(params);
		throw new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
	}

	function sign(type: string, object: Obj, o: { id?: string; timestamp?: number; secret?: string } = {}): SignedEvent {
		const eventId = o.id ?? id('evt');
		const body = eventBody(eventId, type, object);
		const signature = stripe.webhooks.generateTestHeaderString({
			payload: body,
			secret: o.secret ?? webhookSecret,
			timestamp: o.timestamp ?? Math.floor(Date.now() / 1000)
		});
		return { id: eventId, body, signature };
	}

	function pay(sessionId: string): SignedEvent {
		const session = sessions.get(sessionId);
		if (!session) throw new Error(`no session ${sessionId}`);
		if (session.status !== 'open') throw new Error(`session ${sessionId} is ${session.status}`);
		session.status = 'complete';
		session.payment_status = 'paid';
		session.payment_intent = id('pi');
		session.url = null;
		return sign('checkout.session.completed', { ...session });
	}

	async function deliver(event: SignedEvent): Promise<number | 'unreachable'> {
		if (!double.webhookUrl) throw new Error('the Stripe double has no webhook URL');
		const status = await fetch(double.webhookUrl, {
			method: 'POST',
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'stripe-signature': event.signature,
				'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'
			},
			body: event.body
		}).then(
			async (r) => (await r.arrayBuffer(), r.status),
			() => 'unreachable' as const
		);
		deliveries.push({ eventId: event.id, status });
		return status;
	}

	function hostedPage(session: StripeSession): string {
		const won = new Intl.NumberFormat('ko-KR').format(session.amount_total);
		return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>Stripe Checkout (test double)</title></head>
<body><main><h1>Stripe Checkout (test double)</h1><p>${escapeHtml(session.description)}</p>
<p>₩${won} ${session.currency.toUpperCase()}</p>
${
	session.status === 'open'
		? `<form method="post" action="/pay/${session.id}"><button type="submit">결제하기 / Pay</button></form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">취소 / Cancel</a></p>` : ''}`
		: `<p>This Checkout Session is ${session.status}.</p>`
}</main></body></html>`;
	}

	async function hosted(req: http.IncomingMessage, res: http.ServerResponse, sessionId: string) {
		const session = sessions.get(sessionId);
		if (!session) {
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Something went wrong: no such session.</p>');
			return;
		}
		if (req.method === 'GET') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostedPage(session));
			return;
		}
		if (session.status !== 'open') {
			res.writeHead(409, { 'content-type': 'text/html; charset=utf-8' }).end(hostedPage(session));
			return;
		}
		const event = pay(sessionId);
		// Stripe retries a failed delivery for days; the double tries once and records it.
		if (double.webhookUrl) await deliver(event);
		res.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id) }).end();
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
			if (pay) {
				hosted(req, res, decodeURIComponent(pay[1])).catch((e: Error) => res.writeHead(500).end(e.message));
				return;
			}
			if (url.pathname === '/healthz') {
				res.writeHead(200).end('ok');
				return;
			}
			// For journeys that run the double in another process: what it delivered, and how the app answered.
			if (url.pathname === '/__double/deliveries') {
				res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(deliveries));
				return;
			}
			const key = req.headers['idempotency-key'] as string | undefined;
			const send = (status: number, body: string, replayed = false) => {
				requests.push({ method: req.method ?? '', path: url.pathname, idempotencyKey: key, status, replayed });
				res.writeHead(status, {
					'content-type': 'application/json',
					'request-id': `req_${randomBytes(7).toString('hex')}`,
					'stripe-version': String(req.headers['stripe-version'] ?? '2026-11-18.endive'),
					...(key && { 'idempotency-key': key }),
					...(replayed && { 'idempotent-replayed': 'true' })
				});
				res.end(body);
			};
			if (isDown) return send(500, JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred' } }));
			const auth = req.headers.authorization ?? '';
			if (!auth.startsWith('Bearer '))
				return send(
					401,
					JSON.stringify(
						new StripeApiError(
							401,
							'invalid_request_error',
							"You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
						).body()
					)
				);
			if (auth.slice(7) !== secretKey)
				return send(
					401,
					JSON.stringify(
						new StripeApiError(401, 'invalid_request_error', `Invalid API Key provided: ${auth.slice(7, 15)}****`, 'api_key_invalid').body()
					)
				);
			const raw = Buffer.concat(chunks).toString('utf8');
			const params = req.method === 'GET' ? parseForm(url.search.slice(1)) : parseForm(raw);
			const fingerprint = `${req.method} ${url.pathname} ${raw}`;
			// Stripe keys idempotency by key (per account): POSTs only.
			if (key && req.method === 'POST') {
				const seen = idempotent.get(key);
				if (seen) {
					if (seen.fingerprint !== fingerprint)
						return send(
							400,
							JSON.stringify(
								new StripeApiError(
									400,
									'idempotency_error',
									`Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
								).body()
							)
						);
					return send(seen.status, seen.body, true);
				}
			}
			let status = 200;
			let body: string;
			try {
				body = JSON.stringify(route(req.method ?? 'GET', url.pathname, params));
			} catch (e) {
				if (!(e instanceof StripeApiError)) throw e;
				status = e.status;
				body = JSON.stringify(e.body());
			}
			// Stripe stores the result of a request that reached its API, errors included (not 500s).
			if (key && req.method === 'POST') idempotent.set(key, { fingerprint, status, body });
			send(status, body);
		});
	});
	await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const double: StripeDouble = {
		url: base,
		secretKey,
		webhookSecret,
		webhookUrl: opts.webhookUrl,
		sessions,
		refunds,
		requests,
		deliveries,
		pay,
		sign,
		deliver,
		down: () => (isDown = true),
		up: () => (isDown = false),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
	return double;
}
