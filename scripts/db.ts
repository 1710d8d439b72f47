// `npm run db:migrate`: applies supabase/migrations/ that are not yet recorded (the app does this on
// start too). `npm run db:reset`: the embedded database from scratch — deletes DATA_DIR/pg and files
// under DATA_DIR/storage, then migrates and seeds the demo marketplace. On a DATABASE_URL it refuses:
// a project's data is not this script's to drop (use `supabase db reset` there).
// `--help` prints this; `--dry-run` says what would be done and does nothing.
import fs from 'node:fs/promises';
import { config } from '../src/lib/server/config';
import { connect } from '../src/lib/server/db';
import { embeddedAnswers, stopEmbedded } from '../src/lib/server/db/embedded';
import { migrate, seedIfEmpty } from '../src/lib/server/db/migrate';

const [command, ...flags] = process.argv.slice(2);
const dryRun = flags.includes('--dry-run');
const usage = 'usage: tsx scripts/db.ts migrate|reset [--dry-run]';

if (!command || command === '--help' || !['migrate', 'reset'].includes(command)) {
	console.log(usage);
	process.exit(command && command !== '--help' ? 2 : 0);
}

const cfg = config();
const where = cfg.database.kind === 'embedded' ? `the embedded database in ${cfg.database.dir}` : 'DATABASE_URL';
if (command === 'reset' && cfg.database.kind !== 'embedded') {
	console.error('db:reset only resets the embedded database; on DATABASE_URL use `supabase db reset` (it drops everything).');
	process.exit(2);
}
if (dryRun) {
	console.log(command === 'reset' ? `would delete ${where} and ${cfg.dataDir}/storage, migrate and seed` : `would migrate ${where}`);
	process.exit(0);
}

if (command === 'reset' && cfg.database.kind === 'embedded') {
	if (await embeddedAnswers(cfg.database.port)) {
		console.error(`The embedded database on port ${cfg.database.port} is in use (is the app running?): stop it first, then reset.`);
		process.exit(1);
	}
	await stopEmbedded(cfg.database.dir);
	await fs.rm(cfg.database.dir, { recursive: true, force: true });
	await fs.rm(`${cfg.dataDir}/storage`, { recursive: true, force: true });
}
const sql = await connect(cfg.database);
try {
	const { applied } = await migrate(sql);
	console.log(applied.length ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `${where} is up to date`);
	if (command === 'reset') console.log((await seedIfEmpty(sql)) ? 'seeded the demo marketplace' : 'not seeded: the database has data');
} finally {
	await sql.end();
	if (cfg.database.kind === 'embedded') await stopEmbedded(cfg.database.dir);
}
