// A startup's machine-metal request from draft to an opened drawing, through the app's data modules
// under real RLS: publishing routes it to Mullae, matching ranks a Mullae CNC workshop near the top
// for its processes, only an invited workshop that accepted the NDA opens the drawing, and the
// owner's access log shows exactly that opening.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSchemaFor, suggestedProcesses } from '../../src/lib/domain/request-templates';
import { withUser, type Claims } from '../../src/lib/server/db';
import * as matches from '../../src/lib/server/matches';
import * as files from '../../src/lib/server/request-files';
import * as requests from '../../src/lib/server/requests';
import { reindex } from '../../src/lib/server/search';
import { diskStorage } from '../../src/lib/server/storage/disk';
import type { StoragePort } from '../../src/lib/server/storage/port';
import { testSql } from './db';

// Seed accounts and rows (supabase/seed.sql).
const claims = (sub: string): Claims => ({ sub, role: 'authenticated' });
const STARTUP1 = claims('00000000-0000-4000-8000-000000000e01'); // owns MetalWear Lab, in G-Valley
const METALWEAR = '00000000-0000-4000-8000-00000000d001';
const CRAFTSMAN1 = claims('00000000-0000-4000-8000-000000000b01'); // Jongno jewelry
const CRAFTSMAN3 = claims('00000000-0000-4000-8000-000000000b03'); // owns 대성정밀 in Mullae
const DAESUNG = '00000000-0000-4000-8000-00000000f301';
const MULLAE_MANAGER = claims('00000000-0000-4000-8000-000000000a03');
const MULLAE = '00000000-0000-4000-8000-00000000c003';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let dir: string;
let store: StoragePort;
let requestId: string;
let drawingId: string;

beforeAll(async () => {
	testSql();
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sogong-requests-'));
	store = diskStorage(dir);
	await reindex(); // the search index from the seeded workshops
});

afterAll(async () => {
	if (requestId) {
		const sql = testSql();
		await sql`delete from public.notifications where payload ->> 'request_id' = ${requestId}`;
		await sql`delete from public.requests where id = ${requestId}`;
	}
	await fs.rm(dir, { recursive: true, force: true });
});

