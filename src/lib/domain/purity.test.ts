// The domain is pure: rules only, importable anywhere (browser, server, benchmarks), so nothing in
// src/lib/domain may import from the server side.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = path.dirname(new URL(import.meta.url).pathname);

describe('src/lib/domain', () => {
	it('imports nothing from $lib/server', () => {
		const offenders = readdirSync(here)
			.filter((f) => f.endsWith('.ts'))
			.filter((f) => /from\s+['"](\$lib\/server|\.\.\/server)/.test(readFileSync(path.join(here, f), 'utf8')));
		expect(offenders).toEqual([]);
	});
});
