// The request form as the browser holds it: every field as typed (numbers stay strings such as
// '1,500,000원'), so a mistake elsewhere never wipes what was typed. The domain schema
// (requestSchemaFor) is the one validator: its issues are reported on the form's fields, and the
// server saves its parsed output. Shared by /requests/new and /requests/[id]/edit.
import { z } from 'zod';
import { parseWon } from '$lib/domain/won';
import {
	fieldApplies,
	requestSchemaFor,
	suggestedProcesses,
	TEMPLATES,
	type RequestDraft,
	type RequestInput,
	type TemplateId
} from '$lib/domain/request-templates';
import { msg } from '$lib/msg';

/** Files per request (all uploads together); each file is checked on the server. */
export const MAX_FILES = 20;
/** requests.budget_*_krw are int columns: above this PostgreSQL refuses the number. */
export const MAX_BUDGET_COLUMN_KRW = 2_147_483_647;

/** A template field as typed: text (numbers too), a list of chosen options, or a tick. */
export type DetailFormValue = string | string[] | boolean;

function detailsFormShape(id: TemplateId) {
	const shape: Record<string, z.ZodType<DetailFormValue>> = {};
	for (const f of TEMPLATES[id].fields) {
		shape[f.key] =
			f.kind === 'multiselect'
				? z.array(z.string()).default([])
				: f.kind === 'boolean'
					? z.boolean().default(false)
					: z.string().default('');
	}
	// The keys depend on the template; the form treats them as one record.
	return z.object(shape);
}

/** Processes are typed one per line (or comma-separated). */
export function processList(text: string): string[] {
	return [
		...new Set(
			text
				.split(/[\n,]/)
				.map((s) => s.trim())
				.filter(Boolean)
		)
	];
}

/** A number as typed in the form ('1,500,000원'), or null when blank or not a number. */
export function typedNumber(text: string | undefined | null): number | null {
	const s = (text ?? '').replace(/[\s,원₩]/g, '');
	if (s === '') return null;
	const n = Number(s);
	return Number.isFinite(n) ? n : null;
}

function formShape(id: TemplateId) {
	return {
		template: z.literal(id),
		title: z.string().default(''),
		description: z.string().default(''),
		details: detailsFormShape(id),
		quantity: z.string().default(''),
		budget_min_krw: z.string().default(''),
		budget_max_krw: z.string().default(''),
		deadline: z.string().default(''),
		delivery_place: z.string().default(''),
		/** The delivery place's point: posted by the place picker, else found from delivery_place on save. */
		lat: z.number().nullable().default(null),
		lng: z.number().nullable().default(null),
		visibility: z.enum(['public', 'invited']).default('public'),
		nda_required: z.boolean().default(false),
		nda_text: z.string().default(''),
		required_processes: z.string().default(''),
		attachments: z.array(z.instanceof(File)).default([]),
		/** Made once with the empty form: a second post of the same form (a double click, a retry) finds the request the first made. */
		submission_key: z.string().default('')
	};
}

type FormShape = ReturnType<typeof formShape>;
export type RequestForm = z.infer<z.ZodObject<FormShape>>;

/** What the domain schema parses: the form without its files, processes as a list. */
export function toDomainInput(form: RequestForm): Record<string, unknown> {
	const { attachments: _files, required_processes, ...rest } = form;
	return { ...rest, required_processes: processList(required_processes) };
}

/** The form's schema for one template; `today` decides whether a deadline has passed (in Korea). */
export function requestFormSchema(id: TemplateId, today: Date) {
	const domain = requestSchemaFor(id, today);
	return z.object(formShape(id)).superRefine((form, ctx) => {
		const parsed = domain.safeParse(toDomainInput(form));
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				// A bad item of a list is reported on the list: the form shows one message per field.
				const path = issue.path[0] === 'details' ? issue.path.slice(0, 2) : issue.path.slice(0, 1);
				ctx.addIssue({ code: 'custom', message: issue.message, path });
			}
		}
		for (const key of ['budget_min_krw', 'budget_max_krw'] as const) {
			const n = parseWon(form[key]);
			if (n !== null && n > MAX_BUDGET_COLUMN_KRW)
				ctx.addIssue({ code: 'custom', message: msg('request_err_budget_too_large'), path: [key] });
		}
	});
}

/** The domain's parsed request, once the form is valid; answers to fields that do not apply are dropped. */
export function parseRequest(id: TemplateId, today: Date, form: RequestForm): RequestInput {
	const input = requestSchemaFor(id, today).parse(toDomainInput(form));
	return { ...input, details: applicableDetails(id, input.details) as RequestInput['details'] };
}

/** What `completeness` reads, from the form as typed (the meter runs in the browser and on the server). */
export function draftOf(id: TemplateId, form: RequestForm, attachmentCount: number): RequestDraft {
	const details: Record<string, unknown> = { ...form.details };
	for (const f of TEMPLATES[id].fields) if (f.kind === 'number') details[f.key] = typedNumber(details[f.key] as string);
	return {
		description: form.description,
		details,
		quantity: typedNumber(form.quantity),
		budget_min_krw: form.budget_min_krw.trim() ? parseWon(form.budget_min_krw) : null,
		budget_max_krw: form.budget_max_krw.trim() ? parseWon(form.budget_max_krw) : null,
		deadline: form.deadline || null,
		delivery_place: form.delivery_place,
		attachment_count: attachmentCount
	};
}

