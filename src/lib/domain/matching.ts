// Matching workshops and requests for quote: one scorer, both directions (a request's ranked
// workshops, a workshop's recommended requests). Every factor and its weight is in FACTORS; see
// README.md beside this file for why each weight is what it is. Candidates come from the search
// engine (filters first); this only orders them and explains the order.
//
// Speed: rank() scores national-scale candidate sets (317,000 workshops). A request is prepared
// once (normalised processes, trade prefixes, days to deadline, the products and materials it
// names); each candidate is then scored with no allocation (per-request caches keyed by process
// text, material text and trade code), and reasons are built only for the candidates returned.
import { distanceKm, type LatLng } from './geo';
import { normalize } from './korean';
import { materialsIn, meets, type Material } from './materials';
import { processesIn } from './processes';
import { productsIn, tradeMakes, type Product } from './products';
import { daysUntil, TEMPLATES, type TemplateId } from './request-templates';
import { NEW_BELOW_COMPLETED } from './scorecard';

/** A workshop's record from its scorecard (public.workshop_scorecards, computed from its orders). */
export interface MatchRecord {
	/** Orders completed in the scorecard's period. */
	completed: number;
	/** Of those, delivered on or before the agreed date. */
	on_time: number;
	/** Median minutes from an invitation or forwarding to its first quote or message. */
	median_response_minutes: number | null;
}

/**
 * What matching needs of a workshop: the fields of its search document it scores (the search
 * port's WorkshopDoc has them; the domain names them itself and depends on no server module), plus
 * its scorecard's record when it has one.
 */
export interface MatchCandidate {
	id: string;
	name_ko: string;
	trade_code: string;
	/** Slugs of the clusters the workshop is an approved member of. */
	clusters: string[];
	processes: string[];
	verified: boolean;
	/** Holds a master craftsman title (명장 / 기능장 / 숙련기술인). */
	master: boolean;
	featured: boolean;
	accepting_orders: boolean;
	min_order_units: number | null;
	lead_time_days: number | null;
	lat: number | null;
	lng: number | null;
	/** Materials as the workshop wrote them ('티타늄 Gr5', 'SUS304'); absent or empty: not said. */
	materials?: readonly string[];
	record?: MatchRecord | null;
}

export interface MatchRequest {
	template: TemplateId;
	/** KSIC codes wanted (prefixes: '25' covers 2511); empty means the template's trades. */
	trade_codes: readonly string[];
	required_processes: readonly string[];
	quantity: number | null;
	/** ISO date, the last day the goods may arrive. */
	deadline: string | null;
	/** The request's delivery point, else its company's address; null: distance does not count. */
	location: LatLng | null;
	/** Where `location` is (reasons say it): the request's delivery point (default) or the company's address. */
	location_from?: LocationFrom;
	/** Title, description and details in words: the products and materials it names count. */
	text?: string;
	today: Date;
	/** Slugs of the craft clusters whose specialty is the trade wanted: see specialtyClusters(). */
	specialty_clusters?: readonly string[];
}

export type LocationFrom = 'request' | 'company';

export type MatchReasonKey =
	| 'match_reason_processes'
	| 'match_reason_trade'
	| 'match_reason_trade_other'
	| 'match_reason_product'
	| 'match_reason_product_other'
	| 'match_reason_materials'
	| 'match_reason_materials_missing'
	| 'match_reason_cluster_specialty'
	| 'match_reason_distance_request'
	| 'match_reason_distance_company'
	| 'match_reason_lead_time'
	| 'match_reason_lead_time_too_long'
	| 'match_reason_min_order'
	| 'match_reason_min_order_above'
	| 'match_reason_accepting'
	| 'match_reason_not_accepting'
	| 'match_reason_verified'
	| 'match_reason_master'
	| 'matching_reason_on_time_all'
	| 'matching_reason_on_time_share'
	| 'matching_reason_response';

/** A reason in words: a message key and its parameters; `fit` false marks a drawback (shown as a warning). */
export interface MatchReason {
	key: MatchReasonKey;
	params: Record<string, string | number | boolean>;
	fit: boolean;
}

export interface Match {
	/** 0–100, whole number. */
	score: number;
	/** In FACTORS order. */
	reasons: MatchReason[];
}

