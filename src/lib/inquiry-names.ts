// Who is on the other side of an inquiry, as a list shows it: the workshop for the asker; for the
// workshop, the asker's company, else their name (browser-safe).
import { pick } from './pick';
import { m } from './paraglide/messages';

interface Sides {
	side: 'asker' | 'workshop';
	workshop: { name_ko: string; name_en: string | null };
	asker: { name: string; company_ko: string | null; company_en: string | null };
}

export function askerName(asker: Sides['asker'], locale: string): string {
	return asker.company_ko ? pick(asker.company_ko, asker.company_en, locale) : asker.name || m.inquiry_someone();
}

export function otherSide(i: Sides, locale: string): string {
	return i.side === 'asker' ? pick(i.workshop.name_ko, i.workshop.name_en, locale) : askerName(i.asker, locale);
}
