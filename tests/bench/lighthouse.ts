// `npm run bench:lighthouse`: Lighthouse's mobile preset (its default: a mid-range phone, simulated
// slow 4G and 4x CPU slowdown) on the built app's home, workshop, search and map pages. Starts
// `node build` on a fresh embedded database (DATA_DIR .data/bench-lighthouse) and runs Lighthouse in
// this process against chromium started by chrome-launcher (CHROME_PATH, else Debian's
// /usr/bin/chromium when installed). With --runs N each page is audited N times and the median
// performance score is printed (the scores of one run move by a few points on a busy machine).
// Prints `page=… performance=… accessibility=… script_kb_transfer=… lcp_ms=… tbt_ms=…`, then the
// targets and met/missed. Lighthouse's CPU slowdown is simulated on top of this machine's own speed,
// so a loaded machine lowers the scores: the load average is printed at the start and the end.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildIfNeeded, findWorkshop, SEARCH_PATH, startApp } from './app';
import { fixed, loadavg, log, note, positive } from './cli';

const TARGET_PERFORMANCE = 95;
const TARGET_ACCESSIBILITY = 100;

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: '1' },
		build: { type: 'boolean', default: false },
		only: { type: 'string', default: '' },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench:lighthouse -- [options]
  --runs N          audits per page; the median performance score is reported (default 1)
  --build           run vite build first (otherwise the existing build/ is used, and built if missing)
  --only a,b        audit only these pages (home, workshop, search, map)
Prints page=… performance=… accessibility=… script_kb_transfer=… fcp_ms=… lcp_ms=… tbt_ms=… cls=…
(Lighthouse mobile preset; script_kb_transfer is what Lighthouse saw on the wire, brotli or gzip as served).
Targets: performance >= ${TARGET_PERFORMANCE} on home, workshop and search; accessibility = ${TARGET_ACCESSIBILITY} on every page.`);
	process.exit(0);
}

const runs = positive('runs', args.runs);
const ROOT = process.cwd();

interface Audit {
	performance: number;
	accessibility: number;
	scriptKb: number;
	fcp: number;
	lcp: number;
	tbt: number;
	cls: number;
}

async function audit(url: string, port: number): Promise<Audit> {
	const result = await lighthouse(url, {
		port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility']
	});
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const { lhr } = result;
	if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
	const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
	const summary = lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined;
	const script = summary?.items?.find((i) => i.resourceType === 'script')?.transferSize ?? NaN;
	return {
		performance: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
		accessibility: Math.round((lhr.categories.accessibility?.score ?? NaN) * 100),
		scriptKb: script / 1024,
		fcp: numeric('first-contentful-paint'),
		lcp: numeric('largest-contentful-paint'),
		tbt: numeric('total-blocking-time'),
		cls: numeric('cumulative-layout-shift')
	};
}

buildIfNeeded(ROOT, args.build);
const { base, stop } = await startApp(ROOT, '.data/bench-lighthouse');
const chromePath = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const chrome = await chromeLauncher.launch({
	chromePath,
	chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--lang=ko-KR']
});

try {
	const workshop = await findWorkshop(base);
	const pages: { name: string; path: string; target: boolean }[] = [
		{ name: 'home', path: '/', target: true },
		{ name: 'workshop', path: workshop, target: true },
		{ name: 'search', path: SEARCH_PATH, target: true },
		{ name: 'map', path: `${SEARCH_PATH}&view=map`, target: false }
	];
	const only = new Set(args.only.split(',').filter(Boolean));
	const chosen = pages.filter((p) => !only.size || only.has(p.name));
	log(`bench lighthouse preset=mobile pages=${chosen.length} runs=${runs} loadavg=${loadavg()}`);
	note(`workshop=${workshop}`);
	// One unmeasured load first: the server's first render of each page compiles and fills caches.
	for (const page of chosen) await fetch(base + page.path);

	let missed = 0;
	for (const page of chosen) {
		const audits: Audit[] = [];
		for (let i = 0; i < runs; i++) audits.push(await audit(base + page.path, chrome.port));
		audits.sort((a, b) => a.performance - b.performance);
		const a = audits[Math.floor(audits.length / 2)];
		const all = runs > 1 ? ` performance_runs=${audits.map((x) => x.performance).join(',')}` : '';
		log(
			`page=${page.name} performance=${a.performance} accessibility=${a.accessibility} script_kb_transfer=${fixed(a.scriptKb)} fcp_ms=${fixed(a.fcp, 0)} lcp_ms=${fixed(a.lcp, 0)} tbt_ms=${fixed(a.tbt, 0)} cls=${fixed(a.cls, 3)}${all}`
		);
		const accessible = audits.every((x) => x.accessibility >= TARGET_ACCESSIBILITY);
		if (!accessible) missed++;
		log(`target page=${page.name} accessibility=${TARGET_ACCESSIBILITY} ${accessible ? 'met' : 'missed'}`);
		if (page.target) {
			const fast = a.performance >= TARGET_PERFORMANCE;
			if (!fast) missed++;
			log(`target page=${page.name} performance>=${TARGET_PERFORMANCE} ${fast ? 'met' : 'missed'}`);
		}
	}
	log(`loadavg_end=${loadavg()} targets_missed=${missed}`);
} finally {
	chrome.kill();
	stop();
}
