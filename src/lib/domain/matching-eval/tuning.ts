// Tuning requests of the matching evaluation: the ones the weights were adjusted against (the issue's
// own examples among them: the aluminium case, the titanium bracket). The held-out set is separate.
import { req, type EvalRequest } from './requests';

export const TUNING: readonly EvalRequest[] = [
	req({
		id: 't-aluminium-case',
		template: 'general',
		title: '스마트 링 충전 케이스 알루미늄 가공 300개',
		description: '충전 케이스 외장을 알루미늄으로 CNC 가공하고 아노다이징 마감하려고 합니다.',
		details: { what: '알루미늄 충전 케이스', material: '알루미늄 6061' },
		required_processes: [],
		quantity: 300,
		deadline_days: 30,
		at: 'gValley',
		picks: { 'm-alucase': 2, 'm-daesung': 1, 'm-titan': 1, 'm-far': 1 }
	}),
	req({
		id: 't-titanium-bracket',
		template: 'machine_metal',
		title: '티타늄 안경 브래킷 200개',
		details: { material: '티타늄 Gr5', tolerance: '±0.02', process: ['cnc_turning', 'milling'], drawing: '3d' },
		required_processes: ['CNC 선반', '밀링'],
		quantity: 200,
		deadline_days: 30,
		at: 'gValley',
		picks: { 'm-titan': 2, 'm-far': 1, 'm-daesung': 1 }
	}),
	req({
		id: 't-silver-earrings',
		template: 'jewelry',
		title: '925 은 귀걸이 100쌍',
		details: { metal: 'silver', stones: '없음', setting: 'none' },
		required_processes: ['주조', '연마'],
		quantity: 100,
		deadline_days: 30,
		at: 'dongdaemun',
		picks: { 'j-silver': 2, 'j-casting': 2, 'j-myungga': 1, 'j-plating': 1 }
	}),
	req({
		id: 't-leather-loafers',
		template: 'shoes',
		title: '소가죽 페니 로퍼 30켤레',
		details: { last: 'workshop', leather: ['cowhide'], sizes: '250-280' },
		required_processes: ['제갑', '저부'],
		quantity: 30,
		deadline_days: 45,
		at: 'seongsu',
		picks: { 's-loafer': 2, 's-mido': 2, 's-jegap': 1 }
	}),
	req({
		id: 't-printed-boxes',
		template: 'printing',
		title: '화장품 단상자 인쇄 3000개',
		details: { paper: '아이보리지 350g', size: '60x60x120', colours: '4_0', finish: ['coating', 'thomson'] },
		required_processes: ['인쇄', '코팅', '톰슨'],
		quantity: 3000,
		deadline_days: 21,
		at: 'ochang',
		picks: { 'p-box': 2, 'p-jikji': 1 }
	}),
	req({
		id: 't-business-cards',
		template: 'printing',
		title: '명함 500장 금박',
		details: { paper: '스노우지 300g', size: '90x50', colours: '4_4', finish: ['foil'] },
		required_processes: ['디지털 인쇄', '박'],
		quantity: 500,
		deadline_days: 7,
		at: 'gValley',
		picks: { 'p-seoul': 2, 'p-foil': 1, 'p-jikji': 1 }
	}),
	req({
		id: 't-gold-couple-rings',
		template: 'jewelry',
		title: '14K 커플링 맞춤 제작 10쌍',
		details: { metal: 'gold', karat: '14k', stones: '큐빅', setting: 'prong' },
		required_processes: ['주조', '세팅', '각인'],
		quantity: 10,
		deadline_days: 30,
		at: 'dongdaemun',
		picks: { 'j-myungga': 2, 'j-casting': 1, 'j-setting': 1, 'j-engrave': 1 }
	}),
	req({
		id: 't-stainless-frame',
		template: 'machine_metal',
		title: '스테인리스 장비 프레임 용접 20대',
		details: { material: 'SUS304', tolerance: '±0.5', process: ['welding', 'sheet_metal'], drawing: '2d' },
		required_processes: ['용접', '판금', '레이저 커팅'],
		quantity: 20,
		deadline_days: 21,
		at: 'gValley',
		picks: { 'm-sheet': 2, 'm-weld': 2 }
	}),
	req({
		id: 't-card-wallet',
		template: 'general',
		title: '소가죽 카드지갑 200개 OEM',
		details: { what: '카드지갑', material: '소가죽' },
		required_processes: ['가죽 재단', '재봉'],
		quantity: 200,
		deadline_days: 30,
		at: 'seongsu',
		picks: { 'l-sb': 2, 'l-bag': 1 }
	}),
	req({
		id: 't-reducer-gears',
		template: 'machine_metal',
		title: '로봇 감속기 기어 50개',
		details: { material: 'S45C', tolerance: 'KS 5급', process: ['other'], drawing: '3d' },
		required_processes: ['기어 가공', '열처리'],
		quantity: 50,
		deadline_days: 30,
		at: 'gValley',
		picks: { 'm-gear': 2, 'm-heat': 1 }
	}),
	req({
		id: 't-waterproof-labels',
		template: 'printing',
		title: '유포지 방수 라벨 스티커 1만 장',
		details: { paper: '유포지', size: '50x30', colours: '4_0', finish: ['thomson'] },
		required_processes: ['라벨 인쇄', '도무송'],
		quantity: 10000,
		deadline_days: 14,
		at: null,
		company_at: 'ochang',
		picks: { 'p-label': 2, 'p-jikji': 1 }
	}),
	req({
		id: 't-brass-bushings',
		template: 'machine_metal',
		title: '황동 부싱 1000개',
		details: { material: '황동 C3604', tolerance: '±0.01', process: ['cnc_turning'], drawing: '2d' },
		required_processes: ['CNC 선반'],
		quantity: 1000,
		deadline_days: 21,
		at: 'gValley',
		picks: { 'm-brass': 2, 'm-daesung': 1, 'm-gear': 1 }
	})
];
