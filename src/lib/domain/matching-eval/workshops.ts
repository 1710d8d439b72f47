// The workshops of the matching evaluation (issue 15): made for the test, in the four craft clusters
// and beside them, written the way their owners fill the profile form (processes and materials in
// their own words, some left out). They include the traps the issue found: a jewelry engraver that
// lists titanium, shops of other trades that are verified, near and quick to answer, a metal shop far
// away, and a new shop with no record.
import type { MatchCandidate, MatchRecord } from '../matching';

/** A workshop as its search document and its scorecard (workshop_scorecards) give it to matching. */
export type EvalWorkshop = Omit<MatchCandidate, 'materials' | 'record'> & {
	materials: string[];
	scorecard: MatchRecord | null;
};

export const PLACES = {
	mullae: { lat: 37.5176, lng: 126.8947 },
	gValley: { lat: 37.4849, lng: 126.8965 },
	jongno: { lat: 37.5714, lng: 126.9918 },
	dongdaemun: { lat: 37.5663, lng: 127.0093 },
	seongsu: { lat: 37.5446, lng: 127.0557 },
	cheongju: { lat: 36.6424, lng: 127.489 },
	ochang: { lat: 36.7172, lng: 127.4346 },
	chungmuro: { lat: 37.5612, lng: 126.9942 },
	changwon: { lat: 35.2279, lng: 128.6811 }
} as const;

/** The craft clusters and their specialty trades (as public.clusters has them). */
export const EVAL_CLUSTERS = [
	{ slug: 'mullae-machine-metal', trade_code: '25' },
	{ slug: 'jongno-jewelry', trade_code: '3311' },
	{ slug: 'seongsu-handmade-shoes', trade_code: '152' },
	{ slug: 'cheongju-printing', trade_code: '181' },
	{ slug: 'g-valley', trade_code: null }
];

const METAL = 'mullae-machine-metal';
const JEWELRY = 'jongno-jewelry';
const SHOES = 'seongsu-handmade-shoes';
const PRINTING = 'cheongju-printing';

/** A point `km` east of a place (workshops of one cluster are not all at its centre). */
function near(place: { lat: number; lng: number }, km: number) {
	return { lat: place.lat, lng: place.lng + km / (111.2 * Math.cos((place.lat * Math.PI) / 180)) };
}

function w(
	id: string,
	name_ko: string,
	trade_code: string,
	clusters: string[],
	processes: string[],
	materials: string[],
	at: { lat: number; lng: number } | null,
	more: Partial<EvalWorkshop> = {}
): EvalWorkshop {
	return {
		id,
		name_ko,
		trade_code,
		clusters,
		processes,
		materials,
		verified: false,
		master: false,
		featured: false,
		accepting_orders: true,
		min_order_units: null,
		lead_time_days: null,
		lat: at?.lat ?? null,
		lng: at?.lng ?? null,
		scorecard: null,
		...more
	};
}

const record = (completed: number, on_time: number, hours: number | null): MatchRecord => ({
	completed,
	on_time,
	median_response_minutes: hours === null ? null : Math.round(hours * 60)
});

