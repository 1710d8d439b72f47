// The GoTrue double as a process, for the Supabase-auth journeys (tests/e2e/supabase.config.ts) and
// for trying Kakao sign-in by hand:
//   GOTRUE_DOUBLE_PORT=9999 GOTRUE_DOUBLE_ANON_KEY=anon-local GOTRUE_DOUBLE_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54329/postgres \
//   npx tsx tests/doubles/gotrue-server.ts
// then start the app with PUBLIC_SUPABASE_URL=http://127.0.0.1:9999, PUBLIC_SUPABASE_ANON_KEY=anon-local
// and SUPABASE_KAKAO=1. Users are written to that database's auth schema (as GoTrue does in a Supabase
// project); the connection opens on the first sign-up, so the app may start its database meanwhile.
import postgres from 'postgres';
import { startGoTrueDouble } from './gotrue';

const databaseUrl = process.env.GOTRUE_DOUBLE_DATABASE_URL;
const db = databaseUrl ? postgres(databaseUrl, { max: 2, onnotice: () => {} }) : undefined;
const double = await startGoTrueDouble({
	port: Number(process.env.GOTRUE_DOUBLE_PORT ?? 9999),
	anonKey: process.env.GOTRUE_DOUBLE_ANON_KEY ?? 'anon-local-double',
	db
});
console.log(`GoTrue double → ${double.url}`);
const stop = () => void Promise.all([double.close(), db?.end({ timeout: 2 })]).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