/** A request made ready for scoring many candidates: normalised once, with per-request caches. */
export interface PreparedRequest {
	/** Required processes, normalised, deduplicated; at most 30 (one bit each). */
	required: readonly string[];
	/** Candidate process text → bitmask of the required processes it covers. */
	coverage: Map<string, number>;
	tradeCodes: readonly string[];
	/** Products the request names. */
	products: readonly Product[];
	/** Per trade code, how the trade fits the request (see tradeFit). */
	trades: Map<string, TradeFit>;
	/** Materials the request names (at most 30, one bit each), and per material text of a workshop the bitmask it meets. */
	materials: readonly Material[];
	materialMask: Map<string, number>;
	/** Trades that make the kind of thing requested (see kindOfRequest); empty: no gate. */
	kind: readonly string[];
	specialty: readonly string[];
	location: LatLng | null;
	locationFrom: LocationFrom;
	/** Kilometres per degree of longitude at the request's latitude (for the fast distance). */
	kmPerDegreeLng: number;
	/** Days from today (in Korea) to the deadline. */
	availableDays: number | null;
	quantity: number | null;
	/** Weight of each of FACTORS, 0 where the factor does not apply to this request. */
	weights: Float64Array;
	totalWeight: number;
}

export interface Factor {
	readonly key: string;
	readonly weight: number;
	/** Whether the request says enough for this factor to count at all (same for every candidate). */
	applies(p: PreparedRequest): boolean;
	/** 0–1; NEUTRAL when the candidate's profile does not say. */
	fraction(p: PreparedRequest, c: MatchCandidate): number;
	reason(p: PreparedRequest, c: MatchCandidate): MatchReason | null;
}

/** Credit for what a workshop's profile leaves out: less than a fit, more than a misfit. */
export const NEUTRAL = 0.5;
/** Distance at which the distance factor gives half credit. */
export const HALF_CREDIT_KM = 10;
/** A workshop this close is "near" (fit); farther ones still score, less. */
export const NEAR_KM = 10;
/** Answering within this many hours is full credit ("answers within a day"). */
export const RESPONSIVE_HOURS = 24;
/** On time in at least this share of orders is said as a fit ("11 of the last 12 on time"). */
export const ON_TIME_FIT = 0.8;
/**
 * A workshop whose trade does not make the kind of thing requested keeps this share of its score:
 * verified, near and quick to answer, a jewelry shop still does not make an aluminium case.
 */
export const OTHER_TRADE_SHARE = 0.5;

const MAX_REQUIRED = 30;
/** Kilometres per degree of latitude on the mean Earth radius that geo.distanceKm uses. */
const KM_PER_DEGREE = (2 * Math.PI * 6371.0088) / 360;

// ---------------------------------------------------------------- helpers

/** Either code is a prefix of the other: a '25' workshop can take a '2511' job and vice versa. */
function relatedTrade(code: string, wanted: readonly string[]): boolean {
	for (let i = 0; i < wanted.length; i++) if (code.startsWith(wanted[i]) || wanted[i].startsWith(code)) return true;
	return false;
}

/**
 * Two normalised process names name the same work when equal or when one contains the other
 * ('선반' in 'cnc 선반'), word by word ('cnc 선반' in 'cnc 자동선반'); a one-letter word ('박', foil)
 * only as a whole word, so it does not match '압박'.
 */
export function sameProcess(a: string, b: string): boolean {
	if (a === b) return true;
	const short = a.length <= b.length ? a : b;
	const long = short === a ? b : a;
	if (short.length === 0) return false;
	if (long.includes(short) && short.length >= 2) return true;
	return short.split(' ').every((word) => (word.length >= 2 ? long.includes(word) : ` ${long} `.includes(` ${word} `)));
}

/** Which required processes one of the candidate's processes covers; normalised once per distinct text. */
function coverageMask(p: PreparedRequest, process: string): number {
	let mask = p.coverage.get(process);
	if (mask === undefined) {
		mask = 0;
		const folded = normalize(process);
		for (let i = 0; i < p.required.length; i++) if (sameProcess(folded, p.required[i])) mask |= 1 << i;
		p.coverage.set(process, mask);
	}
	return mask;
}

/** How many bits of a mask are set. */
function bits(mask: number): number {
	let count = 0;
	for (; mask !== 0; mask &= mask - 1) count++;
	return count;
}

