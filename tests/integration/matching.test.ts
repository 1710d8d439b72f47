// Matching on the seed's workshops, through the app's data modules under real RLS (issues 14 and 15):
// an aluminium case request puts metal shops first and holds jewelry and shoe shops back, the only
// titanium shop gets credit for titanium, distance says from where, scorecards feed the score (a
// workshop under 3 completed orders neither gains nor loses), and a cluster manager's members are
// ordered by the same score with the same reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSchemaFor, suggestedProcesses, type TemplateId } from '../../src/lib/domain/request-templates';
import { withUser, type Claims } from '../../src/lib/server/db';
import * as matches from '../../src/lib/server/matches';
import * as requests from '../../src/lib/server/requests';
import { reindex } from '../../src/lib/server/search';
import { testSql } from './db';

const claims = (sub: string): Claims => ({ sub, role: 'authenticated' });
const STARTUP1 = claims('00000000-0000-4000-8000-000000000e01'); // owns MetalWear Lab, in G-Valley
const METALWEAR = '00000000-0000-4000-8000-00000000d001';
const MULLAE_MANAGER = claims('00000000-0000-4000-8000-000000000a03');
const DAESUNG = '00000000-0000-4000-8000-00000000f301';
const DONGYANG = '00000000-0000-4000-8000-00000000f303';
const JEONGWOO = '00000000-0000-4000-8000-00000000f105'; // a Jongno engraver, the seed's only shop listing titanium
const MULLAE = { lat: 37.5176, lng: 126.8947 };

const created: string[] = [];
let saved: Record<string, unknown>[] = [];

async function post(template: TemplateId, title: string, details: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	const input = requestSchemaFor(template, new Date()).parse({
		template,
		title,
		description: '',
		details,
		quantity: '200',
		budget_min_krw: '',
		budget_max_krw: '',
		deadline: '',
		delivery_place: '',
		visibility: 'public',
		nda_required: false,
		nda_text: '',
		required_processes: suggestedProcesses(template, details),
		...extra
	});
	const id = await withUser(STARTUP1, async (tx) => (await requests.create(tx, STARTUP1.sub, METALWEAR, input)).id);
	created.push(id);
	await withUser(STARTUP1, async (tx) => requests.move(tx, (await requests.byId(tx, id))!, 'publish'));
	return id;
}

const ranked = (id: string) => withUser(STARTUP1, async (tx) => matches.forRequest(tx, (await requests.byId(tx, id))!, { limit: 60 }));
const keys = (m: matches.WorkshopMatch) => m.reasons.map((r) => r.key);

beforeAll(async () => {
	const sql = testSql();
	await reindex();
	saved = await sql`select * from public.workshop_scorecards where workshop_id in (${DAESUNG}, ${DONGYANG})`;
	await sql`delete from public.workshop_scorecards where workshop_id in (${DAESUNG}, ${DONGYANG})`;
	const row = (id: string, completed: number, on_time: number, minutes: number) => ({
		workshop_id: id,
		period_days: 365,
		completed,
		on_time,
		sample_first_try: 0,
		sample_orders: 0,
		median_response_minutes: minutes,
		responses: completed,
		quotes_accepted: 0,
		quotes_decided: 0,
		disputes: 0,
		reviews: 0,
		computed_at: new Date()
	});
	await sql`insert into public.workshop_scorecards ${sql([row(DONGYANG, 12, 11, 180), row(DAESUNG, 2, 0, 5000)])}`;
});

afterAll(async () => {
	const sql = testSql();
	await sql`delete from public.workshop_scorecards where workshop_id in (${DAESUNG}, ${DONGYANG})`;
	if (saved.length) await sql`insert into public.workshop_scorecards ${sql(saved)}`;
	if (created.length) {
		await sql`delete from public.notifications where payload ->> 'request_id' = any(${created}::text[])`;
		await sql`delete from public.requests where id = any(${created}::uuid[])`;
	}
});

