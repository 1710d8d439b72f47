// Data module: workshops (the craftsman side). Every function runs in the caller's RLS transaction.
import type { Tx } from './db';

export interface WorkshopInput {
	name_ko: string;
	name_en: string | null;
	trade_code: string;
	employees: number;
	business_registration_number: string | null;
	address_ko: string;
	district_ko: string;
	lat: number | null;
	lng: number | null;
	description_ko: string;
	description_en: string;
	processes: string[];
	equipment: string[];
	materials: string[];
	certifications: string[];
	min_order_units: number | null;
	lead_time_days: number | null;
	monthly_capacity_units: number | null;
	accepting_orders: boolean;
}

export interface Workshop extends WorkshopInput {
	id: string;
	owner_id: string | null;
	slug: string;
	verified: boolean;
	featured: boolean;
	status: 'active' | 'suspended' | 'closed';
	updated_at: Date;
}

export interface PublicWorkshop extends Workshop {
	trade_name_ko: string;
	trade_name_en: string;
}

const FIELDS = [
	'name_ko',
	'name_en',
	'trade_code',
	'employees',
	'business_registration_number',
	'address_ko',
	'district_ko',
	'lat',
	'lng',
	'description_ko',
	'description_en',
	'processes',
	'equipment',
	'materials',
	'certifications',
	'min_order_units',
	'lead_time_days',
	'monthly_capacity_units',
	'accepting_orders'
] as const satisfies readonly (keyof WorkshopInput)[];

/** The workshop a craftsman owns (one per account), if any; a workshop they closed is history. */
export async function ownedBy(tx: Tx, userId: string): Promise<Workshop | null> {
	const [row] = await tx<Workshop[]>`
		select * from public.workshops where owner_id = ${userId} and status <> 'closed' order by created_at limit 1`;
	return row ?? null;
}

export async function byId(tx: Tx, id: string): Promise<Workshop | null> {
	const [row] = await tx<Workshop[]>`select * from public.workshops where id = ${id}`;
	return row ?? null;
}

export async function bySlug(tx: Tx, slug: string): Promise<PublicWorkshop | null> {
	const [row] = await tx<PublicWorkshop[]>`
		select w.*, t.name_ko as trade_name_ko, t.name_en as trade_name_en
		from public.workshops w join public.trades t on t.ksic_code = w.trade_code
		where w.slug = ${slug}`;
	return row ?? null;
}

/** A workshop a startup may ask for a quote ("request a quote" on its page): active and taking orders. */
export interface QuoteTarget {
	id: string;
	slug: string;
	name_ko: string;
	name_en: string | null;
	trade_code: string;
}

export async function quoteTarget(tx: Tx, slug: string | null): Promise<QuoteTarget | null> {
	if (!slug) return null;
	const [row] = await tx<QuoteTarget[]>`
		select id, slug, name_ko, name_en, trade_code from public.workshops
		where slug = ${slug} and status = 'active' and accepting_orders`;
	return row ?? null;
}

/**
 * Creates the owner's workshop. An owner has one active workshop (a unique index): when another save made it first (two
 * tabs, a double submit), this one waits for it and saves its fields into that workshop instead.
 */
export async function create(tx: Tx, ownerId: string, slug: string, input: WorkshopInput): Promise<Workshop> {
	const [row] = await tx<Workshop[]>`
		insert into public.workshops ${tx({ ...input, owner_id: ownerId, slug }, ...FIELDS, 'owner_id', 'slug')}
		on conflict (owner_id) where owner_id is not null and status = 'active' do nothing
		returning *`;
	if (row) return row;
	const existing = await ownedBy(tx, ownerId);
	const updated = existing && (await update(tx, existing.id, input));
	if (!updated) throw new Error('the owner already has a workshop this user may not edit');
	return updated;
}

/** Updates a workshop; null when RLS hides it from this user (not theirs to edit). */
export async function update(tx: Tx, id: string, input: WorkshopInput): Promise<Workshop | null> {
	const [row] = await tx<Workshop[]>`
		update public.workshops set ${tx(input, ...FIELDS)} where id = ${id} returning *`;
	return row ?? null;
}

export async function setCuration(tx: Tx, id: string, flags: { verified: boolean; featured: boolean }): Promise<boolean> {
	const rows = await tx`update public.workshops set ${tx(flags, 'verified', 'featured')} where id = ${id}`;
	return rows.count === 1;
}

/**
 * One curation change for many members at once (the member table's bulk actions); RLS limits it to
 * the caller's approved members, and the audit trigger records each workshop. Returns how many changed.
 */
export async function curateMany(tx: Tx, ids: string[], change: { verified: boolean } | { featured: boolean }): Promise<number> {
	if (ids.length === 0) return 0;
	const [column, value] = Object.entries(change)[0] as ['verified' | 'featured', boolean];
	const rows = await tx`
		update public.workshops set ${tx({ [column]: value }, column)}
		where id = any(${ids}::uuid[]) and ${tx(column)} is distinct from ${value}`;
	return rows.count;
}

/**
 * The owner closes (deletes) their workshop: refused while an order runs on it; otherwise its live
 * quotes are withdrawn, its memberships end and it leaves every listing (the close_workshop function).
 */
export async function close(tx: Tx, id: string): Promise<'closed' | 'running_orders'> {
	const [{ outcome }] = await tx<{ outcome: 'closed' | 'running_orders' }[]>`select public.close_workshop(${id}) as outcome`;
	return outcome;
}
