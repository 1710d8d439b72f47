import { describe, expect, it } from 'vitest';
import { batcher, type BatchResult } from './batches';
import type { PaymentEvent, ProviderKind } from './port';

const paid = (id: string): PaymentEvent => ({ type: 'paid', eventId: id, providerRef: `ref-${id}`, milestoneId: id, amountKrw: 1000 });

/** A database double: records each batch, answers when released. */
function database() {
	const batches: { provider: ProviderKind; ids: string[]; release: (r?: Partial<BatchResult> | Error) => void }[] = [];
	const committed: BatchResult[] = [];
	const applyMany = (provider: ProviderKind, events: PaymentEvent[]) =>
		new Promise<BatchResult>((resolve, reject) => {
			batches.push({
				provider,
				ids: events.map((e) => e.eventId),
				release: (r) => (r instanceof Error ? reject(r) : resolve({ outcomes: events.map(() => 'applied'), users: [], mail: false, ...r }))
			});
		});
	return { batches, committed, applyMany, onCommit: (r: BatchResult) => void committed.push(r) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('payment batches', () => {
	it('sends a webhook at once when nothing runs, and those arriving meanwhile together after it, in arrival order', async () => {
		const db = database();
		const b = batcher({ inFlight: 1, maxSize: 16, applyMany: db.applyMany, committed: db.onCommit });
		const first = b.apply('stripe', paid('e1'));
		await tick();
		expect(db.batches.map((x) => x.ids)).toEqual([['e1']]);
		const later = ['e2', 'e3', 'e4'].map((id) => b.apply('stripe', paid(id)));
		await tick();
		expect(db.batches).toHaveLength(1); // they wait for the running batch
		db.batches[0].release({ users: ['u1'], mail: true });
		expect(await first).toBe('applied');
		await tick();
		expect(db.batches.map((x) => x.ids)).toEqual([['e1'], ['e2', 'e3', 'e4']]);
		db.batches[1].release({ outcomes: ['applied', 'duplicate', 'unmatched'] });
		expect(await Promise.all(later)).toEqual(['applied', 'duplicate', 'unmatched']);
		expect(db.committed.map((r) => r.users)).toEqual([['u1'], []]);
	});

	it('keeps batches to maxSize, runs inFlight of them at once, and a provider’s events only with its own', async () => {
		const db = database();
		const b = batcher({ inFlight: 2, maxSize: 2, applyMany: db.applyMany });
		const all = [
			b.apply('stripe', paid('s1')),
			b.apply('portone', paid('p1')),
			b.apply('stripe', paid('s2')),
			b.apply('stripe', paid('s3')),
			b.apply('portone', paid('p2'))
		];
		await tick();
		expect(db.batches.map((x) => [x.provider, x.ids])).toEqual([
			['stripe', ['s1']],
			['portone', ['p1']]
		]);
		db.batches[0].release();
		db.batches[1].release();
		await tick();
		await tick();
		expect(db.batches.slice(2).map((x) => [x.provider, x.ids])).toEqual([
			['stripe', ['s2', 's3']],
			['portone', ['p2']]
		]);
		db.batches[2].release();
		db.batches[3].release();
		expect(await Promise.all(all)).toEqual(Array(5).fill('applied'));
	});

	it('applies a batch that failed one event at a time, so only the bad event’s webhook fails', async () => {
		const db = database();
		const b = batcher({ inFlight: 1, maxSize: 16, applyMany: db.applyMany });
		const first = b.apply('stripe', paid('e1'));
		await tick();
		const rest = ['good1', 'bad', 'good2'].map((id) => b.apply('stripe', paid(id)).catch((e: Error) => `failed: ${e.message}`));
		db.batches[0].release();
		await first;
		await tick();
		db.batches[1].release(new Error('invalid input syntax'));
		for (const id of ['good1', 'bad', 'good2']) {
			await tick();
			const batch = db.batches.at(-1)!;
			expect(batch.ids).toEqual([id]);
			batch.release(id === 'bad' ? new Error('invalid input syntax') : undefined);
		}
		expect(await Promise.all(rest)).toEqual(['applied', 'failed: invalid input syntax', 'applied']);
	});

	it('fails every webhook of a batch whose connection was lost, without trying each (the providers retry)', async () => {
		const db = database();
		const b = batcher({ inFlight: 1, maxSize: 16, applyMany: db.applyMany });
		const first = b.apply('stripe', paid('e1'));
		await tick();
		const rest = ['e2', 'e3'].map((id) => b.apply('stripe', paid(id)).catch((e: { code: string }) => e.code));
		db.batches[0].release();
		await first;
		await tick();
		db.batches[1].release(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
		expect(await Promise.all(rest)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
		expect(db.batches).toHaveLength(2);
		// The next webhook still goes.
		const next = b.apply('stripe', paid('e4'));
		await tick();
		db.batches[2].release();
		expect(await next).toBe('applied');
	});
});
