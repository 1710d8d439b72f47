// Search port: workshop discovery. Engines: Meilisearch (production, MEILI_URL) and PostgreSQL
// full-text + pg_trgm in the app's own database (embedded default, and the fallback when
// Meilisearch is unreachable). Both pass one contract suite (contract.ts).

/** What is indexed of a workshop: approved cluster members only, public fields only. */
export interface WorkshopDoc {
	id: string;
	slug: string;
	name_ko: string;
	name_en: string | null;
	trade_code: string;
	trade_name_ko: string;
	trade_name_en: string;
	/** Slugs of the clusters the workshop is an approved member of. */
	clusters: string[];
	district_ko: string;
	description_ko: string;
	description_en: string;
	processes: string[];
	equipment: string[];
	materials: string[];
	certifications: string[];
	verified: boolean;
	/** Holds a master craftsman title (명장 / 기능장 / 숙련기술인). */
	master: boolean;
	featured: boolean;
	/**
	 * The scorecard's tie-breaker, 0..3 (private.scorecard_search_boost: on-time share and response
	 * time, from 3 completed orders); absent is 0.
	 */
	scorecard?: number;
	accepting_orders: boolean;
	min_order_units: number | null;
	lead_time_days: number | null;
	employees: number;
	lat: number | null;
	lng: number | null;
	/** First portfolio thumbnail, for result cards. */
	thumb_path: string | null;
	updated_at: string;
}

export const FACETS = [
	'clusters',
	'trade_code',
	'processes',
	'materials',
	'district_ko',
	'verified',
	'master',
	'accepting_orders'
] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchFilters {
	clusters?: string[];
	trade_code?: string[];
	processes?: string[];
	materials?: string[];
	district_ko?: string[];
	verified?: boolean;
	master?: boolean;
	accepting_orders?: boolean;
	/** Minimum order of the workshop is at most this many units. */
	max_min_order?: number;
	/** Typical lead time is at most this many days. */
	max_lead_time?: number;
	/** Only workshops within radius_km of the point. */
	within?: { lat: number; lng: number; radius_km: number };
}

export interface SearchQuery {
	/** Free text, Korean or English; may be initial consonants only (ㅈㅇㄹ). */
	q: string;
	filters: SearchFilters;
	/** 'distance' needs `from`. */
	sort: 'relevance' | 'distance';
	from?: { lat: number; lng: number };
	page: number;
	per_page: number;
	/** Facet counts to compute (over the query and all filters). */
	facets: readonly Facet[];
	/**
	 * True when the caller reads only the hits' documents (matching): an engine may then skip counting
	 * and highlighting; `total` is only what this page holds and the highlight fields may be empty.
	 */
	documentsOnly?: boolean;
	/**
	 * 'key': the words must be in the key fields (trade, processes, materials, equipment,
	 * certifications), not only in a name or description, and are taken as whole words (no prefix
	 * matching of a half-typed last word or a lone syllable) — what matching looks for. Default 'all'.
	 */
	scope?: 'all' | 'key';
}

export interface Hit {
	doc: WorkshopDoc;
	/** name and description with matched words wrapped in <mark>…</mark>, everything else HTML-escaped. */
	highlight: { name: string; description: string };
	distance_km: number | null;
}

export interface SearchResult {
	hits: Hit[];
	total: number;
	facets: Partial<Record<Facet, { value: string; count: number }[]>>;
	engine: 'postgres' | 'meilisearch';
}

export interface SearchEngine {
	readonly kind: 'postgres' | 'meilisearch';
	/** Applies index settings (awaited) before any document is added; idempotent. */
	prepare(): Promise<void>;
	upsert(docs: WorkshopDoc[]): Promise<void>;
	remove(ids: string[]): Promise<void>;
	/** Removes every document (used by reindex). */
	clear(): Promise<void>;
	search(query: SearchQuery): Promise<SearchResult>;
}
