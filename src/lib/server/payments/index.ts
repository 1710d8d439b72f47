// The payment providers this process offers, chosen from the configuration.
import type { AppConfig } from '../config';
import { createBankTransfer } from './bank-transfer';
import type { BankAccount, PaymentProvider, ProviderKind } from './port';
import { createPortOne } from './portone';
import { createStripe } from './stripe';

export interface Payments {
	/** Offered to buyers, bank transfer first (the way most Korean B2B pays). */
	readonly providers: readonly PaymentProvider[];
	get(kind: ProviderKind): PaymentProvider | undefined;
	/** The platform's account buyers transfer to (shown on the order page). */
	readonly bankAccount: BankAccount;
}

export function paymentsFrom(providers: PaymentProvider[], bankAccount: BankAccount): Payments {
	return { providers, bankAccount, get: (kind) => providers.find((p) => p.kind === kind) };
}

export function createPayments(cfg: AppConfig): Payments {
	const providers: PaymentProvider[] = [createBankTransfer(cfg.payments.bank)];
	if (cfg.payments.stripe) providers.push(createStripe(cfg.payments.stripe));
	if (cfg.payments.portone) providers.push(createPortOne(cfg.payments.portone));
	return paymentsFrom(providers, cfg.payments.bank);
}
