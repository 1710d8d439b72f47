// Member import for a cluster's managers: upload a roster (CSV/XLSX) → match its columns (a GET form,
// so it works without JavaScript) → the dry run's report row by row → import, all or nothing. Below,
// the imported members who have not signed up yet, with an email invitation or a printed claim code.
import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { fileProblems, formatClaimCode, guessMapping, type CheckedRow, type Mapping } from '$lib/domain/roster';
import { m } from '$lib/paraglide/messages';
import { config } from '$lib/server/config';
import { withUser, type Tx } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as memberships from '$lib/server/memberships';
import { mail } from '$lib/server/ports';
import * as roster from '$lib/server/roster';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { inviteSchema, mappingFrom, uploadSchema } from './schema';

const PER_PAGE = 50;
/** Rows with problems shown in the report; the rest are counted. */
const REPORT_ROWS = 200;

async function managed(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, claims } = requireRole(event, ['manager'], 'Cluster managers only');
	const cluster = await withUser(claims, (tx) => memberships.consoleCluster(tx, user, event.params.slug));
	if (!cluster) error(404);
	return { user, claims, cluster };
}

/** The upload checked with a mapping, and what the import would do when every row is fine. */
async function preview(tx: Tx, clusterId: string, upload: roster.Upload, mapping: Mapping) {
	const problems = fileProblems(upload.rows.length, mapping);
	const checked: CheckedRow[] = problems.length ? [] : await roster.check(tx, upload.rows, mapping);
	const bad = checked.filter((r) => r.problems.length);
	const dry =
		problems.length || bad.length || checked.length === 0
			? null
			: await roster.importRoster(
					tx,
					clusterId,
					checked.map((r) => r.member!),
					{ dryRun: true }
				);
	return { problems, checked, bad, dry };
}

