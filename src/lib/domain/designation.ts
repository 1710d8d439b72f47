// The designation tracker's counting: of a cluster's approved members, which count towards the SE
// cluster threshold (fewer than 10 employees, a designated trade, in the cluster's district or county)
// and why the others do not. Pure, so the page, exports and tests count the same way.
import { craftsmanEligible, thresholdProgress, type DistrictKind, type ThresholdProgress } from './clusters';

export interface DesignationMember {
	workshop_id: string;
	name: string;
	employees: number | null;
	trade_code: string | null;
	district_ko: string;
	verified: boolean;
}

/** Why a member does not (yet) count; 'unverified' members would count once verified. */
export type Shortfall = 'unverified' | 'unknown_employees' | 'too_many_employees' | 'unknown_trade' | 'other_trade' | 'elsewhere';

export interface Designation {
	progress: ThresholdProgress;
	/** Verified members that count. */
	eligible: DesignationMember[];
	/** Members that would count once verified. */
	unverified: DesignationMember[];
	/** Members that do not count, each with every reason. */
	notCounted: { member: DesignationMember; reasons: Shortfall[] }[];
}

/** '종로구' matches '종로구', '서울 종로구' and '종로구 봉익동'; blank never matches. */
export function inDistrict(memberDistrict: string, clusterDistrict: string): boolean {
	const want = clusterDistrict.trim();
	if (!want) return false;
	return memberDistrict.split(/\s+/).some((part) => part === want);
}

export function designation(
	members: readonly DesignationMember[],
	cluster: { district_ko: string; district_kind: DistrictKind },
	designatedTrades: ReadonlySet<string>
): Designation {
	const eligible: DesignationMember[] = [];
	const unverified: DesignationMember[] = [];
	const notCounted: Designation['notCounted'] = [];
	for (const member of members) {
		const reasons: Shortfall[] = [];
		if (member.employees === null) reasons.push('unknown_employees');
		else if (!craftsmanEligible(member.employees)) reasons.push('too_many_employees');
		if (!member.trade_code) reasons.push('unknown_trade');
		else if (!designatedTrades.has(member.trade_code)) reasons.push('other_trade');
		if (!inDistrict(member.district_ko, cluster.district_ko)) reasons.push('elsewhere');
		if (reasons.length) notCounted.push({ member, reasons });
		else if (member.verified) eligible.push(member);
		else unverified.push(member);
	}
	const byName = (a: DesignationMember, b: DesignationMember) => a.name.localeCompare(b.name, 'ko');
	return {
		progress: thresholdProgress(eligible.length, cluster.district_kind),
		eligible: eligible.sort(byName),
		unverified: unverified.sort(byName),
		notCounted: notCounted.sort((a, b) => byName(a.member, b.member))
	};
}
