// Deterministic synthetic national-scale corpus of WorkshopDocs for the search benchmark.
// The same seed gives the same documents in the same order, and the first N documents do not
// depend on how many are generated, so a 20,000 run is a prefix of the 317,000 one.
import type { WorkshopDoc } from '../../src/lib/server/search/port';
import {
	BRAND_SYLLABLES,
	CERTIFICATIONS,
	CRAFT_CLUSTERS,
	DISTRICTS,
	MASTER_CERTIFICATIONS,
	NAME_HEADS,
	TRADES,
	type District,
	type TradeVocabulary
} from './vocabulary';

/** About 317,000 craftsman business entities in Korea (SMBA, 2014): national scale. */
export const NATIONAL_SCALE = 317_000;
export const DEFAULT_SEED = 20170301;

/** sfc32: small, fast, good enough statistically, and identical on every platform. */
export function prng(seed: number): () => number {
	let a = 0x9e3779b9;
	let b = 0x243f6a88;
	let c = 0xb7e15162;
	let d = seed >>> 0;
	const next = () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 15; i++) next();
	return next;
}

class Dice {
	constructor(readonly random: () => number) {}
	int(min: number, max: number): number {
		return min + Math.floor(this.random() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.random() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.random() * items.length)];
	}
	/** k distinct items, in list order. */
	some<T>(items: readonly T[], min: number, max: number): T[] {
		const k = Math.min(items.length, this.int(min, max));
		const chosen = new Set<number>();
		while (chosen.size < k) chosen.add(Math.floor(this.random() * items.length));
		return [...chosen].sort((x, y) => x - y).map((i) => items[i]);
	}
	gaussian(): number {
		const u = 1 - this.random();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.random());
	}
}

function weighted<T extends { weight: number }>(items: readonly T[]): (r: number) => T {
	const total = items.reduce((s, x) => s + x.weight, 0);
	const cumulative: number[] = [];
	let sum = 0;
	for (const item of items) cumulative.push((sum += item.weight / total));
	return (r) => {
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] < r) lo = mid + 1;
			else hi = mid;
		}
		return items[lo];
	};
}

const pickTrade = weighted(TRADES);
const pickDistrict = weighted(DISTRICTS);
// Cluster districts are where their trade concentrates: a workshop of a cluster trade lands in the
// cluster's district this often, whatever the national spread says.
const CLUSTER_DISTRICT_SHARE: Record<string, number> = {
	'3311': 0.45,
	'3312': 0.35,
	'152': 0.4,
	'151': 0.2,
	'25': 0.12,
	'259': 0.12,
	'2511': 0.1,
	'29': 0.1,
	'181': 0.15,
	'172': 0.12
};
const CLUSTER_OF_TRADE = new Map<string, (typeof CRAFT_CLUSTERS)[number]>();
for (const c of CRAFT_CLUSTERS) for (const t of c.trades) CLUSTER_OF_TRADE.set(t, c);
const DISTRICT_BY_NAME = new Map(DISTRICTS.map((d) => [d.ko, d]));

const KM_PER_DEG_LAT = 111.32;

/** The id of the i-th workshop of the corpus. */
export function workshopId(i: number): string {
	return `00000000-0000-4000-8000-${(0x100000 + i).toString(16).padStart(12, '0')}`;
}

function brandHead(dice: Dice): [string, string] {
	const ko = dice.pick(BRAND_SYLLABLES) + dice.pick(BRAND_SYLLABLES);
	return [ko, ''];
}

const ROMAN: Record<string, string> = Object.fromEntries(NAME_HEADS);

function sentence(parts: (string | false | undefined)[]): string {
	return parts.filter(Boolean).join(' ');
}

