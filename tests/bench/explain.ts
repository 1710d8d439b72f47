// --explain: which statement of a slow query takes the time, and its EXPLAIN (ANALYZE, BUFFERS).
// The engine is given a wrapper around its connection that records every statement it sends (with
// sql.unsafe, or as a tagged template inside sql.begin) and how long each took; the slowest is then
// run again under EXPLAIN, in a transaction that repeats the settings (set_config(), set local) the engine made.
import type { Sql, TransactionSql } from 'postgres';
import { parseSearchParams, toSearchQuery } from '../../src/lib/search-params';
import { postgresEngine } from '../../src/lib/server/search/postgres';
import { resolveNear } from '../../src/lib/server/search/reference';

interface Statement {
	text: string;
	values: unknown[];
	ms: number;
	/** Settings (set_config(), set local) made before it in the same transaction. */
	settings: Statement[];
}

function timed(query: PromiseLike<unknown>, record: Statement): void {
	const started = performance.now();
	query.then(
		() => (record.ms = performance.now() - started),
		() => (record.ms = performance.now() - started)
	);
}

/** A template literal's text with $1…$n where its values go. */
const textOf = (strings: TemplateStringsArray) => strings.reduce((text, part, i) => text + (i ? `$${i}` : '') + part, '');

function spyOn(sql: Sql, captured: Statement[]): Sql {
	const record = (text: string, values: unknown[], settings: Statement[]) => {
		const statement: Statement = { text, values, ms: Number.NaN, settings: [...settings] };
		captured.push(statement);
		return statement;
	};
	return new Proxy(sql, {
		get(target, prop, receiver) {
			if (prop === 'unsafe') {
				return (text: string, values: unknown[] = [], options?: object) => {
					const query = target.unsafe(text, values as never[], options);
					timed(query, record(text, values, []));
					return query;
				};
			}
			if (prop === 'begin') {
				return (fn: (tx: TransactionSql) => unknown) =>
					target.begin((tx) => {
						const settings: Statement[] = [];
						const isSetting = (text: string) => /set_config\(|^\s*set local /i.test(text);
						const spy = new Proxy(tx, {
							get(txTarget, txProp, txReceiver) {
								if (txProp !== 'unsafe') return Reflect.get(txTarget, txProp, txReceiver) as unknown;
								return (text: string, values: unknown[] = [], options?: object) => {
									const query = txTarget.unsafe(text, values as never[], options);
									const statement = record(text, values, settings);
									if (isSetting(text)) settings.push(statement);
									timed(query, statement);
									return query;
								};
							},
							apply(fnTarget, thisArg, args: [TemplateStringsArray, ...unknown[]]) {
								const query = Reflect.apply(fnTarget, thisArg, args) as PromiseLike<unknown>;
								if (Array.isArray(args[0]) && 'raw' in args[0]) {
									const statement = record(textOf(args[0]), args.slice(1), settings);
									if (/set_config\(/.test(statement.text)) settings.push(statement);
									timed(query, statement);
								}
								return query;
							}
						});
						return fn(spy);
					});
			}
			return Reflect.get(target, prop, receiver) as unknown;
		}
	});
}

/** Runs one benchmark query on a fresh engine (no cached counts) and explains its slowest statement. */
export async function explainQuery(sql: Sql, label: string, params: Record<string, string>, log: (line: string) => void): Promise<void> {
	const captured: Statement[] = [];
	const engine = postgresEngine(spyOn(sql, captured));
	const parsed = parseSearchParams(new URLSearchParams(params));
	const started = performance.now();
	await engine.search(toSearchQuery(parsed, resolveNear(parsed.near, [])));
	const totalMs = performance.now() - started;
	const statements = captured.filter((s) => !/set_config\(|^\s*set local /i.test(s.text));
	log(`explain query="${label}" total_ms=${totalMs.toFixed(1)} statements=${statements.length} (fresh engine: no cached counts)`);
	for (const [i, s] of statements.entries()) {
		log(`  statement ${i + 1}: ${s.ms.toFixed(1)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 160)}…`);
	}
	const slowest = [...statements].sort((a, b) => b.ms - a.ms)[0];
	if (!slowest) return;
	log(`--- slowest statement (${slowest.ms.toFixed(1)} ms): ${slowest.text.replace(/\s+/g, ' ')}`);
	log(`--- params: ${JSON.stringify(slowest.values).slice(0, 600)}`);
	const plan = await sql.begin(async (tx) => {
		for (const setting of slowest.settings) await tx.unsafe(setting.text, setting.values as never[]);
		return tx.unsafe(`explain (analyze, buffers) ${slowest.text}`, slowest.values as never[], { prepare: false });
	});
	for (const row of plan as unknown as { 'QUERY PLAN': string }[]) log(row['QUERY PLAN']);
}
