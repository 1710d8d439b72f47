import { describe, expect, it } from 'vitest';
import { exclusions, parseRules, regionOf, type EligibilityRule, type WorkshopFacts } from './eligibility';

const today = new Date('2026-12-07T00:00:00Z');
const jeweller: WorkshopFacts = {
	employees: 4,
	tradeDesignated: true,
	clusters: ['jongno-jewelry'],
	foundedYear: 2015,
	addressKo: '서울 종로구 돈화문로 11'
};
const microfinance: EligibilityRule[] = [
	{ kind: 'max_employees', value: 9 },
	{ kind: 'designated_trade' },
	{ kind: 'cluster_member', clusters: [] },
	{ kind: 'min_years', value: 1 },
	{ kind: 'region', regions: ['서울', '충북'] }
];

describe('program eligibility', () => {
	it('lets a small designated workshop of a cluster in', () => {
		expect(exclusions(microfinance, jeweller, today)).toEqual([]);
	});
	it('says which rule excludes a workshop, in Korean and English', () => {
		const big = exclusions(microfinance, { ...jeweller, employees: 12 }, today);
		expect(big.map((e) => e.ko)).toEqual(['종업원 10명 이상']);
		expect(big.map((e) => e.en)).toEqual(['10 or more employees']);
		expect(exclusions(microfinance, { ...jeweller, employees: 10 }, today).map((e) => e.ko)).toEqual(['종업원 10명 이상']);
		expect(exclusions(microfinance, { ...jeweller, employees: 9 }, today)).toEqual([]);
	});
	it('names every excluding rule: trade, cluster, years, region', () => {
		const outsider: WorkshopFacts = {
			employees: 3,
			tradeDesignated: false,
			clusters: [],
			foundedYear: 2026,
			addressKo: '부산광역시 사하구 1'
		};
		expect(exclusions(microfinance, outsider, today).map((e) => e.ko)).toEqual([
			'지정 업종이 아님',
			'지정 집적지 회원이 아님',
			'업력 1년 미만',
			'서울·충북 외 지역'
		]);
	});
	it('asks for a particular cluster by name, and for a founding year when years count', () => {
		const rules: EligibilityRule[] = [
			{ kind: 'cluster_member', clusters: ['seongsu-shoes'] },
			{ kind: 'min_years', value: 3 }
		];
		expect(exclusions(rules, { ...jeweller, foundedYear: null }, today, { 'seongsu-shoes': '성수 수제화' }).map((e) => e.ko)).toEqual([
			'성수 수제화 집적지 회원이 아님',
			'창업 연도 미입력'
		]);
	});
	it('reads regions spelled in full and drops rules it does not know', () => {
		expect(regionOf('충청북도 청주시 상당구')).toBe('충북');
		expect(regionOf('서울특별시 성동구')).toBe('서울');
		expect(parseRules([{ kind: 'max_employees', value: 9 }, { kind: 'astrology' }, { kind: 'region' }, null])).toEqual([
			{ kind: 'max_employees', value: 9 }
		]);
	});
});
