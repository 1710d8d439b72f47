import { z } from 'zod';
import { MAX_MESSAGE_FILE_BYTES } from '$lib/domain/uploads';
import { msg } from '$lib/msg';

export const MAX_MESSAGE_FILES = 3;
export { MAX_MESSAGE_FILE_BYTES };

export const messageSchema = z.object({
	/** Made by the composer for one message: posting it twice sends it once. */
	submission_key: z.string().default(''),
	body: z.string().trim().min(1, msg('err_message_empty')).max(4000, msg('err_message_too_long')),
	files: z
		.array(z.instanceof(File))
		.default([])
		// An empty file input sends one empty file; it is not an attachment.
		.refine((files) => files.filter((f) => f.size > 0).length <= MAX_MESSAGE_FILES, msg('err_quote_files_too_many'))
		.refine((files) => files.every((f) => f.size <= MAX_MESSAGE_FILE_BYTES), msg('err_quote_file_too_large'))
});

/** A message as the browser gets it, from the page and from the event stream alike. */
export interface WireMessage {
	id: string;
	sender_id: string | null;
	sender_side: 'owner' | 'workshop';
	/** Sent by someone who has since deleted their account. */
	sender_former: boolean;
	body: string;
	created_at: string;
	files: { id: string; filename: string; size_bytes: number }[];
}
