// Data module: what a tax invoice needs of a workshop or a company beyond its public profile
// (representative, business type and item, invoice email), in public.business_details. RLS lets the
// business itself (and a member workshop's managers) write it, and the other party of its orders read it.
import type { Tx } from './db';

export interface BusinessDetailsInput {
	representative_name: string;
	business_type: string;
	business_item: string;
	tax_email: string;
}

export const emptyDetails: BusinessDetailsInput = { representative_name: '', business_type: '', business_item: '', tax_email: '' };

export type Owner = { workshop_id: string } | { company_id: string };

export async function of(tx: Tx, owner: Owner): Promise<BusinessDetailsInput | null> {
	const [row] =
		'workshop_id' in owner
			? await tx<BusinessDetailsInput[]>`
				select representative_name, business_type, business_item, tax_email
				from public.business_details where workshop_id = ${owner.workshop_id}`
			: await tx<BusinessDetailsInput[]>`
				select representative_name, business_type, business_item, tax_email
				from public.business_details where company_id = ${owner.company_id}`;
	return row ?? null;
}

/** Writes the details of a business (created on first save). */
export async function save(tx: Tx, owner: Owner, input: BusinessDetailsInput): Promise<void> {
	const fields = {
		representative_name: input.representative_name,
		business_type: input.business_type,
		business_item: input.business_item,
		tax_email: input.tax_email
	};
	if ('workshop_id' in owner)
		await tx`insert into public.business_details ${tx({ ...fields, workshop_id: owner.workshop_id })}
			on conflict (workshop_id) do update set ${tx(fields)}`;
	else
		await tx`insert into public.business_details ${tx({ ...fields, company_id: owner.company_id })}
			on conflict (company_id) do update set ${tx(fields)}`;
}
