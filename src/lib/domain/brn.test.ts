import { describe, expect, it } from 'vitest';
import { formatBrn, isValidBrn } from './brn';

describe('business registration number', () => {
	it.each([
		['220-81-62517', true],
		['2208162517', true],
		['220 81 62517', true],
		['220-81-62518', false],
		['123-45-67890', false],
		['220-81-6251', false],
		['abc-de-fghij', false],
		['', false]
	])('%s → %s', (input, valid) => {
		expect(isValidBrn(input)).toBe(valid);
	});

	it('formats ten digits with dashes and leaves other input as typed', () => {
		expect(formatBrn('2208162517')).toBe('220-81-62517');
		expect(formatBrn(' 12-3 ')).toBe('12-3');
	});
});
