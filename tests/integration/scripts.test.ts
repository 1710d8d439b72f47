// Every script in package.json can run: each command it calls exists (a file, a binary of an installed
// package, another script), and the ones that take --help or --dry-run are run that way. A script that
// points at a file nobody wrote (as db:migrate once did) fails here, not in a user's terminal.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const bin = (name: string) => path.join('node_modules', '.bin', name);

/** The commands of a script line: `a && b || c` → each part's first word and its first argument. */
function commands(line: string): { program: string; arg?: string }[] {
	return line
		.split(/&&|\|\|/)
		.map((part) => part.trim().split(/\s+/))
		.map(([program, arg]) => ({ program, arg }));
}

describe('package.json scripts', () => {
	it.each(Object.entries(scripts))('%s calls only things that exist', (_name, line) => {
		for (const { program, arg } of commands(line)) {
			if (program === 'echo') continue;
			if (program === 'node' || program === 'tsx') {
				expect(existsSync(arg!), `${line}: ${arg} does not exist`).toBe(true);
				if (program === 'tsx') expect(existsSync(bin('tsx'))).toBe(true);
			} else if (program === 'npm') {
				expect(arg).toBe('run');
				const target = line.split(/&&|\|\|/).find((p) => p.includes('npm run'))!;
				for (const [, name] of target.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts)).toContain(name);
			} else {
				expect(existsSync(bin(program)), `${line}: ${program} is not installed`).toBe(true);
			}
		}
	});

	it('postinstall patches the installed postgres driver so a closed connection cannot crash the process', () => {
		const run = spawnSync('npm', ['run', '--silent', 'postinstall'], { encoding: 'utf8', timeout: 60_000 });
		expect(run.status).toBe(0);
		expect(run.stderr).toBe('');
		for (const file of ['src/connection.js', 'cjs/src/connection.js'])
			expect(readFileSync(path.join('node_modules/postgres', file), 'utf8')).toMatch(
				/function nextWrite\(fn\) \{\n\s+if \(!socket\) return/
			);
	});

	// The scripts that run for minutes or serve forever answer --help; the database ones --dry-run.
	const quick: [string, string[], RegExp][] = [
		['start', ['--help'], /--no-build/],
		['db:migrate', ['--dry-run'], /would migrate the embedded database/],
		['db:reset', ['--dry-run'], /would delete the embedded database .* migrate and seed/],
		['lock:platforms', ['--check'], /^$/],
		['bench:search', ['--help'], /--docs N/],
		['bench:match', ['--help'], /--docs N/],
		['bench:pages', ['--help'], /--connections N/],
		['bench:script', ['--help'], /script_kb_gzip=/],
		['bench:lighthouse', ['--help'], /performance=/],
		['search:reindex', ['--help'], /rebuilds every search index/],
		['db:types', ['--help'], /writes src\/lib\/server\/db\/database.types.ts/]
	];
	it.each(quick)('npm run %s -- %s answers without doing the work', (name, args, output) => {
		expect(Object.keys(scripts)).toContain(name);
		const run = spawnSync('npm', ['run', '--silent', name, '--', ...args], {
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, DATA_DIR: '.data/scripts-test' }
		});
		expect(run.stderr).not.toMatch(/Error/);
		expect(run.status).toBe(0);
		expect(run.stdout.trim()).toMatch(output);
	});
});
