// The anonymous page cache of a process is dropped when what anonymous pages show changes, by any
// process: the public_pages notifications of the migration reach the listener on commit.
import { describe, expect, it } from 'vitest';
import { listen, pageCache, privatePageCache } from '../../src/lib/server/page-cache';
import { testSql } from './db';

const html = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'text/html' } });
const until = async (check: () => boolean) => {
	for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
	return check();
};

describe('the page cache hears changes', () => {
	it('keeps pages once its notifications come back, and drops them on a committed change to a workshop, not on a rolled-back one', async () => {
		const sql = testSql();
		const cache = pageCache();
		expect(await listen(sql)).toBe(true);
		await cache.keep('ko /', html('home'), cache.mark());
		expect(cache.size).toBe(1);

		// A change that is rolled back announces nothing.
		await sql
			.begin(async (tx) => {
				await tx`update public.workshops set description_ko = description_ko where id = (select id from public.workshops limit 1)`;
				throw new Error('roll back');
			})
			.catch(() => {});
		await new Promise((r) => setTimeout(r, 200));
		expect(cache.size).toBe(1);

		await sql`update public.workshops set description_ko = description_ko where id = (select id from public.workshops limit 1)`;
		expect(await until(() => cache.size === 0)).toBe(true);

		// Clusters and companies too (the home and company pages show them).
		await cache.keep('ko /', html('home'), cache.mark());
		await sql`update public.clusters set name_en = name_en where id = (select id from public.clusters limit 1)`;
		expect(await until(() => cache.size === 0)).toBe(true);
		await cache.keep('ko /', html('home'), cache.mark());
		await sql`update public.companies set name_en = name_en where id = (select id from public.companies limit 1)`;
		expect(await until(() => cache.size === 0)).toBe(true);
	});

	it('drops the kept dashboards on a committed change to what only dashboards show, and on any public change', async () => {
		const sql = testSql();
		const dashboards = privatePageCache();
		expect(await listen(sql)).toBe(true);
		const keep = () => dashboards.keep('u1 ko /dashboard', html('dashboard'), dashboards.mark());

		// A request's status and a question's message (the startup's and the craftsman's lists).
		await keep();
		expect(dashboards.size).toBe(1);
		await sql`update public.requests set title = title where id = (select id from public.requests limit 1)`;
		expect(await until(() => dashboards.size === 0)).toBe(true);
		await keep();
		await sql`update public.messages set body = body where id = (select id from public.messages limit 1)`;
		expect(await until(() => dashboards.size === 0)).toBe(true);
		// A manager's inbox: the requests routed to their clusters.
		await keep();
		await sql`update public.request_clusters set cluster_id = cluster_id where request_id = (select request_id from public.request_clusters limit 1)`;
		expect(await until(() => dashboards.size === 0)).toBe(true);
		// A workshop's name on a public page is on its owner's dashboard too.
		await keep();
		await sql`update public.workshops set name_en = name_en where id = (select id from public.workshops limit 1)`;
		expect(await until(() => dashboards.size === 0)).toBe(true);
	});
});
