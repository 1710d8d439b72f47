// Readable URL slugs from workshop and company names (ASCII; Korean-only names get a short id).
export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
		.replace(/-+$/g, '');
}

/** A slug for a new listing: from the English name when there is one, plus a short random suffix. */
export function newSlug(nameEn: string | null | undefined, fallback: string, random: string = crypto.randomUUID()): string {
	const base = slugify(nameEn ?? '') || fallback;
	return `${base}-${random.replace(/-/g, '').slice(0, 6)}`;
}
