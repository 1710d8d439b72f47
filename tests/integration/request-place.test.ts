// A request sits at its delivery place when one was placed (picked on the map or found from the
// address), and at its company otherwise: the database's guard copies the company's location only
// into a request without a point, on insert and when the owner clears the place.
import { afterAll, describe, expect, it } from 'vitest';
import { requestSchemaFor } from '../../src/lib/domain/request-templates';
import { withUser, type Claims } from '../../src/lib/server/db';
import * as requests from '../../src/lib/server/requests';
import { testSql } from './db';

const STARTUP1: Claims = { sub: '00000000-0000-4000-8000-000000000e01', role: 'authenticated' }; // MetalWear Lab, G-Valley
const METALWEAR = '00000000-0000-4000-8000-00000000d001';
const made: string[] = [];

afterAll(async () => {
	if (made.length) await testSql()`delete from public.requests where id = any(${made})`;
});

const input = (place: { delivery_place: string; lat: number | null; lng: number | null }) =>
	requestSchemaFor('general', new Date()).parse({ template: 'general', title: `납품지 시험 ${Date.now()}`, details: {}, ...place });

async function located(id: string) {
	return withUser(STARTUP1, async (tx) => {
		const r = await requests.byId(tx, id);
		return { lat: r!.lat, lng: r!.lng };
	});
}

describe('a request’s point', () => {
	it('is the delivery place when one was placed, the company’s location when not or when cleared', async () => {
		const [company] = await testSql()<{ lat: number; lng: number }[]>`select lat, lng from public.companies where id = ${METALWEAR}`;
		expect(company.lat).not.toBeNull();

		const seongsu = { delivery_place: '서울 성동구 성수이로 78', lat: 37.5447, lng: 127.0563 };
		const picked = await withUser(STARTUP1, (tx) => requests.create(tx, STARTUP1.sub, METALWEAR, input(seongsu)));
		made.push(picked.id);
		expect(await located(picked.id)).toEqual({ lat: 37.5447, lng: 127.0563 });

		const none = await withUser(STARTUP1, (tx) =>
			requests.create(tx, STARTUP1.sub, METALWEAR, input({ delivery_place: '', lat: null, lng: null }))
		);
		made.push(none.id);
		expect(await located(none.id)).toEqual({ lat: company.lat, lng: company.lng });

		// Moved, then cleared: back at the company.
		const moved = { delivery_place: '충북 청주시 상당구 상당로 55', lat: 36.6425, lng: 127.4892 };
		await withUser(STARTUP1, async (tx) => requests.update(tx, (await requests.byId(tx, picked.id))!, input(moved)));
		expect(await located(picked.id)).toEqual({ lat: 36.6425, lng: 127.4892 });
		await withUser(STARTUP1, async (tx) =>
			requests.update(tx, (await requests.byId(tx, picked.id))!, input({ delivery_place: '', lat: null, lng: null }))
		);
		expect(await located(picked.id)).toEqual({ lat: company.lat, lng: company.lng });
	});
});
