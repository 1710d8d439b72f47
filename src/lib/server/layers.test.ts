// The layers, checked: routes run no SQL (queries live in data modules under src/lib/server) and
// import nothing from another section of the site (shared helpers live in $lib).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const routes = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../routes');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : /\.(ts|svelte)$/.test(name) ? [full] : [];
	});
}

const sources = files(routes).map((file) => ({ file: path.relative(routes, file), text: readFileSync(file, 'utf8') }));

describe('src/routes', () => {
	it('runs no SQL: no tagged queries on a transaction or pool', () => {
		const offenders = sources.filter(({ text }) => /\b(tx|sql|sp)(<[^>]*>)?`/.test(text) || /\bfrom public\./.test(text));
		expect(offenders.map((s) => s.file)).toEqual([]);
	});

	it("imports no other section's route code (shared helpers live in $lib)", () => {
		// Within one section (requests/new and requests/[id]/edit share the request form) is fine.
		const section = (file: string) => {
			const parts = file.split(path.sep);
			return parts.length > 1 ? parts[0] : '';
		};
		const offenders = sources.flatMap(({ file, text }) =>
			[...text.matchAll(/from '(\.\.?\/[^']*)'/g)]
				.map((m) => path.relative(routes, path.resolve(routes, path.dirname(file), m[1])))
				.filter((target) => section(target) !== section(file))
				.map((target) => `${file} → ${target}`)
		);
		expect(offenders).toEqual([]);
	});
});
