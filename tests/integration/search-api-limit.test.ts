// GET /api/search answers a limited number of requests per address and minute, counted in the
// process and shared through PostgreSQL: the next one is told 429 with when to come back; another
// address is not affected. (This file's own module instance reads a small limit.)
process.env.SEARCH_API_PER_MINUTE = '5';

import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { GET } from '../../src/routes/api/search/+server';
import { testSql } from './db';

const ask = (address: string) =>
	GET({
		url: new URL('http://localhost/api/search?q=%EB%B0%98%EC%A7%80'),
		request: new Request('http://localhost/api/search'),
		getClientAddress: () => address
	} as unknown as RequestEvent<Record<string, never>, '/api/search'>);

describe('the search API’s limit', () => {
	it('answers five searches a minute to one address, then 429 with Retry-After; other addresses go on', async () => {
		testSql();
		const address = `198.51.100.${Math.floor(Math.random() * 200)}`;
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await ask(address)).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
		const refused = await ask(address);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await refused.json()).toEqual({ error: 'rate_limited' });
		expect((await ask('203.0.113.7')).status).toBe(200);
	});
});