/** A stored request (or nothing yet) as the form shows it. */
export function formValues(
	id: TemplateId,
	stored: {
		title: string;
		description: string;
		details: Record<string, unknown>;
		quantity: number | null;
		budget_min_krw: number | null;
		budget_max_krw: number | null;
		deadline: string | null;
		delivery_place: string;
		lat: number | null;
		lng: number | null;
		visibility: 'public' | 'invited';
		nda_required: boolean;
		nda_text: string | null;
		required_processes: string[];
	} | null,
	defaults: { nda_text: string; required_processes: string[] }
): RequestForm {
	const details: Record<string, DetailFormValue> = {};
	for (const f of TEMPLATES[id].fields) {
		const v = stored?.details[f.key];
		details[f.key] =
			f.kind === 'multiselect'
				? Array.isArray(v)
					? v.map(String)
					: []
				: f.kind === 'boolean'
					? v === true
					: typeof v === 'string' || typeof v === 'number'
						? String(v)
						: '';
	}
	const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
	return {
		template: id,
		title: stored?.title ?? '',
		description: stored?.description ?? '',
		details,
		quantity: text(stored?.quantity),
		budget_min_krw: text(stored?.budget_min_krw),
		budget_max_krw: text(stored?.budget_max_krw),
		deadline: stored?.deadline ?? '',
		delivery_place: stored?.delivery_place ?? '',
		// Without a delivery place the stored point is the company's (the database copies it): not picked.
		lat: stored?.delivery_place ? stored.lat : null,
		lng: stored?.delivery_place ? stored.lng : null,
		visibility: stored?.visibility ?? 'public',
		nda_required: stored?.nda_required ?? false,
		nda_text: stored?.nda_text || defaults.nda_text,
		required_processes: (stored ? stored.required_processes : defaults.required_processes).join('\n'),
		attachments: [],
		submission_key: stored ? '' : crypto.randomUUID()
	};
}

/**
 * The template's fields as a form without JavaScript posts them: `details.<key>` once per value (a
 * ticked option of a multiselect each, a boolean's box only when ticked). With JavaScript the form's
 * JSON carries the details instead.
 */
export function detailsFromFormData(id: TemplateId, data: FormData): Record<string, DetailFormValue> {
	const details: Record<string, DetailFormValue> = {};
	for (const f of TEMPLATES[id].fields) {
		const values = data.getAll(`details.${f.key}`).filter((v): v is string => typeof v === 'string');
		details[f.key] =
			f.kind === 'multiselect' ? values : f.kind === 'boolean' ? values.some((v) => v === 'on' || v === 'true') : (values.at(-1) ?? '');
	}
	return details;
}

/**
 * The form moved to another template, keeping everything typed: the common fields as they are, and the
 * template fields both templates ask the same way (a material, say). Processes that still follow the
 * old template's suggestion follow the new one's; edited ones are kept.
 */
export function carryOver(from: TemplateId, to: TemplateId, typed: RequestForm, defaults: { nda_text: string }): RequestForm {
	const next = formValues(to, null, { nda_text: defaults.nda_text, required_processes: [] });
	const oldFields = new Map(TEMPLATES[from].fields.map((f) => [f.key, f]));
	for (const f of TEMPLATES[to].fields) {
		const old = oldFields.get(f.key);
		const value = typed.details[f.key];
		if (!old || old.kind !== f.kind || value === undefined) continue;
		const options = new Set((f.options ?? []).map((o) => o.value));
		if (f.kind === 'multiselect' && Array.isArray(value)) next.details[f.key] = value.filter((v) => options.has(v));
		else if (f.kind === 'select' && typeof value === 'string') next.details[f.key] = options.has(value) ? value : '';
		else next.details[f.key] = value;
	}
	const followed = processList(typed.required_processes).join('\n') === suggestedProcesses(from, typed.details).join('\n');
	return {
		...typed,
		template: to,
		details: next.details,
		required_processes: followed ? suggestedProcesses(to, next.details).join('\n') : typed.required_processes,
		attachments: []
	};
}

/**
 * Processes follow the template's choices until the person edits them. Without JavaScript the page
 * cannot follow as they choose, so it posts the suggestion it showed: processes still equal to it
 * become the suggestion for the answers posted.
 */
export function followSuggestion(id: TemplateId, typed: string, shown: string, details: Record<string, unknown>): string {
	const same = processList(typed).join('\n') === processList(shown).join('\n');
	return same ? suggestedProcesses(id, details).join('\n') : typed;
}

/** What the template's `when` rules leave: a karat typed for gold and kept after choosing silver is dropped. */
export function applicableDetails(id: TemplateId, details: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(details).filter(([key]) => {
			const f = TEMPLATES[id].fields.find((x) => x.key === key);
			return !f || fieldApplies(f, details);
		})
	);
}
