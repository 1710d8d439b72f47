// The operator imports support centers from the public list's CSV (data.go.kr '소공인 특화지원센터
// 현황'): upload, see what each row would do, then import all rows at once — or, when a row is wrong,
// nothing. The preview carries the file's text (as UTF-8) to the import, so the file is read once.
import { fail } from '@sveltejs/kit';
import { decodeCsv, parseCenters } from '$lib/domain/center-import';
import * as centerImport from '$lib/server/center-import';
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as support from '$lib/server/support';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

const MAX_BYTES = 1024 * 1024;

export const load = (async (event) => {
	const { claims } = requireRole(event, ['operator'], 'Operator only');
	const centers = await withUser(claims, (tx) => support.listCenters(tx));
	return { centers: centers.map((c) => ({ slug: c.slug, name_ko: c.name_ko, region_ko: c.region_ko, operator_ko: c.operator_ko })) };
}) satisfies PageServerLoad;

export const actions = {
	preview: async (event) => {
		const { claims } = requireRole(event, ['operator'], 'Operator only');
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { error: msg('counseling_import_err_no_file') });
		if (file.size > MAX_BYTES) return fail(400, { error: msg('counseling_import_err_file_too_large') });
		const csv = decodeCsv(new Uint8Array(await file.arrayBuffer()));
		const parsed = parseCenters(csv);
		if (!parsed.ok) return fail(400, { error: parsed.error, missing: parsed.missing ?? ([] as string[]) });
		const rows = await withUser(claims, (tx) => centerImport.preview(tx, parsed.rows));
		return { preview: rows, csv, fileName: file.name };
	},
	import: async (event) => {
		const { claims } = requireRole(event, ['operator'], 'Operator only');
		const value = (await event.request.formData()).get('csv');
		const csv = typeof value === 'string' ? value : '';
		if (csv.length > MAX_BYTES * 2) return fail(400, { error: msg('counseling_import_err_file_too_large') });
		const parsed = parseCenters(csv);
		if (!parsed.ok) return fail(400, { error: parsed.error, missing: parsed.missing ?? ([] as string[]) });
		const result = await withUser(claims, (tx) => centerImport.apply(tx, parsed.rows));
		if (!result.ok) return fail(400, { error: `counseling_import_err_${result.error}`, preview: result.rows, csv });
		return { done: { created: result.created, updated: result.updated, unchanged: result.unchanged } };
	}
} satisfies Actions;
