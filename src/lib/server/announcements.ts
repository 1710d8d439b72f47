// Data module: a cluster manager's announcements to the cluster's members. Sending is one database
// function (public.announce, member_table migration): it checks the caller manages the cluster, tells
// each chosen member's owner in the app and by email (notification kind 'announcement'), and files the
// audit entry, all in the caller's transaction.
import type { Tx } from './db';

export interface Announcement {
	id: string;
	title: string;
	body: string;
	recipients: number;
	/** Null when it went to every member. */
	selected: number | null;
	author_name: string | null;
	created_at: Date;
}

/**
 * Sends it; the number of members told (members without an account have no one to tell). With a
 * submission key (made for this announcement by the form), a second call sends nothing and answers
 * the first's count.
 */
export async function send(
	tx: Tx,
	clusterId: string,
	message: { title: string; body: string; workshopIds: string[] | null; submissionKey?: string | null }
): Promise<number> {
	const [{ sent }] = await tx<{ sent: number }[]>`
		select public.announce(${clusterId}, ${message.title}, ${message.body}, ${message.workshopIds}::uuid[],
		                       ${message.submissionKey ?? null}::uuid) as sent`;
	return sent;
}

export async function recent(tx: Tx, clusterId: string, limit = 5): Promise<Announcement[]> {
	return tx<Announcement[]>`
		select a.id, a.title, a.body, a.recipients, cardinality(a.workshop_ids) as selected, p.display_name as author_name, a.created_at
		from public.cluster_announcements a left join public.profiles p on p.id = a.author_id
		where a.cluster_id = ${clusterId}
		order by a.created_at desc limit ${limit}`;
}
