// SQL literals: a security boundary. The search statements are built as text (their shape varies with
// filters and tiers) and their values are written into that text as typed literals, not bound as
// parameters. A tsquery bound as a parameter made PostgreSQL re-check every row a bitmap scan yielded
// against it (reading each document's vector out of TOAST), 5 to 10 times slower. And a statement with
// parameters costs postgres.js two round trips when it is not prepared (it asks for the parameter types
// first), while these are never prepared: each is planned for its own words (see session() in engine.ts).
//
// So every value from outside this code (query words, filter values, coordinates, page numbers, the
// slices handed to private.search_slices()) goes into SQL text through this module, and nowhere else:
// - text as an escape-string literal E'…' (backslashes and quotes doubled), correct whatever
//   standard_conforming_strings says; NUL characters, which PostgreSQL text cannot hold, are dropped
//   (a query word with a NUL in it is searched without it, as before this module existed);
// - tsquery operands (lexemes) quoted as the tsquery parser reads them, the whole tsquery then a text literal;
// - numbers only if finite, as quoted float8 or as integers (negative ones in parentheses, so that no
//   `-` of a value can follow another and start a `--` comment);
// - setting names and values (SET LOCAL takes no parameters) only if they are plain words.
// Constants of this code (table names, SAMPLE_BUCKETS, the Earth's radius) are written directly: they
// are code, not values. Property tests in sql.test.ts check each builder against the real parser.

/** Text as an escape-string literal, without NUL characters (see above). */
export function stringLiteral(text: string): string {
	return `E'${text.replaceAll('\0', '').replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Text as a literal of type text. */
export const textLiteral = (text: string): string => `${stringLiteral(text)}::text`;

/** A tsquery (built from lexeme() operands) as a literal. */
export const tsqueryLiteral = (query: string): string => `${stringLiteral(query)}::tsquery`;

/**
 * A tsquery operand: the lexeme quoted, with quotes and backslashes escaped as the tsquery parser
 * reads them. Not SQL yet: a tsquery made of these goes into a statement through tsqueryLiteral().
 */
export const lexeme = (word: string): string => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A number that must be finite (NaN or Infinity would be a bug upstream): returns it, or throws. */
export function finite(value: number, name: string): number {
	if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
	return value;
}

/** A finite number as a literal of type float8. */
export const float8Literal = (value: number, name = 'value'): string => `'${finite(value, name)}'::float8`;

/** A safe integer as a bare literal (LIMIT, OFFSET-like bounds, counts): refused if not an integer. */
export function integerLiteral(value: number, name = 'value'): string {
	if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
	return value < 0 ? `(${value})` : String(value);
}

const SETTING_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;
const SETTING_VALUE = /^[a-z0-9_.]+$/;

/** `set local name = value` for a setting of this code: plain words only, else it throws. */
export function setLocal(name: string, value: string): string {
	if (!SETTING_NAME.test(name) || !SETTING_VALUE.test(value)) throw new RangeError(`not a plain setting: ${name} = ${value}`);
	return `set local ${name} = ${value}`;
}

/**
 * The literals of a statement, by type: what the statement builders are handed to put a value into
 * SQL text (they take one per statement, so a statement's values could be collected here if binding
 * them ever pays; see above for why they are not bound now).
 */
export class Params {
	add(value: string, type: 'tsquery' | 'text'): string;
	add(value: number, type: 'float8'): string;
	add(value: string | number, type: 'tsquery' | 'text' | 'float8'): string {
		if (type === 'tsquery') return tsqueryLiteral(String(value));
		if (type === 'text') return textLiteral(String(value));
		return float8Literal(Number(value));
	}
}
