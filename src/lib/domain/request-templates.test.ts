import { describe, expect, it } from 'vitest';
import {
	COMPLETENESS_MESSAGE_KEYS,
	TEMPLATE_IDS,
	TEMPLATE_MESSAGE_KEYS,
	TEMPLATES,
	completeness,
	daysUntil,
	detailsSchema,
	isIsoDate,
	requestSchema,
	requestSchemaFor,
	seoulDate,
	suggestedProcesses,
	templateForTrade,
	type RequestDraft,
	type TemplateId
} from './request-templates';

/** 12:00 in Korea on 27 November 2026. */
const today = new Date('2026-11-27T03:00:00Z');

/** Field path → message key of every issue, for compact expectations. */
function errors(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('templates', () => {
	it.each<[TemplateId, string[], string]>([
		['jewelry', ['metal', 'karat', 'stones', 'setting'], 'quantity'],
		['shoes', ['last', 'leather', 'sizes', 'sample_first'], 'pairs'],
		['machine_metal', ['material', 'tolerance', 'process', 'drawing'], 'quantity'],
		['printing', ['paper', 'size', 'colours', 'finish', 'pages', 'proof'], 'copies'],
		['general', ['what', 'material'], 'quantity']
	])('%s asks for %j and calls the quantity %s', (id, keys, quantityKey) => {
		expect(TEMPLATES[id].fields.map((f) => f.key)).toEqual(keys);
		expect(TEMPLATES[id].quantity.key).toBe(quantityKey);
	});

	it.each<[TemplateId, string, string[]]>([
		['jewelry', 'karat', ['10k', '14k', '18k', '24k', 'other']],
		['jewelry', 'metal', ['gold', 'silver', 'platinum', 'other']],
		['machine_metal', 'process', ['cnc_turning', 'milling', 'welding', 'sheet_metal', 'laser', 'other']],
		['printing', 'finish', ['coating', 'foil', 'emboss', 'thomson', 'matte', 'gloss', 'spot_uv', 'none']]
	])('%s.%s offers %j', (id, key, values) => {
		expect(TEMPLATES[id].fields.find((f) => f.key === key)?.options?.map((o) => o.value)).toEqual(values);
	});

	it('names every label, hint and option by template and field', () => {
		for (const id of TEMPLATE_IDS) {
			for (const f of TEMPLATES[id].fields) {
				expect(f.label).toBe(`request_field_${id}_${f.key}`);
				expect(f.hint).toBe(`request_hint_${id}_${f.key}`);
				for (const o of f.options ?? []) expect(o.label).toBe(`request_option_${id}_${f.key}_${o.value}`);
			}
		}
	});

	it('lists each message key once, quantity labels and template names included', () => {
		expect(new Set(TEMPLATE_MESSAGE_KEYS).size).toBe(TEMPLATE_MESSAGE_KEYS.length);
		expect(TEMPLATE_MESSAGE_KEYS).toEqual(
			expect.arrayContaining(['request_template_shoes', 'request_field_shoes_pairs', 'request_hint_printing_copies'])
		);
		for (const key of [...TEMPLATE_MESSAGE_KEYS, ...COMPLETENESS_MESSAGE_KEYS]) expect(key).toMatch(/^[a-z0-9_]+$/);
	});
});

describe('templateForTrade', () => {
	it.each([
		['3311', 'jewelry'],
		['3312', 'jewelry'],
		['152', 'shoes'],
		['151', 'shoes'],
		['25', 'machine_metal'],
		['259', 'machine_metal'],
		['2511', 'machine_metal'],
		['29', 'machine_metal'],
		['181', 'printing'],
		['1811', 'printing'],
		['1071', 'general'],
		['320', 'general'],
		['222', 'general'],
		// a prefix of a template's code is a different, broader trade
		['2', 'general'],
		['33', 'general']
	])('KSIC %s → %s', (code, expected) => {
		expect(templateForTrade(code)).toBe(expected);
	});
});

describe('suggestedProcesses', () => {
	it.each<[TemplateId, Record<string, unknown>, string[]]>([
		['machine_metal', { process: ['cnc_turning', 'welding', 'other'] }, ['CNC 선반', '용접']],
		['machine_metal', {}, []],
		['printing', { finish: ['foil', 'matte', 'gloss'] }, ['인쇄', '박', '코팅']],
		['jewelry', { setting: 'prong' }, ['세팅']],
		['jewelry', { setting: 'none' }, []],
		['shoes', { last: 'custom' }, ['제갑', '저부', '라스트']],
		['general', { what: '알루미늄 케이스' }, []]
	])('%s %j → %j', (id, details, expected) => {
		expect(suggestedProcesses(id, details)).toEqual(expected);
	});
});

describe('dates in Korea', () => {
	it.each([
		['2026-11-27T03:00:00Z', '2026-11-27'],
		// 23:59 UTC is already 08:59 the next morning in Seoul
		['2026-11-27T23:59:00Z', '2026-11-28'],
		['2026-11-27T14:59:59Z', '2026-11-27'],
		['2026-11-27T15:00:00Z', '2026-11-28']
	])('%s is %s in Seoul', (instant, date) => {
		expect(seoulDate(new Date(instant))).toBe(date);
	});

	it.each([
		['2026-11-27', 0],
		['2026-12-07', 10],
		['2026-11-26', -1],
		['2027-01-01', 35]
	])('%s is %i days away', (date, days) => {
		expect(daysUntil(date, today)).toBe(days);
	});

	it.each([
		['2026-02-28', true],
		['2028-02-29', true],
		['2026-02-29', false],
		['2026-13-01', false],
		['2026-1-5', false],
		['tomorrow', false]
	])('%s is a date: %s', (value, valid) => {
		expect(isIsoDate(value)).toBe(valid);
	});
});

describe('detailsSchema', () => {
	it.each<[TemplateId, Record<string, unknown>, Record<string, unknown>]>([
		// form strings become numbers and booleans; empty answers disappear
		[
			'printing',
			{ pages: '48', proof: 'on', paper: ' 아트지 150g ', size: '' },
			{ pages: 48, proof: true, paper: '아트지 150g', finish: [] }
		],
		['printing', { pages: '1,200' }, { pages: 1200, finish: [] }],
		['printing', { proof: 'false' }, { proof: false, finish: [] }],
		// one checkbox sends a string, several send an array; repeats are dropped
		['printing', { finish: 'foil' }, { finish: ['foil'] }],
		['machine_metal', { process: ['milling', 'milling', 'welding'] }, { process: ['milling', 'welding'] }],
		// keys the template does not have are dropped
		['general', { what: '브래킷', karat: '18k' }, { what: '브래킷' }],
		['jewelry', { metal: 'gold', karat: '18k', setting: '' }, { metal: 'gold', karat: '18k' }]
	])('%s %j → %j', (id, input, output) => {
		const result = detailsSchema(id).safeParse(input);
		expect(result.success && result.data).toEqual(output);
	});

	it.each<[TemplateId, Record<string, unknown>, Record<string, string>]>([
		['printing', { pages: 'many' }, { pages: 'err_number' }],
		['printing', { pages: '2.5' }, { pages: 'err_integer' }],
		['printing', { pages: '0' }, { pages: 'err_min_1' }],
		['printing', { pages: '5000' }, { pages: 'err_too_large' }],
		['printing', { proof: 'maybe' }, { proof: 'err_invalid' }],
		['jewelry', { karat: '9k' }, { karat: 'err_option' }],
		['machine_metal', { process: ['foil'] }, { 'process.0': 'err_option' }],
		['machine_metal', { tolerance: 'x'.repeat(101) }, { tolerance: 'err_too_long' }],
		['general', { what: 42 }, { what: 'err_invalid' }]
	])('%s %j is refused: %j', (id, input, expected) => {
		expect(errors(detailsSchema(id).safeParse(input))).toEqual(expected);
	});
});

describe('requestSchema', () => {
	const valid = {
		title: '알루미늄 브래킷 시제품',
		description: 'IoT 센서 하우징에 들어가는 브래킷입니다. 도면 첨부합니다.',
		template: 'machine_metal',
		details: { material: 'AL6061-T6', tolerance: '±0.05 mm', process: ['cnc_turning', 'milling'], drawing: '3d' },
		quantity: '200',
		budget_min_krw: '1,500,000',
		budget_max_krw: '3000000',
		deadline: '2026-12-20',
		delivery_place: '서울 구로구 디지털로 300',
		visibility: 'invited',
		nda_required: 'on',
		nda_text: '본 도면과 사양은 견적 목적으로만 사용하며 제3자에게 공개하지 않습니다.',
		required_processes: ['CNC 선반', ' 밀링 ', '', '밀링']
	};

	it('accepts a complete request and gives integer won, booleans and clean lists', () => {
		const result = requestSchema(today).safeParse(valid);
		expect(result.success).toBe(true);
		expect(result.data).toMatchObject({
			quantity: 200,
			budget_min_krw: 1_500_000,
			budget_max_krw: 3_000_000,
			nda_required: true,
			visibility: 'invited',
			required_processes: ['CNC 선반', '밀링'],
			details: { process: ['cnc_turning', 'milling'] }
		});
	});

	it('keeps a draft that says almost nothing yet', () => {
		const result = requestSchema(today).safeParse({ title: '신발 샘플', template: 'shoes', details: {} });
		expect(result.data).toEqual({
			title: '신발 샘플',
			description: '',
			template: 'shoes',
			details: { leather: [] },
			quantity: null,
			budget_min_krw: null,
			budget_max_krw: null,
			deadline: null,
			delivery_place: '',
			lat: null,
			lng: null,
			visibility: 'public',
			nda_required: false,
			nda_text: '',
			required_processes: []
		});
	});

	it('takes a delivery point in Korea only', () => {
		const at = (lat: unknown, lng: unknown) =>
			requestSchema(today).safeParse({ title: '신발 샘플', template: 'shoes', details: {}, lat, lng });
		expect(at(37.5446, 127.0557).data).toMatchObject({ lat: 37.5446, lng: 127.0557 });
		expect(at(35.68, 139.69).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['lng', 'err_lng_korea']]);
	});

	it.each<[string, Record<string, unknown>, Record<string, string>]>([
		['a title of 3 characters', { title: '브래킷' }, { title: 'err_too_short' }],
		['a title over 120 characters', { title: '가'.repeat(121) }, { title: 'err_too_long' }],
		['a description over 4000 characters', { description: 'a'.repeat(4001) }, { description: 'err_too_long' }],
		['no quantity', { quantity: '0' }, { quantity: 'err_min_1' }],
		['a fractional quantity', { quantity: '2.5' }, { quantity: 'err_integer' }],
		['budget min above max', { budget_min_krw: 3_000_000, budget_max_krw: 1_000_000 }, { budget_max_krw: 'err_budget_order' }],
		['a negative budget', { budget_min_krw: -1 }, { budget_min_krw: 'err_min_0' }],
		['a budget in fractions of a won', { budget_max_krw: 1500.5 }, { budget_max_krw: 'err_integer' }],
		['a budget that is not a number', { budget_max_krw: '삼백만' }, { budget_max_krw: 'err_number' }],
		['a deadline yesterday', { deadline: '2026-11-26' }, { deadline: 'err_deadline_past' }],
		['a deadline that is no date', { deadline: '2026-02-30' }, { deadline: 'err_date' }],
		['a delivery place over 200 characters', { delivery_place: 'x'.repeat(201) }, { delivery_place: 'err_too_long' }],
		['an unknown visibility', { visibility: 'secret' }, { visibility: 'err_option' }],
		['an NDA without its text', { nda_text: '' }, { nda_text: 'err_nda_text' }],
		['an NDA text of 19 characters', { nda_text: '가'.repeat(19) }, { nda_text: 'err_nda_text' }],
		[
			'11 required processes',
			{ required_processes: Array.from({ length: 11 }, (_, i) => `공정${i}`) },
			{ required_processes: 'err_list_too_many' }
		],
		['a machine-metal detail from printing', { details: { process: ['foil'] } }, { 'details.process.0': 'err_option' }],
		// every problem is reported at once, the cross-field ones too
		[
			'several problems',
			{ title: 'ab', budget_min_krw: 5, budget_max_krw: 1 },
			{ title: 'err_too_short', budget_max_krw: 'err_budget_order' }
		]
	])('refuses %s', (_label, change, expected) => {
		expect(errors(requestSchema(today).safeParse({ ...valid, ...change }))).toEqual(expected);
	});

	it.each([
		['today', '2026-11-27'],
		['an equal budget range', '2026-12-01']
	])('accepts a deadline of %s', (_label, deadline) => {
		expect(requestSchema(today).safeParse({ ...valid, deadline, budget_min_krw: 1, budget_max_krw: 1 }).success).toBe(true);
	});

	it('compares the deadline with the date in Korea, not on the server', () => {
		// 16:00 UTC on the 27th is 01:00 on the 28th in Seoul: the 27th has passed there
		const lateEvening = new Date('2026-11-27T16:00:00Z');
		expect(errors(requestSchema(lateEvening).safeParse({ ...valid, deadline: '2026-11-27' }))).toEqual({ deadline: 'err_deadline_past' });
	});

	it('needs no NDA text when no NDA is asked for', () => {
		expect(requestSchema(today).safeParse({ ...valid, nda_required: '', nda_text: '' }).data?.nda_required).toBe(false);
	});

	it('refuses an unknown template', () => {
		expect(errors(requestSchema(today).safeParse({ ...valid, template: 'pottery' }))).toEqual({ template: 'err_template' });
	});

	it('has one fixed-shape schema per template for forms', () => {
		const shoes = requestSchemaFor('shoes', today);
		expect(Object.keys(shoes.shape.details.shape)).toEqual(['last', 'leather', 'sizes', 'sample_first']);
		expect(errors(shoes.safeParse({ ...valid, details: {} }))).toEqual({ template: 'err_template' });
	});
});

