// Bank transfer (계좌이체 / 무통장입금), the embedded default: the buyer sends the exact amount to the
// platform's account with the milestone's reference as depositor name; the operator reconciles the
// bank's statement (statement.ts) and every match is applied like a provider's webhook. Nothing to call.
import type { BankAccount, PaymentProvider } from './port';

export function createBankTransfer(account: BankAccount): PaymentProvider {
	return {
		kind: 'bank_transfer',
		start(input) {
			return Promise.resolve({ kind: 'instructions', bank: account, amountKrw: input.amountKrw, reference: input.reference });
		},
		// The bank does not tell us; the statement does.
		lookup() {
			return Promise.resolve({ status: 'pending' });
		},
		// The operator transfers refunds back by hand (the payments page lists them).
		refund() {
			return Promise.resolve({ ok: false, manual: true });
		}
	};
}
