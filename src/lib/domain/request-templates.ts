// Per-trade request-for-quote templates (DOMAIN.md, "Practices of the trade"): requests that lack the
// facts a trade quotes on get no quotes, so each template asks for those facts and `completeness`
// says what is still missing before posting. Pure data and functions: shared by server and browser.
// Labels, hints and errors are Paraglide message keys; the UI translates them.
import { z } from 'zod';
import { latField, lngField } from './point-fields';
import { optionalWon } from '$lib/forms/money';
import type { MessageKey } from '$lib/i18n';
import { msg } from '$lib/msg';

export const TEMPLATE_IDS = ['jewelry', 'shoes', 'machine_metal', 'printing', 'general'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type FieldKind = 'text' | 'number' | 'select' | 'multiselect' | 'boolean';

export interface FieldOption {
	/** Stored in the request's details; stable, never shown. */
	value: string;
	/** Message key `request_option_<template>_<field>_<value>`. */
	label: MessageKey;
	/** The workshop process this choice implies, in the Korean trade word workshops list (for matching). */
	process?: string;
}

export interface TemplateField {
	key: string;
	kind: FieldKind;
	/** Quotes depend on it: counted by `completeness`, never enforced by the schema (drafts are kept). */
	required: boolean;
	/** Message key `request_field_<template>_<key>`. */
	label: MessageKey;
	/** Message key `request_hint_<template>_<key>` (example answer, unit). */
	hint: MessageKey;
	options?: readonly FieldOption[];
	/** Text: maximum length; number: maximum value. */
	max: number;
	/** Only asked (and only counted) when another field has one of these values: karat for gold. */
	when?: { key: string; values: readonly string[] };
}

export interface RequestTemplate {
	id: TemplateId;
	/** Message key `request_template_<id>`. */
	label: MessageKey;
	fields: readonly TemplateField[];
	/**
	 * The request's common `quantity` under this trade's word (pairs of shoes, copies of print):
	 * one stored number, so quantity is never asked twice.
	 */
	quantity: { key: string; label: MessageKey; hint: MessageKey };
	/** KSIC code prefixes of the trades that make this (workshop code starts with one of them). */
	tradeCodes: readonly string[];
	/** Processes any request of this trade needs, whatever the details say. */
	processes: readonly string[];
}

const TEXT_MAX = 200;

/**
 * A key named after a template, a field and a choice: the names are data, so the compiler cannot see the
 * key whole; request-messages.test.ts checks every one (TEMPLATE_MESSAGE_KEYS) in Korean and English.
 */
const templateKey = (key: `request_${'field' | 'hint' | 'option'}_${TemplateId}_${string}`) => key as MessageKey;

type Choice = Omit<FieldOption, 'label'>;

function field(
	template: TemplateId,
	key: string,
	kind: FieldKind,
	required: boolean,
	{ options: choices, ...extra }: Omit<Partial<TemplateField>, 'options'> & { options?: readonly Choice[] } = {}
): TemplateField {
	const options = choices?.map((o) => ({ ...o, label: templateKey(`request_option_${template}_${key}_${o.value}`) }));
	return {
		key,
		kind,
		required,
		label: templateKey(`request_field_${template}_${key}`),
		hint: templateKey(`request_hint_${template}_${key}`),
		max: TEXT_MAX,
		...extra,
		...(options ? { options } : {})
	};
}

/** Options without their label keys, which `field` derives. */
const opts = (...list: Array<[value: string, process?: string]>): Choice[] =>
	list.map(([value, process]) => ({ value, ...(process ? { process } : {}) }));

function template(
	id: TemplateId,
	quantityKey: string,
	tradeCodes: string[],
	processes: string[],
	fields: TemplateField[]
): RequestTemplate {
	return {
		id,
		label: `request_template_${id}` as const,
		fields,
		quantity: {
			key: quantityKey,
			label: templateKey(`request_field_${id}_${quantityKey}`),
			hint: templateKey(`request_hint_${id}_${quantityKey}`)
		},
		tradeCodes,
		processes
	};
}

export const TEMPLATES: Readonly<Record<TemplateId, RequestTemplate>> = Object.freeze({
	jewelry: template(
		'jewelry',
		'quantity',
		['3311', '3312'],
		[],
		[
			field('jewelry', 'metal', 'select', true, { options: opts(['gold'], ['silver'], ['platinum'], ['other']) }),
			field('jewelry', 'karat', 'select', true, {
				options: opts(['10k'], ['14k'], ['18k'], ['24k'], ['other']),
				when: { key: 'metal', values: ['gold'] }
			}),
			field('jewelry', 'stones', 'text', true),
			field('jewelry', 'setting', 'select', false, {
				options: opts(['prong', '세팅'], ['bezel', '세팅'], ['pave', '세팅'], ['channel', '세팅'], ['none'], ['other', '세팅'])
			})
		]
	),
	shoes: template(
		'shoes',
		'pairs',
		['152', '151'],
		['제갑', '저부'],
		[
			field('shoes', 'last', 'select', true, { options: opts(['workshop'], ['supplied'], ['custom', '라스트']) }),
			field('shoes', 'leather', 'multiselect', true, {
				options: opts(['cowhide'], ['calf'], ['suede'], ['sheepskin'], ['synthetic'], ['other'])
			}),
			field('shoes', 'sizes', 'text', true),
			field('shoes', 'sample_first', 'boolean', false)
		]
	),
	machine_metal: template(
		'machine_metal',
		'quantity',
		['25', '29'],
		[],
		[
			field('machine_metal', 'material', 'text', true),
			field('machine_metal', 'tolerance', 'text', true, { max: 100 }),
			field('machine_metal', 'process', 'multiselect', true, {
				options: opts(
					['cnc_turning', 'CNC 선반'],
					['milling', '밀링'],
					['welding', '용접'],
					['sheet_metal', '판금'],
					['laser', '레이저'],
					['other']
				)
			}),
			field('machine_metal', 'drawing', 'select', true, { options: opts(['2d'], ['3d'], ['sketch'], ['none']) })
		]
	),
	printing: template(
		'printing',
		'copies',
		['181'],
		['인쇄'],
		[
			field('printing', 'paper', 'text', true),
			field('printing', 'size', 'text', true, { max: 100 }),
			field('printing', 'colours', 'select', true, { options: opts(['4_4'], ['4_0'], ['1_1'], ['1_0'], ['spot']) }),
			field('printing', 'finish', 'multiselect', true, {
				options: opts(
					['coating', '코팅'],
					['foil', '박'],
					['emboss', '형압'],
					['thomson', '톰슨'],
					['matte', '코팅'],
					['gloss', '코팅'],
					['spot_uv', 'UV'],
					['none']
				)
			}),
			field('printing', 'pages', 'number', false, { max: 2000 }),
			field('printing', 'proof', 'boolean', false)
		]
	),
	general: template(
		'general',
		'quantity',
		[],
		[],
		[field('general', 'what', 'text', true, { max: 500 }), field('general', 'material', 'text', false)]
	)
});

export function isTemplateId(value: unknown): value is TemplateId {
	return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

/** Whether a workshop's KSIC code belongs to one of the trades (prefixes: '25' covers 259 and 2511). */
export function tradeMatches(code: string, prefixes: readonly string[]): boolean {
	for (const prefix of prefixes) if (code.startsWith(prefix)) return true;
	return false;
}

/** The template a trade's requests use; trades without their own template use the general one. */
export function templateForTrade(code: string): TemplateId {
	for (const id of TEMPLATE_IDS) if (tradeMatches(code, TEMPLATES[id].tradeCodes)) return id;
	return 'general';
}

export type DetailValue = string | number | boolean | string[];
export type Details = Record<string, DetailValue | undefined>;

/** Whether a field is asked, given the other answers (karat only for gold). */
export function fieldApplies(f: TemplateField, details: Readonly<Record<string, unknown>>): boolean {
	if (!f.when) return true;
	const other = details[f.when.key];
	return typeof other === 'string' && f.when.values.includes(other);
}

/** Processes the template and the chosen options imply, deduplicated: a starting point for required_processes. */
export function suggestedProcesses(id: TemplateId, details: Readonly<Record<string, unknown>>): string[] {
	const t = TEMPLATES[id];
	const found = new Set(t.processes);
	for (const f of t.fields) {
		if (!f.options || !fieldApplies(f, details)) continue;
		const value = details[f.key];
		const chosen = Array.isArray(value) ? value : [value];
		for (const option of f.options) if (option.process && chosen.includes(option.value)) found.add(option.process);
	}
	return [...found];
}

// ---------------------------------------------------------------- dates, in Korea

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000; // KST is UTC+9 all year (no daylight saving)
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in Korea at that instant, 'YYYY-MM-DD': a server in UTC is a day behind before 09:00 KST. */
export function seoulDate(at: Date): string {
	return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Whole days from today (in Korea) to an ISO date: 0 on the day itself, negative once past. */
export function daysUntil(isoDate: string, today: Date): number {
	return Math.round((Date.parse(isoDate) - Date.parse(seoulDate(today))) / DAY_MS);
}

// ---------------------------------------------------------------- schemas (errors are message keys)

export const MAX_QUANTITY = 10_000_000;
/** 1 trillion won: far above any craftsman order, low enough to stay an exact integer. */
export const MAX_BUDGET_KRW = 1_000_000_000_000;

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Form strings to numbers: '1,500,000원' → 1500000; '' → undefined; not a number → left for zod to refuse. */
function formNumber(v: unknown): unknown {
	if (typeof v !== 'string') return v ?? undefined;
	const s = v.replace(/[\s,원₩]/g, '');
	if (s === '') return undefined;
	const n = Number(s);
	return Number.isNaN(n) ? v : n;
}

function formBoolean(v: unknown): unknown {
	if (blank(v)) return undefined;
	if (v === 'on' || v === 'true' || v === '1') return true;
	if (v === 'off' || v === 'false' || v === '0') return false;
	return v;
}

/** A form sends one value or several; empty ones are dropped and repeats removed. */
function formList(v: unknown): unknown {
	if (blank(v)) return [];
	const list: unknown[] = Array.isArray(v) ? v : [v];
	return [...new Set(list.filter((x) => !blank(x)).map((x) => (typeof x === 'string' ? x.trim() : x)))];
}

const emptyToUndefined = (v: unknown) => (blank(v) ? undefined : v);

function fieldSchema(f: TemplateField): z.ZodType<DetailValue | undefined> {
	const values = (f.options ?? []).map((o) => o.value) as [string, ...string[]];
	switch (f.kind) {
		case 'text':
			return z.preprocess(
				emptyToUndefined,
				z
					.string({ error: msg('err_invalid') })
					.trim()
					.max(f.max, msg('err_too_long'))
					.optional()
			);
		case 'number':
			return z.preprocess(
				formNumber,
				z
					.number({ error: msg('err_number') })
					.int(msg('err_integer'))
					.min(1, msg('err_min_1'))
					.max(f.max, msg('err_too_large'))
					.optional()
			);
		case 'select':
			return z.preprocess(emptyToUndefined, z.enum(values, { error: msg('err_option') }).optional());
		case 'multiselect':
			return z.preprocess(formList, z.array(z.enum(values, { error: msg('err_option') })).max(values.length, msg('err_list_too_many')));
		case 'boolean':
			return z.preprocess(formBoolean, z.boolean({ error: msg('err_invalid') }).optional());
	}
}

/** The details of one template, keyed by field; unknown keys are dropped, every field may still be empty. */
export function detailsSchema(id: TemplateId) {
	const shape: Record<string, z.ZodType<DetailValue | undefined>> = {};
	for (const f of TEMPLATES[id].fields) shape[f.key] = fieldSchema(f);
	return z.object(shape);
}

const optionalInt = (min: number, max: number, minError: string) =>
	z.preprocess(
		(v) => formNumber(v) ?? null,
		z
			.number({ error: msg('err_number') })
			.int(msg('err_integer'))
			.min(min, minError)
			.max(max, msg('err_too_large'))
			.nullable()
	);

/**
 * The request form of one template. Drafts are kept, so facts that decide quotes (quantity, budget,
 * deadline, template details) may be empty here; `completeness` reports them. `today` is the current
 * instant; the deadline is compared with today's date in Korea.
 */
export function requestSchemaFor<T extends TemplateId>(id: T, today: Date) {
	const todayIso = seoulDate(today);
	return z
		.object({
			title: z
				.string({ error: msg('err_required') })
				.trim()
				.min(4, msg('err_too_short'))
				.max(120, msg('err_too_long')),
			description: z
				.string({ error: msg('err_invalid') })
				.trim()
				.max(4000, msg('err_too_long'))
				.default(''),
			template: z.literal(id, { error: msg('err_template') }),
			details: detailsSchema(id),
			quantity: optionalInt(1, MAX_QUANTITY, msg('err_min_1')),
			budget_min_krw: optionalWon(0, MAX_BUDGET_KRW, msg('err_min_0')),
			budget_max_krw: optionalWon(0, MAX_BUDGET_KRW, msg('err_min_0')),
			deadline: z.preprocess(
				(v) => (blank(v) ? null : v),
				z
					.string({ error: msg('err_date') })
					.superRefine((d, ctx) => {
						if (!isIsoDate(d)) ctx.addIssue({ code: 'custom', message: msg('err_date') });
						else if (d < todayIso) ctx.addIssue({ code: 'custom', message: msg('err_deadline_past') });
					})
					.nullable()
			),
			delivery_place: z
				.string({ error: msg('err_invalid') })
				.trim()
				.max(200, msg('err_too_long'))
				.default(''),
			// The delivery place's point (picked on the map, or found from delivery_place on the server).
			lat: latField.default(null),
			lng: lngField.default(null),
			visibility: z.enum(['public', 'invited'], { error: msg('err_option') }).default('public'),
			nda_required: z.preprocess((v) => formBoolean(v) ?? false, z.boolean({ error: msg('err_invalid') })),
			nda_text: z
				.string({ error: msg('err_invalid') })
				.trim()
				.max(5000, msg('err_nda_text'))
				.default(''),
			required_processes: z.preprocess(
				formList,
				z.array(z.string({ error: msg('err_invalid') }).max(60, msg('err_list_item_too_long'))).max(10, msg('err_list_too_many'))
			)
		})
		.superRefine((r, ctx) => {
			// Field errors above do not stop these, so the person sees every problem at once.
			if (typeof r.budget_min_krw === 'number' && typeof r.budget_max_krw === 'number' && r.budget_min_krw > r.budget_max_krw) {
				ctx.addIssue({ code: 'custom', message: msg('err_budget_order'), path: ['budget_max_krw'] });
			}
			if (r.nda_required === true && (typeof r.nda_text !== 'string' || r.nda_text.length < 20)) {
				ctx.addIssue({ code: 'custom', message: msg('err_nda_text'), path: ['nda_text'] });
			}
		});
}

/** Any template's request: the `template` field picks the details schema. */
export function requestSchema(today: Date) {
	const [first, ...rest] = TEMPLATE_IDS.map((id) => requestSchemaFor(id, today));
	return z.discriminatedUnion('template', [first, ...rest], { error: msg('err_template') });
}

export type RequestInput = z.infer<ReturnType<typeof requestSchemaFor>>;

// ---------------------------------------------------------------- completeness

/** What `completeness` looks at: a draft as stored, or the form while being typed. */
export interface RequestDraft {
	description?: string | null;
	details?: Readonly<Record<string, unknown>> | null;
	quantity?: number | null;
	budget_min_krw?: number | null;
	budget_max_krw?: number | null;
	deadline?: string | null;
	delivery_place?: string | null;
	/** Drawings, CAD files, PDFs uploaded with the request. */
	attachment_count?: number | null;
}

export interface Completeness {
	percent: number;
	/** In form order; `key` is the form path, `label` a message key. */
	missing: Array<{ key: string; label: MessageKey }>;
}

/** A description shorter than this rarely says what the part is for, so workshops pass. */
export const MIN_USEFUL_DESCRIPTION = 30;

/**
 * Weights of the facts RFQ platforms find decide whether a request gets quotes. The template's
 * required fields share TEMPLATE_FIELDS_WEIGHT; a drawing only counts for machine-metal work, where
 * nobody quotes a part without one.
 */
export const COMPLETENESS_WEIGHTS = Object.freeze({
	template_fields: 40,
	quantity: 15,
	description: 10,
	budget: 10,
	deadline: 10,
	delivery_place: 5,
	drawing: 10
});

function answered(f: TemplateField, value: unknown): boolean {
	switch (f.kind) {
		case 'text':
		case 'select':
			return typeof value === 'string' && value.trim() !== '';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'multiselect':
			return Array.isArray(value) && value.length > 0;
		case 'boolean':
			return typeof value === 'boolean';
	}
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

export function completeness(id: TemplateId, request: RequestDraft): Completeness {
	const t = TEMPLATES[id];
	const details = request.details ?? {};
	const items: Array<{ key: string; label: MessageKey; weight: number; ok: boolean }> = [];
	const required = t.fields.filter((f) => f.required && fieldApplies(f, details));
	for (const f of required) {
		items.push({
			key: `details.${f.key}`,
			label: f.label,
			weight: COMPLETENESS_WEIGHTS.template_fields / required.length,
			ok: answered(f, details[f.key])
		});
	}
	const w = COMPLETENESS_WEIGHTS;
	const quantity = request.quantity;
	items.push(
		{ key: 'quantity', label: t.quantity.label, weight: w.quantity, ok: typeof quantity === 'number' && quantity >= 1 },
		{
			key: 'description',
			label: 'request_missing_description',
			weight: w.description,
			ok: (request.description ?? '').trim().length >= MIN_USEFUL_DESCRIPTION
		},
		{
			key: 'budget_max_krw',
			label: 'request_field_budget',
			weight: w.budget,
			ok: request.budget_max_krw != null || request.budget_min_krw != null
		},
		{ key: 'deadline', label: 'request_field_deadline', weight: w.deadline, ok: filled(request.deadline) },
		{ key: 'delivery_place', label: 'request_field_delivery_place', weight: w.delivery_place, ok: filled(request.delivery_place) }
	);
	if (id === 'machine_metal') {
		items.push({ key: 'attachments', label: 'request_missing_drawing', weight: w.drawing, ok: (request.attachment_count ?? 0) > 0 });
	}
	let total = 0;
	let have = 0;
	for (const item of items) {
		total += item.weight;
		if (item.ok) have += item.weight;
	}
	const missing = items.filter((i) => !i.ok).map(({ key, label }) => ({ key, label }));
	// Rounded down, and 100 only when nothing is missing, so a full meter always means ready.
	const percent = missing.length === 0 ? 100 : Math.min(99, Math.floor((have * 100) / total + 1e-9));
	return { percent, missing };
}

// ---------------------------------------------------------------- message keys the UI must provide

/** Every label, hint and option key the templates use: a test checks them against messages/*.json. */
export const TEMPLATE_MESSAGE_KEYS: readonly string[] = Object.freeze(
	TEMPLATE_IDS.flatMap((id) => {
		const t = TEMPLATES[id];
		return [
			t.label,
			...t.fields.flatMap((f) => [f.label, f.hint, ...(f.options ?? []).map((o) => o.label)]),
			t.quantity.label,
			t.quantity.hint
		];
	})
);

/** Labels `completeness` uses besides the template's own. */
export const COMPLETENESS_MESSAGE_KEYS = Object.freeze([
	'request_missing_description',
	'request_field_budget',
	'request_field_deadline',
	'request_field_delivery_place',
	'request_missing_drawing'
] as const);

/** Errors the request schemas can give. */
export const REQUEST_ERROR_KEYS = Object.freeze([
	msg('err_required'),
	msg('err_invalid'),
	msg('err_too_short'),
	msg('err_too_long'),
	msg('err_number'),
	msg('err_integer'),
	msg('err_min_0'),
	msg('err_min_1'),
	msg('err_too_large'),
	msg('err_option'),
	msg('err_template'),
	msg('err_date'),
	msg('err_deadline_past'),
	msg('err_budget_order'),
	msg('err_nda_text'),
	msg('err_list_too_many'),
	msg('err_list_item_too_long')
] as const);
