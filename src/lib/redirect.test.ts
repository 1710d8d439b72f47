import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safePath } from './redirect';

describe('safePath', () => {
	it.each(['/dashboard', '/requests/abc?published=1', '/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC#results', '/'])(
		'keeps the path %s',
		(path) => {
			expect(safePath(path)).toBe(path);
		}
	);

	it.each([
		['//evil.example/x', 'protocol-relative'],
		['/\\evil.example/x', 'backslash read as a slash'],
		['/\t/evil.example', 'tab dropped by the URL parser'],
		['/x\r\nSet-Cookie: a=b', 'header injection'],
		['https://evil.example', 'absolute URL'],
		['javascript:alert(1)', 'script scheme'],
		['dashboard', 'relative path'],
		['', 'empty'],
		[undefined, 'missing'],
		[['/a'], 'not a string']
	] as [unknown, string][])('refuses %j (%s)', (target) => {
		expect(safePath(target, '/fallback')).toBe('/fallback');
	});

	it('never leaves the site whatever it is given', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.webUrl(),
					fc.string().map((s) => `/${s}`)
				),
				(target) => {
					const path = safePath(target);
					const resolved = new URL(path, 'https://sogong.link/here');
					expect(resolved.origin).toBe('https://sogong.link');
					expect(path).not.toMatch(/[\r\n]/);
				}
			),
			{ numRuns: 2000 }
		);
	});
});
