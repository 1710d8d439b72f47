// `npm run search:reindex`: rebuilds every search index (PostgreSQL, and Meilisearch when MEILI_URL is
// set) from the tables. For a new Meilisearch, after restoring a database, or after changing what is
// indexed; day-to-day changes reach the indexes through the outbox.
import { config } from '../src/lib/server/config';
import { open } from '../src/lib/server/db';
import { stopEmbedded } from '../src/lib/server/db/embedded';
import { reindex } from '../src/lib/server/search';

if (process.argv.includes('--help')) {
	console.log('npm run search:reindex   rebuilds every search index from the tables (no options)');
	process.exit(0);
}

const cfg = config();
const sql = await open(cfg);
const started = Date.now();
try {
	const count = await reindex({ log: (line) => process.stdout.write(`\r${line}`) });
	console.log(`\nindexed ${count} workshops in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
	await sql.end();
	// Stops the embedded server only if this process started it (a running app's server is left alone).
	if (cfg.database.kind === 'embedded') await stopEmbedded(cfg.database.dir);
}
