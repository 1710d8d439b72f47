// Row types from the migrated schema, in the shape Supabase's generator writes (`Database['public']
// ['Tables'][name]['Row' | 'Insert' | 'Update']`), for the types postgres.js returns: the data
// modules Pick<> their reads from these instead of restating columns. `npm run db:types` writes
// src/lib/server/db/database.types.ts; a test fails when a migration changed the schema and the file
// was not written again.
import type { Sql } from 'postgres';

interface Column {
	relation: string;
	kind: 'r' | 'v' | 'p' | 'm';
	column: string;
	type: string;
	element: string | null;
	enum_type: string | null;
	not_null: boolean;
	has_default: boolean;
	generated: boolean;
}

/** postgres.js's JavaScript type for a PostgreSQL type (its default parsers: int8 and numeric stay strings). */
function scalar(type: string): string {
	if (
		/^(uuid|text|character varying.*|character.*|citext|name|inet|cidr|tsvector|tsquery|interval|time.*without.*|bigint|numeric.*|tstzrange|tsrange|daterange|int4range|int8range|numrange)$/.test(
			type
		)
	)
		return 'string';
	if (/^(integer|smallint|real|double precision|oid)$/.test(type)) return 'number';
	if (type === 'boolean') return 'boolean';
	if (/^(timestamp.*|date)$/.test(type)) return 'Date';
	if (/^jsonb?$/.test(type)) return 'Json';
	if (type === 'bytea') return 'Buffer';
	return 'unknown';
}

/**
 * The values a check constraint allows a text column, when it says only that: PostgreSQL prints
 * `col in ('a', 'b')` back as `CHECK ((col = ANY (ARRAY['a'::text, 'b'::text])))`.
 */
export function allowedValues(def: string, column: string): string[] | null {
	const match = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(def);
	if (!match || match[1] !== column) return null;
	const items = match[2].split(', ').map((item) => /^'([a-z0-9_ -]*)'::text$/.exec(item)?.[1]);
	return items.every((v) => v !== undefined) ? items : null;
}

const quoteKey = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : JSON.stringify(name));

export async function generateDatabaseTypes(sql: Sql, schema = 'public'): Promise<string> {
	const columns = await sql<Column[]>`
		select c.relname as relation, c.relkind as kind, a.attname as column,
			format_type(a.atttypid, a.atttypmod) as type,
			case when t.typcategory = 'A' then format_type(t.typelem, null) end as element,
			case when coalesce(et.typtype, t.typtype) = 'e' then coalesce(et.typname, t.typname) end as enum_type,
			a.attnotnull as not_null, a.atthasdef or a.attidentity <> '' as has_default, a.attgenerated <> '' as generated
		from pg_attribute a
		join pg_class c on c.oid = a.attrelid
		join pg_namespace n on n.oid = c.relnamespace
		join pg_type t on t.oid = a.atttypid
		left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
		where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm') and a.attnum > 0 and not a.attisdropped
		order by c.relname, a.attnum`;
	const enums = await sql<{ name: string; labels: string[] }[]>`
		select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder) as labels
		from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
		where n.nspname = ${schema} group by t.typname order by t.typname`;

	// Text columns limited by `check (col in ('a', 'b'))` (the schema's enums) get the union of their values.
	const checks = await sql<{ relation: string; column: string; def: string }[]>`
		select c.relname as relation, a.attname as column, pg_get_constraintdef(k.oid) as def
		from pg_constraint k
		join pg_class c on c.oid = k.conrelid
		join pg_namespace n on n.oid = c.relnamespace
		join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
		where n.nspname = ${schema} and k.contype = 'c' and cardinality(k.conkey) = 1
		order by c.relname, a.attname, k.conname`;
	const unions = new Map<string, string>();
	for (const check of checks) {
		const values = allowedValues(check.def, check.column);
		if (values) unions.set(`${check.relation}.${check.column}`, values.map((v) => `'${v}'`).join(' | '));
	}

	const typeOf = (c: Column) => {
		const union = unions.get(`${c.relation}.${c.column}`);
		if (union && !c.element && scalar(c.type) === 'string') return union;
		if (c.enum_type)
			return c.element ? `Database['${schema}']['Enums']['${c.enum_type}'][]` : `Database['${schema}']['Enums']['${c.enum_type}']`;
		return c.element ? `${scalar(c.element)}[]` : scalar(c.type);
	};
	const relations = new Map<string, Column[]>();
	for (const c of columns) relations.set(c.relation, [...(relations.get(c.relation) ?? []), c]);

	const block = (names: string[], indent: string) => names.map((n) => `${indent}${n}`).join('\n');
	const tables: string[] = [];
	const views: string[] = [];
	for (const [relation, cols] of relations) {
		const row = cols.map((c) => `${quoteKey(c.column)}: ${typeOf(c)}${c.not_null ? '' : ' | null'};`);
		if (cols[0].kind === 'v' || cols[0].kind === 'm') {
			views.push(`\t\t\t${quoteKey(relation)}: {\n\t\t\t\tRow: {\n${block(row, '\t\t\t\t\t')}\n\t\t\t\t};\n\t\t\t};`);
			continue;
		}
		const writable = cols.filter((c) => !c.generated);
		const insert = writable.map(
			(c) => `${quoteKey(c.column)}${c.not_null && !c.has_default ? '' : '?'}: ${typeOf(c)}${c.not_null ? '' : ' | null'};`
		);
		const update = writable.map((c) => `${quoteKey(c.column)}?: ${typeOf(c)}${c.not_null ? '' : ' | null'};`);
		tables.push(
			[
				`\t\t\t${quoteKey(relation)}: {`,
				`\t\t\t\tRow: {\n${block(row, '\t\t\t\t\t')}\n\t\t\t\t};`,
				`\t\t\t\tInsert: {\n${block(insert, '\t\t\t\t\t')}\n\t\t\t\t};`,
				`\t\t\t\tUpdate: {\n${block(update, '\t\t\t\t\t')}\n\t\t\t\t};`,
				`\t\t\t};`
			].join('\n')
		);
	}
	const enumLines = enums.map((e) => `\t\t\t${quoteKey(e.name)}: ${e.labels.map((l) => JSON.stringify(l)).join(' | ')};`);
	// Supabase's generator writes an empty group this way: `{}` would accept any value.
	const orNever = (lines: string[]) => (lines.length ? lines.join('\n') : '\t\t\t[_ in never]: never;');
	return `// Generated by \`npm run db:types\` from the migrated schema (src/lib/server/db/codegen.ts). Do not edit.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export interface Database {
	${schema}: {
		Tables: {
${tables.join('\n')}
		};
		Views: {
${orNever(views)}
		};
		Enums: {
${orNever(enumLines)}
		};
	};
}

type Schema = Database['${schema}'];
/** A table's row as postgres.js returns it. */
export type Tables<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Row'];
export type TablesInsert<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Insert'];
export type TablesUpdate<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Update'];
export type Enums<T extends keyof Schema['Enums']> = Schema['Enums'][T];
`;
}
