// Calendars (ICS, RFC 5545) of support-center events, made with ical-generator: one registration, or
// a center's calendar. Times are written in UTC (…Z): without a VTIMEZONE block a named zone would
// make them floating, and every calendar app converts UTC to the reader's zone (Seoul for Korea).
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEvent {
	id: string;
	title: string;
	description: string;
	starts_at: Date;
	ends_at: Date;
	place: string;
	online_url: string | null;
	/** The event page, absolute. */
	url: string;
	cancelled?: boolean;
}

export function calendar(name: string, events: readonly CalendarEvent[], origin: string): string {
	const host = new URL(origin).host;
	const cal = ical({ name, prodId: { company: 'Sogong Link', product: 'support', language: 'KO' } });
	if (events.length === 1) cal.method(ICalCalendarMethod.PUBLISH);
	for (const e of events) {
		cal.createEvent({
			id: `${e.id}@${host}`,
			start: e.starts_at,
			end: e.ends_at,
			summary: e.title,
			description: [e.description, e.online_url ?? ''].filter(Boolean).join('\n\n'),
			location: e.place || e.online_url || undefined,
			url: e.url,
			status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return cal.toString();
}

export function icsResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
