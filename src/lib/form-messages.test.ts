// Issues a schema gave no message for come out as message keys, in Korean and in English.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import ko from '../../messages/forms/ko.json';
import en from '../../messages/forms/en.json';
import koBase from '../../messages/ko.json';
import enBase from '../../messages/en.json';
import { formMessage } from './form-messages';
import { inquirySchema } from './inquiry-schema';

const HANGUL = /[가-힣]/;
const messagesKo: Record<string, string> = { ...koBase, ...ko };
const messagesEn: Record<string, string> = { ...enBase, ...en };

const schema = z.object({
	count: z.coerce.number().int().min(1).max(10),
	kind: z.enum(['a', 'b']),
	name: z.string().trim().min(1).max(5),
	code: z.string().min(4),
	email: z.email(),
	when: z.iso.date(),
	tags: z.array(z.string()).min(1).max(2),
	id: z.uuid()
});

const keysFor = (input: Record<string, unknown>) =>
	Object.fromEntries((schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('messages for issues without their own', () => {
	it("are message keys, not zod's English", () => {
		expect(keysFor({ count: 'abc', kind: 'z', name: '', code: 'ab', email: 'x', when: '2026-02-30', tags: [], id: 'x' })).toEqual({
			count: 'forms_err_number',
			kind: 'forms_err_choose',
			name: 'err_required',
			code: 'forms_err_too_short',
			email: 'forms_err_format',
			when: 'forms_err_format',
			tags: 'forms_err_too_few',
			id: 'forms_err_format'
		});
		expect(
			keysFor({ count: '1.5', kind: 'a', name: 'toolong', code: 'abcd', email: 'a@b.co', when: '2026-02-03', tags: ['a', 'b', 'c'] })
		).toEqual({
			count: 'forms_err_whole_number',
			name: 'err_too_long',
			tags: 'forms_err_too_many',
			id: 'err_required'
		});
		expect(keysFor({ count: '11' }).count).toBe('forms_err_out_of_range');
	});

	it('refuse a NUL character (PostgreSQL text cannot hold one) with a message', () => {
		expect(inquirySchema.safeParse({ body: '문의\u0000' }).error?.issues.map((i) => i.message)).toEqual(['forms_err_invalid']);
		expect(inquirySchema.safeParse({ body: '문의' }).success).toBe(true);
	});

	it('keep the messages a schema gives', () => {
		expect(z.string().min(3, 'err_mine').safeParse('a').error?.issues[0].message).toBe('err_mine');
	});

	it('say each key in Korean and in English', () => {
		const keys = ['invalid_type', 'too_small', 'too_big', 'invalid_value', 'invalid_format', 'not_multiple_of', 'custom'].flatMap((code) =>
			['string', 'number', 'int', 'array', 'file', 'date'].flatMap((origin) =>
				[0, 1, 5].map((minimum) => formMessage({ code, origin, expected: origin, minimum, input: 'x' }))
			)
		);
		for (const key of new Set([...keys, 'err_required'])) {
			expect(messagesKo[key], key).toMatch(HANGUL);
			expect(messagesEn[key], key).toBeTruthy();
			expect(messagesEn[key], key).not.toMatch(HANGUL);
		}
	});
});
