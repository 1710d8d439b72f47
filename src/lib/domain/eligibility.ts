// Who may apply to a support program: rules kept as data on the program (support_programs.eligibility)
// and evaluated against a workshop's facts. Each rule that excludes a workshop is said in words, in
// Korean and English ("종업원 10명 이상"), so the dashboard can tell a craftsman why a program is not
// for them. Pure: the date is an argument.

export type EligibilityRule =
	/** Fewer than value + 1 employees (a craftsman: fewer than 10, value 9). */
	| { kind: 'max_employees'; value: number }
	/** The workshop's trade is one of the designated manufacturing businesses. */
	| { kind: 'designated_trade' }
	/** An approved member of one of these clusters (slugs), or of any cluster when the list is empty. */
	| { kind: 'cluster_member'; clusters: string[] }
	/** In business for at least value years. */
	| { kind: 'min_years'; value: number }
	/** Located in one of these regions (the first word of the address: 서울, 충북 …). */
	| { kind: 'region'; regions: string[] };

export interface WorkshopFacts {
	employees: number;
	tradeDesignated: boolean;
	/** Slugs of the clusters the workshop is an approved member of. */
	clusters: string[];
	foundedYear: number | null;
	addressKo: string;
}

export interface Exclusion {
	rule: EligibilityRule;
	ko: string;
	en: string;
}

/** The first word of a Korean address, spelled the short way (서울특별시 → 서울, 충청북도 → 충북). */
export function regionOf(address: string): string {
	const first = address.trim().split(/\s+/)[0] ?? '';
	const long: Record<string, string> = {
		서울특별시: '서울',
		부산광역시: '부산',
		대구광역시: '대구',
		인천광역시: '인천',
		광주광역시: '광주',
		대전광역시: '대전',
		울산광역시: '울산',
		세종특별자치시: '세종',
		경기도: '경기',
		강원도: '강원',
		강원특별자치도: '강원',
		충청북도: '충북',
		충청남도: '충남',
		전라북도: '전북',
		전북특별자치도: '전북',
		전라남도: '전남',
		경상북도: '경북',
		경상남도: '경남',
		제주특별자치도: '제주'
	};
	return long[first] ?? first;
}

/** Whole years from the founding year to `today`'s year. */
export const yearsInBusiness = (foundedYear: number, today: Date) => today.getUTCFullYear() - foundedYear;

/** Why the rule excludes the workshop, in words; null when it does not. */
export function exclusion(
	rule: EligibilityRule,
	w: WorkshopFacts,
	today: Date,
	clusterNames: Record<string, string> = {}
): Exclusion | null {
	switch (rule.kind) {
		case 'max_employees':
			return w.employees > rule.value ? { rule, ko: `종업원 ${rule.value + 1}명 이상`, en: `${rule.value + 1} or more employees` } : null;
		case 'designated_trade':
			return w.tradeDesignated ? null : { rule, ko: '지정 업종이 아님', en: 'Not a designated trade' };
		case 'cluster_member': {
			const ok = rule.clusters.length === 0 ? w.clusters.length > 0 : rule.clusters.some((c) => w.clusters.includes(c));
			if (ok) return null;
			const names = rule.clusters.map((c) => clusterNames[c] ?? c).join(', ');
			return rule.clusters.length === 0
				? { rule, ko: '지정 집적지 회원이 아님', en: 'Not a member of a designated cluster' }
				: { rule, ko: `${names} 집적지 회원이 아님`, en: `Not a member of ${names}` };
		}
		case 'min_years':
			if (w.foundedYear !== null && yearsInBusiness(w.foundedYear, today) >= rule.value) return null;
			return w.foundedYear === null
				? { rule, ko: '창업 연도 미입력', en: 'Founding year not given' }
				: { rule, ko: `업력 ${rule.value}년 미만`, en: `Less than ${rule.value} years in business` };
		case 'region':
			return rule.regions.includes(regionOf(w.addressKo))
				? null
				: { rule, ko: `${rule.regions.join('·')} 외 지역`, en: `Outside ${rule.regions.join(', ')}` };
	}
}

/** Every rule that excludes the workshop (empty: eligible). */
export function exclusions(
	rules: readonly EligibilityRule[],
	w: WorkshopFacts,
	today: Date,
	clusterNames?: Record<string, string>
): Exclusion[] {
	return rules.map((r) => exclusion(r, w, today, clusterNames)).filter((e): e is Exclusion => e !== null);
}

/** The rules a program keeps as data, checked: unknown kinds are dropped rather than trusted. */
export function parseRules(data: unknown): EligibilityRule[] {
	if (!Array.isArray(data)) return [];
	return data.filter((r): r is EligibilityRule => {
		if (!r || typeof r !== 'object') return false;
		const k = (r as { kind?: unknown }).kind;
		const v = (r as { value?: unknown }).value;
		switch (k) {
			case 'max_employees':
			case 'min_years':
				return typeof v === 'number';
			case 'designated_trade':
				return true;
			case 'cluster_member':
				return Array.isArray((r as { clusters?: unknown }).clusters);
			case 'region':
				return Array.isArray((r as { regions?: unknown }).regions);
			default:
				return false;
		}
	});
}