export const load = (async (event) => {
	const { claims, cluster } = await managed(event);
	const { url } = event;
	const uploadId = z.uuid().safeParse(url.searchParams.get('upload'));
	const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
	return withUser(claims, async (tx) => {
		let review = null;
		let uploadGone = false;
		if (uploadId.success) {
			const upload = await roster.upload(tx, cluster.id, uploadId.data);
			if (!upload) uploadGone = true;
			else {
				const mapping = mappingFrom(url.searchParams) ?? guessMapping(upload.headers);
				const { problems, checked, bad, dry } = await preview(tx, cluster.id, upload, mapping);
				review = {
					id: upload.id,
					file_name: upload.file_name,
					encoding: upload.encoding,
					headers: upload.headers,
					rowCount: upload.rows.length,
					mapping,
					problems,
					bad: bad.slice(0, REPORT_ROWS).map((r) => ({ line: r.line, values: r.values, problems: r.problems })),
					badCount: bad.length,
					checkedCount: checked.length,
					counts: dry?.counts ?? null
				};
			}
		}
		const imported = z.uuid().safeParse(url.searchParams.get('imported'));
		const [list, history] = await Promise.all([
			roster.unclaimed(tx, cluster.id, { page, perPage: PER_PAGE }),
			roster.imports(tx, cluster.id)
		]);
		return {
			cluster: { slug: cluster.slug, name_ko: cluster.name_ko, name_en: cluster.name_en },
			review,
			uploadGone,
			imported: imported.success ? (history.find((h) => h.id === imported.data) ?? null) : null,
			unclaimed: list.members.map((u) => ({ ...u, claim_code: formatClaimCode(u.claim_code) })),
			total: list.total,
			page,
			pages: Math.max(1, Math.ceil(list.total / PER_PAGE)),
			history,
			uploadForm: await superValidate(zod4(uploadSchema), { id: 'upload' }),
			inviteForm: await superValidate(zod4(inviteSchema), { id: 'invite' }),
			// One key for the page's invitation forms: it is written on the member invited, so the same key
			// posted for another member is another invitation.
			inviteKey: newSubmissionKey()
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	upload: async (event) => {
		const { claims, cluster } = await managed(event);
		const form = await superValidate(event.request, zod4(uploadSchema), { id: 'upload' });
		if (!form.valid) return fail(400, withFiles({ form }));
		const parsed = await roster.parseFile(new Uint8Array(await form.data.file.arrayBuffer()));
		if (!parsed.ok) return setError(withFiles(form), 'file', parsed.error);
		const id = await withUser(claims, (tx) => roster.saveUpload(tx, cluster.id, form.data.file.name, parsed.file));
		redirect(303, `/manage/${cluster.slug}/import?upload=${id}`);
	},

	import: async (event) => {
		const { claims, cluster } = await managed(event);
		const data = await event.request.formData();
		const uploadId = z.uuid().safeParse(data.get('upload'));
		if (!uploadId.success) return fail(400, { importError: 'roster_upload_gone' });
		const outcome = await withUser(claims, async (tx) => {
			// The upload is the form's key: the same import posted again answers with the first's report.
			await roster.lockUpload(tx, uploadId.data);
			const done = await roster.importedFrom(tx, cluster.id, uploadId.data);
			if (done) return { importId: done };
			const upload = await roster.upload(tx, cluster.id, uploadId.data);
			if (!upload) return { error: 'roster_upload_gone' } as const;
			const mapping = mappingFrom(data) ?? guessMapping(upload.headers);
			const { problems, checked, bad } = await preview(tx, cluster.id, upload, mapping);
			// All or nothing: a file with any problem imports no row.
			if (problems.length || bad.length || checked.length === 0) return { error: 'roster_import_blocked' } as const;
			const result = await roster.importRoster(
				tx,
				cluster.id,
				checked.map((r) => r.member!),
				{ dryRun: false, fileName: upload.file_name, uploadId: upload.id }
			);
			await roster.dropUpload(tx, upload.id);
			return { importId: result.importId };
		});
		if ('error' in outcome) return fail(400, { importError: outcome.error });
		redirect(303, `/manage/${cluster.slug}/import?imported=${outcome.importId}`);
	},

	invite: async (event) => {
		const { claims, cluster } = await managed(event);
		const form = await superValidate(event.request, zod4(inviteSchema), { id: 'invite' });
		if (!form.valid) return fail(400, { form });
		const origin = config().origin ?? event.url.origin;
		// The mail is sent before the invitation's mark commits: a mail that fails leaves nothing marked,
		// so the same form posted again (its key) mails instead of answering "sent" for a mail never sent.
		// A second post while the first is mailing waits for its row lock and is answered as the first.
		let member: Awaited<ReturnType<typeof roster.markInvited>>;
		try {
			member = await withUser(claims, async (tx) => {
				const marked = await roster.markInvited(
					tx,
					cluster.id,
					form.data.workshop,
					form.data.email,
					submissionKey(form.data.submission_key)
				);
				if (marked?.send) await mail().send(invitation(marked, cluster, form.data.email, origin));
				return marked;
			});
		} catch (e) {
			console.error('[roster] the invitation mail failed:', e);
			return setError(form, '', 'roster_err_invite_mail_failed', { status: 503 });
		}
		if (!member) return setError(form, '', 'roster_invite_gone');
		// The same form posted again (a double click, a retried request): mailed once, answered as the first.
		return message(form, { sent: member.send ? form.data.email : (member.invited_email ?? form.data.email) });
	}
} satisfies Actions;

/** The invitation mail: Korean first (members read it first), the English after it for those who do not. */
function invitation(
	member: roster.UnclaimedMember,
	cluster: { name_ko: string; name_en: string },
	to: string,
	origin: string
): { to: string; subject: string; text: string } {
	const link = new URL(`/claim?code=${member.claim_code}`, origin).toString();
	const code = formatClaimCode(member.claim_code);
	const say = (locale: 'ko' | 'en') => {
		const name = locale === 'ko' ? cluster.name_ko : cluster.name_en;
		return {
			subject: m.roster_mail_subject({ cluster: name }, { locale }),
			text: m.roster_mail_body({ name: member.name_ko, cluster: name, link, code }, { locale })
		};
	};
	return { to, subject: say('ko').subject, text: `${say('ko').text}\n\n---\n\n${say('en').text}` };
}