describe('an aluminium case, asked for without a trade', () => {
	let id: string;
	beforeAll(async () => {
		id = await post('general', '스마트 링 충전 케이스 알루미늄 가공 300개', { what: '알루미늄 충전 케이스', material: '알루미늄 6061' });
	});

	it('puts shops whose trade makes cases first, and keeps jewelry and shoe shops below every one of them', async () => {
		const list = await ranked(id);
		const makers = list.filter((m) => keys(m).includes('match_reason_product'));
		const others = list.filter((m) => keys(m).includes('match_reason_product_other'));
		expect(makers.length).toBeGreaterThanOrEqual(3);
		expect(list.slice(0, 3).every((m) => keys(m).includes('match_reason_product'))).toBe(true);
		expect(makers[0].reasons).toContainEqual({ key: 'match_reason_product', params: { products: 'housing' }, fit: true });
		// seed ids: jewelry shops are …f1xx, shoe and leather shops …f2xx
		const jewelryOrShoes = (m: matches.WorkshopMatch) => /-00000000f[12]\d\d$/.test(m.workshop.id);
		expect(list.slice(0, 10).filter(jewelryOrShoes)).toEqual([]);
		for (const m of list.filter(jewelryOrShoes)) {
			expect(others).toContain(m);
			expect(m.score).toBeLessThan(Math.min(...makers.slice(0, 3).map((x) => x.score)));
		}
	});

	it('credits aluminium to the metal shops that list it', async () => {
		const dongyang = (await ranked(id)).find((m) => m.workshop.id === DONGYANG);
		expect(dongyang?.reasons).toContainEqual({ key: 'match_reason_materials', params: { materials: 'aluminium' }, fit: true });
	});

	it("says the distance is from the company's address while the request has the company's point, from the delivery place once one is picked", async () => {
		const before = (await ranked(id)).find((m) => m.workshop.id === DONGYANG)!;
		expect(keys(before)).toContain('match_reason_distance_company');
		expect(keys(before)).not.toContain('match_reason_distance_request');
		// the map picker of the request form sets the request's own point: Mullae here
		await testSql()`update public.requests set lat = ${MULLAE.lat}, lng = ${MULLAE.lng} where id = ${id}`;
		const after = (await ranked(id)).find((m) => m.workshop.id === DONGYANG)!;
		const distance = after.reasons.find((r) => r.key === 'match_reason_distance_request');
		expect(distance).toBeDefined();
		expect(Number(distance!.params.km)).toBeLessThan(2);
		expect(keys(after)).not.toContain('match_reason_distance_company');
	});

	it('gives the on-time share and the response time of a scorecard as reasons; under 3 completed orders, neither', async () => {
		const list = await ranked(id);
		const dongyang = list.find((m) => m.workshop.id === DONGYANG)!;
		expect(dongyang.reasons).toContainEqual({ key: 'matching_reason_on_time_share', params: { count: 11, of: 12 }, fit: true });
		expect(dongyang.reasons).toContainEqual({ key: 'matching_reason_response', params: { minutes: 180 }, fit: true });
		const daesung = list.find((m) => m.workshop.id === DAESUNG)!;
		expect(keys(daesung).filter((k) => k.startsWith('matching_reason_'))).toEqual([]);
	});
});

describe('titanium', () => {
	it('the only shop that lists titanium gets credit for it, and leads a titanium ring engraving request', async () => {
		const id = await post(
			'jewelry',
			'티타늄 반지 안쪽 이니셜 각인 200개',
			{ metal: 'other', stones: '없음', setting: 'none' },
			{ description: '티타늄 반지에 레이저로 이니셜을 새겨 주세요.', required_processes: ['각인'] }
		);
		const list = await ranked(id);
		const jeongwoo = list.find((m) => m.workshop.id === JEONGWOO);
		expect(jeongwoo?.reasons).toContainEqual({ key: 'match_reason_materials', params: { materials: 'titanium' }, fit: true });
		expect(list.slice(0, 3).map((m) => m.workshop.id)).toContain(JEONGWOO);
		for (const m of list.filter((x) => x.workshop.id !== JEONGWOO))
			expect(m.reasons.some((r) => r.key === 'match_reason_materials')).toBe(false);
	});
});

describe("the cluster manager's forward list", () => {
	it('orders the members by the same score as the request’s matches, with the same reasons', async () => {
		const id = await post('machine_metal', '알루미늄 브래킷 200개', {
			material: '알루미늄 6061',
			tolerance: '±0.05',
			process: ['cnc_turning', 'milling'],
			drawing: '2d'
		});
		const members = await withUser(MULLAE_MANAGER, async (tx) =>
			matches.rankMembers(tx, (await requests.byId(tx, id))!, await requests.forwardCandidates(tx, id, MULLAE_MANAGER.sub))
		);
		expect(members.length).toBeGreaterThan(3);
		const scores = members.map((m) => m.score ?? -1);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		const owners = new Map((await ranked(id)).map((m) => [m.workshop.id, m]));
		let compared = 0;
		for (const member of members) {
			const seen = owners.get(member.workshop_id);
			if (!seen) continue;
			expect(member.score).toBe(seen.score);
			expect(member.reasons).toEqual(seen.reasons);
			compared++;
		}
		expect(compared).toBeGreaterThan(3);
	});

	it('ranks several requests at once (the inbox) exactly as one at a time', async () => {
		const ids = [
			await post('machine_metal', '스테인리스 샤프트 50개', {
				material: 'SUS304',
				tolerance: '±0.01',
				process: ['cnc_turning'],
				drawing: '2d'
			}),
			await post('machine_metal', '알루미늄 케이스 30개', {
				material: '알루미늄 6061',
				tolerance: '±0.1',
				process: ['milling'],
				drawing: '3d'
			})
		];
		const [together, alone] = await withUser(MULLAE_MANAGER, async (tx) => {
			const [rows, members] = await Promise.all([requests.byIds(tx, ids), requests.forwardCandidatesOf(tx, ids, MULLAE_MANAGER.sub)]);
			expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
			const entries = ids.map((id) => ({ request: rows.find((r) => r.id === id)!, members: members.get(id) ?? [] }));
			const batch = await matches.rankMembersOf(tx, entries);
			const single = [];
			for (const id of ids)
				single.push(
					await matches.rankMembers(tx, (await requests.byId(tx, id))!, await requests.forwardCandidates(tx, id, MULLAE_MANAGER.sub))
				);
			return [batch, single];
		});
		expect(together[0].length).toBeGreaterThan(3);
		expect(together).toEqual(alone);
		// Different requests, different orders: each was scored against its own request.
		expect(together[0].map((m) => m.score)).not.toEqual(together[1].map((m) => m.score));
	});
});
