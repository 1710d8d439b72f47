// The committed row types are the ones the migrations make: a migration that changes a table without
// `npm run db:types` fails here, before a data module reads a column its type does not have.
import fs from 'node:fs/promises';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { generateDatabaseTypes } from '../../src/lib/server/db/codegen';
import { testSql } from './db';

const FILE = 'src/lib/server/db/database.types.ts';

describe('generated row types', () => {
	it('are current with the migrations (otherwise: npm run db:types)', async () => {
		const generated = await prettier.format(await generateDatabaseTypes(testSql()), {
			...(await prettier.resolveConfig(FILE)),
			filepath: FILE
		});
		expect(await fs.readFile(FILE, 'utf8')).toBe(generated);
		// What a data module relies on: enums as unions, arrays, nullability, dates.
		expect(generated).toMatch(/requests: \{\n\s+Row: \{[^}]*required_processes: string\[\];[^}]*published_at: Date \| null;/);
	});
});
