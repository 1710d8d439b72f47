// The tax-invoice adapter of this process. Only the embedded one exists; an e-tax-invoice provider
// (Popbill's `popbill` SDK, Barobill) would be picked here from its keys in the config.
import { createEmbeddedTaxInvoices } from './embedded';
import type { TaxInvoicePort } from './port';

export function createTaxInvoices(): TaxInvoicePort {
	return createEmbeddedTaxInvoices();
}
