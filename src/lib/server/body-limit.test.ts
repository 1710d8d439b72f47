import { describe, expect, it } from 'vitest';
import { parseBodyLimit } from './body-limit';

describe('parseBodyLimit', () => {
	it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(parseBodyLimit('80M')).toBe(80 * 1024 * 1024);
		expect(parseBodyLimit('512k')).toBe(512 * 1024);
		expect(parseBodyLimit('1G')).toBe(1024 ** 3);
		expect(parseBodyLimit('1000')).toBe(1000);
		expect(parseBodyLimit(undefined)).toBe(512 * 1024);
		expect(parseBodyLimit('Infinity')).toBe(Infinity);
		expect(parseBodyLimit('lots')).toBe(Infinity);
	});
});
