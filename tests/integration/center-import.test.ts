// Importing support centers from the public list's CSV on the real database, as the operator with
// RLS on: the preview says what each row would do, the import adds new centers and updates those of
// the same name, importing the same file again changes nothing, and a file with one bad row or an
// import by anyone but the operator writes nothing at all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCenters, type CenterRow } from '../../src/lib/domain/center-import';
import * as centerImport from '../../src/lib/server/center-import';
import { testSql } from './db';
import { as } from './support-fixtures';

const tag = randomUUID().slice(0, 8);
const users: string[] = [];
let operator: string;
let manager: string;

async function user(role: 'operator' | 'manager') {
	const id = randomUUID();
	await testSql()`insert into auth.users (id, email, raw_user_meta_data)
		values (${id}, ${`imp-${tag}-${users.length}@example.test`}, ${testSql().json({ role: 'startup', display_name: role })})`;
	await testSql()`update public.profiles set role = ${role} where id = ${id}`;
	users.push(id);
	return id;
}

const names = { old: `기존 센터 ${tag}`, a: `새 센터 A ${tag}`, b: `새 센터 B ${tag}` };
const rows = (csv: string): CenterRow[] => {
	const parsed = parseCenters(csv);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.rows;
};
const file = (...lines: string[]) => ['연번,지역,센터명,운영기관,주소', ...lines].join('\r\n');
const good = file(
	`1,서울,${names.old},새 운영기관,서울 중구 새주소 1`,
	`2,부산,${names.a},부산상공회의소,부산 동구 1`,
	`3,대구,${names.b},대구경북 협동조합,"대구 중구 2, 3층"`
);
const centers = () =>
	testSql()<{ name_ko: string; region_ko: string; operator_ko: string; address_ko: string; slug: string }[]>`
		select name_ko, region_ko, operator_ko, address_ko, slug from public.support_centers
		where name_ko = any(${Object.values(names)}::text[]) order by name_ko`;

beforeAll(async () => {
	operator = await user('operator');
	manager = await user('manager');
	await testSql()`insert into public.support_centers (slug, name_ko, region_ko, operator_ko, address_ko)
		values (${`imp-${tag}`}, ${names.old}, '서울', '옛 운영기관', '서울 중구 옛주소 1')`;
}, 60_000);
afterAll(async () => {
	await testSql()`delete from public.support_centers where name_ko = any(${Object.values(names)}::text[])`;
	await testSql()`delete from auth.users where id = any(${users}::uuid[])`;
});

describe('importing centers', () => {
	it('previews row by row: the center of the same name is updated, the others added', async () => {
		const preview = await as(operator, (tx) => centerImport.preview(tx, rows(good)));
		expect(preview.map((r) => [r.line, r.name, r.action])).toEqual([
			[2, names.old, 'update'],
			[3, names.a, 'create'],
			[4, names.b, 'create']
		]);
		expect((await centers()).map((c) => c.name_ko)).toEqual([names.old]);
	});

	it('writes nothing when one row is wrong', async () => {
		const bad = file(`1,부산,${names.a},부산상공회의소,부산 동구 1`, `2,대구,${names.b},기관,`);
		const result = await as(operator, (tx) => centerImport.apply(tx, rows(bad)));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.rows?.map((r) => r.action)).toEqual(['create', 'error']);
		expect((await centers()).map((c) => c.name_ko)).toEqual([names.old]);
	});

	it('is the operator’s: a manager’s import writes nothing', async () => {
		expect(await as(manager, (tx) => centerImport.apply(tx, rows(good)))).toEqual({ ok: false, error: 'not_allowed' });
		expect((await centers()).map((c) => c.name_ko)).toEqual([names.old]);
	});

	it('adds and updates, and changes nothing when the same file comes again', async () => {
		expect(await as(operator, (tx) => centerImport.apply(tx, rows(good)))).toEqual({ ok: true, created: 2, updated: 1, unchanged: 0 });
		const after = await centers();
		expect(after.find((c) => c.name_ko === names.old)).toMatchObject({
			operator_ko: '새 운영기관',
			address_ko: '서울 중구 새주소 1',
			slug: `imp-${tag}`
		});
		expect(after.find((c) => c.name_ko === names.b)).toMatchObject({ region_ko: '대구', address_ko: '대구 중구 2, 3층' });
		expect(await as(operator, (tx) => centerImport.apply(tx, rows(good)))).toEqual({ ok: true, created: 0, updated: 0, unchanged: 3 });
		expect(await centers()).toEqual(after);
	});
});