function coveredCount(p: PreparedRequest, c: MatchCandidate): number {
	let mask = 0;
	const processes = c.processes;
	for (let i = 0; i < processes.length; i++) mask |= coverageMask(p, processes[i]);
	return bits(mask);
}

/** How a trade fits a request; the same for every workshop of the trade. */
interface TradeFit {
	/** Related to a trade the request wants (the trade factor). */
	trade: number;
	/** Share of the named products the trade makes (the product factor). */
	product: number;
	/** What the score is multiplied by: 1, or OTHER_TRADE_SHARE for a trade that does not make the kind of thing requested. */
	gate: number;
}

/** The trade's fit, worked out once per trade code: a few dozen codes among 317,000 workshops. */
function tradeFit(p: PreparedRequest, code: string): TradeFit {
	let fit = p.trades.get(code);
	if (fit === undefined) {
		fit = {
			trade: relatedTrade(code, p.tradeCodes) ? 1 : 0,
			product: p.products.length === 0 ? 0 : p.products.filter((product) => tradeMakes(code, product)).length / p.products.length,
			gate: p.kind.length === 0 || relatedTrade(code, p.kind) ? 1 : OTHER_TRADE_SHARE
		};
		p.trades.set(code, fit);
	}
	return fit;
}

/** Which requested materials one material text of a workshop meets; read once per distinct text. */
function materialMask(p: PreparedRequest, text: string): number {
	let mask = p.materialMask.get(text);
	if (mask === undefined) {
		mask = 0;
		for (const has of materialsIn(text)) for (let i = 0; i < p.materials.length; i++) if (meets(has, p.materials[i])) mask |= 1 << i;
		p.materialMask.set(text, mask);
	}
	return mask;
}

/** Bitmask of the requested materials the workshop lists; -1 when it lists none (not said). */
function materialsMet(p: PreparedRequest, c: MatchCandidate): number {
	const listed = c.materials;
	if (listed === undefined || listed.length === 0) return -1;
	let mask = 0;
	for (let i = 0; i < listed.length; i++) mask |= materialMask(p, listed[i]);
	return mask;
}

/** A record long enough to judge by (NEW_BELOW_COMPLETED orders, as the scorecard's "new"); else null. */
function judgedRecord(c: MatchCandidate): MatchRecord | null {
	const record = c.record;
	return record && record.completed >= NEW_BELOW_COMPLETED ? record : null;
}

function specialtyCluster(p: PreparedRequest, c: MatchCandidate): string | null {
	const clusters = c.clusters;
	for (let i = 0; i < clusters.length; i++)
		for (let j = 0; j < p.specialty.length; j++) if (clusters[i] === p.specialty[j]) return clusters[i];
	return null;
}

/**
 * Equirectangular distance: exact within a city, 0.1% off Seoul–Cheongju, 0.5% off Seoul–Busan, and
 * several times cheaper than haversine, which matters over 317,000 candidates. Reasons show geo.distanceKm.
 */
function fastKm(p: PreparedRequest, c: MatchCandidate): number {
	const from = p.location as LatLng;
	const dy = ((c.lat as number) - from.lat) * KM_PER_DEGREE;
	const dx = ((c.lng as number) - from.lng) * p.kmPerDegreeLng;
	return Math.sqrt(dx * dx + dy * dy);
}

const reason = (key: MatchReasonKey, params: MatchReason['params'] = {}, fit = true): MatchReason => ({ key, params, fit });
const keys = (list: ReadonlyArray<{ key: string }>) => list.map((x) => x.key).join(',');

// ---------------------------------------------------------------- the factors
// One fraction function per factor (0–1), named so that scorePrepared can call each directly.

const processesFraction = (p: PreparedRequest, c: MatchCandidate) => (p.required.length === 0 ? 0 : coveredCount(p, c) / p.required.length);
const tradeFraction = (p: PreparedRequest, c: MatchCandidate) => tradeFit(p, c.trade_code).trade;
const productFraction = (p: PreparedRequest, c: MatchCandidate) => tradeFit(p, c.trade_code).product;

function materialsFraction(p: PreparedRequest, c: MatchCandidate): number {
	if (p.materials.length === 0) return 0;
	const met = materialsMet(p, c);
	return met < 0 ? NEUTRAL : bits(met) / p.materials.length;
}
const clusterFraction = (p: PreparedRequest, c: MatchCandidate) => (specialtyCluster(p, c) === null ? 0 : 1);

