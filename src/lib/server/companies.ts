// Data module: startups and IT firms (the demand side).
import type { Tx } from './db';

export interface CompanyInput {
	name_ko: string;
	name_en: string | null;
	builds_ko: string;
	builds_en: string;
	startup_cluster_id: string | null;
	lat: number | null;
	lng: number | null;
	website: string | null;
	business_registration_number: string | null;
	/** The registered address, printed on paperwork. */
	address_ko: string;
}

export interface Company extends CompanyInput {
	id: string;
	owner_id: string | null;
	slug: string;
}

export interface PublicCompany extends Company {
	cluster_slug: string | null;
	cluster_name_ko: string | null;
	cluster_name_en: string | null;
}

const FIELDS = [
	'name_ko',
	'name_en',
	'builds_ko',
	'builds_en',
	'startup_cluster_id',
	'lat',
	'lng',
	'website',
	'business_registration_number',
	'address_ko'
] as const;

export async function ownedBy(tx: Tx, userId: string): Promise<Company | null> {
	const [row] = await tx<Company[]>`select * from public.companies where owner_id = ${userId} order by created_at limit 1`;
	return row ?? null;
}

/** A company's names and page, as a request shows who asked; null when RLS hides it. */
export async function nameById(tx: Tx, id: string): Promise<{ name_ko: string; name_en: string | null; slug: string } | null> {
	const [row] = await tx<{ name_ko: string; name_en: string | null; slug: string }[]>`
		select name_ko, name_en, slug from public.companies where id = ${id}`;
	return row ?? null;
}

/** The startup cluster of the user's company (the default place for distances), if any. */
export async function startupClusterSlugOf(tx: Tx, userId: string): Promise<string | null> {
	const [row] = await tx<{ slug: string }[]>`
		select c.slug from public.companies co
		join public.clusters c on c.id = co.startup_cluster_id
		where co.owner_id = ${userId}
		order by co.created_at limit 1`;
	return row?.slug ?? null;
}

export async function bySlug(tx: Tx, slug: string): Promise<PublicCompany | null> {
	const [row] = await tx<PublicCompany[]>`
		select co.*, c.slug as cluster_slug, c.name_ko as cluster_name_ko, c.name_en as cluster_name_en
		from public.companies co left join public.clusters c on c.id = co.startup_cluster_id
		where co.slug = ${slug}`;
	return row ?? null;
}

/**
 * Creates the owner's company. With a submission key (made by the form while there was no company), a
 * second save of the same form makes nothing: it waits for the first and saves its fields into that company.
 */
export async function create(
	tx: Tx,
	ownerId: string,
	slug: string,
	input: CompanyInput,
	submissionKey: string | null = null
): Promise<Company> {
	const [row] = await tx<Company[]>`
		insert into public.companies ${tx({ ...input, owner_id: ownerId, slug, submission_key: submissionKey }, ...FIELDS, 'owner_id', 'slug', 'submission_key')}
		on conflict (owner_id, submission_key) where submission_key is not null do nothing
		returning *`;
	if (row) return row;
	const [first] = await tx<{ id: string }[]>`
		select id from public.companies where owner_id = ${ownerId} and submission_key = ${submissionKey}`;
	const updated = await update(tx, first.id, input);
	if (!updated) throw new Error('the company made by the same form is not this user’s to edit');
	return updated;
}

export async function update(tx: Tx, id: string, input: CompanyInput): Promise<Company | null> {
	const [row] = await tx<Company[]>`update public.companies set ${tx(input, ...FIELDS)} where id = ${id} returning *`;
	return row ?? null;
}

export interface StartupClusterOption {
	id: string;
	name_ko: string;
	name_en: string;
	lat: number;
	lng: number;
}

export async function startupClusters(tx: Tx): Promise<StartupClusterOption[]> {
	return tx<StartupClusterOption[]>`
		select id, name_ko, name_en, lat, lng from public.clusters where kind = 'startup' order by name_ko`;
}
