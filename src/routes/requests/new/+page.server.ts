import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { isTemplateId, suggestedProcesses, TEMPLATE_IDS, templateForTrade, type TemplateId } from '$lib/domain/request-templates';
import { productsIn } from '$lib/domain/products';
import { m } from '$lib/paraglide/messages';
import * as companies from '$lib/server/companies';
import { withUser } from '$lib/server/db';
import { ACCEPT } from '$lib/server/request-files';
import { requireRole } from '$lib/server/guards';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';
import { formValues, requestFormSchema } from './schema';
import { submitRequest, switchTemplate } from './submit.server';

const startup = (locals: App.Locals, url: URL) => requireRole({ locals, url }, ['startup'], m.requests_startups_only());

/** Longest title the form takes (request-templates' schema). */
const TITLE_MAX = 120;

/** A first guess at the template from a search query or what the company says it builds; the startup chooses. */
function guessTemplate(builds: string): TemplateId {
	const [named] = productsIn(builds);
	if (named) return templateForTrade(named.product.trades[0]);
	if (/주얼리|귀금속|반지|jewel/i.test(builds)) return 'jewelry';
	if (/신발|수제화|구두|로퍼|shoe/i.test(builds)) return 'shoes';
	if (/인쇄|패키지|라벨|단상자|print|packag/i.test(builds)) return 'printing';
	if (/CNC|가공|금속|판금|용접|브래킷|하우징|machin|metal/i.test(builds)) return 'machine_metal';
	return 'general';
}

export const load = (async ({ locals, url }) => {
	const { user, claims } = startup(locals, url);
	// "Request a quote" on a workshop's page: a request to that workshop, in its trade's template, invited only.
	const target = await withUser(claims, (tx) => workshops.quoteTarget(tx, url.searchParams.get('workshop')));
	if (url.searchParams.has('workshop') && !target) error(404, m.request_quote_target_gone());
	const asked = url.searchParams.get('template');
	const chosen = isTemplateId(asked) ? asked : target ? templateForTrade(target.trade_code) : null;
	// "Post a request" from a search that found nothing: the query becomes the title.
	const title = (url.searchParams.get('title') ?? '').trim().slice(0, TITLE_MAX);
	if (!isTemplateId(chosen)) {
		const company = await withUser(claims, (tx) => companies.ownedBy(tx, user.id));
		return { target, title, template: null, templates: TEMPLATE_IDS, suggested: guessTemplate(title || (company?.builds_ko ?? '')) };
	}
	const defaults = formValues(chosen, null, { nda_text: m.request_nda_default(), required_processes: suggestedProcesses(chosen, {}) });
	if (target) defaults.visibility = 'invited';
	if (title) defaults.title = title;
	return {
		target,
		title,
		template: chosen,
		templates: TEMPLATE_IDS,
		suggested: chosen,
		form: await superValidate(defaults, zod4(requestFormSchema(chosen, new Date())), { errors: false }),
		accept: ACCEPT
	};
}) satisfies PageServerLoad;

/** The template the form was posted as (the page's ?template=, which its actions keep). */
function postedTemplate(url: URL): TemplateId {
	const template = url.searchParams.get('template');
	if (!isTemplateId(template)) error(400, 'template');
	return template;
}

async function submit(request: Request, locals: App.Locals, url: URL, publish: boolean) {
	const { user, claims } = startup(locals, url);
	const template = postedTemplate(url);
	const target = await withUser(claims, (tx) => workshops.quoteTarget(tx, url.searchParams.get('workshop')));
	const result = await submitRequest(request, claims, template, {
		publish,
		existing: null,
		companyOf: async (tx) => (await companies.ownedBy(tx, user.id))?.id ?? null,
		emailConfirmed: user.emailConfirmed,
		invite: target?.id ?? null
	});
	if (!result.ok) return result.response;
	// A draft keeps the workshop to invite in its edit address, so publishing it later still invites it.
	const keep = target ? `&workshop=${encodeURIComponent(target.slug)}` : '';
	redirect(303, publish ? `/requests/${result.id}?published=1` : `/requests/${result.id}/edit?saved=1${keep}`);
}

export const actions = {
	save: ({ request, locals, url }) => submit(request, locals, url, false),
	publish: ({ request, locals, url }) => submit(request, locals, url, true),
	switchTemplate: async ({ request, locals, url }) => {
		startup(locals, url);
		return switchTemplate(request, postedTemplate(url));
	}
} satisfies Actions;
