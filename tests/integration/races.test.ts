// Races a probe won against the app, now lost: concurrent first saves of a workshop, concurrent photo
// uploads past the limit. These commit for real (a rolled-back transaction cannot race another) and
// remove what they made afterwards.
import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSchemaFor } from '../../src/lib/domain/request-templates';
import { isPhotoLimit } from '../../src/lib/server/photos';
import * as requests from '../../src/lib/server/requests';
import * as workshops from '../../src/lib/server/workshops';
import type { Tx } from '../../src/lib/server/db';
import { testSql } from './db';

const sql = testSql();
const made: string[] = [];

async function craftsman(role: 'craftsman' | 'startup' = 'craftsman'): Promise<string> {
	const [user] = await sql<{ id: string }[]>`
		insert into auth.users (email, raw_user_meta_data) values (${`race-${randomUUID()}@example.test`}, ${sql.json({ role })})
		returning id`;
	made.push(user.id);
	return user.id;
}

/** A committed transaction as this user, under RLS. */
function asUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return sql.begin(async (tx: TransactionSql) => {
		await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: userId, role: 'authenticated' })}, true)`;
		await tx`set local role authenticated`;
		return fn(tx);
	}) as Promise<T>;
}

let trade = '';
const input = (name: string): workshops.WorkshopInput => ({
	name_ko: name,
	name_en: null,
	trade_code: trade,
	employees: 3,
	business_registration_number: null,
	address_ko: '',
	district_ko: '종로구',
	lat: null,
	lng: null,
	description_ko: '',
	description_en: '',
	processes: [],
	equipment: [],
	materials: [],
	certifications: [],
	min_order_units: null,
	lead_time_days: null,
	monthly_capacity_units: null,
	accepting_orders: true
});

beforeAll(async () => {
	const [designated] = await sql<{ ksic_code: string }[]>`select ksic_code from public.trades where designated order by ksic_code limit 1`;
	trade = designated.ksic_code;
});
afterAll(async () => {
	await sql`delete from public.requests where owner_id = any(${made})`;
	await sql`delete from public.workshops where owner_id = any(${made})`;
	await sql`delete from auth.users where id = any(${made})`;
});

describe('races', () => {
	it('two first saves at once make one workshop, holding the later save’s fields', async () => {
		const owner = await craftsman();
		const saves = await Promise.all(
			['동시 저장 공방 A', '동시 저장 공방 B'].map((name, i) =>
				asUser(owner, (tx) => workshops.create(tx, owner, `race-${i}-${randomUUID().slice(0, 8)}`, input(name)))
			)
		);
		const rows = await sql<{ id: string; name_ko: string }[]>`select id, name_ko from public.workshops where owner_id = ${owner}`;
		expect(rows).toHaveLength(1);
		expect(saves.map((w) => w.id)).toEqual([rows[0].id, rows[0].id]);
		expect(['동시 저장 공방 A', '동시 저장 공방 B']).toContain(rows[0].name_ko);
	});

	it('fourteen photo uploads at once leave twelve photos, and the other two are told why', async () => {
		const owner = await craftsman();
		const workshop = await asUser(owner, (tx) =>
			workshops.create(tx, owner, `race-photos-${randomUUID().slice(0, 8)}`, input('사진 경쟁 공방'))
		);
		const outcomes = await Promise.allSettled(
			Array.from({ length: 14 }, (_, i) =>
				asUser(owner, (tx) => {
					const id = randomUUID();
					return tx`
						insert into public.workshop_photos (id, workshop_id, path, thumb_path, width, height, position)
						values (${id}, ${workshop.id}, ${`race/${id}.webp`}, ${`race/${id}-thumb.webp`}, 10, 10, ${i})`;
				})
			)
		);
		const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
		expect(refused).toHaveLength(2);
		expect(refused.every((r) => isPhotoLimit(r.reason))).toBe(true);
		const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from public.workshop_photos where workshop_id = ${workshop.id}`;
		expect(n).toBe(12);
	});

	it('the same request form posted twice at once makes one request; another form makes another', async () => {
		const owner = await craftsman('startup');
		const input = requestSchemaFor('general', new Date()).parse({
			template: 'general',
			title: '나무 도마 100개',
			description: '',
			details: { what: '나무 도마' },
			quantity: '100',
			budget_min_krw: '',
			budget_max_krw: '',
			deadline: '',
			delivery_place: '',
			visibility: 'invited',
			nda_required: false,
			nda_text: '',
			required_processes: []
		});
		const key = randomUUID();
		const posts = await Promise.all([1, 2].map(() => asUser(owner, (tx) => requests.create(tx, owner, null, input, key))));
		expect(posts.map((p) => p.id)).toEqual([posts[0].id, posts[0].id]);
		expect(posts.map((p) => p.created).sort()).toEqual([false, true]);
		const other = await asUser(owner, (tx) => requests.create(tx, owner, null, input, randomUUID()));
		expect(other.created).toBe(true);
		const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from public.requests where owner_id = ${owner}`;
		expect(n).toBe(2);
	});
});
