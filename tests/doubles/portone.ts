// A PortOne V2 test double: a local HTTP server speaking the REST API `@portone/server-sdk` calls
// (given to it as `baseUrl`): `Authorization: PortOne <secret>`, JSON bodies, errors as
// `{type, message}` (UNAUTHORIZED 401, INVALID_REQUEST 400, PAYMENT_NOT_FOUND 404, ALREADY_PAID,
// PAYMENT_NOT_PAID, CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN, CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT
// 409). Endpoints: pre-register, get and cancel a payment.
//
// What the browser and the PG do is played by `complete(request)`: it takes what the adapter's
// start() handed to the browser (PortOne.requestPayment's argument), refuses an amount other than
// the pre-registered one, marks the payment PAID (or VIRTUAL_ACCOUNT_ISSUED, then `deposit()`), and
// returns the webhook PortOne would send, signed the Standard Webhooks way (webhook-id,
// webhook-timestamp, webhook-signature: v1,base64(HMAC-SHA256(secret, id.timestamp.body))).
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PortOneRequest } from '../../src/lib/server/payments/port';

export interface PortOnePaymentRecord {
	id: string;
	status: 'READY' | 'PAID' | 'VIRTUAL_ACCOUNT_ISSUED' | 'FAILED' | 'CANCELLED' | 'PARTIAL_CANCELLED';
	storeId: string;
	totalAmount: number;
	cancelled: number;
	orderName: string;
	customData?: string;
	method: 'CARD' | 'VIRTUAL_ACCOUNT';
	cancellations: { id: string; status: 'SUCCEEDED'; totalAmount: number; reason: string; cancelledAt: string; requestedAt: string }[];
	requestedAt: string;
	paidAt?: string;
}

export interface PortOneWebhook {
	id: string;
	body: string;
	headers: Record<string, string>;
}

export interface PortOneDouble {
	url: string;
	apiSecret: string;
	/** whsec_ + base64, as the console shows it. */
	webhookSecret: string;
	storeId: string;
	channelKey: string;
	webhookUrl: string | undefined;
	payments: Map<string, PortOnePaymentRecord>;
	requests: { method: string; path: string; status: number }[];
	/** The buyer pays in PortOne's window: answers the Transaction.Paid (or VirtualAccountIssued) webhook. */
	complete(request: PortOneRequest, opts?: { method?: 'CARD' | 'VIRTUAL_ACCOUNT'; totalAmount?: number }): PortOneWebhook;
	/** The buyer transferred to the issued virtual account. */
	deposit(paymentId: string): PortOneWebhook;
	fail(paymentId: string): PortOneWebhook;
	webhook(type: string, paymentId: string, opts?: { id?: string; timestamp?: number; secret?: string }): PortOneWebhook;
	deliver(webhook: PortOneWebhook): Promise<number | 'unreachable'>;
	close(): Promise<void>;
}

class PortOneApiError extends Error {
	constructor(
		readonly status: number,
		readonly type: string,
		message: string
	) {
		super(message);
	}
}

const now = () => new Date().toISOString();

/** Fixed credentials (the e2e double process shares them with the app); random when not given. */
export interface PortOneDoubleKeys {
	apiSecret?: string;
	webhookSecret?: string;
	storeId?: string;
	channelKey?: string;
}

