// Held-out requests of the matching evaluation: written and committed before matching.ts was changed
// for materials, products, the trade gate or reputation (see git history), and never used to tune
// the weights. matching-eval.test.ts reports hit@3 and nDCG@10 on them separately from the tuning set.
import { req, type EvalRequest } from './requests';

export const HELD_OUT: readonly EvalRequest[] = [
	req({
		id: 'h-titanium-watch-case',
		template: 'general',
		title: '티타늄 시계 케이스 시제품 5개',
		description: '스마트워치 케이스를 티타늄으로 깎아 보고 싶습니다. 도면은 STEP 파일로 있습니다.',
		details: { what: '시계 케이스', material: '티타늄' },
		required_processes: [],
		quantity: 5,
		deadline_days: 21,
		at: 'gValley',
		picks: { 'm-titan': 2, 'm-far': 1, 'm-alucase': 1 }
	}),
	req({
		id: 'h-aluminium-heat-sink',
		template: 'machine_metal',
		title: '알루미늄 방열판 가공 100개',
		details: { material: '알루미늄 6063', tolerance: '±0.05', process: ['milling'], drawing: '2d' },
		required_processes: ['밀링', '아노다이징'],
		quantity: 100,
		deadline_days: 30,
		at: 'gValley',
		picks: { 'm-alucase': 2, 'm-daesung': 1, 'm-far': 1 }
	}),
	req({
		id: 'h-silver-pendant',
		template: 'jewelry',
		title: '실버 목걸이 펜던트 50개',
		description: '925 실버 펜던트에 체인까지 달아서 납품 부탁드립니다.',
		details: { metal: 'silver', stones: '없음', setting: 'none' },
		required_processes: ['주조', '연마', '체인'],
		quantity: 50,
		deadline_days: 30,
		at: 'dongdaemun',
		picks: { 'j-silver': 2, 'j-chain': 2, 'j-casting': 1 }
	}),
	req({
		id: 'h-suede-chelsea-boots',
		template: 'shoes',
		title: '스웨이드 첼시부츠 20켤레',
		details: { last: 'workshop', leather: ['suede'], sizes: '240-280' },
		required_processes: ['제갑', '저부'],
		quantity: 20,
		deadline_days: 45,
		at: 'seongsu',
		picks: { 's-mido': 2, 's-loafer': 1, 's-jegap': 1 }
	}),
	req({
		id: 'h-kraft-gift-box',
		template: 'general',
		title: '크라프트 선물상자 인쇄 2000개',
		description: '수제 비누 브랜드 선물상자입니다. 로고 1도 인쇄.',
		details: { what: '크라프트지 선물상자', material: '크라프트지' },
		required_processes: ['인쇄'],
		quantity: 2000,
		deadline_days: 30,
		at: null,
		company_at: 'seongsu',
		picks: { 'p-box': 2, 'p-jikji': 1 }
	}),
	req({
		id: 'h-brochure-binding',
		template: 'printing',
		title: '회사소개서 브로슈어 500부',
		description: '40쪽 회사소개서, 무선 제본으로 부탁드립니다.',
		details: { paper: '아트지 150g', size: 'A4', colours: '4_4', pages: 40 },
		required_processes: ['오프셋 인쇄', '무선 제본'],
		quantity: 500,
		deadline_days: 14,
		at: 'ochang',
		picks: { 'p-jikji': 2, 'p-binding': 2 }
	}),
	req({
		id: 'h-titanium-ring-engraving',
		template: 'jewelry',
		title: '티타늄 반지 안쪽 이니셜 각인 200개',
		details: { metal: 'other', stones: '없음', setting: 'none' },
		description: '이미 만든 티타늄 반지에 레이저로 이니셜만 새기면 됩니다.',
		required_processes: ['각인'],
		quantity: 200,
		deadline_days: 10,
		at: 'dongdaemun',
		picks: { 'j-engrave': 2, 'j-myungga': 1 }
	}),
	req({
		id: 'h-diamond-engagement-ring',
		template: 'jewelry',
		title: '18K 다이아몬드 약혼반지 3개',
		details: { metal: 'gold', karat: '18k', stones: '다이아몬드 0.3ct', setting: 'prong' },
		required_processes: ['주조', '세팅'],
		quantity: 3,
		deadline_days: 30,
		at: 'dongdaemun',
		picks: { 'j-myungga': 2, 'j-setting': 2, 'j-casting': 1 }
	}),
	req({
		id: 'h-stainless-panel',
		template: 'machine_metal',
		title: '스테인리스 판넬 절곡 30개',
		details: { material: 'SUS304 1.5t', tolerance: '±0.2', process: ['sheet_metal'], drawing: '2d' },
		required_processes: ['판금', '절곡', '레이저 커팅'],
		quantity: 30,
		deadline_days: 14,
		at: 'gValley',
		picks: { 'm-sheet': 2, 'm-press': 1, 'm-weld': 1 }
	}),
	req({
		id: 'h-leather-tote',
		template: 'general',
		title: '소가죽 토트백 샘플 제작',
		description: '브랜드 론칭용 토트백 샘플 3개, 이후 100개 양산 예정.',
		details: { what: '가죽 토트백', material: '소가죽' },
		required_processes: ['재봉'],
		quantity: 3,
		deadline_days: 30,
		at: 'seongsu',
		picks: { 'l-bag': 2, 'l-sb': 2 }
	}),
	req({
		id: 'h-wedding-heels',
		template: 'shoes',
		title: '웨딩 하이힐 맞춤 10켤레',
		details: { last: 'custom', leather: ['other'], sizes: '225-250' },
		required_processes: ['저부', '패턴'],
		quantity: 10,
		deadline_days: 40,
		at: 'seongsu',
		picks: { 's-heels': 2, 's-mido': 1 }
	}),
	req({
		id: 'h-drone-bracket',
		template: 'general',
		title: '드론 알루미늄 프레임 브래킷 50세트',
		description: '7075 알루미늄, CNC 가공 후 검정 아노다이징.',
		details: { what: '드론 프레임 브래킷', material: '알루미늄 7075' },
		required_processes: [],
		quantity: 50,
		deadline_days: 21,
		at: null,
		company_at: 'gValley',
		picks: { 'm-alucase': 2, 'm-titan': 1, 'm-daesung': 1, 'm-far': 1 }
	})
];