export const EVAL_WORKSHOPS: readonly EvalWorkshop[] = [
	// Machine and metal (Mullae)
	w(
		'm-daesung',
		'대성정밀',
		'259',
		[METAL],
		['CNC 선반', '밀링 가공', '탭 가공'],
		['알루미늄', 'SUS304', 'S45C'],
		near(PLACES.mullae, 0.3),
		{
			verified: true,
			min_order_units: 10,
			lead_time_days: 10,
			scorecard: record(12, 11, 5)
		}
	),
	w(
		'm-titan',
		'한결티타늄',
		'259',
		[METAL],
		['CNC 밀링', '5축 가공', '와이어컷'],
		['티타늄 Gr5', '알루미늄 7075'],
		near(PLACES.mullae, 0.6),
		{
			min_order_units: 1,
			lead_time_days: 14,
			scorecard: record(1, 1, 20)
		}
	),
	w(
		'm-alucase',
		'문래케이스',
		'259',
		[METAL],
		['CNC 밀링', '아노다이징', '샌드블라스트'],
		['알루미늄 6061', '알루미늄 7075'],
		near(PLACES.mullae, 0.9),
		{
			lead_time_days: 12,
			min_order_units: 50
		}
	),
	w(
		'm-sheet',
		'동양판금',
		'259',
		[METAL],
		['판금', '절곡', '레이저 커팅', 'TIG 용접'],
		['스테인리스', 'SPCC 철판', '알루미늄'],
		near(PLACES.mullae, 0.4),
		{
			verified: true,
			lead_time_days: 7,
			min_order_units: 5,
			scorecard: record(20, 19, 3)
		}
	),
	w('m-weld', '신흥용접', '259', [METAL], ['TIG 용접', 'CO2 용접', '사상'], ['스테인리스', '철'], near(PLACES.mullae, 1.2), {
		lead_time_days: 5
	}),
	w('m-gear', '성진기어', '2912', [METAL], ['기어 가공', '호빙', 'CNC 선반'], ['S45C', 'SCM440'], near(PLACES.mullae, 1.5), {
		verified: true,
		lead_time_days: 20,
		min_order_units: 20
	}),
	w('m-heat', '제일열처리', '259', [METAL], ['열처리', '고주파 열처리', '질화'], ['공구강', '합금강'], near(PLACES.mullae, 1.8), {
		lead_time_days: 4,
		min_order_units: 100
	}),
	w('m-press', '삼화프레스', '259', [METAL], ['프레스', '금형', '판금'], ['냉연강판', '알루미늄 판재'], near(PLACES.mullae, 2.1), {
		lead_time_days: 25,
		min_order_units: 1000
	}),
	w('m-brass', '신주정밀', '259', [METAL], ['CNC 자동선반', '탭 가공', '널링'], ['황동', '구리'], near(PLACES.mullae, 0.7), {
		lead_time_days: 10,
		min_order_units: 500,
		scorecard: record(8, 4, 60)
	}),
	w('m-far', '창원정밀', '2511', [], ['CNC 선반', 'CNC 밀링', '아노다이징'], ['알루미늄', '티타늄', '스테인리스'], PLACES.changwon, {
		verified: true,
		lead_time_days: 15,
		min_order_units: 100
	}),
	// Jewelry (Jongno)
	w(
		'j-myungga',
		'명가주얼리',
		'3311',
		[JEWELRY],
		['주조', '세팅', '연마', '각인'],
		['14K 금', '18K 금', '백금'],
		near(PLACES.jongno, 0.2),
		{
			verified: true,
			master: true,
			featured: true,
			lead_time_days: 14,
			min_order_units: 1,
			scorecard: record(30, 30, 2)
		}
	),
	w('j-silver', '은빛공방', '3311', [JEWELRY], ['은 세공', '주조', '연마', '납땜'], ['925 은', '순은'], near(PLACES.jongno, 0.5), {
		lead_time_days: 10,
		min_order_units: 10
	}),
	w(
		'j-engrave',
		'정우각인',
		'3311',
		[JEWELRY],
		['레이저 각인', '수각인', '로고 각인'],
		['금', '은', '백금', '티타늄'],
		near(PLACES.jongno, 0.4),
		{
			verified: true,
			lead_time_days: 1,
			min_order_units: 1,
			scorecard: record(40, 40, 1)
		}
	),
	w('j-cad', '예담주얼리캐드', '3311', [JEWELRY], ['주얼리 CAD 모델링', '3D 프린팅'], ['왁스', '레진'], near(PLACES.jongno, 0.3), {
		lead_time_days: 3
	}),
	w('j-casting', '금성주물', '3311', [JEWELRY], ['주조', '왁스 트리', '사상'], ['금', '은', '황동'], near(PLACES.jongno, 0.6), {
		verified: true,
		lead_time_days: 5,
		min_order_units: 10
	}),
	w('j-plating', '한빛도금', '3311', [JEWELRY], ['로듐 도금', '금도금', '연마'], ['925 은', '황동'], near(PLACES.jongno, 0.7), {
		lead_time_days: 2,
		min_order_units: 20
	}),
	w(
		'j-setting',
		'다온보석세팅',
		'3311',
		[JEWELRY],
		['프롱 세팅', '파베 세팅', '베젤 세팅'],
		['천연 다이아몬드', '큐빅'],
		near(PLACES.jongno, 0.1),
		{
			verified: true,
			lead_time_days: 5,
			min_order_units: 1
		}
	),
	w('j-chain', '봉익체인', '3312', [JEWELRY], ['체인 제작', '연마', '납땜'], ['금', '은'], near(PLACES.jongno, 0.8), {
		lead_time_days: 7,
		min_order_units: 50
	}),
	// Handmade shoes and leather (Seongsu)
	w(
		's-mido',
		'미도제화',
		'152',
		[SHOES],
		['제갑', '저부', '굿이어 웰트', '패턴'],
		['소가죽', '송아지 가죽', '스웨이드'],
		near(PLACES.seongsu, 0.2),
		{
			verified: true,
			lead_time_days: 21,
			min_order_units: 10,
			scorecard: record(15, 14, 8)
		}
	),
	w('s-loafer', '성수로퍼', '152', [SHOES], ['패턴', '제갑', '저부'], ['소가죽', '스웨이드'], near(PLACES.seongsu, 0.5), {
		lead_time_days: 20,
		min_order_units: 20
	}),
	w('s-sandal', '여름날샌들', '152', [SHOES], ['샌들 제작', '재단', '저부'], ['소가죽', '코르크'], near(PLACES.seongsu, 0.4), {
		lead_time_days: 14,
		min_order_units: 30
	}),
	w('s-jegap', '성수제갑', '152', [SHOES], ['제갑', '재봉', '피할'], ['소가죽', '양가죽'], near(PLACES.seongsu, 0.3), {
		lead_time_days: 7,
		min_order_units: 10
	}),
	w('s-heels', '바른걸음', '152', [SHOES], ['저부', '굽 제작', '패턴'], ['에나멜 가죽', '소가죽'], near(PLACES.seongsu, 0.9), {
		verified: true,
		lead_time_days: 25,
		min_order_units: 5
	}),
	w('l-sb', 'SB레더', '151', [SHOES], ['가죽 재단', '재봉', '엣지 코트'], ['소가죽', '베지터블 가죽'], near(PLACES.seongsu, 0.6), {
		lead_time_days: 14,
		min_order_units: 50
	}),
	w('l-bag', '성수가방', '151', [], ['가방 제작', '재봉', '패턴'], ['소가죽', '캔버스'], near(PLACES.seongsu, 1.1), {
		lead_time_days: 20,
		min_order_units: 30
	}),
	// Printing, binding and packaging (Cheongju, and one in Chungmuro)
	w(
		'p-jikji',
		'직지인쇄',
		'181',
		[PRINTING],
		['오프셋 인쇄', '디지털 인쇄', '무선 제본'],
		['아트지', '모조지'],
		near(PLACES.cheongju, 0.3),
		{
			verified: true,
			lead_time_days: 7,
			min_order_units: 100,
			scorecard: record(25, 24, 4)
		}
	),
	w(
		'p-box',
		'오창패키지',
		'172',
		[PRINTING],
		['패키지 인쇄', '톰슨', '합지', '코팅'],
		['아이보리지', '골판지', '크라프트지'],
		near(PLACES.ochang, 0.2),
		{
			lead_time_days: 14,
			min_order_units: 1000
		}
	),
	w(
		'p-label',
		'무심천라벨',
		'181',
		[PRINTING],
		['라벨 인쇄', '도무송', '디지털 인쇄'],
		['유포지', '아트지 스티커'],
		near(PLACES.cheongju, 0.8),
		{
			lead_time_days: 5,
			min_order_units: 1000
		}
	),
	w('p-binding', '청원제본', '181', [PRINTING], ['무선 제본', '중철 제본', '양장 제본'], ['모조지'], near(PLACES.cheongju, 1.2), {
		lead_time_days: 5,
		min_order_units: 100
	}),
	w('p-silk', '금강실크', '181', [PRINTING], ['실크 인쇄', '스크린 인쇄'], ['아크릴', '금속', '종이'], near(PLACES.cheongju, 1.5), {
		lead_time_days: 7
	}),
	w('p-foil', '명문후가공', '181', [PRINTING], ['박', '형압', '코팅'], ['종이'], near(PLACES.cheongju, 1), {
		lead_time_days: 3,
		min_order_units: 100
	}),
	w('p-seoul', '충무로명함', '181', [], ['디지털 인쇄', '명함 인쇄', '박'], ['아트지', '한지'], PLACES.chungmuro, {
		verified: true,
		lead_time_days: 2,
		min_order_units: 100,
		scorecard: record(50, 49, 1)
	}),
	// Beside the clusters: G-Valley prototyping shops
	w('g-3d', '지밸리3D', '2229', [], ['3D 프린팅', 'SLA 출력', '후가공'], ['레진', 'PLA'], near(PLACES.gValley, 0.2), {
		verified: true,
		lead_time_days: 3,
		min_order_units: 1,
		scorecard: record(18, 18, 1)
	}),
	w('g-acrylic', '가산아크릴', '2229', [], ['레이저 커팅', '아크릴 절곡', '연마'], ['아크릴', 'PC'], near(PLACES.gValley, 0.5), {
		verified: true,
		lead_time_days: 4,
		min_order_units: 10
	})
];