function describeKo(
	dice: Dice,
	t: TradeVocabulary,
	d: District,
	processes: string[],
	materials: string[],
	equipment: string[],
	year: number,
	employees: number,
	leadTime: number | null,
	minOrder: number | null
): string {
	const where = d.dongs ? dice.pick(d.dongs) : d.ko;
	const p = processes;
	const lines: string[] = [];
	lines.push(
		dice.pick([
			`${year}년 ${where}에서 문을 연 ${t.short_ko} 공방입니다.`,
			`${where}에서 ${2025 - year}년째 ${t.short_ko} 한 길을 걸어온 작업장입니다.`,
			`${d.ko} ${where}의 ${t.short_ko} 전문 업체로, ${employees}명의 기술자가 일합니다.`,
			`${year}년부터 ${t.short_ko} 일을 해 온 ${employees}인 작업장입니다.`
		])
	);
	lines.push(p.length >= 3 ? `${p[0]}부터 ${p[1]}, ${p[p.length - 1]}까지 한 곳에서 책임집니다.` : `${p.join(', ')} 작업을 주로 합니다.`);
	lines.push(
		dice.pick([
			`${materials.join('·')} 작업에 강합니다.`,
			`주로 쓰는 소재는 ${materials.join(', ')}입니다.`,
			`${materials[0]} 가공 경험이 많습니다.`
		])
	);
	if (dice.chance(0.6)) lines.push(`${dice.some(t.products, 1, 2).join(', ')} 주문을 받습니다.`);
	if (dice.chance(0.5)) lines.push(`${equipment.slice(0, 2).join('와 ')}를 갖추고 있습니다.`);
	const extras = [
		'소량 주문도 환영합니다.',
		'스타트업 시제품 제작 경험이 많습니다.',
		'납기를 꼭 지킵니다.',
		'도면만 주시면 견적을 드립니다.',
		'OEM·ODM 생산 가능합니다.',
		'디자이너 브랜드와 협업해 왔습니다.',
		'급한 일정도 상담해 드립니다.',
		'방문 상담은 예약제로 운영합니다.',
		'해외 수출용 제품도 만듭니다.'
	];
	lines.push(dice.pick(extras));
	if (leadTime !== null && dice.chance(0.4)) lines.push(`보통 ${leadTime}일 안에 납품합니다.`);
	if (minOrder !== null && dice.chance(0.3)) lines.push(`최소 주문 수량은 ${minOrder.toLocaleString('en-US')}개입니다.`);
	let text = '';
	for (const line of lines) {
		if (text.length + line.length + 1 > 300) break;
		text = text ? `${text} ${line}` : line;
	}
	while (text.length < 100) text += ` ${dice.pick(extras)}`;
	return text;
}

function describeEn(dice: Dice, t: TradeVocabulary, d: District, year: number, employees: number): string {
	return sentence([
		dice.pick([
			`A ${t.short_en} workshop founded in ${year}.`,
			`${employees} craftspeople working in ${t.short_en} since ${year}.`,
			`Small ${t.short_en} shop with ${employees} staff.`
		]),
		`We make ${dice.some(t.products_en, 1, 2).join(' and ')} to order`,
		dice.pick(['in small runs.', 'from drawings or samples.', 'for brands and startups.', 'with short lead times.']),
		dice.chance(0.3) && 'English-speaking contact available.'
	]);
}

