// Support programs on the real database, as real users with RLS on: a craftsman sees which programs
// the workshop is eligible for and why the others are not, applies with documents (private, stored
// through the storage port), cannot submit without a required document, and the staff of the
// program's center review and decide; staff of another center cannot.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as programs from '../../src/lib/server/programs';
import { diskStorage } from '../../src/lib/server/storage/disk';
import { testSql } from './db';
import { as, makeSupportWorld, type SupportWorld } from './support-fixtures';

let w: SupportWorld;
let dir: string;
let program: programs.Program;
const workshops: Record<'small' | 'big', string> = { small: '', big: '' };
const PDF = new TextEncoder().encode('%PDF-1.4\n사업자등록증\n%%EOF');

beforeAll(async () => {
	const sql = testSql();
	w = await makeSupportWorld(sql, 2);
	dir = mkdtempSync(path.join(os.tmpdir(), 'programs-'));
	const [a, b] = w.craftsmen;
	await sql`insert into public.trades (ksic_code, name_ko, name_en) values (${`98${w.tag.replace(/\D/g, '').padEnd(3, '1').slice(0, 3)}`}, '시험 귀금속', 'Test jewellery') on conflict do nothing`;
	const trade = `98${w.tag.replace(/\D/g, '').padEnd(3, '1').slice(0, 3)}`;
	const [cluster] = await sql<
		{ id: string }[]
	>`insert into public.clusters (slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en, district_kind, lat, lng)
		values (${`test-jewelry-${w.tag}`}, 'craft', '시험 주얼리', 'Test jewelry', ${trade}, '서울', 'Seoul', '종로구', 'Jongno-gu', 'district', 37.57, 126.99) returning id`;
	const workshop = async (owner: string, employees: number, slug: string) => {
		const [r] = await sql<
			{ id: string }[]
		>`insert into public.workshops (owner_id, slug, name_ko, trade_code, employees, address_ko, founded_year)
			values (${owner}, ${`${slug}-${w.tag}`}, ${`${slug} 공방`}, ${trade}, ${employees}, '서울 종로구 돈화문로 11', 2012) returning id`;
		await sql`insert into public.cluster_memberships (cluster_id, workshop_id, status) values (${cluster.id}, ${r.id}, 'approved')`;
		return r.id;
	};
	workshops.small = await workshop(a, 4, 'small');
	workshops.big = await workshop(b, 12, 'big');
	await sql`insert into public.support_programs (center_id, slug, kind, title_ko, title_en, amount_max_krw, deadline, required_documents, eligibility)
		values (${w.center}, ${`microfinance-${w.tag}`}, 'loan', '소공인 특화자금', 'Craftsman microfinance', 1000000000, now() + interval '30 days',
		        ${sql.json([
							{ key: 'business_registration', label_ko: '사업자등록증', label_en: 'Business registration' },
							{ key: 'tax_certificate', label_ko: '납세증명서', label_en: 'Tax certificate' }
						])},
		        ${sql.json([{ kind: 'max_employees', value: 9 }, { kind: 'designated_trade' }, { kind: 'cluster_member', clusters: [] }, { kind: 'region', regions: ['서울'] }])})`;
	program = (await as(a, (tx) => programs.bySlug(tx, `microfinance-${w.tag}`)))!;
}, 60_000);

