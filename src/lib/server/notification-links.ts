// Where a notification leads: pure, so that the mail templates and the notifications module share it.
import type { NotificationKind, NotificationPayload } from './mail/templates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Linked {
	id: string;
	kind: NotificationKind;
	payload: NotificationPayload & { workshop_id?: string; conversation_id?: string; inquiry?: boolean };
}

/**
 * The page a notification is about. Quote news goes to the quotes page (for a workshop's side,
 * with the workshop chosen), messages to the thread, invitations and forwards to the request.
 */
export function itemPath(n: Pick<Linked, 'kind' | 'payload'>): string {
	const { request_id: request, workshop_id: workshop, order_id: order } = n.payload;
	if (n.kind === 'review_reported') {
		const cluster = n.payload.cluster_slug;
		return cluster && /^[a-z0-9-]+$/.test(cluster) ? `/manage/${cluster}/reviews` : '/operator/reviews';
	}
	if (
		n.kind === 'order' ||
		n.kind === 'order_payment' ||
		n.kind === 'order_reminder' ||
		n.kind === 'review_received' ||
		n.kind === 'review_published'
	)
		return order && UUID.test(order) ? `/orders/${order}` : '/orders';
	if (n.kind === 'support') {
		const { event_id: event, application_id: application, counseling_id: counseling } = n.payload;
		if (counseling && UUID.test(counseling)) return `/support/counseling/${counseling}`;
		if (event && UUID.test(event)) return `/support/events/${event}`;
		if (application && UUID.test(application)) return `/programs/applications/${application}`;
		return '/support/mine';
	}
	const cluster = n.payload.cluster_slug;
	if (n.kind === 'application') return cluster && /^[a-z0-9-]+$/.test(cluster) ? `/manage/${cluster}` : '/dashboard';
	if (n.kind === 'application_decided')
		// A member who left tells the managers, whose page is the console; a decision tells the craftsman.
		return n.payload.status === 'left' && cluster && /^[a-z0-9-]+$/.test(cluster) ? `/manage/${cluster}` : '/dashboard';
	if (n.kind === 'announcement') return '/notifications';
	// A message of an inquiry (a question before any request) goes to that inquiry.
	if (n.kind === 'message' && n.payload.inquiry) {
		const conversation = n.payload.conversation_id;
		return conversation && UUID.test(conversation) ? `/inquiries/${conversation}` : '/inquiries';
	}
	if (!request || !UUID.test(request)) return '/notifications';
	switch (n.kind) {
		case 'message':
			return workshop && UUID.test(workshop) ? `/requests/${request}/thread/${workshop}` : `/requests/${request}`;
		case 'quote':
		case 'quote_revised':
		case 'quote_withdrawn':
			return `/requests/${request}/quotes`;
		case 'quote_revision_requested':
		case 'quote_accepted':
		case 'quote_not_selected':
		case 'quote_declined':
			return workshop && UUID.test(workshop) ? `/requests/${request}/quotes?workshop=${workshop}` : `/requests/${request}/quotes`;
		default:
			return `/requests/${request}`;
	}
}

/**
 * Where a notification takes its reader: its item, with ?n=<id> so that opening the link marks it
 * read (markReadOnVisit), from the list and from its email alike.
 */
export function href(n: Linked): string {
	const path = itemPath(n);
	if (path === '/notifications') return path;
	return `${path}${path.includes('?') ? '&' : '?'}n=${n.id}`;
}
