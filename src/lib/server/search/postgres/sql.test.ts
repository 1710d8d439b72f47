// The SQL literal builders (sql.ts) are a security boundary: search values are written into statement
// text, not bound. Property tests, first against a reading of the literal as PostgreSQL's lexer reads
// it, then against the real parser: whatever the text, the literal gives back exactly that text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testSql } from '../../../../../tests/integration/db';
import { float8Literal, integerLiteral, lexeme, setLocal, stringLiteral, textLiteral, tsqueryLiteral } from './sql';
import { SEARCH_SETTINGS } from './engine';

/** Pieces that break naive quoting: quotes, backslashes, dollar quotes, comments, statement ends, E and U& prefixes. */
const dangerous = fc.constantFrom(
	"'",
	"''",
	'\\',
	"\\'",
	"'\\",
	'$$',
	'$q$',
	'--',
	'/*',
	'*/',
	';',
	'\n',
	'\r\n',
	"E'",
	"U&'",
	'"',
	'\0',
	'\\0',
	'\\x27'
);
/** Any valid Unicode text (PostgreSQL text is UTF-8, so no lone surrogates), dangerous pieces mixed in. */
const anyText = fc
	.array(fc.oneof(dangerous, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), { maxLength: 8 })
	.map((parts) => parts.join(''));
/** Any UTF-16 text, lone surrogates too: for the checks that need no database. */
const anyUnits = fc
	.array(fc.oneof(dangerous, fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) })), { maxLength: 8 })
	.map((parts) => parts.join(''));

const withoutNul = (text: string) => text.replaceAll('\0', '');

/**
 * Reads a quoted string as a lexer does: `quote` opens and closes it, doubled it stands for itself,
 * and with `backslashes` a backslash takes the next character as it is (the builders only ever write
 * `\\`, so any other escape is an error here). Returns the value and the index of the closing quote.
 */
function readQuoted(text: string, start: number, backslashes: boolean): { value: string; end: number } {
	let value = '';
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (backslashes && c === '\\') {
			if (text[i + 1] !== '\\') throw new Error(`escape \\${text[i + 1]} at ${i}`);
			value += '\\';
			i++;
		} else if (c === "'") {
			if (text[i + 1] !== "'") return { value, end: i };
			value += "'";
			i++;
		} else value += c;
	}
	throw new Error('unterminated literal');
}

/** An E'…' literal read as PostgreSQL reads it: its value, and what follows the closing quote. */
function readEscapeString(sql: string): { value: string; rest: string } {
	expect(sql.startsWith("E'")).toBe(true);
	const { value, end } = readQuoted(sql, 2, true);
	return { value, rest: sql.slice(end + 1) };
}

describe('SQL literals, read as the lexer reads them', () => {
	it('a string literal ends at its last quote and holds the text, without NUL characters', () => {
		fc.assert(
			fc.property(anyUnits, (text) => {
				const { value, rest } = readEscapeString(stringLiteral(text));
				expect(rest).toBe('');
				expect(value).toBe(withoutNul(text));
			}),
			{ numRuns: 2000 }
		);
	});

	it('text and tsquery literals are a string literal and their cast, nothing else', () => {
		fc.assert(
			fc.property(anyUnits, (text) => {
				expect(readEscapeString(textLiteral(text))).toEqual({ value: withoutNul(text), rest: '::text' });
				expect(readEscapeString(tsqueryLiteral(text))).toEqual({ value: withoutNul(text), rest: '::tsquery' });
			})
		);
	});

	it('a lexeme is one quoted tsquery operand holding the word', () => {
		fc.assert(
			fc.property(anyUnits, (word) => {
				const quoted = lexeme(word);
				expect(quoted[0]).toBe("'");
				const { value, end } = readQuoted(quoted, 1, true);
				expect(end).toBe(quoted.length - 1);
				expect(value).toBe(word);
			})
		);
	});

	it('drops NUL characters, which PostgreSQL text cannot hold', () => {
		expect(stringLiteral('a\0b\0')).toBe("E'ab'");
		expect(stringLiteral('\0')).toBe("E''");
	});

	it('refuses numbers that are not finite, and integers that are not safe integers', () => {
		fc.assert(
			fc.property(fc.constantFrom(NaN, Infinity, -Infinity), (n) => {
				expect(() => float8Literal(n)).toThrow(RangeError);
				expect(() => integerLiteral(n)).toThrow(RangeError);
			})
		);
		fc.assert(
			fc.property(
				fc.double().filter((n) => !Number.isSafeInteger(n)),
				(n) => {
					expect(() => integerLiteral(n)).toThrow(RangeError);
				}
			)
		);
	});

	it('writes a SET LOCAL only for plain setting names and values', () => {
		for (const [name, value] of Object.entries(SEARCH_SETTINGS)) expect(setLocal(name, value)).toBe(`set local ${name} = ${value}`);
		for (const [name, value] of [
			['jit', "off'; drop table x; --"],
			['jit; drop table x', 'off'],
			['jit', ''],
			['Jit', 'off'],
			['a.b.c', 'off']
		]) {
			expect(() => setLocal(name, value), `${name} = ${value}`).toThrow(RangeError);
		}
	});
});

