// Portfolio pictures for the demo marketplace's workshops: the seed is SQL, but photos are files in the
// storage port, so a freshly seeded marketplace gets them here, once, at its first start. Each is an
// illustration of the trade's work drawn as SVG (a ring on velvet, a stitched oxford, a gear and
// nut, printed sheets with colour bars), varied per workshop, rasterised and then stored through the
// same pipeline as an upload (WebP, thumbnail). No text is drawn: no fonts are needed.
import sharp from 'sharp';
import type { Sql } from 'postgres';
import { processPhoto } from './images';
import { savePhoto } from './photos';
import { setMachinePhoto } from './support-staff';
import type { StoragePort } from './storage/port';

const W = 800;
const H = 600;

/** A small deterministic generator (mulberry32) seeded by a workshop's slug: the same pictures every time. */
function random(seed: string): () => number {
	let h = 1779033703;
	for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
	let a = h >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pickOf = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];

const frame = (
	background: [string, string],
	body: string
) => `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>
<radialGradient id="bg" cx="50%" cy="40%" r="75%"><stop offset="0" stop-color="${background[0]}"/><stop offset="1" stop-color="${background[1]}"/></radialGradient>
<linearGradient id="metal" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity=".75"/><stop offset=".45" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".25"/></linearGradient>
</defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
${body}
</svg>`;

