import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatDay, formatFileSize, formatNumber, formatWon } from './format';

describe('format', () => {
	it('groups thousands in both languages', () => {
		expect(formatNumber(1234567, 'ko')).toBe('1,234,567');
		expect(formatNumber(1234567, 'en')).toBe('1,234,567');
		expect(formatNumber(0, 'ko')).toBe('0');
	});

	it('writes won with the sign and no minor unit', () => {
		expect(formatWon(2_400_000, 'ko')).toBe('₩2,400,000');
		expect(formatWon(2_400_000, 'en')).toBe('₩2,400,000');
	});

	it('counts things the way each language does', () => {
		expect(formatCount(1, 'unit', 'en')).toBe('1 unit');
		expect(formatCount(3, 'unit', 'en')).toBe('3 units');
		expect(formatCount(0, 'unit', 'en')).toBe('0 units');
		expect(formatCount(3000, 'unit', 'ko')).toBe('3,000개');
		expect(formatCount(1, 'day', 'en')).toBe('1 day');
		expect(formatCount(14, 'day', 'ko')).toBe('14일');
		expect(formatCount(8, 'person', 'ko')).toBe('8명');
		expect(formatCount(1, 'person', 'en')).toBe('1 person');
		expect(formatCount(8, 'person', 'en')).toBe('8 people');
	});

	it('shows moments in Korean time, whatever the process time zone', () => {
		// 23:30 UTC on 5 December is already 6 December in Seoul.
		const late = new Date('2026-12-05T23:30:00Z');
		expect(formatDate(late, 'ko')).toBe('2026. 12. 6.');
		expect(formatDate(late, 'en')).toBe('6 Dec 2026');
		expect(formatDateTime(late, 'en')).toBe('6 Dec 2026, 08:30');
		expect(formatDateTime('2026-12-05T23:30:00Z', 'ko')).toMatch(/^2026\. 12\. 6\. 오전 8:30$/);
	});

	it('keeps a calendar date on its day', () => {
		expect(formatDay('2026-12-31', 'ko')).toBe('2026. 12. 31.');
		expect(formatDay('2026-12-31', 'en')).toBe('31 Dec 2026');
	});

	it('sizes files', () => {
		expect(formatFileSize(512)).toBe('512 B');
		expect(formatFileSize(2048)).toBe('2 KB');
		expect(formatFileSize(3 * 1024 * 1024)).toBe('3.0 MB');
	});
});