function distanceFraction(p: PreparedRequest, c: MatchCandidate): number {
	if (p.location === null || c.lat === null || c.lng === null) return NEUTRAL;
	return HALF_CREDIT_KM / (HALF_CREDIT_KM + fastKm(p, c));
}

function leadTimeFraction(p: PreparedRequest, c: MatchCandidate): number {
	const days = c.lead_time_days;
	const available = p.availableDays;
	if (available === null || days === null) return NEUTRAL;
	return days <= available ? 1 : (0.5 * Math.max(0, available)) / days;
}

function minOrderFraction(p: PreparedRequest, c: MatchCandidate): number {
	const min = c.min_order_units;
	const requested = p.quantity;
	if (requested === null || min === null) return NEUTRAL;
	return min <= requested ? 1 : (0.5 * requested) / min;
}

const acceptingFraction = (_p: PreparedRequest, c: MatchCandidate) => (c.accepting_orders ? 1 : 0);
const verifiedFraction = (_p: PreparedRequest, c: MatchCandidate) => (c.verified ? 1 : 0);
const masterFraction = (_p: PreparedRequest, c: MatchCandidate) => (c.master ? 1 : 0);

function onTimeFraction(_p: PreparedRequest, c: MatchCandidate): number {
	const record = judgedRecord(c);
	return record === null ? NEUTRAL : Math.min(record.on_time, record.completed) / record.completed;
}

function responsiveFraction(_p: PreparedRequest, c: MatchCandidate): number {
	const minutes = judgedRecord(c)?.median_response_minutes;
	if (minutes === null || minutes === undefined) return NEUTRAL;
	const hours = minutes / 60;
	return hours <= RESPONSIVE_HOURS ? 1 : RESPONSIVE_HOURS / hours;
}

