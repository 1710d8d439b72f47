import { describe, expect, it } from 'vitest';
import { designation, inDistrict, type DesignationMember } from './designation';

const trades = new Set(['3311', '152']);
let n = 0;
const member = (over: Partial<DesignationMember> = {}): DesignationMember => ({
	workshop_id: `w${++n}`,
	name: `공방${n}`,
	employees: 3,
	trade_code: '3311',
	district_ko: '종로구',
	verified: true,
	...over
});
const jongno = { district_ko: '종로구', district_kind: 'district' as const };

describe('designation', () => {
	it('counts verified members under 10 employees in a designated trade in the district, against 50', () => {
		const members = Array.from({ length: 12 }, () => member());
		const d = designation(members, jongno, trades);
		expect(d.eligible).toHaveLength(12);
		expect(d.progress).toMatchObject({ required: 50, have: 12, missing: 38, met: false, percent: 24 });
	});

	it('uses the county threshold of 20 and says when it is met', () => {
		const members = Array.from({ length: 20 }, () => member({ district_ko: '옥천군' }));
		const d = designation(members, { district_ko: '옥천군', district_kind: 'county' }, trades);
		expect(d.progress).toMatchObject({ required: 20, have: 20, missing: 0, met: true, percent: 100 });
	});

	it('shows unverified members apart: they would count once verified', () => {
		const d = designation([member(), member({ verified: false })], jongno, trades);
		expect(d.eligible).toHaveLength(1);
		expect(d.unverified).toHaveLength(1);
		expect(d.progress.have).toBe(1);
	});

	it('gives every reason a member does not count', () => {
		const d = designation(
			[
				member({ employees: 10 }),
				member({ employees: null }),
				member({ trade_code: null }),
				member({ trade_code: '2599' }),
				member({ district_ko: '중구', employees: 12, verified: false })
			],
			jongno,
			trades
		);
		expect(d.eligible).toEqual([]);
		expect(d.unverified).toEqual([]);
		expect(d.notCounted.map((x) => x.reasons)).toEqual([
			['too_many_employees'],
			['unknown_employees'],
			['unknown_trade'],
			['other_trade'],
			['too_many_employees', 'elsewhere']
		]);
	});

	it('counts 9 employees and not 10 (fewer than 10)', () => {
		const d = designation([member({ employees: 9 }), member({ employees: 10 })], jongno, trades);
		expect(d.eligible.map((m) => m.employees)).toEqual([9]);
	});

	it('matches the district as a whole word of the address', () => {
		expect(inDistrict('서울 종로구 봉익동', '종로구')).toBe(true);
		expect(inDistrict('종로구', '종로구')).toBe(true);
		expect(inDistrict('중구', '종로구')).toBe(false);
		expect(inDistrict('', '종로구')).toBe(false);
		expect(inDistrict('종로구', ' ')).toBe(false);
	});
});
