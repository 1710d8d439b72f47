// The one place that reads process.env: validates it once and says which adapter each port uses.
import { z } from 'zod';
import path from 'node:path';

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

const envSchema = z
	.object({
		NODE_ENV: z.string().default('development'),
		DATA_DIR: z.string().default('.data'),
		DATABASE_URL: optionalUrl,
		EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
		SESSION_SECRET: optionalString,
		PUBLIC_SUPABASE_URL: optionalUrl,
		PUBLIC_SUPABASE_ANON_KEY: optionalString,
		SUPABASE_SERVICE_ROLE_KEY: optionalString,
		// "Continue with Kakao" on the sign-in pages: the project has the Kakao provider enabled (Supabase Auth only).
		SUPABASE_KAKAO: z.enum(['0', '1', 'false', 'true']).default('0'),
		SUPABASE_STORAGE_BUCKET: z.string().default('portfolio'),
		MEILI_URL: optionalUrl,
		MEILI_MASTER_KEY: optionalString,
		MEILI_INDEX: z
			.string()
			.regex(/^[A-Za-z0-9_-]+$/)
			.default('workshops'),
		SEED: z.enum(['auto', 'never']).default('auto'),
		SEARCH_API_PER_MINUTE: z.coerce.number().int().min(0).default(600),
		SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^smtps?$/ }).optional()),
		MAIL_FROM: z.string().min(3).default('Sogong Link <no-reply@sogong.link>'),
		ORIGIN: optionalUrl,
		// Bank transfer: the platform's account the buyers pay into (a demo account by default).
		PAYMENT_BANK_NAME: z.string().min(1).default('국민은행'),
		PAYMENT_BANK_ACCOUNT: z.string().min(1).default('000000-00-000000'),
		PAYMENT_BANK_HOLDER: z.string().min(1).default('(주)소공링크'),
		STRIPE_SECRET_KEY: optionalString,
		STRIPE_WEBHOOK_SECRET: optionalString,
		// Only for the protocol double in tests and the e2e setup: where the Stripe API answers.
		STRIPE_API_BASE: optionalUrl,
		PORTONE_API_SECRET: optionalString,
		PORTONE_WEBHOOK_SECRET: optionalString,
		PORTONE_STORE_ID: optionalString,
		PORTONE_CHANNEL_KEY: optionalString,
		PORTONE_API_BASE: optionalUrl,
		KAKAO_REST_API_KEY: optionalString,
		// Only for the protocol double in tests and the e2e setup: where the Kakao Local API answers.
		KAKAO_API_BASE: optionalUrl
	})
	.refine((e) => !e.STRIPE_SECRET_KEY || e.STRIPE_WEBHOOK_SECRET, {
		message: 'STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set (payments are applied from signed webhooks only)',
		path: ['STRIPE_WEBHOOK_SECRET']
	})
	.refine((e) => !e.PORTONE_API_SECRET || (e.PORTONE_WEBHOOK_SECRET && e.PORTONE_STORE_ID && e.PORTONE_CHANNEL_KEY), {
		message: 'PORTONE_WEBHOOK_SECRET, PORTONE_STORE_ID and PORTONE_CHANNEL_KEY are required when PORTONE_API_SECRET is set',
		path: ['PORTONE_WEBHOOK_SECRET']
	})
	.refine((e) => !e.PUBLIC_SUPABASE_URL || e.PUBLIC_SUPABASE_ANON_KEY, {
		message: 'PUBLIC_SUPABASE_ANON_KEY is required when PUBLIC_SUPABASE_URL is set',
		path: ['PUBLIC_SUPABASE_ANON_KEY']
	});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
	dataDir: string;
	database: { kind: 'embedded'; dir: string; port: number } | { kind: 'url'; url: string };
	auth:
		| { kind: 'embedded'; sessionSecret: string | undefined; secureCookies: boolean }
		| {
				kind: 'supabase';
				url: string;
				anonKey: string;
				/** The admin API (account deletion); without it deleting an account is unavailable. */
				serviceRoleKey: string | undefined;
				/** Sign-in with Kakao (the provider enabled in the project). */
				kakao: boolean;
				/**
				 * DATABASE_URL is the project's own Postgres, whose auth schema GoTrue writes: the account page
				 * lists sessions from auth.sessions, and account deletion's trigger runs there.
				 */
				projectDatabase: boolean;
		  };
	storage: { kind: 'disk'; dir: string } | { kind: 'supabase'; url: string; serviceKey: string; bucket: string };
	/** Postgres is always kept up to date; Meilisearch, when configured, serves searches first. */
	search: { kind: 'postgres' } | { kind: 'meilisearch'; url: string; apiKey: string | undefined; index: string };
	/** SMTP when configured; otherwise mail lands in the dev_mailbox table (the dev mailbox page). */
	mail: { kind: 'embedded' } | { kind: 'smtp'; url: string; from: string };
	/** Bank transfer is always on; Stripe and PortOne when their keys are set. */
	payments: {
		bank: { bank: string; number: string; holder: string };
		stripe?: { secretKey: string; webhookSecret: string; apiBase: string | undefined };
		portone?: { apiSecret: string; webhookSecret: string; storeId: string; channelKey: string; apiBase: string | undefined };
	};
	/** Kakao Local when its REST API key is set; otherwise the bundled table of district centres. */
	geocoding: { kind: 'embedded' } | { kind: 'kakao'; restApiKey: string; apiBase: string | undefined };
	seed: 'auto' | 'never';
	/** GET /api/search requests per address and minute, counted across instances; 0: no limit. */
	searchApiPerMinute: number;
	/** The public URL (links in mail); adapter-node reads ORIGIN itself for requests. */
	origin: string | undefined;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid environment:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	const dataDir = path.resolve(e.DATA_DIR);
	return {
		dataDir,
		database: e.DATABASE_URL
			? { kind: 'url', url: e.DATABASE_URL }
			: { kind: 'embedded', dir: path.join(dataDir, 'pg'), port: e.EMBEDDED_PG_PORT },
		auth:
			e.PUBLIC_SUPABASE_URL && e.PUBLIC_SUPABASE_ANON_KEY
				? {
						kind: 'supabase',
						url: e.PUBLIC_SUPABASE_URL,
						anonKey: e.PUBLIC_SUPABASE_ANON_KEY,
						serviceRoleKey: e.SUPABASE_SERVICE_ROLE_KEY,
						kakao: e.SUPABASE_KAKAO === '1' || e.SUPABASE_KAKAO === 'true',
						projectDatabase: Boolean(e.DATABASE_URL)
					}
				: {
						kind: 'embedded',
						sessionSecret: e.SESSION_SECRET,
						secureCookies: (e.ORIGIN ?? '').startsWith('https:')
					},
		storage:
			e.PUBLIC_SUPABASE_URL && e.SUPABASE_SERVICE_ROLE_KEY
				? {
						kind: 'supabase',
						url: e.PUBLIC_SUPABASE_URL,
						serviceKey: e.SUPABASE_SERVICE_ROLE_KEY,
						bucket: e.SUPABASE_STORAGE_BUCKET
					}
				: { kind: 'disk', dir: path.join(dataDir, 'storage') },
		search: e.MEILI_URL
			? { kind: 'meilisearch', url: e.MEILI_URL, apiKey: e.MEILI_MASTER_KEY, index: e.MEILI_INDEX }
			: { kind: 'postgres' },
		mail: e.SMTP_URL ? { kind: 'smtp', url: e.SMTP_URL, from: e.MAIL_FROM } : { kind: 'embedded' },
		payments: {
			bank: { bank: e.PAYMENT_BANK_NAME, number: e.PAYMENT_BANK_ACCOUNT, holder: e.PAYMENT_BANK_HOLDER },
			stripe:
				e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
					? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiBase: e.STRIPE_API_BASE }
					: undefined,
			portone:
				e.PORTONE_API_SECRET && e.PORTONE_WEBHOOK_SECRET && e.PORTONE_STORE_ID && e.PORTONE_CHANNEL_KEY
					? {
							apiSecret: e.PORTONE_API_SECRET,
							webhookSecret: e.PORTONE_WEBHOOK_SECRET,
							storeId: e.PORTONE_STORE_ID,
							channelKey: e.PORTONE_CHANNEL_KEY,
							apiBase: e.PORTONE_API_BASE
						}
					: undefined
		},
		geocoding: e.KAKAO_REST_API_KEY ? { kind: 'kakao', restApiKey: e.KAKAO_REST_API_KEY, apiBase: e.KAKAO_API_BASE } : { kind: 'embedded' },
		seed: e.SEED,
		searchApiPerMinute: e.SEARCH_API_PER_MINUTE,
		origin: e.ORIGIN
	};
}

let cached: AppConfig | undefined;
/** Configuration of this process, read from the environment once. */
export function config(): AppConfig {
	cached ??= parseConfig(process.env);
	return cached;
}
