import { describe, expect, it } from 'vitest';
import { availableMoves, isTrackingNumber, payable, releasedBy, transition, type OrderFacts } from './order-states';

const order = (state: OrderFacts['state'], more: Partial<OrderFacts> = {}): OrderFacts => ({
	state,
	has_sample: true,
	all_paid: false,
	held_krw: 0,
	...more
});

describe('the order machine', () => {
	it('starts production only when the deposit is paid, by the system', () => {
		expect(transition(order('awaiting_deposit'), 'start', 'system')).toEqual({ ok: true, to: 'in_production' });
		expect(transition(order('awaiting_deposit'), 'start', 'buyer')).toEqual({ ok: false, error: 'err_not_your_move' });
	});

	it('goes through the sample: submitted, changes asked with a reason, submitted again, approved', () => {
		expect(transition(order('in_production'), 'submit_sample', 'workshop')).toEqual({ ok: true, to: 'sample_submitted' });
		expect(transition(order('sample_submitted'), 'request_changes', 'buyer')).toEqual({ ok: false, error: 'err_reason_required' });
		expect(transition(order('sample_submitted'), 'request_changes', 'buyer', { reason: '광택을 더' })).toEqual({
			ok: true,
			to: 'changes_requested'
		});
		expect(transition(order('changes_requested'), 'submit_sample', 'workshop')).toEqual({ ok: true, to: 'sample_submitted' });
		expect(transition(order('sample_submitted'), 'approve_sample', 'workshop')).toEqual({ ok: false, error: 'err_not_your_move' });
		expect(transition(order('sample_submitted'), 'approve_sample', 'buyer')).toEqual({ ok: true, to: 'sample_approved' });
	});

	it('ships only when everything is paid, with a courier and a tracking number without spaces', () => {
		const approved = order('sample_approved');
		expect(transition(approved, 'ship', 'workshop', { courier: 'cj', tracking_number: '6012 3456 7890' })).toEqual({
			ok: false,
			error: 'err_order_unpaid'
		});
		const paid = order('sample_approved', { all_paid: true });
		expect(transition(paid, 'ship', 'workshop', { courier: 'cj', tracking_number: '6012 3456 7890' })).toEqual({
			ok: false,
			error: 'err_tracking_invalid'
		});
		expect(transition(paid, 'ship', 'workshop', { courier: 'cj', tracking_number: '601234567890' })).toEqual({ ok: true, to: 'shipped' });
		expect(transition(paid, 'ship', 'workshop', { courier: 'direct' })).toEqual({ ok: true, to: 'shipped' });
	});

	it('skips the sample when the order has none, and refuses a sample step it does not have', () => {
		const plain = order('in_production', { has_sample: false, all_paid: true });
		expect(transition(plain, 'submit_sample', 'workshop')).toEqual({ ok: false, error: 'err_order_no_sample_step' });
		expect(transition(plain, 'ship_direct', 'workshop', { courier: 'direct' })).toEqual({ ok: true, to: 'shipped' });
		expect(transition(order('in_production', { all_paid: true }), 'ship_direct', 'workshop', { courier: 'direct' })).toEqual({
			ok: false,
			error: 'err_order_has_sample_step'
		});
	});

	it('confirms by the buyer or by itself after delivery, and lets either side dispute before', () => {
		expect(transition(order('delivered'), 'confirm', 'buyer')).toEqual({ ok: true, to: 'completed' });
		expect(transition(order('delivered'), 'confirm', 'workshop')).toEqual({ ok: false, error: 'err_not_your_move' });
		expect(transition(order('delivered'), 'auto_confirm', 'system')).toEqual({ ok: true, to: 'completed' });
		expect(transition(order('shipped'), 'dispute', 'workshop', { reason: '수령 거부' })).toEqual({ ok: true, to: 'disputed' });
		expect(transition(order('completed'), 'dispute', 'buyer', { reason: 'late' })).toEqual({ ok: false, error: 'err_illegal_transition' });
	});

	it('lets the operator refund no more than is held', () => {
		const disputed = order('disputed', { held_krw: 500_000 });
		expect(transition(disputed, 'resolve', 'operator', { refund_krw: 500_001 })).toEqual({ ok: false, error: 'err_resolution_invalid' });
		expect(transition(disputed, 'resolve', 'operator', { refund_krw: 200_000 })).toEqual({ ok: true, to: 'resolved' });
		expect(transition(disputed, 'resolve', 'buyer', { refund_krw: 0 })).toEqual({ ok: false, error: 'err_not_your_move' });
	});

	it('cancels only before money moved', () => {
		expect(transition(order('awaiting_deposit'), 'cancel', 'workshop', { reason: '일정 불가' })).toEqual({ ok: true, to: 'cancelled' });
		expect(transition(order('in_production'), 'cancel', 'buyer', { reason: 'x' })).toEqual({ ok: false, error: 'err_illegal_transition' });
	});

	it('offers each side its own buttons', () => {
		expect(availableMoves(order('sample_submitted'), 'buyer')).toEqual(['request_changes', 'approve_sample', 'dispute']);
		expect(availableMoves(order('sample_submitted'), 'workshop')).toEqual(['dispute']);
		expect(availableMoves(order('awaiting_deposit'), 'buyer')).toEqual(['cancel']);
	});
});

describe('money follows the moves', () => {
	it('releases the deposit at sample approval and the rest at confirmation', () => {
		expect(releasedBy('approve_sample', true)).toEqual(['deposit']);
		expect(releasedBy('confirm', true)).toEqual(['sample', 'balance']);
		expect(releasedBy('auto_confirm', false)).toEqual(['deposit', 'sample', 'balance']);
		expect(releasedBy('ship', true)).toEqual([]);
	});

	it('makes the deposit payable first, the rest after the sample is approved', () => {
		expect(payable('awaiting_deposit', 'deposit', true)).toBe(true);
		expect(payable('awaiting_deposit', 'balance', true)).toBe(false);
		expect(payable('in_production', 'balance', true)).toBe(false);
		expect(payable('sample_approved', 'balance', true)).toBe(true);
		expect(payable('in_production', 'balance', false)).toBe(true);
	});

	it('reads tracking numbers as Korean couriers print them', () => {
		expect(isTrackingNumber('601234567890')).toBe(true);
		expect(isTrackingNumber('6012-3456-7890')).toBe(true);
		expect(isTrackingNumber('6012 3456 7890')).toBe(false);
		expect(isTrackingNumber('1234')).toBe(false);
	});
});