describe('a machine-metal request with a drawing and an NDA', () => {
	it('the startup saves a draft with a drawing and publishes it; it is routed to Mullae', async () => {
		const details = { material: '알루미늄 6061', tolerance: '±0.05mm', process: ['cnc_turning', 'milling'], drawing: '2d' };
		const input = requestSchemaFor('machine_metal', new Date()).parse({
			template: 'machine_metal',
			title: '드론 모터 마운트 200개 CNC 가공',
			description: '산업용 점검 드론의 모터 마운트입니다. 양극산화 전 단계까지 가공해 주세요.',
			details,
			quantity: '200',
			budget_min_krw: '1,000,000',
			budget_max_krw: '3,000,000원',
			deadline: '',
			delivery_place: '서울 구로구',
			visibility: 'invited',
			nda_required: true,
			nda_text: '받은 도면과 사양을 이 의뢰의 견적과 제작에만 사용합니다.',
			required_processes: suggestedProcesses('machine_metal', details)
		});
		expect(input.required_processes).toEqual(['CNC 선반', '밀링']);

		requestId = await withUser(STARTUP1, async (tx) => (await requests.create(tx, STARTUP1.sub, METALWEAR, input)).id);
		[drawingId] = await withUser(STARTUP1, (tx) =>
			files.attach(tx, store, requestId, STARTUP1.sub, [{ name: '모터마운트 도면.pdf', bytes: PDF, contentType: 'application/pdf' }])
		);

		// A draft is the owner's alone: the Mullae manager does not see it yet.
		expect(await withUser(MULLAE_MANAGER, (tx) => requests.byId(tx, requestId))).toBeNull();

		const moved = await withUser(STARTUP1, async (tx) => requests.move(tx, (await requests.byId(tx, requestId))!, 'publish'));
		expect(moved).toEqual({ ok: true, to: 'open' });
		const routed = await withUser(STARTUP1, (tx) => requests.routedClusters(tx, requestId));
		expect(routed.map((c) => c.id)).toEqual([MULLAE]);

		const inbox = await withUser(MULLAE_MANAGER, (tx) => requests.inbox(tx, MULLAE_MANAGER.sub));
		expect(inbox.map((r) => r.id)).toContain(requestId);
	});

	it('publishing twice is refused by the state machine with a message', async () => {
		const again = await withUser(STARTUP1, async (tx) => requests.move(tx, (await requests.byId(tx, requestId))!, 'publish'));
		expect(again).toEqual({ ok: false, error: 'request_err_transition' });
	});

	it('matching ranks a Mullae CNC workshop near the top, with a processes reason', async () => {
		const ranked = await withUser(STARTUP1, async (tx) => matches.forRequest(tx, (await requests.byId(tx, requestId))!));
		expect(ranked.length).toBeGreaterThan(3);
		const top = ranked.slice(0, 3);
		const daesung = top.find((m) => m.workshop.id === DAESUNG);
		expect(daesung, `top 3: ${top.map((m) => `${m.workshop.name_ko} ${m.score}`).join(', ')}`).toBeDefined();
		expect(daesung!.reasons).toContainEqual({ key: 'match_reason_processes', params: { covered: 2, required: 2 }, fit: true });
		expect(daesung!.reasons.map((r) => r.key)).toContain('match_reason_cluster_specialty');
		// Best first.
		expect(ranked.map((m) => m.score)).toEqual([...ranked.map((m) => m.score)].sort((a, b) => b - a));
	});

	it('an uninvited craftsman cannot open the drawing', async () => {
		expect(await withUser(CRAFTSMAN1, (tx) => files.open(tx, requestId, drawingId))).toBeNull();
		expect(await withUser(CRAFTSMAN3, (tx) => files.open(tx, requestId, drawingId))).toBeNull();
	});

	it('an invited workshop opens the drawing only after accepting the NDA', async () => {
		await withUser(STARTUP1, (tx) => requests.invite(tx, requestId, DAESUNG, STARTUP1.sub));
		expect(await withUser(CRAFTSMAN3, (tx) => files.open(tx, requestId, drawingId))).toBeNull();

		await withUser(CRAFTSMAN3, (tx) => requests.acceptNda(tx, requestId, DAESUNG));
		const accepted = await withUser(STARTUP1, (tx) => requests.participant(tx, requestId, DAESUNG));
		expect(accepted?.nda_accepted_at).toBeInstanceOf(Date);

		const opened = await withUser(CRAFTSMAN3, (tx) => files.open(tx, requestId, drawingId));
		expect(opened).toMatchObject({ filename: '모터마운트 도면.pdf', content_type: 'application/pdf', size_bytes: PDF.byteLength });
		const stored = await store.get(opened!.path);
		expect(stored?.data).toEqual(PDF);
	});

	it("the owner's access log shows exactly that opening", async () => {
		const log = await withUser(STARTUP1, (tx) => files.accessLog(tx, requestId));
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({ filename: '모터마운트 도면.pdf', by_owner: false, workshop_id: DAESUNG, workshop_name_ko: '대성정밀' });
		// A refused attempt leaves no trace, and another craftsman does not see the log.
		expect(await withUser(CRAFTSMAN1, (tx) => files.accessLog(tx, requestId))).toEqual([]);
	});

	it('the Mullae workshop sees the request among its recommendations, with reasons', async () => {
		const recommended = await withUser(CRAFTSMAN3, (tx) => matches.recommendedFor(tx, DAESUNG));
		const mine = recommended.find((r) => r.id === requestId);
		expect(mine?.reasons.map((r) => r.key)).toContain('match_reason_processes');
		// The Jongno craftsman is not invited to this invited-only request: it is not recommended there.
		const jongno = await withUser(CRAFTSMAN1, async (tx) => {
			const [w] = await tx<{ id: string }[]>`select id from public.workshops where owner_id = ${CRAFTSMAN1.sub}`;
			return matches.recommendedFor(tx, w.id);
		});
		expect(jongno.map((r) => r.id)).not.toContain(requestId);
	});

	it('the Mullae manager forwards it to a member who is not online, with a note', async () => {
		const candidates = await withUser(MULLAE_MANAGER, (tx) => requests.forwardCandidates(tx, requestId, MULLAE_MANAGER.sub));
		expect(candidates.map((c) => c.workshop_id)).not.toContain(DAESUNG); // already taking part
		const offline = candidates.find((c) => c.offline);
		expect(offline).toBeDefined();
		await withUser(MULLAE_MANAGER, (tx) =>
			requests.forward(tx, requestId, offline!.workshop_id, MULLAE_MANAGER.sub, '용접 장비가 좋습니다')
		);
		const list = await withUser(STARTUP1, (tx) => requests.participants(tx, requestId));
		expect(list.find((p) => p.workshop_id === offline!.workshop_id)).toMatchObject({
			source: 'forwarded',
			note: '용접 장비가 좋습니다',
			offline: true
		});
	});

	it('a workshop not taking part in this invited-only request cannot decline it', async () => {
		const jongno = await withUser(
			CRAFTSMAN1,
			async (tx) => (await tx<{ id: string }[]>`select id from public.workshops where owner_id = ${CRAFTSMAN1.sub}`)[0].id
		);
		expect(await withUser(CRAFTSMAN1, (tx) => requests.decline(tx, requestId, jongno, ''))).toEqual({
			ok: false,
			error: 'request_err_not_allowed'
		});
	});

	it('the Mullae workshop declines with a reason: the owner reads it, and it is no longer recommended or listed', async () => {
		const listed = () => withUser(CRAFTSMAN3, (tx) => requests.listOpenForWorkshops(tx, CRAFTSMAN3.sub));
		expect((await listed()).map((r) => r.id)).toContain(requestId);

		expect(await withUser(CRAFTSMAN3, (tx) => requests.decline(tx, requestId, DAESUNG, '  이번 달은 설비가 꽉 찼습니다 '))).toEqual({
			ok: true
		});
		const seen = await withUser(STARTUP1, (tx) => requests.participant(tx, requestId, DAESUNG));
		expect(seen).toMatchObject({ decline_reason: '이번 달은 설비가 꽉 찼습니다' });
		expect(seen?.declined_at).toBeInstanceOf(Date);

		expect((await withUser(CRAFTSMAN3, (tx) => matches.recommendedFor(tx, DAESUNG))).map((r) => r.id)).not.toContain(requestId);
		expect((await listed()).map((r) => r.id)).not.toContain(requestId);
		// Its access to the drawing ends with it, and declining again says it already did.
		expect(await withUser(CRAFTSMAN3, (tx) => files.open(tx, requestId, drawingId))).toBeNull();
		expect(await withUser(CRAFTSMAN3, (tx) => requests.decline(tx, requestId, DAESUNG, ''))).toEqual({
			ok: false,
			error: 'request_err_already_declined'
		});
	});
});

describe('checking uploads', () => {
	it('accepts drawings by content or extension and refuses the rest with a message key', () => {
		expect(files.checkFile('a.pdf', PDF)).toEqual({ ok: true, contentType: 'application/pdf' });
		expect(files.checkFile('a.pdf', new TextEncoder().encode('<html>'))).toEqual({ ok: false, error: 'request_err_file_content' });
		expect(files.checkFile('part.STEP', new TextEncoder().encode('ISO-10303-21;'))).toEqual({ ok: true, contentType: 'model/step' });
		expect(files.checkFile('run.exe', PDF)).toEqual({ ok: false, error: 'request_err_file_type' });
		expect(files.checkFile('big.dxf', new Uint8Array(files.MAX_FILE_BYTES + 1))).toEqual({
			ok: false,
			error: 'request_err_file_too_large'
		});
		expect(files.safeFilename('모터 마운트 (최종).PDF')).toBe('file.pdf');
		expect(files.safeFilename('bracket v2 final.dwg')).toBe('bracket_v2_final.dwg');
	});
});
