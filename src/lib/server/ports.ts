// The adapters of this process, chosen once from the configuration: every port (auth, storage,
// mail, search, payments, tax invoices, geocoding) is picked here and nowhere else. The database is the one connection pool in ./db.
import { config } from './config';
import { createAuth } from './auth';
import { createStorage } from './storage';
import { createMail } from './mail';
import type { MailPort } from './mail/port';
import type { AuthPort } from './auth/port';
import type { StoragePort } from './storage/port';
import { createSearchEngines, type SearchEngines } from './search/engines';
import { createPayments, type Payments } from './payments';
import { createTaxInvoices } from './tax-invoices';
import type { TaxInvoicePort } from './tax-invoices/port';
import { createGeocoding } from './geo';
import type { GeocodingPort } from './geo/port';

let authPort: AuthPort | undefined;
let storagePort: StoragePort | undefined;
let mailPort: MailPort | undefined;
let searchPort: SearchEngines | undefined;
let paymentsPort: Payments | undefined;
let taxInvoicePort: TaxInvoicePort | undefined;
let geocodingPort: GeocodingPort | undefined;

export function auth(): AuthPort {
	authPort ??= createAuth(config());
	return authPort;
}

export function storage(): StoragePort {
	storagePort ??= createStorage(config());
	return storagePort;
}

export function mail(): MailPort {
	mailPort ??= createMail(config());
	return mailPort;
}

/** Search: the primary engine (Meilisearch when configured) and the PostgreSQL fallback. */
export function searchEngines(): SearchEngines {
	searchPort ??= createSearchEngines(config());
	return searchPort;
}

/** Replaces the search engines (tests and benchmarks); undefined picks them from the config again. */
export function useSearchEngines(next: SearchEngines | undefined): void {
	searchPort = next;
}

/** Payment providers of this process: bank transfer always, Stripe and PortOne when configured. */
export function payments(): Payments {
	paymentsPort ??= createPayments(config());
	return paymentsPort;
}

/** Tax invoices: the embedded record and printable form (an e-tax-invoice provider can come later). */
export function taxInvoices(): TaxInvoicePort {
	taxInvoicePort ??= createTaxInvoices();
	return taxInvoicePort;
}

/** Geocoding: Kakao Local when configured, the bundled district table otherwise (and as its fallback). */
export function geocoding(): GeocodingPort {
	geocodingPort ??= createGeocoding(config());
	return geocodingPort;
}
