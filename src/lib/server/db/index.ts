// The one database access path: a pool, plus transactions that run as the signed-in user so that
// PostgreSQL's row-level security decides what each user can see and change.
import postgres, { type Sql, type TransactionSql } from 'postgres';
import { config, type AppConfig } from '../config';
import { startEmbedded } from './embedded';
import { migrate, seedIfEmpty } from './migrate';

/** The verified JWT claims of a user, in Supabase's shape; null for anonymous visitors. */
export interface Claims {
	sub: string;
	email?: string;
	role: 'authenticated';
	aud?: string | string[];
	exp?: number;
	iat?: number;
	app_metadata?: Record<string, unknown>;
	user_metadata?: Record<string, unknown>;
}

export type Tx = TransactionSql;

let pool: Sql | undefined;
/** How each pool connect() made was made, for pools with other settings on the same database. */
const origins = new WeakMap<Sql, { url: string; prepare: boolean }>();
const variants = new WeakMap<Sql, Map<string, Sql>>();

export async function connect(cfg: AppConfig['database']): Promise<Sql> {
	const url = cfg.kind === 'url' ? cfg.url : await startEmbedded(cfg.dir, cfg.port);
	// Supabase's transaction pooler does not support prepared statements.
	const prepare = cfg.kind === 'embedded';
	const sql = postgres(url, { max: 10, onnotice: () => {}, prepare });
	origins.set(sql, { url, prepare });
	return sql;
}

/**
 * A second pool on the pool's database whose connections start with these settings (as startup
 * parameters: no statement spends a round trip on them), made once per set of settings and connected
 * as used. Undefined for a pool connect() did not make (tests hand in their own).
 */
export function poolWith(base: Sql, settings: Readonly<Record<string, string>>): Sql | undefined {
	const origin = origins.get(base);
	if (!origin) return undefined;
	const key = JSON.stringify(Object.entries(settings).sort());
	let made = variants.get(base);
	if (!made) variants.set(base, (made = new Map()));
	let sql = made.get(key);
	if (!sql) {
		sql = postgres(origin.url, { max: 10, onnotice: () => {}, prepare: origin.prepare, connection: { ...settings } });
		made.set(key, sql);
	}
	return sql;
}

/** Starts the database of this process: connect, migrate, seed an empty marketplace. */
export async function open(cfg: AppConfig = config()): Promise<Sql> {
	if (pool) return pool;
	const sql = await connect(cfg.database);
	await migrate(sql);
	if (cfg.seed === 'auto') await seedIfEmpty(sql);
	pool = sql;
	return sql;
}

export function sql(): Sql {
	if (!pool) throw new Error('database not opened: call open() first');
	return pool;
}

/** Uses an already connected pool (tests, scripts). */
export function use(existing: Sql): void {
	pool = existing;
}

/** Runs fn in a transaction as the given user (or anon), with RLS enforced by PostgreSQL. */
export function withUser<T>(claims: Claims | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
	const role = claims ? 'authenticated' : 'anon';
	const jwt = JSON.stringify(claims ?? { role: 'anon' });
	return sql().begin(async (tx) => {
		await tx`select set_config('request.jwt.claims', ${jwt}, true), set_config('role', ${role}, true)`;
		return fn(tx);
	}) as Promise<T>;
}

/**
 * Runs fn as Supabase's service_role, which bypasses RLS. Only for background jobs, webhooks and
 * the auth adapter's own bookkeeping; every call site says why.
 */
export function asService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
	return sql().begin(async (tx) => {
		await tx`select set_config('request.jwt.claims', ${JSON.stringify({ role: 'service_role' })}, true), set_config('role', 'service_role', true)`;
		return fn(tx);
	}) as Promise<T>;
}