afterAll(async () => {
	const sql = testSql();
	if (w) {
		await sql`delete from public.support_applications where program_id in (select id from public.support_programs where center_id = ${w.center})`;
		await sql`delete from public.workshops where id in (${workshops.small || null}, ${workshops.big || null})`;
		await sql`delete from public.clusters where slug = ${`test-jewelry-${w.tag}`}`;
		await w.cleanup();
	}
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('eligibility on the dashboard', () => {
	it('lists the program as eligible for a small workshop and says why the big one is excluded', async () => {
		const [a, b] = w.craftsmen;
		const small = (await as(a, (tx) => programs.workshopsOf(tx, a)))[0];
		const big = (await as(b, (tx) => programs.workshopsOf(tx, b)))[0];
		const forSmall = (await as(a, (tx) => programs.eligibility(tx, small))).find((e) => e.program.id === program.id)!;
		const forBig = (await as(b, (tx) => programs.eligibility(tx, big))).find((e) => e.program.id === program.id)!;
		expect(forSmall.excluded).toEqual([]);
		expect(forBig.excluded.map((e) => e.ko)).toEqual(['종업원 10명 이상']);
		expect(await as(b, (tx) => programs.start(tx, b, program, workshops.big))).toEqual({ ok: false, error: 'program_err_not_eligible' });
		// Nobody applies for a workshop they do not own.
		expect(await as(b, (tx) => programs.start(tx, b, program, workshops.small))).toEqual({ ok: false, error: 'program_err_not_owner' });
	});
});

describe('an application', () => {
	it('is refused without its documents, submitted with them, and decided by the center staff only', async () => {
		const [a, b] = w.craftsmen;
		const store = diskStorage(dir);
		const started = await as(a, (tx) => programs.start(tx, a, program, workshops.small));
		expect(started.ok).toBe(true);
		if (!started.ok) return;
		const load = (user: string) => as(user, (tx) => programs.byId(tx, started.id));

		// A document of a kind the program does not ask for, or not a real PDF, is refused.
		expect(
			await as(a, async (tx) =>
				programs.addDocument(tx, store, (await programs.byId(tx, started.id))!, a, 'passport', { name: 'x.pdf', bytes: PDF })
			)
		).toEqual({
			ok: false,
			error: 'program_err_document_kind'
		});
		expect(
			await as(a, async (tx) =>
				programs.addDocument(tx, store, (await programs.byId(tx, started.id))!, a, 'tax_certificate', {
					name: 'x.pdf',
					bytes: new Uint8Array([1, 2, 3])
				})
			)
		).toEqual({ ok: false, error: 'request_err_file_content' });

		await as(a, async (tx) =>
			programs.addDocument(tx, store, (await programs.byId(tx, started.id))!, a, 'business_registration', {
				name: '사업자등록증.pdf',
				bytes: PDF
			})
		);
		const missing = await as(a, async (tx) => programs.move(tx, (await programs.byId(tx, started.id))!, 'submitted'));
		expect(missing).toMatchObject({ ok: false, error: 'program_err_missing_documents', missing: [{ key: 'tax_certificate' }] });
		// The database refuses too, when the app is bypassed.
		const direct = await as(a, (tx) => tx`update public.support_applications set status = 'submitted' where id = ${started.id}`).catch(
			(e: Error) => e.message
		);
		expect(direct).toMatch(/program_missing_document: tax_certificate/);

		await as(a, async (tx) =>
			programs.addDocument(tx, store, (await programs.byId(tx, started.id))!, a, 'tax_certificate', { name: '납세증명서.pdf', bytes: PDF })
		);
		expect(await as(a, async (tx) => programs.move(tx, (await programs.byId(tx, started.id))!, 'submitted'))).toEqual({ ok: true });
		// Submitted: the applicant cannot add documents or decide.
		expect(await as(a, async (tx) => programs.move(tx, (await programs.byId(tx, started.id))!, 'under_review'))).toMatchObject({
			ok: false
		});

		// Privacy: another craftsman and another center's staff see nothing; this center's staff see it all.
		expect(await load(b)).toBeNull();
		expect(await load(w.otherStaff)).toBeNull();
		const seen = (await load(w.staff))!;
		expect(seen.documents.map((d) => d.doc_key).sort()).toEqual(['business_registration', 'tax_certificate']);
		expect(
			await as(
				w.otherStaff,
				(tx) => tx`update public.support_applications set status = 'under_review' where id = ${started.id} returning id`
			)
		).toHaveLength(0);
		expect(await as(w.staff, (tx) => programs.document(tx, started.id, seen.documents[0].id))).toMatchObject({
			content_type: 'application/pdf'
		});
		expect(await as(b, (tx) => programs.document(tx, started.id, seen.documents[0].id))).toBeNull();

		expect((await as(w.staff, (tx) => programs.queue(tx, w.center))).map((x) => x.id)).toEqual([started.id]);
		expect(await as(w.staff, async (tx) => programs.move(tx, (await programs.byId(tx, started.id))!, 'under_review'))).toEqual({
			ok: true
		});
		expect(await as(w.staff, async (tx) => programs.move(tx, (await programs.byId(tx, started.id))!, 'rejected'))).toEqual({
			ok: false,
			error: 'program_err_reason_required'
		});
		expect(await as(w.staff, async (tx) => programs.move(tx, (await programs.byId(tx, started.id))!, 'approved'))).toEqual({ ok: true });
		expect((await load(a))!.status).toBe('approved');
		const [note] =
			await testSql()`select payload from public.notifications where user_id = ${a} and payload ->> 'application_id' = ${started.id}`;
		expect(note.payload).toMatchObject({ support: 'application_decided', status: 'approved' });
	});
});
