import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DECODE_SLOTS, decoding, MAX_PHOTO_BYTES, processPhoto, queue, THUMB_MAX_SIDE } from './images';

const canvas = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });

/** A landscape 3000x1500 JPEG whose EXIF says "rotate 90° clockwise" and carries a GPS position. */
async function phoneJpeg(): Promise<Buffer> {
	const jpeg = await canvas(3000, 1500)
		.jpeg()
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Phone 15', Copyright: 'workshop owner' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 59/1', GPSLongitudeRef: 'E', GPSLongitude: '126/1 58/1 41/1' }
		})
		.withMetadata({ orientation: 6 })
		.toBuffer();
	const meta = await sharp(jpeg).metadata();
	expect(meta.exif).toBeDefined();
	expect(meta.orientation).toBe(6);
	return jpeg;
}

/** A valid PNG header claiming width x height pixels: a few bytes that would decode to gigabytes. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
	const png = Buffer.from(await canvas(1, 1).png().toBuffer());
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	png.writeUInt32BE(crc32(png.subarray(12, 29)), 29); // IHDR type + data, then its CRC
	return png;
}

describe('processPhoto', () => {
	it('re-encodes a phone JPEG upright, at most 2000px, without EXIF or GPS', async () => {
		const result = await processPhoto(await phoneJpeg());
		if (!result.ok) throw new Error(result.error);
		// Orientation 6 turns 3000x1500 into 1500x3000, then the long side is capped at 2000.
		expect([result.full.width, result.full.height]).toEqual([1000, 2000]);
		const full = await sharp(result.full.data).metadata();
		expect(full.format).toBe('webp');
		expect([full.width, full.height]).toEqual([1000, 2000]);
		expect(full.exif).toBeUndefined();
		expect(full.orientation).toBeUndefined();
		expect(Buffer.from(result.full.data).includes('PhoneMaker')).toBe(false);

		const thumb = await sharp(result.thumb.data).metadata();
		expect(thumb.exif).toBeUndefined();
		expect([thumb.width, thumb.height]).toEqual([result.thumb.width, result.thumb.height]);
		expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(THUMB_MAX_SIDE);
	});

	it('accepts a PNG and never enlarges a small one', async () => {
		const result = await processPhoto(await canvas(300, 200).png().toBuffer());
		if (!result.ok) throw new Error(result.error);
		expect([result.full.width, result.full.height]).toEqual([300, 200]);
		expect([result.thumb.width, result.thumb.height]).toEqual([300, 200]);
	});

	it('keeps thumbnails within 480px on both sides', async () => {
		const result = await processPhoto(await canvas(1200, 900).webp().toBuffer());
		if (!result.ok) throw new Error(result.error);
		expect([result.thumb.width, result.thumb.height]).toEqual([480, 360]);
	});

	it('accepts AVIF', async () => {
		const result = await processPhoto(await canvas(100, 50).avif().toBuffer());
		expect(result.ok).toBe(true);
	});

	it('says not_an_image for a text file named photo.jpg', async () => {
		const text = new TextEncoder().encode('this is not a photo, whatever the file name says\n'.repeat(20));
		expect(await processPhoto(text)).toEqual({ ok: false, error: 'not_an_image' });
	});

	it('says not_an_image for a JPEG cut off half way', async () => {
		const jpeg = await canvas(400, 400).jpeg().toBuffer();
		expect(await processPhoto(jpeg.subarray(0, jpeg.length / 2))).toEqual({ ok: false, error: 'not_an_image' });
	});

	it('says too_large above 8 MiB, before looking inside', async () => {
		expect(await processPhoto(new Uint8Array(9 * 1024 * 1024))).toEqual({ ok: false, error: 'too_large' });
		expect(MAX_PHOTO_BYTES).toBe(8 * 1024 * 1024);
	});

	it('says too_large for a tiny file that declares an enormous image (decompression bomb)', async () => {
		const bomb = await pngClaiming(30_000, 30_000);
		expect(bomb.length).toBeLessThan(200);
		expect(await processPhoto(bomb)).toEqual({ ok: false, error: 'too_large' });
	});

	it('says too_large for a 60-megapixel PNG of a few kilobytes, the size a probe slowed every page with', async () => {
		const flat = await canvas(10_000, 6_000).png({ compressionLevel: 9 }).toBuffer();
		expect(flat.length).toBeLessThan(MAX_PHOTO_BYTES);
		expect(await processPhoto(flat)).toEqual({ ok: false, error: 'too_large' });
	});

	it('decodes at most two photos at a time however many arrive at once', async () => {
		const photos = await Promise.all(Array.from({ length: 6 }, () => canvas(1200, 900).jpeg().toBuffer()));
		const before = decoding.peak;
		const results = await Promise.all(photos.map((p) => processPhoto(p)));
		expect(results.every((r) => r.ok)).toBe(true);
		expect(Math.max(before, decoding.peak)).toBeLessThanOrEqual(DECODE_SLOTS);
		expect(decoding.peak).toBe(DECODE_SLOTS);
	});

	it('says unsupported for image formats it does not take, like GIF', async () => {
		expect(await processPhoto(await canvas(10, 10).gif().toBuffer())).toEqual({ ok: false, error: 'unsupported' });
	});

	it('says unsupported for a HEVC-coded HEIC that this sharp build cannot decode', async () => {
		// Prebuilt sharp has no HEVC decoder. Turn an AVIF into a HEIC by brand and item type.
		const avif = (await canvas(64, 32).avif().toBuffer()).toString('latin1');
		const heic = Buffer.from(avif.replaceAll('avif', 'heic').replaceAll('av01', 'hvc1'), 'latin1');
		expect(await processPhoto(heic)).toEqual({ ok: false, error: 'unsupported' });
	});
});

describe('queue', () => {
	it('runs at most its slots at once, in arrival order, and a finished task hands its slot on', async () => {
		const q = queue(2);
		const order: number[] = [];
		let running = 0;
		let most = 0;
		const task = (n: number) => async () => {
			order.push(n);
			running++;
			most = Math.max(most, running);
			await new Promise((r) => setTimeout(r, 5 + (n % 3)));
			running--;
			return n;
		};
		const first = Array.from({ length: 5 }, (_, n) => q.run(task(n)));
		// A newcomer arriving while slots change hands waits its turn too.
		await first[0];
		const late = q.run(task(5));
		expect(await Promise.all([...first, late])).toEqual([0, 1, 2, 3, 4, 5]);
		expect(most).toBe(2);
		expect(q.peak).toBe(2);
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('frees the slot when a task fails', async () => {
		const q = queue(1);
		await expect(q.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
		expect(await q.run(() => Promise.resolve('next'))).toBe('next');
	});
});
