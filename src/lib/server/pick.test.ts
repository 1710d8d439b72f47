import { describe, expect, it } from 'vitest';
import { pick, pickAll } from './pick';

describe('pick', () => {
	const row = { id: 'r1', title: '브래킷', owner_id: 'u1', lat: 37.5, secret_added_later: 'x' };

	it('keeps only the listed columns, so a column added later does not leave the server', () => {
		const shown = pick(row, ['id', 'title']);
		expect(shown).toEqual({ id: 'r1', title: '브래킷' });
		expect(JSON.stringify(shown)).not.toContain('owner_id');
		expect(JSON.stringify(shown)).not.toContain('secret_added_later');
	});

	it('keeps null values and leaves out what the row lacks', () => {
		const partial = { id: 'r2', description: null } as { id: string; description: string | null; title?: string };
		expect(pick(partial, ['id', 'description', 'title'])).toEqual({ id: 'r2', description: null });
	});

	it('picks the same columns from every row of a list', () => {
		expect(pickAll([row, { ...row, id: 'r2' }], ['id'])).toEqual([{ id: 'r1' }, { id: 'r2' }]);
	});
});