function jewelry(r: () => number, variant: number): string {
	const velvet = pickOf(r, [
		['#3b2a4a', '#140c1c'],
		['#1f3b36', '#0a1614'],
		['#4a1f2a', '#1a080d'],
		['#22304a', '#0b0f1a']
	] as [string, string][]);
	const metal = pickOf(r, ['#e2b857', '#d9d9de', '#e8a98f', '#f0cf7a']);
	const gem = pickOf(r, ['#9fd8ff', '#ff6b8a', '#6bffb5', '#ffffff', '#7f6bff']);
	if (variant % 2 === 0) {
		const cx = 400 + (r() - 0.5) * 80;
		return frame(
			velvet,
			`<ellipse cx="${cx}" cy="470" rx="230" ry="40" fill="#000" opacity=".35"/>
<ellipse cx="${cx}" cy="340" rx="170" ry="150" fill="none" stroke="${metal}" stroke-width="34"/>
<ellipse cx="${cx}" cy="340" rx="170" ry="150" fill="none" stroke="url(#metal)" stroke-width="34"/>
<polygon points="${cx - 55},190 ${cx},120 ${cx + 55},190 ${cx},240" fill="${gem}" stroke="#fff" stroke-opacity=".6" stroke-width="3"/>
<polygon points="${cx - 55},190 ${cx},120 ${cx},240" fill="#fff" opacity=".25"/>
<circle cx="${cx + 18}" cy="150" r="6" fill="#fff" opacity=".9"/>`
		);
	}
	const links = Array.from({ length: 15 }, (_, i) => {
		const t = (i / 14) * Math.PI;
		const x = 400 - Math.cos(t) * 260;
		const y = 120 + Math.sin(t) * 230;
		return `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="16" ry="10" fill="none" stroke="${metal}" stroke-width="6" transform="rotate(${((t * 180) / Math.PI - 90).toFixed(0)} ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
	}).join('\n');
	return frame(
		velvet,
		`${links}
<circle cx="400" cy="395" r="58" fill="${metal}"/><circle cx="400" cy="395" r="58" fill="url(#metal)"/>
<circle cx="400" cy="395" r="34" fill="${gem}"/><circle cx="388" cy="382" r="9" fill="#fff" opacity=".8"/>`
	);
}

function shoes(r: () => number, variant: number): string {
	const floor = pickOf(r, [
		['#efe4d2', '#c9b79c'],
		['#e9e1d8', '#b7a794'],
		['#f3ebe0', '#d2bfa6']
	] as [string, string][]);
	const leather = pickOf(r, ['#6b3a1f', '#2b2623', '#8a4b2a', '#5a2230', '#a0683a']);
	if (variant % 2 === 0) {
		return frame(
			floor,
			`<ellipse cx="410" cy="455" rx="300" ry="26" fill="#000" opacity=".18"/>
<path d="M120 430 C 130 360, 200 330, 290 320 C 360 250, 430 230, 500 260 C 560 285, 640 300, 690 350 C 720 385, 705 430, 660 440 L 140 445 C 120 445, 115 438, 120 430 Z" fill="${leather}"/>
<path d="M120 430 C 130 360, 200 330, 290 320 C 360 250, 430 230, 500 260 C 560 285, 640 300, 690 350 C 720 385, 705 430, 660 440 L 140 445 Z" fill="url(#metal)" opacity=".5"/>
<path d="M290 320 C 350 300, 420 300, 470 330" fill="none" stroke="#f5e6c8" stroke-width="3" stroke-dasharray="8 7"/>
<path d="M130 428 L 690 428" stroke="#1a1411" stroke-width="14"/>
<path d="M140 420 C 260 410, 520 410, 680 418" fill="none" stroke="#f5e6c8" stroke-width="2" stroke-dasharray="6 6"/>
<circle cx="420" cy="300" r="6" fill="#1a1411"/><circle cx="445" cy="310" r="6" fill="#1a1411"/><circle cx="395" cy="292" r="6" fill="#1a1411"/>`
		);
	}
	return frame(
		floor,
		`<ellipse cx="400" cy="470" rx="260" ry="24" fill="#000" opacity=".15"/>
<path d="M180 440 C 170 360, 230 250, 330 240 C 420 232, 520 260, 600 330 C 640 365, 640 430, 600 445 Z" fill="#c8a57a"/>
<path d="M180 440 C 170 360, 230 250, 330 240 C 420 232, 520 260, 600 330 C 640 365, 640 430, 600 445 Z" fill="url(#metal)" opacity=".45"/>
<rect x="300" y="150" width="70" height="100" rx="10" fill="#8d6b48"/>
<rect x="450" y="300" width="180" height="26" rx="6" fill="${leather}" transform="rotate(-12 540 313)"/>
<path d="M470 296 L 620 265" stroke="#f5e6c8" stroke-width="2" stroke-dasharray="6 6"/>`
	);
}

function gear(cx: number, cy: number, radius: number, teeth: number, color: string): string {
	const points: string[] = [];
	for (let i = 0; i < teeth * 2; i++) {
		const a = (i / (teeth * 2)) * Math.PI * 2;
		const rr = i % 2 === 0 ? radius : radius * 0.84;
		const a2 = a + Math.PI / (teeth * 2);
		points.push(`${(cx + Math.cos(a) * rr).toFixed(1)},${(cy + Math.sin(a) * rr).toFixed(1)}`);
		points.push(`${(cx + Math.cos(a2) * rr).toFixed(1)},${(cy + Math.sin(a2) * rr).toFixed(1)}`);
	}
	return `<polygon points="${points.join(' ')}" fill="${color}"/>
<polygon points="${points.join(' ')}" fill="url(#metal)"/>
<circle cx="${cx}" cy="${cy}" r="${(radius * 0.32).toFixed(1)}" fill="#2b3036"/>`;
}

function metal(r: () => number, variant: number): string {
	const bench = pickOf(r, [
		['#5d6670', '#2a2f35'],
		['#4d5a63', '#1e2428'],
		['#6b6f73', '#2e3033']
	] as [string, string][]);
	const steel = pickOf(r, ['#b9c2cc', '#c9ced4', '#d4b27a', '#a9b4bd']);
	if (variant % 2 === 0) {
		return frame(
			bench,
			`${gear(330, 300, 170, 14 + Math.floor(r() * 6), steel)}
${gear(560, 410, 95, 10, pickOf(r, ['#d4b27a', '#9aa3ad']))}
<polygon points="600,140 660,140 690,192 660,244 600,244 570,192" fill="${steel}"/><circle cx="630" cy="192" r="24" fill="#2b3036"/>`
		);
	}
	return frame(
		bench,
		`<rect x="120" y="250" width="560" height="100" rx="14" fill="${steel}"/>
<rect x="120" y="250" width="560" height="100" rx="14" fill="url(#metal)"/>
${Array.from({ length: 9 }, (_, i) => `<rect x="${200 + i * 40}" y="250" width="10" height="100" fill="#000" opacity=".12"/>`).join('')}
<rect x="90" y="230" width="60" height="140" rx="8" fill="#7d868f"/>
<rect x="650" y="270" width="90" height="60" rx="6" fill="#7d868f"/>
<circle cx="300" cy="460" r="36" fill="${steel}"/><circle cx="300" cy="460" r="14" fill="#2b3036"/>
<circle cx="420" cy="470" r="30" fill="${steel}"/><circle cx="420" cy="470" r="12" fill="#2b3036"/>`
	);
}

function printing(r: () => number, variant: number): string {
	const desk = pickOf(r, [
		['#f4f1ea', '#d8d2c4'],
		['#eef0f2', '#c9ced4'],
		['#f6efe6', '#dccdb8']
	] as [string, string][]);
	const accent = pickOf(r, ['#00a0e0', '#e4007f', '#ffd400', '#1d3557', '#e76f51']);
	const bars = ['#00a0e0', '#e4007f', '#ffd400', '#1a1a1a']
		.map((c, i) => `<rect x="${520 + i * 40}" y="90" width="34" height="34" fill="${c}"/>`)
		.join('');
	if (variant % 2 === 0) {
		return frame(
			desk,
			`${[0, 1, 2, 3]
				.map(
					(i) =>
						`<rect x="${150 + i * 14}" y="${140 + i * 12}" width="420" height="300" fill="#fff" stroke="#cfc8b8" transform="rotate(${-6 + i * 3} 360 290)"/>`
				)
				.join('')}
<rect x="210" y="210" width="300" height="110" fill="${accent}" transform="rotate(3 360 290)"/>
<rect x="210" y="340" width="220" height="14" fill="#555" transform="rotate(3 360 290)"/>
<rect x="210" y="368" width="260" height="14" fill="#999" transform="rotate(3 360 290)"/>
${bars}
<circle cx="700" cy="480" r="26" fill="none" stroke="#1a1a1a" stroke-width="3"/><path d="M670 480 H730 M700 450 V510" stroke="#1a1a1a" stroke-width="3"/>`
		);
	}
	return frame(
		desk,
		`<polygon points="250,250 450,190 620,250 420,310" fill="${accent}"/>
<polygon points="250,250 420,310 420,480 250,420" fill="${accent}" opacity=".8"/>
<polygon points="420,310 620,250 620,420 420,480" fill="${accent}" opacity=".6"/>
<polygon points="250,250 420,310 420,480 250,420" fill="#000" opacity=".15"/>
<rect x="290" y="330" width="90" height="60" fill="#fff" opacity=".85" transform="skewY(20)"/>
${bars}`
	);
}

/** The trade's illustration for a workshop (KSIC code; the variant picks among its compositions). */
export function tradeArt(tradeCode: string, seed: string, variant: number): string {
	const r = random(`${seed}:${variant}`);
	if (tradeCode.startsWith('331')) return jewelry(r, variant);
	if (tradeCode.startsWith('15')) return shoes(r, variant);
	if (tradeCode.startsWith('18') || tradeCode.startsWith('17')) return printing(r, variant);
	return metal(r, variant);
}

/** Pictures per demo workshop: two for most, three for every third. */
const picturesFor = (index: number) => (index % 3 === 0 ? 3 : 2);

/**
 * Gives the demo workshops (the seed's fixed ids) their pictures when none of them has any yet: a
 * freshly seeded marketplace. Runs as the database owner; returns how many pictures were stored.
 */
export async function seedPhotos(sql: Sql, storage: StoragePort): Promise<number> {
	const workshops = await sql<{ id: string; slug: string; trade_code: string }[]>`
		select w.id, w.slug, w.trade_code from public.workshops w
		where w.id::text like '00000000-0000-4000-8000-00000000f%'
		order by w.slug`;
	if (workshops.length === 0) return 0;
	const [{ n }] = await sql<{ n: number }[]>`
		select count(*)::int as n from public.workshop_photos where workshop_id = any(${workshops.map((w) => w.id)}::uuid[])`;
	if (n > 0) return 0;
	let stored = 0;
	for (const [index, w] of workshops.entries()) {
		for (let variant = 0; variant < picturesFor(index); variant++) {
			const png = await sharp(Buffer.from(tradeArt(w.trade_code, w.slug, variant + index)))
				.png()
				.toBuffer();
			const image = await processPhoto(new Uint8Array(png));
			if (!image.ok) throw new Error(`seed picture of ${w.slug}: ${image.error}`);
			await sql.begin((tx) => savePhoto(tx, storage, w.id, image));
			stored++;
		}
	}
	return stored;
}

// ---------------------------------------------------------------- shared machines of the support centers
const workshopWall: [string, string][] = [
	['#e9edf2', '#b9c2cc'],
	['#efe9e1', '#c4b8a8'],
	['#e3ecea', '#aebfba']
];

const machineBody = (x: number, y: number, w: number, h: number, fill: string) =>
	`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${fill}"/><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="url(#metal)" opacity=".5"/>`;

/** An illustration of a shared machine by its kind (support_machines.kind); no text. */
export function machineArt(kind: string, seed: string): string {
	const r = random(seed);
	const wall = pickOf(r, workshopWall);
	const shell = pickOf(r, ['#2f3a48', '#3d4a3f', '#474c55', '#24303d']);
	const accent = pickOf(r, ['#f28c28', '#2a9df4', '#e94f64', '#49b675']);
	const floor = `<rect y="470" width="${W}" height="${H - 470}" fill="#000" opacity=".12"/><ellipse cx="400" cy="490" rx="270" ry="22" fill="#000" opacity=".25"/>`;
	switch (kind) {
		case '3d_printer':
			return frame(
				wall,
				`${floor}${machineBody(220, 110, 360, 380, shell)}
<rect x="250" y="140" width="300" height="270" rx="6" fill="#cfe8ff" opacity=".35"/>
<rect x="262" y="180" width="276" height="12" fill="#9aa3ad"/><rect x="${330 + r() * 80}" y="168" width="44" height="50" rx="4" fill="${accent}"/>
<polygon points="${352 + r() * 60},218 ${348 + r() * 60},218 350,230" fill="#666"/>
<path d="M330 390 L350 300 L450 300 L470 390 Z" fill="${accent}" opacity=".85"/><path d="M350 300 L450 300 L440 280 L360 280 Z" fill="${accent}"/>
<rect x="262" y="390" width="276" height="14" fill="#7b848e"/><rect x="260" y="430" width="80" height="34" rx="4" fill="#111"/><rect x="268" y="438" width="64" height="18" fill="#4fd1ff" opacity=".8"/>`
			);
		case 'laser_cutter':
			return frame(
				wall,
				`${floor}${machineBody(120, 260, 560, 220, shell)}
<polygon points="120,260 680,260 640,170 160,170" fill="${shell}"/><polygon points="170,180 630,180 655,250 145,250" fill="#ffb347" opacity=".45"/>
<rect x="200" y="220" width="400" height="14" fill="#9aa3ad"/><rect x="${300 + r() * 160}" y="206" width="40" height="40" rx="4" fill="#ccc"/>
<path d="M${320 + r() * 160} 246 v60" stroke="#ff2d2d" stroke-width="4"/><circle cx="${320 + r() * 160}" cy="306" r="8" fill="#ff6b6b" opacity=".8"/>
<rect x="150" y="300" width="500" height="20" fill="#c9a27a"/><rect x="560" y="400" width="90" height="50" rx="4" fill="#111"/><circle cx="605" cy="425" r="12" fill="${accent}"/>`
			);
		case 'cnc':
			return frame(
				wall,
				`${floor}${machineBody(160, 120, 480, 360, shell)}
<rect x="190" y="150" width="420" height="250" rx="6" fill="#dfe7ee" opacity=".45"/>
<rect x="370" y="150" width="60" height="120" fill="#9aa3ad"/><rect x="385" y="270" width="30" height="40" fill="#cfd6dd"/><polygon points="392,310 408,310 400,335" fill="#e0e0e0"/>
<rect x="250" y="350" width="300" height="30" fill="#7b848e"/><rect x="330" y="320" width="140" height="32" fill="#b0b8c1"/>
<rect x="520" y="410" width="90" height="50" rx="4" fill="#111"/><circle cx="545" cy="435" r="10" fill="#e94f64"/><circle cx="580" cy="435" r="10" fill="${accent}"/>`
			);
		case '3d_scanner':
			return frame(
				wall,
				`${floor}<ellipse cx="360" cy="430" rx="150" ry="34" fill="${shell}"/><ellipse cx="360" cy="420" rx="150" ry="34" fill="#8d97a2"/>
<path d="M320 420 C310 350 330 300 360 280 C390 300 410 350 400 420 Z" fill="${accent}"/>
<rect x="560" y="150" width="24" height="300" fill="#6b7480"/><rect x="520" y="160" width="110" height="60" rx="10" fill="${shell}"/>
<circle cx="545" cy="190" r="14" fill="#9fd8ff"/><circle cx="600" cy="190" r="14" fill="#9fd8ff"/>
<polygon points="525,200 300,270 300,430 525,215" fill="#9fd8ff" opacity=".22"/>`
			);
		case 'polisher':
			return frame(
				wall,
				`${floor}${machineBody(300, 300, 200, 180, shell)}
<rect x="240" y="250" width="320" height="60" rx="30" fill="#7b848e"/>
<circle cx="220" cy="280" r="${70 + r() * 15}" fill="#f3ead7"/><circle cx="220" cy="280" r="20" fill="#9aa3ad"/>
<circle cx="580" cy="280" r="${70 + r() * 15}" fill="${accent}" opacity=".85"/><circle cx="580" cy="280" r="20" fill="#9aa3ad"/>
<rect x="360" y="400" width="80" height="30" rx="4" fill="#111"/>`
			);
		default:
			return frame(wall, `${floor}${machineBody(250, 180, 300, 300, shell)}<circle cx="400" cy="330" r="60" fill="${accent}"/>`);
	}
}

/**
 * Gives the demo centers' machines (the seed's centers) a picture each while none of them has one,
 * stored as staff uploads are. Returns how many were stored.
 */
export async function seedMachinePhotos(sql: Sql, storage: StoragePort): Promise<number> {
	const machines = await sql<{ id: string; kind: string; center_id: string }[]>`
		select m.id, m.kind, m.center_id from public.support_machines m
		where m.center_id::text like '00000000-0000-4000-8000-0000000c%' order by m.id`;
	if (machines.length === 0) return 0;
	const [{ n }] = await sql<{ n: number }[]>`
		select count(*)::int as n from public.support_machines where id = any(${machines.map((m) => m.id)}::uuid[]) and photos <> '{}'`;
	if (n > 0) return 0;
	for (const m of machines) {
		const png = await sharp(Buffer.from(machineArt(m.kind, m.id)))
			.png()
			.toBuffer();
		const stored = await sql.begin((tx) => setMachinePhoto(tx, storage, m.center_id, m.id, new Uint8Array(png)));
		if (stored !== 'ok') throw new Error(`seed picture of machine ${m.id}: ${stored}`);
	}
	return machines.length;
}
