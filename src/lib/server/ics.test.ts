import { describe, expect, it } from 'vitest';
import { calendar } from './ics';

describe('event calendars', () => {
	it('write UTC times, the title and the place, one VEVENT per event', () => {
		const text = calendar(
			'종로 센터',
			[
				{
					id: 'e1',
					title: '3D 프린터 안전교육',
					description: '처음 예약 전에 받는 교육',
					starts_at: new Date('2026-12-10T05:00:00Z'), // 14:00 in Seoul
					ends_at: new Date('2026-12-10T07:00:00Z'),
					place: '센터 2층 교육장',
					online_url: null,
					url: 'https://sogong.example/support/events/e1'
				},
				{
					id: 'e2',
					title: '수출 세미나',
					description: '',
					starts_at: new Date('2026-12-11T01:00:00Z'),
					ends_at: new Date('2026-12-11T03:00:00Z'),
					place: '',
					online_url: 'https://meet.example/x',
					url: 'https://sogong.example/support/events/e2',
					cancelled: true
				}
			],
			'https://sogong.example'
		);
		expect(text).toContain('DTSTART:20261210T050000Z');
		expect(text).toContain('SUMMARY:3D 프린터 안전교육');
		expect(text).toContain('UID:e1@sogong.example');
		expect(text).toContain('LOCATION:https://meet.example/x');
		expect(text).toContain('STATUS:CANCELLED');
		expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
	});
});
