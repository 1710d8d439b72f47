// Fills package-lock.json with the entries of other platforms' optional packages (bcrypt, lix… for
// macOS, Windows, musl) that `npm install` leaves out when its registry does not serve them — a
// registry mirror that holds this platform's builds only. Without them `npm ci` refuses the lockfile
// everywhere ("Missing: …-darwin-arm64@ from lock file"). npm skips the added entries on platforms
// they do not fit (os/cpu/libc), and fetches them by name and version where they do.
// Usage: node scripts/lockfile-platforms.mjs [--check]   (--check: exit 1 if anything is missing)
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const OSES = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

/** os/cpu/libc of a platform package, read from its name as these packages spell it (`…-linux-arm64-musl`). */
function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = OSES.find((o) => parts.includes(o));
	const cpu = CPUS.find((c) => parts.includes(c));
	const libc = parts.includes('musl') ? 'musl' : parts.some((p) => p === 'gnu' || p === 'gnueabihf') ? 'glibc' : undefined;
	return { ...(cpu && { cpu: [cpu] }), ...(os && { os: [os] }), ...(libc && { libc: [libc] }) };
}

const missing = [];
for (const [key, entry] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const nested = `${key ? `${key}/` : ''}node_modules/${name}`;
		if (packages[nested] || packages[`node_modules/${name}`]) continue;
		const platform = platformOf(name);
		if (!platform.os && !platform.cpu) continue; // not a platform build: npm resolves it itself
		missing.push([`node_modules/${name}`, { version, ...(entry.dev && { dev: true }), optional: true, ...platform }]);
	}
}

if (process.argv.includes('--check')) {
	for (const [key] of missing) console.error(`missing from package-lock.json: ${key}`);
	process.exit(missing.length ? 1 : 0);
}
for (const [key, entry] of missing) packages[key] = entry;
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${missing.length} platform entr${missing.length === 1 ? 'y' : 'ies'} added`);
