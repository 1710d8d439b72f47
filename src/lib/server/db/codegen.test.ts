import { describe, expect, it } from 'vitest';
import { allowedValues } from './codegen';

describe('allowedValues', () => {
	it('reads the values of `col in (…)` as PostgreSQL prints it back', () => {
		expect(allowedValues("CHECK ((status = ANY (ARRAY['draft'::text, 'open'::text, 'awarded'::text])))", 'status')).toEqual([
			'draft',
			'open',
			'awarded'
		]);
	});

	it('leaves any other check alone, so the column stays a string', () => {
		expect(allowedValues("CHECK ((status = ANY (ARRAY['draft'::text, 'open'::text])))", 'kind')).toBeNull();
		expect(allowedValues('CHECK ((length(title) <= 120))', 'title')).toBeNull();
		expect(allowedValues("CHECK ((slug ~ '^[a-z0-9]+$'::text))", 'slug')).toBeNull();
		expect(allowedValues("CHECK ((note = ANY (ARRAY['it''s'::text])))", 'note')).toBeNull();
	});
});
