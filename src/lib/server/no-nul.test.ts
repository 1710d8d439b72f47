import { describe, expect, it } from 'vitest';
import { noNulHandle, withoutNul } from './no-nul';

describe('forms without NUL characters', () => {
	it('drops NULs from text fields, keeps files and repeated fields, and leaves a clean form as it is', async () => {
		const form = new FormData();
		form.append('name', '널\u0000문자');
		form.append('tags', 'a');
		form.append('tags', 'b\u0000');
		form.append('photo', new File([new Uint8Array([0, 1, 0])], 'p.bin'));
		const clean = withoutNul(form);
		expect(clean.get('name')).toBe('널문자');
		expect(clean.getAll('tags')).toEqual(['a', 'b']);
		expect(new Uint8Array(await (clean.get('photo') as File).arrayBuffer())).toEqual(new Uint8Array([0, 1, 0]));
		const plain = new FormData();
		plain.append('name', '공방');
		expect(withoutNul(plain)).toBe(plain);
	});

	it('hands actions the posted form without them, urlencoded or multipart', async () => {
		for (const body of [
			new URLSearchParams({ note: 'a\u0000b' }),
			(() => {
				const f = new FormData();
				f.append('note', 'a\u0000b');
				return f;
			})()
		]) {
			const event = { request: new Request('http://localhost/x?/save', { method: 'POST', body }) };
			const seen = await noNulHandle({
				event: event as never,
				resolve: async (e: { request: Request }) => new Response((await e.request.formData()).get('note') as string)
			});
			expect(await seen.text()).toBe('ab');
		}
	});
});
