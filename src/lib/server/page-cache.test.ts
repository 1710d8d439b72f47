import { describe, expect, it } from 'vitest';
import { createPageCache, privatePageCache } from './page-cache';

const html = (text: string, headers: Record<string, string> = {}) =>
	new Response(text, { status: 200, headers: { 'content-type': 'text/html', ...headers } });

describe('the anonymous page cache', () => {
	it('keeps the pages anonymous visitors share, and nothing else', () => {
		const cache = createPageCache();
		for (const path of [
			'/',
			'/search',
			'/clusters',
			'/clusters/jongno-jewelry',
			'/workshops/a-b',
			'/companies/x',
			'/workshops/a/__data.json'
		])
			expect(cache.cacheable(path), path).toBe(true);
		for (const path of ['/login', '/dashboard', '/requests/1', '/manage/jongno-jewelry', '/workshops/a/edit', '/files/x', '/api/search'])
			expect(cache.cacheable(path), path).toBe(false);
	});

	it('keeps of signed-in pages only the dashboard (per user: the hook keys it)', () => {
		const cache = privatePageCache();
		for (const path of ['/dashboard', '/dashboard/__data.json']) expect(cache.cacheable(path), path).toBe(true);
		for (const path of ['/', '/dashboard/workshop', '/dashboard/company', '/notifications', '/requests/1', '/account', '/orders/1'])
			expect(cache.cacheable(path), path).toBe(false);
	});

	it('serves a kept page again with its headers, and drops everything when told the data changed', async () => {
		const cache = createPageCache();
		const sent = await cache.keep('ko /', html('<p>홈</p>', { 'cache-control': 'public, s-maxage=30' }), cache.mark());
		expect(await sent.text()).toBe('<p>홈</p>');
		const again = cache.get('ko /')!;
		expect(await again.text()).toBe('<p>홈</p>');
		expect(again.headers.get('cache-control')).toBe('public, s-maxage=30');
		expect(cache.get('en /')).toBeNull();
		cache.clear();
		expect(cache.get('ko /')).toBeNull();
	});

	it('does not keep a page rendered across a change, an error, or a response that sets a cookie', async () => {
		const cache = createPageCache();
		const mark = cache.mark();
		cache.clear(); // the data changed while the page was being rendered
		await cache.keep('ko /a', html('old'), mark);
		expect(cache.get('ko /a')).toBeNull();
		await cache.keep('ko /b', new Response('gone', { status: 404, headers: { 'content-type': 'text/html' } }), cache.mark());
		await cache.keep('ko /c', html('x', { 'set-cookie': 'a=b' }), cache.mark());
		expect(cache.size).toBe(0);
	});

	it('keeps nothing while notifications are not heard, and nothing older than its age limit', async () => {
		let hears = false;
		const off = createPageCache({ enabled: () => hears });
		await off.keep('ko /', html('a'), off.mark());
		expect(off.get('ko /')).toBeNull();
		hears = true;
		const aged = createPageCache({ maxAgeMs: -1 });
		await aged.keep('ko /', html('a'), aged.mark());
		expect(aged.get('ko /')).toBeNull();
	});
});