/** The factors and their weights (sum 100). README.md explains each weight. */
export const FACTORS: readonly Factor[] = Object.freeze([
	{
		// The work itself: a workshop that does 4 of the 5 required processes beats one that does 2.
		key: 'processes',
		weight: 24,
		applies: (p) => p.required.length > 0,
		fraction: processesFraction,
		reason: (p, c) => {
			const covered = coveredCount(p, c);
			return reason('match_reason_processes', { covered, required: p.required.length }, covered > 0);
		}
	},
	{
		// The workshop's registered trade (KSIC) is the one the request needs.
		key: 'trade',
		weight: 8,
		applies: (p) => p.tradeCodes.length > 0,
		fraction: tradeFraction,
		reason: (p, c) =>
			relatedTrade(c.trade_code, p.tradeCodes)
				? reason('match_reason_trade', { code: c.trade_code })
				: p.products.length === 0
					? reason('match_reason_trade_other', { code: c.trade_code }, false)
					: null
	},
	{
		// What the request names (귀걸이, 로퍼, 브래킷, 단상자) is made by the workshop's trade (products.ts).
		key: 'product',
		weight: 10,
		applies: (p) => p.products.length > 0,
		fraction: productFraction,
		reason: (p, c) => {
			const made = p.products.filter((product) => tradeMakes(c.trade_code, product));
			return made.length > 0
				? reason('match_reason_product', { products: keys(made) })
				: reason('match_reason_product_other', { products: keys(p.products) }, false);
		}
	},
	{
		// The materials the request names are among the workshop's (티타늄 on a titanium request).
		key: 'materials',
		weight: 10,
		applies: (p) => p.materials.length > 0,
		fraction: materialsFraction,
		reason: (p, c) => {
			const met = materialsMet(p, c);
			if (met < 0) return null;
			const listed = p.materials.filter((_, i) => (met & (1 << i)) !== 0);
			return listed.length > 0
				? reason('match_reason_materials', { materials: keys(listed) })
				: reason('match_reason_materials_missing', { materials: keys(p.materials) }, false);
		}
	},
	{
		// Member of the cluster specialised in this trade: neighbours to hand sub-steps to, a manager who vouches.
		key: 'cluster_specialty',
		weight: 6,
		applies: (p) => p.specialty.length > 0,
		fraction: clusterFraction,
		reason: (p, c) => {
			const cluster = specialtyCluster(p, c);
			return cluster === null ? null : reason('match_reason_cluster_specialty', { cluster });
		}
	},
	{
		// Near the delivery place (or the company): visits, samples and deliveries are cheap. Half credit at HALF_CREDIT_KM.
		key: 'distance',
		weight: 10,
		applies: (p) => p.location !== null,
		fraction: distanceFraction,
		reason: (p, c) => {
			if (p.location === null || c.lat === null || c.lng === null) return null;
			const km = distanceKm(p.location, { lat: c.lat, lng: c.lng });
			const key = p.locationFrom === 'company' ? 'match_reason_distance_company' : 'match_reason_distance_request';
			return reason(key, { km: Math.round(km * 10) / 10 }, km <= NEAR_KM);
		}
	},
	{
		// Typical lead time fits the days left until the deadline; too long scores less, in proportion.
		key: 'lead_time',
		weight: 9,
		applies: (p) => p.availableDays !== null,
		fraction: leadTimeFraction,
		reason: (p, c) => {
			const days = c.lead_time_days;
			const available = p.availableDays;
			if (available === null || days === null) return null;
			return days <= available
				? reason('match_reason_lead_time', { days, fits: true })
				: reason('match_reason_lead_time_too_long', { days, available: Math.max(0, available) }, false);
		}
	},
	{
		// The workshop's minimum order is within the quantity asked; above it scores less, in proportion.
		key: 'min_order',
		weight: 7,
		applies: (p) => p.quantity !== null,
		fraction: minOrderFraction,
		reason: (p, c) => {
			const min = c.min_order_units;
			const requested = p.quantity;
			if (requested === null || min === null) return null;
			return min <= requested
				? reason('match_reason_min_order', { min, requested })
				: reason('match_reason_min_order_above', { min, requested }, false);
		}
	},
	{
		// Taking orders now; a full workshop still shows (the startup may wait) but further down.
		key: 'accepting',
		weight: 5,
		applies: () => true,
		fraction: acceptingFraction,
		reason: (_p, c) => (c.accepting_orders ? reason('match_reason_accepting') : reason('match_reason_not_accepting', {}, false))
	},
	{
		// Checked by the cluster manager (business registration, a visit).
		key: 'verified',
		weight: 3,
		applies: () => true,
		fraction: verifiedFraction,
		reason: (_p, c) => (c.verified ? reason('match_reason_verified') : null)
	},
	{
		// A master craftsman title (명장 / 기능장 / 숙련기술인).
		key: 'master',
		weight: 2,
		applies: () => true,
		fraction: masterFraction,
		reason: (_p, c) => (c.master ? reason('match_reason_master') : null)
	},
	{
		// Share of completed orders delivered on time (scorecard); under NEW_BELOW_COMPLETED orders: neutral.
		key: 'on_time',
		weight: 3,
		applies: () => true,
		fraction: onTimeFraction,
		reason: (_p, c) => {
			const record = judgedRecord(c);
			if (record === null) return null;
			const count = Math.min(record.on_time, record.completed);
			return count === record.completed
				? reason('matching_reason_on_time_all', { count })
				: reason('matching_reason_on_time_share', { count, of: record.completed }, count / record.completed >= ON_TIME_FIT);
		}
	},
	{
		// Median first answer to an invitation (scorecard); full credit within a day, then in proportion (48 h: half).
		key: 'responsive',
		weight: 3,
		applies: () => true,
		fraction: responsiveFraction,
		reason: (_p, c) => {
			const minutes = judgedRecord(c)?.median_response_minutes;
			if (minutes === null || minutes === undefined) return null;
			return reason('matching_reason_response', { minutes }, minutes <= RESPONSIVE_HOURS * 60);
		}
	}
] satisfies Factor[]);

// ---------------------------------------------------------------- scoring

/** Craft clusters whose specialty trade is wanted (clusters are data: the server passes its table). */
export function specialtyClusters(
	clusters: ReadonlyArray<{ slug: string; trade_code: string | null }>,
	tradeCodes: readonly string[]
): string[] {
	return clusters.filter((c) => c.trade_code !== null && relatedTrade(c.trade_code, tradeCodes)).map((c) => c.slug);
}

/**
 * The trades that make the kind of thing requested: those of the products it names, with the
 * request's own trades (its code, or its template's); empty when it says neither (a general request
 * naming no product), and then no workshop is held back.
 */
