// Data module: a person's own data, as they may download it (Korea's Personal Information Protection
// Act gives them that right). Every query runs in the caller's RLS transaction, so the export holds
// exactly what PostgreSQL lets this user read, named column by column.
import type { Tx } from './db';

/** What the export holds; dates as ISO strings once serialised. */
export interface AccountExport {
	exported_at: string;
	account: { id: string; email: string; role: string; display_name: string; locale: string; created_at: Date } | null;
	workshops: Record<string, unknown>[];
	companies: Record<string, unknown>[];
	requests: Record<string, unknown>[];
	quotes: Record<string, unknown>[];
	messages_sent: Record<string, unknown>[];
	/** Orders as buyer or as the workshop, with their milestones (payments) inside. */
	orders: Record<string, unknown>[];
	consents: Record<string, unknown>[];
	notification_preferences: Record<string, unknown>[];
}

export async function exportData(tx: Tx, user: { id: string; email: string }): Promise<AccountExport> {
	const [profile] = await tx<{ role: string; display_name: string; locale: string; created_at: Date }[]>`
		select role, display_name, locale, created_at from public.profiles where id = ${user.id}`;
	const [workshops, companies, requests, quotes, messages, orders, consents, preferences] = await Promise.all([
		tx`
			select id, slug, name_ko, name_en, trade_code, employees, business_registration_number, address_ko, district_ko,
			       lat, lng, description_ko, description_en, processes, equipment, materials, certifications, min_order_units,
			       lead_time_days, monthly_capacity_units, accepting_orders, verified, status, created_at, updated_at
			from public.workshops where owner_id = ${user.id} order by created_at`,
		tx`
			select id, slug, name_ko, name_en, builds_ko, builds_en, website, lat, lng, created_at, updated_at
			from public.companies where owner_id = ${user.id} order by created_at`,
		tx`
			select id, company_id, template, trade_code, title, description, details, quantity, budget_min_krw, budget_max_krw,
			       deadline, delivery_place, visibility, nda_required, nda_text, required_processes, status, published_at,
			       created_at, updated_at
			from public.requests where owner_id = ${user.id} order by created_at`,
		// Quotes this person wrote for a workshop, and quotes received on their own requests.
		tx`
			select q.id, q.request_id, q.workshop_id, q.status, q.price_krw, q.lead_time_days, q.valid_until, q.notes,
			       q.revision, q.revision_note, q.reason, (q.submitted_by = ${user.id}) as submitted_by_me, q.created_at, q.updated_at
			from public.quotes q
			where q.submitted_by = ${user.id} or q.request_id in (select id from public.requests where owner_id = ${user.id})
			order by q.created_at`,
		tx`
			select m.id, c.request_id, c.workshop_id, m.body, m.created_at
			from public.messages m join public.conversations c on c.id = m.conversation_id
			where m.sender_id = ${user.id} order by m.created_at`,
		// Orders this person bought or their workshop makes (not those a manager merely reads).
		tx`
			select o.id, o.number, o.request_id, o.quote_id, o.workshop_id, o.company_id, (o.buyer_id = ${user.id}) as bought_by_me,
			       o.status, o.title, o.supply_krw, o.vat_krw, o.total_krw, o.vat_included, o.line_items, o.lead_time_days,
			       o.due_date, o.courier, o.tracking_number, o.reason, o.refund_krw, o.resolution_note, o.shipped_at,
			       o.delivered_at, o.completed_at, o.created_at,
			       coalesce((select jsonb_agg(jsonb_build_object('kind', m.kind, 'amount_krw', m.amount_krw, 'status', m.status,
			                   'reference', m.reference, 'paid_at', m.paid_at, 'paid_via', m.paid_via, 'released_at', m.released_at)
			                 order by m.seq)
			                 from public.order_milestones m where m.order_id = o.id), '[]') as milestones
			from public.orders o
			where o.buyer_id = ${user.id} or o.workshop_id in (select id from public.workshops where owner_id = ${user.id})
			order by o.created_at`,
		tx`select document, version, accepted_at from public.consents where user_id = ${user.id} order by accepted_at, document`,
		tx`select kind, email, updated_at from public.notification_preferences where user_id = ${user.id} order by kind`
	]);
	return {
		exported_at: new Date().toISOString(),
		account: profile ? { id: user.id, email: user.email, ...profile } : null,
		workshops,
		companies,
		requests,
		quotes,
		messages_sent: messages,
		orders,
		consents,
		notification_preferences: preferences
	};
}
