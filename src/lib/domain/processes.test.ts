import { describe, expect, it } from 'vitest';
import { processesIn } from './processes';

describe('processesIn', () => {
	it('finds the processes a request names in its words, once each, by their first name', () => {
		expect(processesIn('CNC 선반으로 깎고 아노다이징 처리, 선반 공차 ±0.01')).toEqual(['cnc 선반', '아노다이징']);
		expect(processesIn('Please do TIG welding and powder coating')).toEqual(['용접', '분체 도장']);
		expect(processesIn('반지를 주조한 뒤 연마를 부탁드립니다')).toEqual(['주조', '연마']);
		expect(processesIn('브래킷을 용접해서 보내 주세요')).toEqual(['용접']);
		expect(processesIn('명함 500장, 금박과 형압')).toEqual(['박', '형압']);
	});

	it('does not find a one-syllable name inside another word, nor processes in words that are not', () => {
		expect(processesIn('박스 포장으로 보내 주세요')).toEqual([]);
		expect(processesIn('알루미늄 케이스 30개')).toEqual([]);
		expect(processesIn('')).toEqual([]);
	});
});