export function kindOfRequest(request: Pick<MatchRequest, 'template' | 'trade_codes' | 'text'>): string[] {
	const own = request.trade_codes.length > 0 ? request.trade_codes : TEMPLATES[request.template].tradeCodes;
	return [...new Set([...productsIn(request.text ?? '').flatMap((m) => m.product.trades), ...own])];
}

/** A request's title, description and details as one text, for the products and materials it names. */
export function requestText(request: { title: string; description: string; details: unknown }): string {
	const values: string[] = [];
	const collect = (value: unknown) => {
		if (typeof value === 'string') values.push(value);
		else if (Array.isArray(value)) value.forEach(collect);
		else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
	};
	collect(request.details);
	return [request.title, request.description, ...values].join('\n');
}

export function prepare(request: MatchRequest): PreparedRequest {
	const location = request.location;
	const text = request.text ?? '';
	// The processes it lists, then those its words name that the list does not already have.
	const listed = [...new Set(request.required_processes.map(normalize).filter((s) => s !== ''))];
	const named = processesIn(text).filter((n) => !listed.some((l) => sameProcess(l, n)));
	const required = [...listed, ...named].slice(0, MAX_REQUIRED);
	const p: PreparedRequest = {
		required,
		coverage: new Map(),
		tradeCodes: request.trade_codes.length > 0 ? request.trade_codes : TEMPLATES[request.template].tradeCodes,
		products: productsIn(text).map((m) => m.product),
		trades: new Map(),
		materials: materialsIn(text).slice(0, MAX_REQUIRED),
		materialMask: new Map(),
		kind: kindOfRequest(request),
		specialty: [...new Set(request.specialty_clusters ?? [])],
		location,
		locationFrom: request.location_from ?? 'request',
		kmPerDegreeLng: location ? KM_PER_DEGREE * Math.cos((location.lat * Math.PI) / 180) : 0,
		availableDays: request.deadline ? daysUntil(request.deadline, request.today) : null,
		quantity: request.quantity !== null && request.quantity >= 1 ? request.quantity : null,
		weights: new Float64Array(FACTORS.length),
		totalWeight: 0
	};
	FACTORS.forEach((f, i) => {
		if (f.applies(p)) p.weights[i] = f.weight;
	});
	p.totalWeight = p.weights.reduce((sum, w) => sum + w, 0);
	return p;
}

/**
 * The score alone, 0–100: what ranking runs over every candidate. The weighted sum over FACTORS,
 * written out so each fraction is a direct call the engine can inline (a loop over the table's
 * functions is several times slower at 317,000 candidates); a test keeps it equal to the table.
 * A workshop whose trade does not make the kind of thing requested keeps OTHER_TRADE_SHARE of it.
 */
export function scorePrepared(p: PreparedRequest, c: MatchCandidate): number {
	const w = p.weights;
	const trade = tradeFit(p, c.trade_code);
	const sum =
		(w[0] === 0 ? 0 : w[0] * processesFraction(p, c)) +
		w[1] * trade.trade +
		w[2] * trade.product +
		(w[3] === 0 ? 0 : w[3] * materialsFraction(p, c)) +
		(w[4] === 0 ? 0 : w[4] * clusterFraction(p, c)) +
		w[5] * distanceFraction(p, c) +
		w[6] * leadTimeFraction(p, c) +
		w[7] * minOrderFraction(p, c) +
		w[8] * acceptingFraction(p, c) +
		w[9] * verifiedFraction(p, c) +
		w[10] * masterFraction(p, c) +
		w[11] * onTimeFraction(p, c) +
		w[12] * responsiveFraction(p, c);
	return Math.round((trade.gate * sum * 100) / p.totalWeight);
}

export function explainPrepared(p: PreparedRequest, c: MatchCandidate): Match {
	const reasons: MatchReason[] = [];
	FACTORS.forEach((f, i) => {
		const r = p.weights[i] === 0 ? null : f.reason(p, c);
		if (r !== null) reasons.push(r);
	});
	return { score: scorePrepared(p, c), reasons };
}

/** One workshop against one request, with reasons. */
export function score(request: MatchRequest, candidate: MatchCandidate): Match {
	return explainPrepared(prepare(request), candidate);
}

