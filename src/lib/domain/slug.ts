// Readable URL slugs from workshop and company names (ASCII; Korean is romanized).
import { romanize } from './romanize';

export function slugify(name: string): string {
	return romanize(name)
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
		.replace(/-+$/g, '');
}

/** A slug for a new listing: from the English name, else the romanized Korean one, plus a short random suffix. */
export function newSlug(nameEn: string | null | undefined, nameKo: string, fallback: string, random: string = crypto.randomUUID()): string {
	const base = slugify(nameEn ?? '') || slugify(nameKo) || fallback;
	return `${base}-${random.replace(/-/g, '').slice(0, 6)}`;
}
