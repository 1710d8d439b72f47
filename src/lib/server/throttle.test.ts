import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testSql } from '../../../tests/integration/db';
import { check, clear, hit, sharedCounter, sweep } from './throttle';

const limit = { hits: 3, windowSeconds: 60 };
const t0 = new Date('2026-12-06T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const key = () => `test:${randomUUID()}`;

describe('throttle', () => {
	it('allows the limit, refuses the next hit until the window ends, and says how long that is', async () => {
		const sql = testSql();
		const k = key();
		for (let i = 0; i < 3; i++) expect(await hit(sql, k, limit, later(i))).toEqual({ ok: true });
		expect(await hit(sql, k, limit, later(10))).toEqual({ ok: false, retryAfterSeconds: 50 });
		expect(await check(sql, k, limit, later(59))).toEqual({ ok: false, retryAfterSeconds: 1 });
		// A new window starts when the old one has ended.
		expect(await check(sql, k, limit, later(60))).toEqual({ ok: true });
		expect(await hit(sql, k, limit, later(61))).toEqual({ ok: true });
	});

	it('counts every instance of the app together (the count is in the database)', async () => {
		const sql = testSql();
		const k = key();
		const verdicts = await Promise.all(Array.from({ length: 10 }, () => hit(sql, k, limit, t0)));
		expect(verdicts.filter((v) => v.ok)).toHaveLength(3);
	});

	it('keeps keys apart, and clear forgets one key only', async () => {
		const sql = testSql();
		const [a, b] = [key(), key()];
		for (let i = 0; i < 3; i++) await hit(sql, a, limit, t0);
		await hit(sql, b, limit, t0);
		expect((await check(sql, a, limit, t0)).ok).toBe(false);
		expect((await check(sql, b, limit, t0)).ok).toBe(true);
		await clear(sql, a);
		expect((await check(sql, a, limit, t0)).ok).toBe(true);
	});

	it('sweeps ended windows', async () => {
		const sql = testSql();
		const k = key();
		await hit(sql, k, limit, t0);
		expect(await sweep(sql, later(61))).toBeGreaterThanOrEqual(1);
		const [row] = await sql`select 1 from private.throttle where key = ${k}`;
		expect(row).toBeUndefined();
	});
});

describe('sharedCounter', () => {
	const counter = (at: () => Date) => sharedCounter(() => testSql(), limit, { flushMs: 60_000, now: at });

	it('refuses past the limit from this process’s own hits before any flush, and says until when after one', async () => {
		let at = t0;
		const c = counter(() => at);
		const k = key();
		for (let i = 0; i < 3; i++) expect(c.hit(k)).toEqual({ ok: true });
		expect(c.hit(k).ok).toBe(false);
		await c.flush();
		const [row] = await testSql()<{ hits: number }[]>`select hits from private.throttle where key = ${k}`;
		expect(row.hits).toBe(4);
		at = later(30);
		expect(c.hit(k)).toEqual({ ok: false, retryAfterSeconds: 30 });
		// A new window after the old one ended.
		at = later(61);
		expect(c.hit(k)).toEqual({ ok: true });
		c.stop();
	});

	it('counts two instances together through the database, within a flush', async () => {
		const a = counter(() => t0);
		const b = counter(() => t0);
		const k = key();
		expect(a.hit(k).ok).toBe(true);
		expect(a.hit(k).ok).toBe(true);
		await a.flush();
		expect(b.hit(k).ok).toBe(true);
		await b.flush(); // b learns the total: a's 2 and its own 1
		expect(b.hit(k).ok).toBe(false);
		a.stop();
		b.stop();
	});
});
