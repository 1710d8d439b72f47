import { describe, expect, it } from 'vitest';
import { withoutNul } from './no-nul';

describe('form posts without NUL characters', () => {
	it('drops encoded and raw NULs, and leaves a body without any as it is', () => {
		expect(withoutNul('note=a%00b&amount=%00')).toBe('note=ab&amount=');
		expect(withoutNul('note=a\u0000b')).toBe('note=ab');
		// "%2500" is the text "%00", not a NUL.
		expect(withoutNul('note=%2500&x=1')).toBeNull();
		expect(withoutNul('note=%ED%95%9C')).toBeNull();
	});
});
