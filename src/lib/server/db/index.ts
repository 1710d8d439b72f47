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
	/** The session the token belongs to (GoTrue puts it in every access token; the embedded adapter checks it). */
	session_id?: string;
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
	if (!made) variants.set(base, (made = new Map<string, Sql>()));
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
	return sql().begin((tx) => asRole(tx, jwt, role, fn)) as Promise<T>;
}

/**
 * Sets the role and claims, then runs fn. The setting is sent at once and not awaited before fn's
 * first statement, so both travel together (postgres.js pipelines the statements of a transaction
 * on its one connection, and PostgreSQL runs them in order): a round trip less per transaction. If
 * the setting fails, the transaction fails with it.
 */
async function asRole<T>(tx: Tx, jwt: string, role: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
	const setting = tx`select set_config('request.jwt.claims', ${jwt}, true), set_config('role', ${role}, true)`.execute();
	const [result] = await Promise.all([fn(tx), setting]);
	return result;
}

/**
 * Runs fn as Supabase's service_role, which bypasses RLS. Only for background jobs, webhooks and
 * the auth adapter's own bookkeeping; every call site says why.
 */
export function asService<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
	return sql().begin((tx) => asRole(tx, JSON.stringify({ role: 'service_role' }), 'service_role', fn)) as Promise<T>;
}

const SERVICE_SETTINGS = { role: 'service_role', 'request.jwt.claims': JSON.stringify({ role: 'service_role' }) };

/**
 * Runs one statement as service_role with no transaction around it (a statement is its own
 * transaction): one round trip instead of begin, settings, statement and commit. For hot paths whose
 * whole effect is one database function call (webhooks). The role and claims travel as the
 * connections' startup parameters (poolWith); a pool connect() did not make (tests) falls back to
 * asService. fn must run exactly one statement: two would commit separately.
 */
export function asServiceStatement<T>(fn: (sql: Sql | Tx) => Promise<T>): Promise<T> {
	const service = poolWith(sql(), SERVICE_SETTINGS);
	return service ? fn(service) : asService(fn);
}

/** Ends a pool connect() made and the pools poolWith made from it (tests and scripts that open their own). */
export async function endPool(base: Sql): Promise<void> {
	await Promise.all([...(variants.get(base)?.values() ?? [])].map((v) => v.end({ timeout: 5 })));
	variants.delete(base);
	await base.end({ timeout: 5 });
}
