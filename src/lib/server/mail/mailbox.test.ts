import { describe, expect, it } from 'vitest';
import { rollback } from '../../../../tests/integration/db';
import { mailboxPage } from './mailbox';

describe('mailboxPage', () => {
	it('pages the mails newest first and counts them all, within the filter', async () => {
		await rollback(async (tx) => {
			const to = `paging-${Date.now()}@example.test`;
			for (let i = 1; i <= 35; i++) {
				await tx`insert into public.dev_mailbox (to_email, subject, text, created_at)
					values (${to}, ${`메일 ${i}`}, '본문', now() - make_interval(mins => ${100 - i}))`;
			}
			const first = await mailboxPage(tx, { to, page: 1 });
			expect(first.total).toBe(35);
			expect(first.mails).toHaveLength(30);
			expect(first.mails[0].subject).toBe('메일 35');
			const second = await mailboxPage(tx, { to, page: 2 });
			expect(second.mails.map((m) => m.subject)).toEqual(['메일 5', '메일 4', '메일 3', '메일 2', '메일 1']);
			expect((await mailboxPage(tx, { to, page: 3 })).mails).toEqual([]);
		});
	});
});
