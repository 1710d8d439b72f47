import { describe, expect, it } from 'vitest';
import { answerOf, firstError, hiddenError, valueOf } from './forms';

// What an action answers, in superforms' shape (only the parts a page reads).
const answer = (id: string, errors: Record<string, unknown>, data: Record<string, unknown>, message?: string) => ({
	form: { id, valid: Object.keys(errors).length === 0, posted: true, errors, data, message, constraints: {} }
});

describe('reading an action answer', () => {
	it('belongs to the form with its id only', () => {
		const a = answer('invite', {}, { workshopId: 'w1' }, 'request_invited');
		expect(answerOf(a, 'invite')?.message).toBe('request_invited');
		expect(answerOf(a, 'move')).toBeNull();
		expect(answerOf(null, 'move')).toBeNull();
		expect(answerOf({ other: true }, 'move')).toBeNull();
	});

	it("tells the form's own error first, else the first field's, including an array's", () => {
		expect(firstError(answerOf(answer('m', { _errors: ['request_err_not_allowed'], note: ['err_too_long'] }, {}), 'm'))).toBe(
			'request_err_not_allowed'
		);
		expect(firstError(answerOf(answer('m', { note: ['err_too_long'] }, {}), 'm'))).toBe('err_too_long');
		expect(firstError(answerOf(answer('m', { files: { _errors: ['err_quote_files_too_many'] } }, {}), 'm'))).toBe(
			'err_quote_files_too_many'
		);
		expect(firstError(answerOf(answer('m', {}, {}), 'm'))).toBeNull();
	});

	it("tells at the top what no input on the page stands beside: the form's own error or a hidden field's", () => {
		const statement = answer('statement', { statement: ['err_statement_format'] }, {});
		expect(hiddenError(answerOf(statement, 'statement'), ['statement'])).toBeNull();
		const tampered = answer('payout', { milestone: ['forms_err_invalid'] }, {});
		expect(hiddenError(answerOf(tampered, 'payout'), ['statement'])).toBe('forms_err_invalid');
		expect(hiddenError(answerOf(answer('x', { _errors: ['err_not_found'], note: ['err_too_long'] }, {}), 'x'), ['note'])).toBe(
			'err_not_found'
		);
		expect(hiddenError(null)).toBeNull();
	});

	it('gives back what was typed, as text', () => {
		const form = answerOf(answer('forward', { workshopId: ['request_forward_choose'] }, { note: '추천합니다', count: 3 }), 'forward');
		expect(valueOf(form, 'note')).toBe('추천합니다');
		expect(valueOf(form, 'count')).toBe('3');
		expect(valueOf(form, 'missing')).toBe('');
		expect(valueOf(null, 'note')).toBe('');
	});
});
