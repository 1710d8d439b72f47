// `npm run bench:script`: how much JavaScript each page makes the browser load, against the least any
// page of the same app loads, measured in the same run: its not-found page (the framework, the root
// layout and the error page). (/login was once the smallest page; it carries its form library.)
// Starts `node build` on a fresh embedded database (DATA_DIR .data/bench-script), loads each page in
// chromium (Debian's /usr/bin/chromium when installed) with an empty cache, waits until the network
// is idle (so lazily imported chunks such as the map's count) and adds up every script response.
// Sizes are gzip of each script's decoded body (zlib default level, as `vite build` reports them),
// whatever encoding the server chose, so that the figure means the same with or without compression;
// the transferred bytes are printed too.
// Prints `page=… script_kb_gzip=… requests=… ratio=…` per page, then the targets and met/missed.
import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildIfNeeded, findWorkshop, SEARCH_PATH, startApp } from './app';
import { fixed, loadavg, log, note } from './cli';

const TARGET_KB = 60;

const { values: args } = parseArgs({
	options: {
		build: { type: 'boolean', default: false },
		only: { type: 'string', default: '' },
		verbose: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench:script -- [options]
  --build           run vite build first (otherwise the existing build/ is used, and built if missing)
  --only a,b        measure only these pages (login, home, workshop, search, map; notfound, the baseline, always)
  --verbose         also print each script: url, gzip KB, decoded KB
Prints page=… script_kb_gzip=… script_kb_decoded=… transferred_kb=… requests=… leaflet=yes|no ratio=…
(ratio = the page's gzip KB / the not-found page's, the least a page of this app loads, in the same run).
Targets: home, workshop and search <= ${TARGET_KB} KB of script (gzip); Leaflet loaded on the map view only.`);
	process.exit(0);
}

interface Script {
	url: string;
	gzip: number;
	decoded: number;
	transferred: number;
	leaflet: boolean;
}

/** Every script a page loads, from navigation until the network has been idle for 500 ms. */
async function pageScripts(browser: Browser, url: string, status: number): Promise<Script[]> {
	// A new context per page: nothing cached from the pages before.
	const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 412, height: 823 } });
	const page = await context.newPage();
	const pending: Promise<Script | null>[] = [];
	page.on('response', (response) => {
		const request = response.request();
		if (request.resourceType() !== 'script') return;
		pending.push(
			(async () => {
				const body = await response.body().catch(() => null);
				if (!body) return null;
				const sizes = await request.sizes().catch(() => null);
				return {
					url: response.url(),
					gzip: gzipSync(body).length,
					decoded: body.length,
					transferred: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : body.length,
					// Leaflet's source names itself in its attribution prefix.
					leaflet: body.includes('leafletjs.com')
				};
			})()
		);
	});
	const response = await page.goto(url, { waitUntil: 'networkidle' });
	if (!response || response.status() !== status) throw new Error(`${url} answered ${response?.status()}, not ${status}`);
	const scripts = (await Promise.all(pending)).filter((s): s is Script => s !== null);
	await context.close();
	return scripts;
}

const kb = (bytes: number) => fixed(bytes / 1024);

const ROOT = process.cwd();
buildIfNeeded(ROOT, args.build);
const { base, stop } = await startApp(ROOT, '.data/bench-script');
const browser = await chromium.launch({
	executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
	args: ['--no-sandbox', '--disable-gpu']
});

try {
	const workshop = await findWorkshop(base);
	const pages: { name: string; path: string; status?: number; target?: boolean; map?: boolean }[] = [
		{ name: 'notfound', path: '/bench-script-no-such-page', status: 404 },
		{ name: 'login', path: '/login' },
		{ name: 'home', path: '/', target: true },
		{ name: 'workshop', path: workshop, target: true },
		{ name: 'search', path: SEARCH_PATH, target: true },
		{ name: 'map', path: `${SEARCH_PATH}&view=map`, map: true }
	];
	const only = new Set(args.only.split(',').filter(Boolean));
	const chosen = pages.filter((p) => p.name === 'notfound' || !only.size || only.has(p.name));
	log(`bench script pages=${chosen.length} loadavg=${loadavg()}`);
	note(`workshop=${workshop}`);

	let baseline: number | undefined;
	let missed = 0;
	for (const page of chosen) {
		const scripts = await pageScripts(browser, base + page.path, page.status ?? 200);
		const sum = (key: 'gzip' | 'decoded' | 'transferred') => scripts.reduce((n, s) => n + s[key], 0);
		const gzip = sum('gzip');
		baseline ??= gzip;
		const leaflet = scripts.some((s) => s.leaflet);
		log(
			`page=${page.name} script_kb_gzip=${kb(gzip)} script_kb_decoded=${kb(sum('decoded'))} transferred_kb=${kb(sum('transferred'))} requests=${scripts.length} leaflet=${leaflet ? 'yes' : 'no'} ratio=${fixed(gzip / baseline, 2)}`
		);
		if (args.verbose)
			for (const s of [...scripts].sort((a, b) => b.gzip - a.gzip))
				log(`  script=${s.url.replace(base, '')} kb_gzip=${kb(s.gzip)} kb_decoded=${kb(s.decoded)}`);
		if (page.target) {
			const met = gzip <= TARGET_KB * 1024 && !leaflet;
			if (!met) missed++;
			log(`target page=${page.name} script_kb_gzip<=${TARGET_KB},no_leaflet ${met ? 'met' : 'missed'}`);
		} else if (page.map) {
			if (!leaflet) missed++;
			log(`target page=${page.name} leaflet_loaded ${leaflet ? 'met' : 'missed'}`);
		}
	}
	log(`loadavg_end=${loadavg()} targets_missed=${missed}`);
} finally {
	await browser.close();
	stop();
}