describe('SQL literals, read by PostgreSQL', () => {
	/** The one row of `select <expression> as v`: a literal that ended early would add or lose columns. */
	async function select(expression: string, settings = ''): Promise<unknown> {
		const sql = testSql();
		const rows = await sql.begin(async (tx) => {
			if (settings) await tx.unsafe(settings);
			return tx.unsafe<Record<string, unknown>[]>(`select ${expression} as v`);
		});
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0])).toEqual(['v']);
		return rows[0].v;
	}

	it('gives back exactly the text of a text literal, whatever standard_conforming_strings says', async () => {
		await fc.assert(
			fc.asyncProperty(anyText, fc.boolean(), async (text, conforming) => {
				const settings = `set local standard_conforming_strings = ${conforming ? 'on' : 'off'}`;
				expect(await select(textLiteral(text), settings)).toBe(withoutNul(text));
				expect(await select(stringLiteral(text), settings)).toBe(withoutNul(text));
			}),
			{ numRuns: 300 }
		);
	});

	it('gives back a text with NUL characters without them', async () => {
		expect(await select(textLiteral("a\0'b\0"))).toBe("a'b");
	});

	it('gives back exactly the number of a float8 literal', async () => {
		await fc.assert(
			fc.asyncProperty(fc.double({ noNaN: true, noDefaultInfinity: true }), async (n) => {
				// '-0'::float8 is written from String(-0), '0': the same number to SQL.
				expect(await select(float8Literal(n))).toBe(n === 0 ? 0 : n);
			}),
			{ numRuns: 300 }
		);
	});

	it('gives back exactly an integer, also after a minus sign (no `--` comment)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.maxSafeInteger(), async (n) => {
				expect(String(await select(integerLiteral(n)))).toBe(String(n));
				expect(String(await select(`0 -${integerLiteral(n)}`))).toBe(String(n === 0 ? 0 : -n));
			}),
			{ numRuns: 300 }
		);
	});

	it('parses any word made a lexeme as a tsquery of that one word, which matches a vector holding it', async () => {
		// Words as the index holds them: not empty, no NUL, within PostgreSQL's lexeme length.
		const word = anyText.map(withoutNul).filter((w) => w.length > 0 && Buffer.byteLength(w) < 2000);
		await fc.assert(
			fc.asyncProperty(word, async (w) => {
				const query = tsqueryLiteral(lexeme(w));
				expect(await select(`array_to_tsvector(array[${textLiteral(w)}]) @@ ${query}`)).toBe(true);
				expect(await select(`array_to_tsvector(array[${textLiteral(w + 'x')}]) @@ ${query}`)).toBe(false);
				expect(await select(`numnode(${query})`)).toBe(1);
			}),
			{ numRuns: 300 }
		);
	});
});