export async function startPortOneDouble(
	opts: { port?: number; webhookUrl?: string; keys?: PortOneDoubleKeys } = {}
): Promise<PortOneDouble> {
	const apiSecret = opts.keys?.apiSecret ?? `portone-double-${randomBytes(16).toString('hex')}`;
	const secretBytes = opts.keys?.webhookSecret ? Buffer.from(opts.keys.webhookSecret.replace(/^whsec_/, ''), 'base64') : randomBytes(24);
	const webhookSecret = `whsec_${secretBytes.toString('base64')}`;
	const storeId = opts.keys?.storeId ?? `store-${randomBytes(8).toString('hex')}`;
	const channelKey = opts.keys?.channelKey ?? `channel-key-${randomBytes(8).toString('hex')}`;
	const payments = new Map<string, PortOnePaymentRecord>();
	const requests: PortOneDouble['requests'] = [];

	function view(p: PortOnePaymentRecord) {
		const paid = p.status === 'READY' || p.status === 'VIRTUAL_ACCOUNT_ISSUED' || p.status === 'FAILED' ? 0 : p.totalAmount;
		return {
			status: p.status,
			id: p.id,
			transactionId: `tx-${p.id}`,
			merchantId: 'merchant-double',
			storeId: p.storeId,
			method: p.method === 'CARD' ? { type: 'PaymentMethodCard' } : { type: 'PaymentMethodVirtualAccount' },
			channel: { type: 'TEST', key: channelKey, name: 'double', pgProvider: 'TOSSPAYMENTS', pgMerchantId: 'double' },
			version: 'V2',
			requestedAt: p.requestedAt,
			updatedAt: now(),
			statusChangedAt: now(),
			orderName: p.orderName,
			amount: {
				total: p.totalAmount,
				taxFree: 0,
				vat: Math.floor(p.totalAmount / 11),
				discount: 0,
				paid,
				cancelled: p.cancelled,
				cancelledTaxFree: 0
			},
			currency: 'KRW',
			customer: {},
			customData: p.customData,
			...(p.paidAt && { paidAt: p.paidAt }),
			...(p.cancellations.length && { cancellations: p.cancellations, cancelledAt: p.cancellations.at(-1)!.cancelledAt }),
			disputes: []
		};
	}

	function payment(id: string, store: string | undefined): PortOnePaymentRecord {
		const p = payments.get(id);
		if (!p || (store && store !== p.storeId)) throw new PortOneApiError(404, 'PAYMENT_NOT_FOUND', '결제 건이 존재하지 않습니다.');
		return p;
	}

	function route(method: string, url: URL, body: Record<string, unknown>): unknown {
		let m = /^\/payments\/([^/]+)\/pre-register$/.exec(url.pathname);
		if (m && method === 'POST') {
			const id = decodeURIComponent(m[1]);
			if (!Number.isInteger(body.totalAmount) || (body.totalAmount as number) <= 0)
				throw new PortOneApiError(400, 'INVALID_REQUEST', 'totalAmount는 양의 정수여야 합니다.');
			if (body.currency !== 'KRW') throw new PortOneApiError(400, 'INVALID_REQUEST', '지원하지 않는 통화입니다.');
			const existing = payments.get(id);
			if (existing && existing.status !== 'READY') throw new PortOneApiError(409, 'ALREADY_PAID', '결제가 이미 완료되었습니다.');
			payments.set(id, {
				id,
				status: 'READY',
				storeId: typeof body.storeId === 'string' ? body.storeId : storeId,
				totalAmount: body.totalAmount as number,
				cancelled: 0,
				orderName: '',
				method: 'CARD',
				cancellations: [],
				requestedAt: now()
			});
			return {};
		}
		m = /^\/payments\/([^/]+)$/.exec(url.pathname);
		if (m && method === 'GET') return view(payment(decodeURIComponent(m[1]), url.searchParams.get('storeId') ?? undefined));
		m = /^\/payments\/([^/]+)\/cancel$/.exec(url.pathname);
		if (m && method === 'POST') {
			const p = payment(decodeURIComponent(m[1]), body.storeId as string | undefined);
			if (p.status === 'CANCELLED') throw new PortOneApiError(409, 'PAYMENT_ALREADY_CANCELLED', '결제가 이미 취소되었습니다.');
			if (p.status !== 'PAID' && p.status !== 'PARTIAL_CANCELLED')
				throw new PortOneApiError(409, 'PAYMENT_NOT_PAID', '결제가 완료되지 않았습니다.');
			if (typeof body.reason !== 'string' || !body.reason) throw new PortOneApiError(400, 'INVALID_REQUEST', 'reason은 필수입니다.');
			const cancellable = p.totalAmount - p.cancelled;
			if (body.currentCancellableAmount !== undefined && body.currentCancellableAmount !== cancellable)
				throw new PortOneApiError(409, 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN', '취소 가능 잔액 검증에 실패했습니다.');
			const amount = body.amount === undefined ? cancellable : (body.amount as number);
			if (!Number.isInteger(amount) || amount <= 0) throw new PortOneApiError(400, 'INVALID_REQUEST', 'amount는 양의 정수여야 합니다.');
			if (amount > cancellable)
				throw new PortOneApiError(409, 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', '결제 취소 금액이 취소 가능 금액을 초과했습니다.');
			const cancellation = {
				id: `cancel-${randomBytes(8).toString('hex')}`,
				status: 'SUCCEEDED' as const,
				totalAmount: amount,
				taxFreeAmount: 0,
				vatAmount: Math.floor(amount / 11),
				reason: body.reason,
				cancelledAt: now(),
				requestedAt: now()
			};
			p.cancellations.push(cancellation);
			p.cancelled += amount;
			p.status = p.cancelled === p.totalAmount ? 'CANCELLED' : 'PARTIAL_CANCELLED';
			return { cancellation };
		}
		// Not PortOne's API: what the payment window and the PG do when the buyer pays (the e2e
		// journeys' stand-in for the browser SDK calls it), then the webhook PortOne would send.
		if (url.pathname === '/__window/complete' && method === 'POST') {
			let webhook: PortOneWebhook;
			try {
				webhook = complete(body.request as PortOneRequest, { method: body.method === 'VIRTUAL_ACCOUNT' ? 'VIRTUAL_ACCOUNT' : 'CARD' });
			} catch (e) {
				throw new PortOneApiError(400, 'INVALID_REQUEST', (e as Error).message);
			}
			if (body.deliver === true) void double.deliver(webhook);
			return { paymentId: (body.request as PortOneRequest).paymentId, transactionType: 'PAYMENT', txId: `tx-${webhook.id}` };
		}
		throw new PortOneApiError(404, 'NOT_FOUND', `${method} ${url.pathname}`);
	}

	function webhook(type: string, paymentId: string, o: { id?: string; timestamp?: number; secret?: string } = {}): PortOneWebhook {
		const id = o.id ?? `msg_${randomBytes(12).toString('base64url')}`;
		const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
		const body = JSON.stringify({
			type,
			timestamp: now(),
			data: { storeId, paymentId, transactionId: `tx-${paymentId}` }
		});
		const key = o.secret ? Buffer.from(o.secret.replace(/^whsec_/, ''), 'base64') : secretBytes;
		const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
		return {
			id,
			body,
			headers: {
				'content-type': 'application/json',
				'webhook-id': id,
				'webhook-timestamp': timestamp,
				'webhook-signature': `v1,${signature}`
			}
		};
	}

	function complete(request: PortOneRequest, o: { method?: 'CARD' | 'VIRTUAL_ACCOUNT'; totalAmount?: number } = {}): PortOneWebhook {
		const p = payments.get(request.paymentId);
		if (!p) throw new Error(`payment ${request.paymentId} was not pre-registered`);
		const amount = o.totalAmount ?? request.totalAmount;
		// Pre-registration is what makes a changed amount in the browser fail.
		if (amount !== p.totalAmount) throw new Error(`PortOne refuses: amount ${amount} is not the pre-registered ${p.totalAmount}`);
		if (request.storeId !== storeId || request.channelKey !== channelKey) throw new Error('unknown store or channel');
		p.orderName = request.orderName;
		// The browser SDK takes an object; PortOne keeps and returns it as a JSON string.
		p.customData = JSON.stringify(request.customData);
		p.method = o.method ?? 'CARD';
		if (p.method === 'VIRTUAL_ACCOUNT') {
			p.status = 'VIRTUAL_ACCOUNT_ISSUED';
			return webhook('Transaction.VirtualAccountIssued', p.id);
		}
		p.status = 'PAID';
		p.paidAt = now();
		return webhook('Transaction.Paid', p.id);
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const send = (status: number, body: unknown) => {
				requests.push({ method: req.method ?? '', path: url.pathname, status });
				res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
			};
			if (req.headers.authorization !== `PortOne ${apiSecret}`)
				return send(401, { type: 'UNAUTHORIZED', message: '인증 정보가 올바르지 않습니다.' });
			let body: Record<string, unknown> = {};
			try {
				const text = Buffer.concat(chunks).toString('utf8');
				if (text) body = JSON.parse(text) as Record<string, unknown>;
			} catch {
				return send(400, { type: 'INVALID_REQUEST', message: '요청 본문이 올바른 JSON이 아닙니다.' });
			}
			try {
				send(200, route(req.method ?? 'GET', url, body));
			} catch (e) {
				if (!(e instanceof PortOneApiError)) throw e;
				send(e.status, { type: e.type, message: e.message });
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const double: PortOneDouble = {
		url,
		apiSecret,
		webhookSecret,
		storeId,
		channelKey,
		webhookUrl: opts.webhookUrl,
		payments,
		requests,
		complete,
		deposit(paymentId) {
			const p = payments.get(paymentId);
			if (p?.status !== 'VIRTUAL_ACCOUNT_ISSUED') throw new Error(`payment ${paymentId} has no issued virtual account`);
			p.status = 'PAID';
			p.paidAt = now();
			return webhook('Transaction.Paid', paymentId);
		},
		fail(paymentId) {
			const p = payments.get(paymentId);
			if (!p) throw new Error(`no payment ${paymentId}`);
			p.status = 'FAILED';
			return webhook('Transaction.Failed', paymentId);
		},
		webhook,
		async deliver(w) {
			if (!double.webhookUrl) throw new Error('the PortOne double has no webhook URL');
			return fetch(double.webhookUrl, { method: 'POST', headers: w.headers, body: w.body }).then(
				async (r) => (await r.arrayBuffer(), r.status),
				() => 'unreachable' as const
			);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
	return double;
}