/** The i-th workshop of the stream (dice must have produced the 0..i-1 ones before). */
function makeDoc(dice: Dice, i: number): WorkshopDoc {
	const t = pickTrade(dice.random());
	const cluster = CLUSTER_OF_TRADE.get(t.code);
	let d = pickDistrict(dice.random());
	if (cluster && dice.chance(CLUSTER_DISTRICT_SHARE[t.code] ?? 0)) d = DISTRICT_BY_NAME.get(cluster.district)!;
	const inClusterDistrict = cluster?.district === d.ko;
	// About 10% of the corpus are approved members of one of the four clusters (plus a few others).
	const clusters: string[] = [];
	if (cluster && inClusterDistrict && dice.chance(0.6)) clusters.push(cluster.slug);

	const [suffixKo, suffixEn] = dice.pick(t.suffixes);
	const [headKo, headEn] = dice.chance(0.8) ? dice.pick(NAME_HEADS) : brandHead(dice);
	const name_ko = dice.chance(0.1) ? `${headKo} ${suffixKo}` : `${headKo}${suffixKo}`;
	const name_en = headEn && dice.chance(0.45) ? `${headEn} ${suffixEn}` : null;

	const processes = dice.some(t.processes, 2, 5);
	const equipment = dice.some(t.equipment, 1, 4);
	const materials = dice.some(t.materials, 1, 4);
	const employees = dice.chance(0.9) ? dice.int(1, 9) : dice.int(10, 30);
	// Food safety for food makers, forest certification for paper: the rest fits any trade.
	const certifications = dice
		.some(CERTIFICATIONS, 0, 2)
		.filter((c) => (c !== 'HACCP' || t.code === '1071') && (c !== 'FSC CoC 인증' || t.code === '181' || t.code === '172'));
	if (dice.chance(0.03)) certifications.push(dice.pick(MASTER_CERTIFICATIONS));
	const master = certifications.some((c) => MASTER_CERTIFICATIONS.includes(c));
	const min_order_units = dice.chance(0.85) ? dice.pick([1, 1, 1, 5, 10, 10, 30, 50, 100, 100, 300, 500, 1000, 5000]) : null;
	const lead_time_days = dice.chance(0.9) ? dice.pick([1, 2, 3, 3, 5, 5, 7, 7, 10, 14, 14, 21, 30, 45]) : null;
	const year = dice.int(1965, 2024);

	// Cluster members sit tight around the cluster centre; others scatter across their district.
	const spreadKm = inClusterDistrict ? 0.8 : 2.5;
	const hasPlace = dice.chance(0.95);
	const lat = hasPlace ? d.lat + (dice.gaussian() * spreadKm) / KM_PER_DEG_LAT : null;
	const lng = hasPlace ? d.lng + (dice.gaussian() * spreadKm) / (KM_PER_DEG_LAT * Math.cos((d.lat * Math.PI) / 180)) : null;

	const day = 1 + (i % 28);
	const roman = ROMAN[headKo]?.toLowerCase() ?? 'ws';
	return {
		id: workshopId(i),
		slug: `${roman}-${t.code}-${i.toString(36)}`,
		name_ko,
		name_en,
		trade_code: t.code,
		trade_name_ko: t.name_ko,
		trade_name_en: t.name_en,
		clusters,
		district_ko: d.ko,
		description_ko: describeKo(dice, t, d, processes, materials, equipment, year, employees, lead_time_days, min_order_units),
		description_en: dice.chance(0.4) ? describeEn(dice, t, d, year, employees) : '',
		processes,
		equipment,
		materials,
		certifications,
		verified: dice.chance(clusters.length ? 0.7 : 0.35),
		master,
		featured: dice.chance(0.02),
		accepting_orders: dice.chance(0.8),
		min_order_units,
		lead_time_days,
		employees,
		lat: lat === null ? null : Math.round(lat * 1e6) / 1e6,
		lng: lng === null ? null : Math.round(lng * 1e6) / 1e6,
		thumb_path: dice.chance(0.6) ? `bench/${i % 997}.webp` : null,
		updated_at: new Date(Date.UTC(2026, dice.int(0, 10), day, 9)).toISOString()
	};
}

/** Yields the corpus in batches (memory stays bounded while loading a database). */
export function* corpusBatches(total: number, batchSize: number, seed = DEFAULT_SEED): Generator<WorkshopDoc[]> {
	const dice = new Dice(prng(seed));
	for (let start = 0; start < total; start += batchSize) {
		const batch: WorkshopDoc[] = [];
		for (let i = start; i < Math.min(total, start + batchSize); i++) batch.push(makeDoc(dice, i));
		yield batch;
	}
}

export function generateCorpus(total: number, seed = DEFAULT_SEED): WorkshopDoc[] {
	const all: WorkshopDoc[] = [];
	for (const batch of corpusBatches(total, 10_000, seed)) for (const doc of batch) all.push(doc);
	return all;
}

// `tsx tests/bench/corpus.ts [N]` prints a sample and a few statistics.
if (import.meta.url === `file://${process.argv[1]}`) {
	const n = Number(process.argv[2] ?? 2000);
	const docs = generateCorpus(n);
	console.log(JSON.stringify(docs.slice(0, 3), null, 1));
	const share = (f: (d: WorkshopDoc) => boolean) => ((100 * docs.filter(f).length) / n).toFixed(1) + '%';
	const lengths = docs.map((d) => d.description_ko.length).sort((a, b) => a - b);
	console.log({
		n,
		clusters: share((d) => d.clusters.length > 0),
		jongno: share((d) => d.district_ko === '종로구'),
		jewelry: share((d) => d.trade_code === '3311'),
		verified: share((d) => d.verified),
		name_en: share((d) => d.name_en !== null),
		desc_len: [lengths[0], lengths[n >> 1], lengths[n - 1]],
		distinct_names: new Set(docs.map((d) => d.name_ko)).size
	});
}