// ---------------------------------------------------------------- ranking

export const DEFAULT_LIMIT = 100;

/**
 * Indices of the best `limit` of n items, best first, where before(a, b) says a ranks above b.
 * A bounded heap keeps the worst kept item on top, so most items cost one comparison.
 */
function topIndices(n: number, limit: number, before: (a: number, b: number) => boolean): number[] {
	const k = Math.min(limit, n);
	if (k <= 0) return [];
	const heap = new Int32Array(k);
	let size = 0;
	const siftUp = (at: number) => {
		while (at > 0) {
			const parent = (at - 1) >> 1;
			if (!before(heap[parent], heap[at])) break;
			[heap[parent], heap[at]] = [heap[at], heap[parent]];
			at = parent;
		}
	};
	const siftDown = (at: number) => {
		for (;;) {
			const left = 2 * at + 1;
			if (left >= size) break;
			const right = left + 1;
			const worse = right < size && before(heap[left], heap[right]) ? right : left;
			if (!before(heap[at], heap[worse])) break;
			[heap[at], heap[worse]] = [heap[worse], heap[at]];
			at = worse;
		}
	};
	for (let i = 0; i < n; i++) {
		if (size < k) {
			heap[size++] = i;
			siftUp(size - 1);
		} else if (before(i, heap[0])) {
			heap[0] = i;
			siftDown(0);
		}
	}
	return Array.from(heap.subarray(0, size)).sort((a, b) => (before(a, b) ? -1 : 1));
}

export interface RankOptions {
	/** How many to return, best first (default DEFAULT_LIMIT); reasons are built for these only. */
	limit?: number;
}

/**
 * Workshops for a request, best first. Equal scores: featured, then verified, then Korean name,
 * then input order, so the same input always gives the same order.
 */
export function rank<C extends MatchCandidate>(
	request: MatchRequest,
	candidates: readonly C[],
	options: RankOptions = {}
): Array<Match & { candidate: C }> {
	const p = prepare(request);
	const scores = new Uint8Array(candidates.length);
	for (let i = 0; i < candidates.length; i++) scores[i] = scorePrepared(p, candidates[i]);
	const before = (a: number, b: number): boolean => {
		if (scores[a] !== scores[b]) return scores[a] > scores[b];
		const ca = candidates[a];
		const cb = candidates[b];
		if (ca.featured !== cb.featured) return ca.featured;
		if (ca.verified !== cb.verified) return ca.verified;
		if (ca.name_ko !== cb.name_ko) return ca.name_ko < cb.name_ko;
		return a < b;
	};
	return topIndices(candidates.length, options.limit ?? DEFAULT_LIMIT, before).map((i) => ({
		candidate: candidates[i],
		...explainPrepared(p, candidates[i])
	}));
}

/** Requests recommended to a workshop, best first, by the same scorer; equal scores keep input order. */
export function rankRequestsForWorkshop<R extends MatchRequest>(
	workshop: MatchCandidate,
	requests: readonly R[],
	options: RankOptions = {}
): Array<Match & { request: R }> {
	const prepared = requests.map(prepare);
	const scores = prepared.map((p) => scorePrepared(p, workshop));
	const before = (a: number, b: number): boolean => (scores[a] !== scores[b] ? scores[a] > scores[b] : a < b);
	return topIndices(requests.length, options.limit ?? DEFAULT_LIMIT, before).map((i) => ({
		request: requests[i],
		...explainPrepared(prepared[i], workshop)
	}));
}

/** Every reason key the UI renders (messages/*.json must have each). */
export const MATCH_REASON_KEYS: readonly MatchReasonKey[] = Object.freeze([
	'match_reason_processes',
	'match_reason_trade',
	'match_reason_trade_other',
	'match_reason_product',
	'match_reason_product_other',
	'match_reason_materials',
	'match_reason_materials_missing',
	'match_reason_cluster_specialty',
	'match_reason_distance_request',
	'match_reason_distance_company',
	'match_reason_lead_time',
	'match_reason_lead_time_too_long',
	'match_reason_min_order',
	'match_reason_min_order_above',
	'match_reason_accepting',
	'match_reason_not_accepting',
	'match_reason_verified',
	'match_reason_master',
	'matching_reason_on_time_all',
	'matching_reason_on_time_share',
	'matching_reason_response'
]);
