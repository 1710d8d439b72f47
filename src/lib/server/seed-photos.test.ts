import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPhoto } from './images';
import { machineArt, tradeArt } from './seed-photos';

describe('demo workshop pictures', () => {
	it('draws each trade as a picture that passes the upload pipeline', async () => {
		for (const code of ['3311', '152', '151', '259', '2511', '29', '181', '172']) {
			const png = await sharp(Buffer.from(tradeArt(code, 'demo-shop', 0)))
				.png()
				.toBuffer();
			const image = await processPhoto(new Uint8Array(png));
			expect(image.ok, code).toBe(true);
			if (image.ok) expect([image.full.width, image.full.height]).toEqual([800, 600]);
		}
	});

	it('draws different pictures for different trades, workshops and variants, and the same one again', () => {
		expect(tradeArt('3311', 'a', 0)).not.toBe(tradeArt('152', 'a', 0));
		expect(tradeArt('3311', 'a', 0)).not.toBe(tradeArt('3311', 'a', 1));
		expect(tradeArt('259', 'a', 0)).not.toBe(tradeArt('259', 'b', 0));
		expect(tradeArt('181', 'a', 1)).toBe(tradeArt('181', 'a', 1));
	});
});

describe('demo machine pictures', () => {
	it('draws each kind of shared machine as a picture that passes the upload pipeline, each kind differently', async () => {
		const kinds = ['3d_printer', 'laser_cutter', 'cnc', '3d_scanner', 'polisher', 'other'];
		for (const kind of kinds) {
			const png = await sharp(Buffer.from(machineArt(kind, 'machine-1')))
				.png()
				.toBuffer();
			const image = await processPhoto(new Uint8Array(png));
			expect(image.ok, kind).toBe(true);
		}
		expect(new Set(kinds.map((k) => machineArt(k, 'machine-1'))).size).toBe(kinds.length);
	});
});
