import { describe, expect, it } from 'vitest';
import { testSql } from '../../../tests/integration/db';
import { accountCache, accounts, listenForAccountChanges } from './account-cache';

describe('accountCache', () => {
	it('loads once while kept, again once forgotten or old', async () => {
		const cache = accountCache<number>(50);
		cache.enable(true);
		let loads = 0;
		const load = () => Promise.resolve(++loads);
		expect(await cache.get('u', load)).toBe(1);
		expect(await cache.get('u', load)).toBe(1);
		cache.forget('u');
		expect(await cache.get('u', load)).toBe(2);
		await new Promise((r) => setTimeout(r, 60));
		expect(await cache.get('u', load)).toBe(3);
	});

	it('keeps nothing until enabled (no LISTEN heard)', async () => {
		const cache = accountCache<number>();
		let loads = 0;
		await cache.get('u', () => Promise.resolve(++loads));
		await cache.get('u', () => Promise.resolve(++loads));
		expect(loads).toBe(2);
	});

	it('drops a user’s entry when a notification of theirs is announced, and only theirs', async () => {
		const sql = testSql();
		expect(await listenForAccountChanges(sql)).toBe(true);
		let loads = 0;
		const load = () => Promise.resolve([null, ++loads] as [null, number]);
		await accounts.get('user-a', load);
		await accounts.get('user-b', load);
		await sql`select pg_notify('notifications', 'user-a')`;
		await expect.poll(() => accounts.get('user-a', load).then(([, n]) => n)).toBeGreaterThan(2);
		expect((await accounts.get('user-b', load))[1]).toBe(2);
	});
});
