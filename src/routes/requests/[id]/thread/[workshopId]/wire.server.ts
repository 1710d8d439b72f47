import type { Message } from '$lib/server/conversations';
import type { WireMessage } from './schema';

export function toWire(m: Message): WireMessage {
	return {
		id: m.id,
		sender_id: m.sender_id,
		sender_side: m.sender_side,
		sender_former: m.sender_former,
		body: m.body,
		created_at: new Date(m.created_at).toISOString(),
		files: m.files.map((f) => ({ id: f.id, filename: f.filename, size_bytes: f.size_bytes }))
	};
}
