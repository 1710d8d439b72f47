// SMTP test double: a real SMTP server (the smtp-server package, speaking the protocol nodemailer talks
// to in production) on a free localhost port, capturing every message it accepts. Plain connections
// only (no STARTTLS, as a local relay would); AUTH PLAIN/LOGIN when credentials are given, in which
// case unauthenticated senders are refused like a real submission server refuses them.
// Captured messages are decoded with a small MIME reader (RFC 2047 encoded words, quoted-printable and
// base64 bodies, multipart/alternative), so tests compare what a mail client would show.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
	/** The SMTP envelope: MAIL FROM and RCPT TO. */
	envelope: { from: string; to: string[] };
	/** The authenticated user, when the double asks for credentials. */
	user: string | null;
	/** Header names in lower case, values unfolded and decoded. */
	headers: Record<string, string>;
	subject: string;
	text: string | null;
	html: string | null;
	raw: string;
}

export interface SmtpDouble {
	/** Connection URL for nodemailer, with the credentials when the double requires them. */
	url: string;
	messages: CapturedMail[];
	close(): Promise<void>;
}

export async function startSmtpDouble(opts: { auth?: { user: string; pass: string } } = {}): Promise<SmtpDouble> {
	const messages: CapturedMail[] = [];
	const auth = opts.auth;
	const server = new SMTPServer({
		logger: false,
		disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
		authOptional: !auth,
		allowInsecureAuth: true,
		onAuth(login, _session, callback) {
			if (auth && login.username === auth.user && login.password === auth.pass) {
				callback(null, { user: login.username });
			} else {
				callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
			}
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				const mail = readMime(raw);
				messages.push({
					envelope: {
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((r) => r.address)
					},
					user: typeof session.user === 'string' ? session.user : null,
					headers: mail.headers,
					subject: mail.headers.subject ?? '',
					text: mail.text,
					html: mail.html,
					raw
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';
	return {
		url: `smtp://${credentials}127.0.0.1:${port}`,
		messages,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

// ---------------------------------------------------------------- a small MIME reader

interface Part {
	headers: Record<string, string>;
	body: string;
}

function splitPart(raw: string): Part {
	const text = raw.replace(/\r\n/g, '\n');
	const end = text.indexOf('\n\n');
	const head = end === -1 ? text : text.slice(0, end);
	const body = end === -1 ? '' : text.slice(end + 2);
	const headers: Record<string, string> = {};
	for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
	}
	return { headers, body };
}

/** RFC 2047: `=?utf-8?B?...?=` and `=?utf-8?Q?...?=`; whitespace between adjacent encoded words is dropped. */
function decodeWords(value: string): string {
	return value
		.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) => {
			if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
			const bytes = data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => `%${h}`);
			return decodeURIComponent(bytes.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
		});
}

function decodeBody(part: Part): string {
	const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
	if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (encoding === 'quoted-printable') {
		const soft = part.body.replace(/=\n/g, '');
		const bytes: number[] = [];
		for (let i = 0; i < soft.length; i++) {
			const hex = soft[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(soft.slice(i + 1, i + 3)) : null;
			if (hex) {
				bytes.push(parseInt(hex[0], 16));
				i += 2;
			} else {
				bytes.push(...Buffer.from(soft[i], 'utf8'));
			}
		}
		return Buffer.from(bytes).toString('utf8');
	}
	return part.body;
}

function readMime(raw: string): { headers: Record<string, string>; text: string | null; html: string | null } {
	const top = splitPart(raw);
	const found = { text: null as string | null, html: null as string | null };
	const visit = (part: Part) => {
		const type = part.headers['content-type'] ?? 'text/plain';
		const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
		if (/^multipart\//i.test(type) && boundary) {
			const sections = part.body.split(`--${boundary}`).slice(1);
			for (const section of sections) {
				if (section.startsWith('--')) break;
				visit(splitPart(section.replace(/^\n/, '')));
			}
		} else if (/^text\/html/i.test(type)) {
			found.html ??= trimPartEnd(decodeBody(part));
		} else if (/^text\/plain/i.test(type)) {
			found.text ??= trimPartEnd(decodeBody(part));
		}
	};
	visit(top);
	return { headers: top.headers, ...found };
}

/** The line break before a boundary (and the one ending the message) belongs to MIME, not to the text. */
function trimPartEnd(body: string): string {
	return body.replace(/\n$/, '');
}
