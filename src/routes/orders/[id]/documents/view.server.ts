// What the documents show, allow-listed from the order's paperwork: the order's terms, each
// milestone with its share of the VAT, both parties with what is still missing and where the viewer
// can fill it in.
import {
	emptyTaxParty,
	missingTaxFields,
	splitVatOverMilestones,
	taxPartyFields,
	type TaxParty,
	type TaxPartyField
} from '$lib/domain/paperwork';
import type { Paperwork } from '$lib/server/paperwork';
import { pick } from '$lib/server/pick';

export interface PartyView extends TaxParty {
	missing: TaxPartyField[];
	/** The profile form where the viewer fills what is missing; null when it is not theirs. */
	edit: string | null;
}

function partyView(party: TaxParty & { editable: boolean }, form: string): PartyView {
	return {
		...pick(party, taxPartyFields),
		missing: missingTaxFields(party),
		edit: party.editable ? `${form}#tax-details` : null
	};
}

export function documentView(p: Paperwork) {
	const { order } = p;
	const shares = splitVatOverMilestones(
		order,
		order.milestones.map((m) => m.amount_krw)
	);
	const buyer = p.parties.buyer ?? { ...emptyTaxParty(p.parties.buyer_name ?? ''), editable: false };
	return {
		order: {
			...pick(order, ['id', 'number', 'title', 'status', 'supply_krw', 'vat_krw', 'total_krw', 'vat_included', 'line_items', 'due_date']),
			created_at: order.created_at,
			delivered_at: order.delivered_at,
			buyer_name: order.buyer_name
		},
		milestones: order.milestones.map((m, i) => ({
			...pick(m, ['id', 'kind', 'amount_krw', 'status', 'paid_at']),
			supply_krw: shares[i].supply_krw,
			vat_krw: shares[i].vat_krw,
			issued_at: p.issued.find((t) => t.milestone_id === m.id)?.issued_at ?? null
		})),
		supplier: partyView(p.parties.supplier, '/dashboard/workshop'),
		buyer: partyView(buyer, '/dashboard/company'),
		canRecord: p.actor === 'workshop'
	};
}

export type DocumentView = ReturnType<typeof documentView>;
