// `npm run db:types`: writes src/lib/server/db/database.types.ts from the schema after migrations
// (the embedded database, or DATABASE_URL). `--check`: exits 1 if the file is not what it would write.
import fs from 'node:fs/promises';
import prettier from 'prettier';
import { config } from '../src/lib/server/config';
import { connect } from '../src/lib/server/db';
import { generateDatabaseTypes } from '../src/lib/server/db/codegen';
import { stopEmbedded } from '../src/lib/server/db/embedded';
import { migrate } from '../src/lib/server/db/migrate';

const FILE = 'src/lib/server/db/database.types.ts';
if (process.argv.includes('--help')) {
	console.log(`npm run db:types [-- --check]   writes ${FILE} from the migrated schema; --check only compares`);
	process.exit(0);
}
const cfg = config();
const sql = await connect(cfg.database);
try {
	await migrate(sql);
	const text = await prettier.format(await generateDatabaseTypes(sql), { ...(await prettier.resolveConfig(FILE)), filepath: FILE });
	if (process.argv.includes('--check')) {
		const current = await fs.readFile(FILE, 'utf8').catch(() => '');
		if (current !== text) {
			console.error(`${FILE} is out of date with the migrations: run npm run db:types`);
			process.exitCode = 1;
		} else console.log(`${FILE} is current`);
	} else {
		await fs.writeFile(FILE, text);
		console.log(`wrote ${FILE}`);
	}
} finally {
	await sql.end();
	if (cfg.database.kind === 'embedded') await stopEmbedded(cfg.database.dir);
}
