// The one behaviour every mail adapter must show. mail.test.ts runs it against each adapter.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailPort } from './port';

export interface ReceivedMail {
	subject: string;
	text: string;
	html: string | null;
}

export interface ContractSubject {
	mail: MailPort;
	/**
	 * What arrived for a recipient, oldest first. A real server cannot be read back: without inbox
	 * the suite checks only that sending is accepted and that bad messages are refused.
	 */
	inbox?: (to: string) => Promise<ReceivedMail[]>;
	/** Called once after the suite with every address it sent to: remove rows, stop doubles. */
	dispose?: (sentTo: string[]) => Promise<void>;
}

export function mailContract(
	title: string,
	open: () => Promise<ContractSubject>,
	opts: { readable: boolean; recipient?: (name: string) => string }
): void {
	describe(title, () => {
		let subject: ContractSubject;
		const run = randomUUID().slice(0, 8);
		const sentTo = new Set<string>();
		const address = (name: string) => {
			const to = opts.recipient?.(name) ?? `${name}+contract-${run}@example.test`;
			sentTo.add(to);
			return to;
		};
		const inbox = (to: string) => subject.inbox!(to);

		beforeAll(async () => {
			subject = await open();
		});
		afterAll(async () => {
			await subject?.dispose?.([...sentTo]);
		});

		it.runIf(opts.readable)('delivers subject and text exactly, Korean included, and no html unless given', async () => {
			const to = address('plain');
			const text = [
				'안녕하세요, 성수동 수제화 공방입니다.',
				'견적: 2,400,000원 · 납기 14일',
				'',
				// Longer than a mail line (78), so the transfer encoding has to wrap and unwrap it.
				'알루미늄 6061 브래킷 200개, 공차 ±0.05mm, 아노다이징 마감. Aluminium brackets with anodizing finish; tolerance ±0.05 mm.',
				'A line ending in spaces   ',
				'=?utf-8?B?not-an-encoded-word?= and a lone . on the next line',
				'.'
			].join('\n');
			await subject.mail.send({ to, subject: '[소공링크] 새 견적이 도착했습니다 / New quote', text });
			expect(await inbox(to)).toEqual([{ subject: '[소공링크] 새 견적이 도착했습니다 / New quote', text, html: null }]);
		});

		it.runIf(opts.readable)('delivers the html alternative with the text when given', async () => {
			const to = address('html');
			await subject.mail.send({ to, subject: 'HTML', text: '본문', html: '<p>본문 <strong>강조</strong></p>' });
			expect(await inbox(to)).toEqual([{ subject: 'HTML', text: '본문', html: '<p>본문 <strong>강조</strong></p>' }]);
		});

		it.runIf(opts.readable)('keeps a long Korean subject whole', async () => {
			const to = address('long-subject');
			const long = `[소공링크] ${'종로 주얼리 집적지의 귀금속 세공 공방에서 보낸 '.repeat(4)}견적`;
			await subject.mail.send({ to, subject: long, text: 'x' });
			expect((await inbox(to)).map((m) => m.subject)).toEqual([long]);
		});

		it.runIf(opts.readable)('delivers each message to its own recipient, in order', async () => {
			const [a, b] = [address('first'), address('second')];
			await subject.mail.send({ to: a, subject: 'one', text: '1' });
			await subject.mail.send({ to: b, subject: 'two', text: '2' });
			await subject.mail.send({ to: a, subject: 'three', text: '3' });
			expect((await inbox(a)).map((m) => m.subject)).toEqual(['one', 'three']);
			expect((await inbox(b)).map((m) => m.subject)).toEqual(['two']);
		});

		it.runIf(opts.readable)(
			'delivers a batch (sendMany, where the adapter has it) to each recipient, or none of it when one is bad',
			async ({ skip }) => {
				if (!subject.mail.sendMany) return skip();
				const [a, b] = [address('batch-a'), address('batch-b')];
				await subject.mail.sendMany([
					{ to: a, subject: 'one', text: '1' },
					{ to: b, subject: 'two', text: '2', html: '<p>2</p>' },
					{ to: a, subject: 'three', text: '3' }
				]);
				expect((await inbox(a)).map((m) => m.subject)).toEqual(['one', 'three']);
				expect(await inbox(b)).toEqual([{ subject: 'two', text: '2', html: '<p>2</p>' }]);
				const c = address('batch-refused');
				await expect(
					subject.mail.sendMany([
						{ to: c, subject: 'fine', text: 'x' },
						{ to: `${c}\r\nBcc: victim@example.test`, subject: 's', text: 't' }
					])
				).rejects.toThrow(/invalid/);
				expect(await inbox(c)).toEqual([]);
			}
		);

		it('accepts a message for delivery', async () => {
			await expect(
				subject.mail.send({ to: address('accepted'), subject: 'Sogong Link contract test', text: '테스트' })
			).resolves.toBeUndefined();
		});

		it('refuses header injection and malformed recipients before sending anything', async () => {
			const to = address('refused');
			const bad = [
				{ to: `${to}\r\nBcc: victim@example.test`, subject: 's', text: 't' },
				{ to: `${to}, other@example.test`, subject: 's', text: 't' },
				{ to: 'Name <name@example.test>', subject: 's', text: 't' },
				{ to: 'no-at-sign.example.test', subject: 's', text: 't' },
				{ to, subject: 'line one\r\nBcc: victim@example.test', text: 't' },
				{ to, subject: 'line one\nX-Injected: yes', text: 't' },
				{ to, subject: '   ', text: 't' },
				{ to, subject: 's', text: '' }
			];
			for (const msg of bad) await expect(subject.mail.send(msg), JSON.stringify(msg)).rejects.toThrow(/invalid/);
			if (opts.readable) expect(await inbox(to)).toEqual([]);
		});
	});
}
