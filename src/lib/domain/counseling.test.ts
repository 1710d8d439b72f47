import { describe, expect, it } from 'vitest';
import { allowedMoves, fromSeoulInput, isClosed, nextStatus, slotRefusal, toSeoulInput } from './counseling';

describe('counseling moves', () => {
	it('staff propose a slot to a request, the craftsman confirms it', () => {
		expect(nextStatus('requested', 'propose', 'staff')).toBe('proposed');
		expect(nextStatus('proposed', 'confirm', 'requester')).toBe('confirmed');
	});
	it('the craftsman cannot propose, staff cannot confirm for the craftsman', () => {
		expect(nextStatus('requested', 'propose', 'requester')).toBeNull();
		expect(nextStatus('proposed', 'confirm', 'staff')).toBeNull();
	});
	it('nothing is confirmed before a slot is proposed', () => {
		expect(nextStatus('requested', 'confirm', 'requester')).toBeNull();
	});
	it('staff may propose another slot until it is confirmed', () => {
		expect(nextStatus('proposed', 'propose', 'staff')).toBe('proposed');
		expect(nextStatus('confirmed', 'propose', 'staff')).toBeNull();
	});
	it('only staff decline, and not once confirmed', () => {
		expect(nextStatus('requested', 'decline', 'staff')).toBe('declined');
		expect(nextStatus('requested', 'decline', 'requester')).toBeNull();
		expect(nextStatus('confirmed', 'decline', 'staff')).toBeNull();
	});
	it('either side cancels an open or confirmed appointment; closed ones stay closed', () => {
		for (const side of ['requester', 'staff'] as const) {
			expect(nextStatus('confirmed', 'cancel', side)).toBe('cancelled');
			expect(nextStatus('requested', 'cancel', side)).toBe('cancelled');
			expect(nextStatus('cancelled', 'cancel', side)).toBeNull();
			expect(nextStatus('declined', 'cancel', side)).toBeNull();
		}
		expect(isClosed('declined')).toBe(true);
		expect(isClosed('confirmed')).toBe(false);
	});
	it('lists the buttons of each side', () => {
		expect(allowedMoves('requested', 'staff')).toEqual(['propose', 'decline', 'cancel']);
		expect(allowedMoves('requested', 'requester')).toEqual(['cancel']);
		expect(allowedMoves('proposed', 'requester')).toEqual(['confirm', 'cancel']);
		expect(allowedMoves('cancelled', 'staff')).toEqual([]);
	});
});

describe('proposed slots', () => {
	const now = new Date('2026-12-07T00:00:00Z');
	it('start in the future and last at most 8 hours', () => {
		expect(slotRefusal(new Date('2026-12-08T01:00:00Z'), 60, now)).toBeNull();
		expect(slotRefusal(new Date('2026-12-06T01:00:00Z'), 60, now)).toBe('counseling_err_past');
		expect(slotRefusal(new Date('invalid'), 60, now)).toBe('counseling_err_past');
		expect(slotRefusal(new Date('2026-12-08T01:00:00Z'), 600, now)).toBe('counseling_err_duration');
		expect(slotRefusal(new Date('2026-12-08T01:00:00Z'), 5, now)).toBe('counseling_err_duration');
	});
});

describe('Seoul times of the form', () => {
	it('reads a datetime-local value as Seoul time and writes it back', () => {
		expect(fromSeoulInput('2026-12-10T14:00')?.toISOString()).toBe('2026-12-10T05:00:00.000Z');
		expect(fromSeoulInput('10 Dec 2pm')).toBeNull();
		expect(toSeoulInput(new Date('2026-12-10T05:00:00Z'))).toBe('2026-12-10T14:00');
	});
});
