import { describe, expect, it } from 'vitest';
import { servedType } from './downloads';

describe('servedType', () => {
	it.each(['application/pdf', 'image/png', 'image/jpeg'])('keeps %s, which the browser shows inline (sandboxed)', (type) => {
		expect(servedType(type)).toBe(type);
	});

	it.each(['text/html', 'image/svg+xml', 'application/javascript', 'application/zip', 'model/step'])(
		'serves %s as bytes to download, never as a page or script',
		(type) => {
			expect(servedType(type)).toBe('application/octet-stream');
		}
	);
});
