// Portfolio photos: checked by content (magic bytes, never the file name), then re-encoded to WebP.
// Re-encoding applies the EXIF orientation and drops every piece of metadata, so a photo taken
// in a workshop never publishes where it was taken (GPS) or with which phone.
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { MAX_PHOTO_BYTES } from '$lib/domain/uploads';

export { MAX_PHOTO_BYTES };

/**
 * Decompression-bomb guard: a few kilobytes can declare a gigapixel image. 40 MP covers phone photos
 * (a 48 MP sensor saves 12 MP by default); a 60 MP PNG of 58 KB took half a second to decode.
 */
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Decodes at once: each takes a core for a while, and pages must stay fast while photos are saved. */
export const DECODE_SLOTS = 2;
export const FULL_MAX_SIDE = 2000;
export const THUMB_MAX_SIDE = 480;
const WEBP_QUALITY = 82;

const accepted = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif']);
// HEIC/HEIF is HEVC-coded; prebuilt sharp decodes only AV1 inside HEIF, so these are tried and,
// when this build cannot decode them, reported as unsupported rather than as "not an image".
const maybeDecodable = new Set(['image/heic', 'image/heif']);

export interface EncodedImage {
	data: Uint8Array;
	width: number;
	height: number;
}

export type PhotoError = 'too_large' | 'not_an_image' | 'unsupported';
export type ProcessedPhoto = { ok: true; full: EncodedImage; thumb: EncodedImage } | { ok: false; error: PhotoError };

/** At most `slots` tasks at a time, the others waiting in order; `peak` is the most that ever ran at once. */
export function queue(slots: number) {
	let running = 0;
	let peak = 0;
	const waiting: (() => void)[] = [];
	return {
		get peak() {
			return peak;
		},
		async run<T>(task: () => Promise<T>): Promise<T> {
			// A finishing task hands its slot straight to the next waiting one, so a newcomer never slips in between.
			if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
			else running++;
			peak = Math.max(peak, running);
			try {
				return await task();
			} finally {
				const next = waiting.shift();
				if (next) next();
				else running--;
			}
		}
	};
}

/** The decodes of this process. */
export const decoding = queue(DECODE_SLOTS);

export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
	if (bytes.byteLength > MAX_PHOTO_BYTES) return { ok: false, error: 'too_large' };
	const type = await fileTypeFromBuffer(bytes);
	if (!type?.mime.startsWith('image/')) return { ok: false, error: 'not_an_image' };
	if (!accepted.has(type.mime) && !maybeDecodable.has(type.mime)) return { ok: false, error: 'unsupported' };

	try {
		// Reading the header decodes no pixels; the limit below still guards the decode itself.
		const { width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
		if (!width || !height) return { ok: false, error: 'not_an_image' };
		if (width * height > MAX_PHOTO_PIXELS) return { ok: false, error: 'too_large' };
		return await decoding.run(async () => {
			// rotate() with no angle applies the EXIF orientation; sharp writes no metadata by default.
			const upright = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' }).rotate();
			const [full, thumb] = await Promise.all([encode(upright.clone(), FULL_MAX_SIDE), encode(upright.clone(), THUMB_MAX_SIDE)]);
			return { ok: true as const, full, thumb };
		});
	} catch {
		return { ok: false, error: maybeDecodable.has(type.mime) ? 'unsupported' : 'not_an_image' };
	}
}

async function encode(image: ReturnType<typeof sharp>, maxSide: number): Promise<EncodedImage> {
	const { data, info } = await image
		.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
		.webp({ quality: WEBP_QUALITY })
		.toBuffer({ resolveWithObject: true });
	return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}