describe('completeness', () => {
	const machine: RequestDraft = {
		description: 'IoT 센서 하우징에 들어가는 알루미늄 브래킷입니다. 도면 첨부합니다.',
		details: { material: 'AL6061', tolerance: '±0.05', process: ['milling'], drawing: '3d' },
		quantity: 200,
		budget_max_krw: 3_000_000,
		deadline: '2026-12-20',
		delivery_place: '서울 구로구',
		attachment_count: 1
	};

	it.each<[string, TemplateId, RequestDraft, number, string[]]>([
		['a complete machine-metal request', 'machine_metal', machine, 100, []],
		['no drawing attached', 'machine_metal', { ...machine, attachment_count: 0 }, 90, ['attachments']],
		['no tolerance', 'machine_metal', { ...machine, details: { ...machine.details, tolerance: ' ' } }, 90, ['details.tolerance']],
		['no quantity, no budget', 'machine_metal', { ...machine, quantity: null, budget_max_krw: null }, 75, ['quantity', 'budget_max_krw']],
		['only a minimum budget', 'machine_metal', { ...machine, budget_max_krw: null, budget_min_krw: 1_000_000 }, 100, []],
		['a one-line description', 'machine_metal', { ...machine, description: '브래킷 200개' }, 90, ['description']],
		[
			'an empty machine-metal draft',
			'machine_metal',
			{},
			0,
			[
				'details.material',
				'details.tolerance',
				'details.process',
				'details.drawing',
				'quantity',
				'description',
				'budget_max_krw',
				'deadline',
				'delivery_place',
				'attachments'
			]
		],
		// printing needs no drawing: the weights of the remaining facts are scaled to 100
		[
			'printing without finish',
			'printing',
			{ ...machine, details: { paper: '아트지', size: 'A4', colours: '4_4', finish: [] } },
			88,
			['details.finish']
		],
		// karat is asked only for gold
		['silver jewelry', 'jewelry', { ...machine, details: { metal: 'silver', stones: '없음' } }, 100, []],
		['gold without karat', 'jewelry', { ...machine, details: { metal: 'gold', stones: '없음' } }, 85, ['details.karat']],
		[
			'general with only what',
			'general',
			{ details: { what: '가죽 키링' } },
			44,
			['quantity', 'description', 'budget_max_krw', 'deadline', 'delivery_place']
		]
	])('%s', (_label, id, draft, percent, missingKeys) => {
		const result = completeness(id, draft);
		expect(result.percent).toBe(percent);
		expect(result.missing.map((m) => m.key)).toEqual(missingKeys);
	});

	it('labels what is missing with the template’s own words', () => {
		expect(completeness('shoes', {}).missing.slice(0, 4)).toEqual([
			{ key: 'details.last', label: 'request_field_shoes_last' },
			{ key: 'details.leather', label: 'request_field_shoes_leather' },
			{ key: 'details.sizes', label: 'request_field_shoes_sizes' },
			{ key: 'quantity', label: 'request_field_shoes_pairs' }
		]);
	});

	it('never shows 100% while something is missing', () => {
		const almost = completeness('machine_metal', { ...machine, delivery_place: '' });
		expect(almost.percent).toBe(95);
		expect(almost.percent).toBeLessThan(100);
	});
});
