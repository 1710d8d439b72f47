// The size limits of uploads, in one place: the actions check them and the file inputs carry them
// (data-max-bytes, $lib/file-limit), so a file too big is refused in the browser before it is sent.
const MiB = 1024 * 1024;

/** A workshop's or a machine's photo. */
export const MAX_PHOTO_BYTES = 8 * MiB;
/** A request's drawing or document. */
export const MAX_REQUEST_FILE_BYTES = 20 * MiB;
/** A quote's or an order's file. */
export const MAX_QUOTE_FILE_BYTES = 10 * MiB;
export const MAX_ORDER_FILE_BYTES = 10 * MiB;
/** A file sent in a conversation. */
export const MAX_MESSAGE_FILE_BYTES = 5 * MiB;
