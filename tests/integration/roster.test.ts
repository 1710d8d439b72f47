// Member import and claim on the real database, as real users (RLS on): a manager of a fresh craft
// cluster imports a roster file (UTF-8, CP949 and XLSX fixtures); re-importing the same file changes
// nothing; a changed row updates its member; the craftsman claims the listing with the code and the
// BRN; the audit trail records the import, the invitation and the claim.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessMapping, type RosterMember } from '../../src/lib/domain/roster';
import { withUser, type Tx } from '../../src/lib/server/db';
import * as roster from '../../src/lib/server/roster';
import { testSql } from './db';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/roster/${name}`, import.meta.url)));
const as = <T>(user: string, fn: (tx: Tx) => Promise<T>) => withUser({ sub: user, role: 'authenticated' }, fn);

const ids = { manager: randomUUID(), other: randomUUID(), craftsman: randomUUID(), owner: randomUUID(), cluster: randomUUID() };

beforeAll(async () => {
	const sql = testSql();
	for (const [key, id] of Object.entries(ids)) {
		if (key === 'cluster') continue;
		await sql`insert into auth.users (id, email, raw_user_meta_data)
			values (${id}, ${`roster-${key}-${id}@example.test`}, ${sql.json({ role: 'craftsman', display_name: `roster ${key}` })})`;
	}
	await sql`update public.profiles set role = 'manager' where id in (${ids.manager}, ${ids.other})`;
	await sql`insert into public.clusters (id, slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en, district_kind, lat, lng)
		values (${ids.cluster}, ${`roster-test-${ids.cluster.slice(0, 8)}`}, 'craft', '명부 시험 집적지', 'Roster test cluster', '3311',
		        '서울', 'Seoul', '종로구', 'Jongno-gu', 'district', 37.57, 126.99)`;
	await sql`insert into public.cluster_managers (cluster_id, user_id) values (${ids.cluster}, ${ids.manager})`;
});

afterAll(async () => {
	const sql = testSql();
	await sql`delete from public.workshops where id in (select workshop_id from public.roster_members where cluster_id = ${ids.cluster})`;
	await sql`delete from public.clusters where id = ${ids.cluster}`;
	await sql`delete from auth.users where id = any(${Object.values(ids)}::uuid[])`;
});

async function membersOf(file: string): Promise<{ members: RosterMember[]; problems: number }> {
	const parsed = await roster.parseFile(fixture(file));
	if (!parsed.ok) throw new Error(parsed.error);
	const checked = await as(ids.manager, (tx) => roster.check(tx, parsed.file.rows, guessMapping(parsed.file.headers)));
	return { members: checked.flatMap((r) => (r.member ? [r.member] : [])), problems: checked.filter((r) => r.problems.length).length };
}

describe('parsing roster files', () => {
	it('reads CP949 and UTF-8 CSV and XLSX, a formula by its cached value', async () => {
		const cp = await roster.parseFile(fixture('cp949.csv'));
		expect(cp.ok && cp.file.encoding).toBe('euc-kr');
		expect(cp.ok && cp.file.rows.length).toBe(6);
		const xlsx = await roster.parseFile(fixture('roster.xlsx'));
		expect(xlsx.ok && xlsx.file.encoding).toBe('xlsx');
		expect(xlsx.ok && xlsx.file.headers[2]).toBe('사업자등록번호');
		expect(xlsx.ok && xlsx.file.rows[0]).toEqual([
			'성수가죽',
			'홍길동',
			'315-02-73641',
			'151',
			'서울 성동구 성수동2가 277',
			'5',
			'02-462-0000',
			'gil@example.com'
		]);
	});

	it('refuses a file that is too long, empty or not text', async () => {
		const big = '상호,사업자등록번호\n' + '가,110-81-23459\n'.repeat(10_000);
		expect(await roster.parseFile(new TextEncoder().encode(big))).toEqual({ ok: false, error: 'roster_file_too_many_rows' });
		expect(await roster.parseFile(new TextEncoder().encode('상호,사업자등록번호\n'))).toEqual({ ok: false, error: 'roster_file_empty' });
		expect(await roster.parseFile(new Uint8Array([0x00, 0x01, 0x02, 0x03]))).toEqual({ ok: false, error: 'roster_file_encoding' });
		expect(await roster.parseFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toEqual({ ok: false, error: 'roster_file_unreadable' });
	});
});

describe('importing a roster', () => {
	it('a CP949 roster with errors imports none of its rows as members', async () => {
		const { members, problems } = await membersOf('cp949.csv');
		expect(problems).toBe(6);
		expect(members).toEqual([]);
	});

	it('a dry run writes nothing; the import creates unclaimed approved members; the same file again changes nothing', async () => {
		const { members, problems } = await membersOf('utf8-bom.csv');
		expect(problems).toBe(0);
		expect(members.map((m) => [m.brn, m.trade_code, m.district])).toEqual([
			['110-81-23459', '3311', '종로구'],
			['220-85-67811', '3311', '종로구']
		]);
		const dry = await as(ids.manager, (tx) => roster.importRoster(tx, ids.cluster, members, { dryRun: true }));
		expect(dry).toMatchObject({ counts: { new: 2, changed: 0, unchanged: 0 }, importId: null });
		expect(await as(ids.manager, (tx) => roster.unclaimed(tx, ids.cluster))).toEqual({ members: [], total: 0 });

		const first = await as(ids.manager, (tx) => roster.importRoster(tx, ids.cluster, members, { dryRun: false, fileName: 'utf8-bom.csv' }));
		expect(first.counts).toMatchObject({ new: 2, changed: 0, unchanged: 0 });
		const listed = await as(ids.manager, (tx) => roster.unclaimed(tx, ids.cluster));
		expect(listed.total).toBe(2);
		expect(listed.members.map((m) => [m.name_ko, m.representative])).toEqual([
			['봉익세공', '이영희'],
			['종로주얼리공방', '김민수']
		]);
		const sql = testSql();
		const before = await sql<
			{ owner_id: string | null; status: string; employees: number }[]
		>`select w.*, m.status from public.workshops w join public.cluster_memberships m on m.workshop_id = w.id
			where m.cluster_id = ${ids.cluster} order by w.name_ko`;
		expect(before.map((w) => [w.owner_id, w.status, w.employees])).toEqual([
			[null, 'approved', 9],
			[null, 'approved', 3]
		]);

		const again = await as(ids.manager, (tx) => roster.importRoster(tx, ids.cluster, members, { dryRun: false }));
		expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
		const after = await sql`select w.*, m.status from public.workshops w join public.cluster_memberships m on m.workshop_id = w.id
			where m.cluster_id = ${ids.cluster} order by w.name_ko`;
		expect(after).toEqual(before);
		// The claim codes handed out stay valid.
		const codes = await as(ids.manager, (tx) => roster.unclaimed(tx, ids.cluster));
		expect(codes.members.map((m) => m.claim_code)).toEqual(listed.members.map((m) => m.claim_code));

		const changed = members.map((m) => (m.brn === '110-81-23459' ? { ...m, employees: 4 } : m));
		const third = await as(ids.manager, (tx) => roster.importRoster(tx, ids.cluster, changed, { dryRun: false }));
		expect(third.counts).toMatchObject({ new: 0, changed: 1, unchanged: 1 });
		expect(third.statuses['110-81-23459']).toBe('changed');
		const [w] = await sql`select employees from public.workshops where business_registration_number = '110-81-23459'
			and id in (select workshop_id from public.roster_members where cluster_id = ${ids.cluster})`;
		expect(w.employees).toBe(4);

		const history = await as(ids.manager, (tx) => roster.imports(tx, ids.cluster));
		expect(history.map((h) => [h.created_count, h.updated_count, h.unchanged_count])).toEqual([
			[0, 1, 1],
			[0, 0, 2],
			[2, 0, 0]
		]);
		const audit = await sql<
			{ action: string; after: Record<string, unknown> }[]
		>`select action, after from public.audit_entries where cluster_id = ${ids.cluster} order by id`;
		expect(audit.map((a) => a.action)).toEqual(['roster.imported', 'roster.imported', 'member.edited', 'roster.imported']);
		expect(audit[0].after).toMatchObject({ file: 'utf8-bom.csv', rows: 2, new: 2 });
	});

	it('the database refuses rows that break the rules, whoever calls it', async () => {
		const { members } = await membersOf('utf8-bom.csv');
		const tooBig = members.map((m, i) => (i === 0 ? { ...m, employees: 12 } : m));
		await expect(as(ids.manager, (tx) => roster.importRoster(tx, ids.cluster, tooBig, { dryRun: true }))).rejects.toThrow(/import rules/);
		const twice = [members[0], members[0]];
		await expect(as(ids.manager, (tx) => roster.importRoster(tx, ids.cluster, twice, { dryRun: true }))).rejects.toThrow(/import rules/);
	});

	it("another cluster's manager cannot import into it nor see its members", async () => {
		const { members } = await membersOf('utf8-bom.csv');
		await expect(as(ids.other, (tx) => roster.importRoster(tx, ids.cluster, members, { dryRun: true }))).rejects.toThrow(/only a manager/);
		expect(await as(ids.other, (tx) => roster.unclaimed(tx, ids.cluster))).toEqual({ members: [], total: 0 });
		expect(await as(ids.other, (tx) => roster.imports(tx, ids.cluster))).toEqual([]);
	});
});

describe('claiming a listing', () => {
	it('the invitation is recorded; a wrong BRN or code is refused; the craftsman takes the listing over', async () => {
		const { members } = await as(ids.manager, (tx) => roster.unclaimed(tx, ids.cluster));
		const target = members.find((m) => m.brn === '110-81-23459')!;
		const invited = await as(ids.manager, (tx) => roster.markInvited(tx, ids.cluster, target.workshop_id, 'minsu@example.com'));
		expect(invited?.invited_email).toBe('minsu@example.com');

		expect(await as(ids.manager, (tx) => roster.claim(tx, target.claim_code, target.brn))).toEqual({ ok: false, error: 'not_craftsman' });
		expect(await as(ids.craftsman, (tx) => roster.claim(tx, 'ABCDEFGH', target.brn))).toEqual({ ok: false, error: 'bad_code' });
		expect(await as(ids.craftsman, (tx) => roster.claim(tx, target.claim_code, '220-85-67811'))).toEqual({
			ok: false,
			error: 'brn_mismatch'
		});

		const done = await as(ids.craftsman, (tx) => roster.claim(tx, target.claim_code.toLowerCase(), '1108123459'));
		expect(done).toMatchObject({ ok: true, workshopId: target.workshop_id, slug: target.slug });
		const sql = testSql();
		const [w] = await sql`select w.owner_id, m.status from public.workshops w join public.cluster_memberships m on m.workshop_id = w.id
			where w.id = ${target.workshop_id} and m.cluster_id = ${ids.cluster}`;
		expect(w).toEqual({ owner_id: ids.craftsman, status: 'approved' });
		expect((await as(ids.manager, (tx) => roster.unclaimed(tx, ids.cluster))).members.map((m) => m.brn)).toEqual(['220-85-67811']);

		// The code is spent; a craftsman with a workshop cannot claim a second.
		expect(await as(ids.owner, (tx) => roster.claim(tx, target.claim_code, target.brn))).toEqual({ ok: false, error: 'bad_code' });
		const second = members.find((m) => m.brn === '220-85-67811')!;
		expect(await as(ids.craftsman, (tx) => roster.claim(tx, second.claim_code, second.brn))).toEqual({ ok: false, error: 'has_workshop' });

		// Re-importing leaves the claimed listing to its owner.
		const { members: rows } = await membersOf('utf8-bom.csv');
		const again = await as(ids.manager, (tx) =>
			roster.importRoster(
				tx,
				ids.cluster,
				rows.map((r) => ({ ...r, employees: 2 })),
				{ dryRun: false }
			)
		);
		expect(again.statuses).toEqual({ '110-81-23459': 'claimed', '220-85-67811': 'changed' });
		const [kept] = await sql`select employees from public.workshops where id = ${target.workshop_id}`;
		expect(kept.employees).toBe(4);

		const audit = await sql`select action, actor_id, actor_role from public.audit_entries
			where cluster_id = ${ids.cluster} and action in ('member.claim_invited', 'member.claimed') order by id`;
		expect(audit).toEqual([
			{ action: 'member.claim_invited', actor_id: ids.manager, actor_role: 'manager' },
			{ action: 'member.claimed', actor_id: ids.craftsman, actor_role: 'craftsman' }
		]);
	});
});
