// The event form's values as the module's input: Korea-time fields read as moments.
import { fromSeoulInput } from '$lib/domain/counseling';
import type { EventInput } from '$lib/server/support-staff';
import type { EventForm } from './schema';

export function eventInput(v: EventForm): EventInput | null {
	const starts = fromSeoulInput(v.starts_at);
	const ends = fromSeoulInput(v.ends_at);
	if (!starts || !ends) return null;
	return { ...v, starts_at: starts, ends_at: ends, online_url: v.online_url || null, machine_id: v.machine_id || null };
}
