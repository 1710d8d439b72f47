// The workshops of the search evaluation: 42 profiles as new craftsmen would fill in the workshop form
// (/dashboard/workshop), across the four designated clusters. Written as people write them: some
// full, some two lines; processes with and without spaces (정밀 가공 / 정밀가공); English only where a
// shop bothered. The evaluation (tests/integration/search-eval.test.ts) signs each one up, saves the
// profile through the form's own server function, applies to the cluster, has its manager approve it,
// and has the manager verify or feature the few marked so. None of this is the seed's data.

export type ClusterKey = 'jongno' | 'seongsu' | 'mullae' | 'cheongju';

/** The form's fields as a person types them (lists one per line or comma-separated). */
export interface ProfileForm {
	name_ko: string;
	name_en?: string;
	trade_code: string;
	employees: number;
	district_ko: string;
	lat?: number;
	lng?: number;
	description_ko?: string;
	description_en?: string;
	processes?: string;
	equipment?: string;
	materials?: string;
	certifications?: string;
	min_order_units?: number;
	lead_time_days?: number;
	accepting_orders?: boolean;
}

export interface EvalProfile {
	key: string;
	cluster: ClusterKey;
	form: ProfileForm;
	/** Set by the cluster manager after approval; a profile without it is brand new. */
	curation?: { verified: boolean; featured: boolean };
}

const jongno = (lat: number, lng: number) => ({ district_ko: '종로구', lat, lng });
const seongsu = (lat: number, lng: number) => ({ district_ko: '성동구', lat, lng });
const mullae = (lat: number, lng: number) => ({ district_ko: '영등포구', lat, lng });
const cheongju = (lat: number, lng: number) => ({ district_ko: '청주시 흥덕구', lat, lng });
const VERIFIED = { verified: true, featured: false };
const FEATURED = { verified: true, featured: true };

export const PROFILES: readonly EvalProfile[] = [
	// ── Jewelry (Jongno) ─────────────────────────────────────────────────────────────────────────
	{
		key: 'j-bongik-gold',
		cluster: 'jongno',
		curation: FEATURED,
		form: {
			name_ko: '봉익골드공방',
			name_en: 'Bongik Gold Studio',
			trade_code: '3311',
			employees: 5,
			...jongno(37.5741, 126.9921),
			description_ko: '결혼반지와 예물 세트를 주문 제작합니다. 원형부터 주조, 마무리 광택까지 한 공방에서 책임집니다.',
			description_en: 'Made-to-order wedding rings and bridal sets, from model to casting and final polish.',
			processes: '왁스 카빙\n주조\n연마\n광택',
			equipment: '진공 주조기, 레이저 용접기',
			materials: '18K 금, 14K 금, 순금',
			certifications: '귀금속가공기능장',
			min_order_units: 1,
			lead_time_days: 14
		}
	},
	{
		key: 'j-silvermoon',
		cluster: 'jongno',
		form: {
			name_ko: '은빛달 실버',
			name_en: 'Silvermoon',
			trade_code: '3311',
			employees: 1,
			...jongno(37.5722, 126.9897),
			description_ko: '925 은으로 은반지와 은팔찌를 소량 제작합니다. 두드려 만드는 단조 실버.',
			processes: '단조, 납땜, 실버 세공',
			materials: '925 은',
			min_order_units: 1,
			lead_time_days: 7
		}
	},
	{
		key: 'j-setting-lab',
		cluster: 'jongno',
		curation: VERIFIED,
		form: {
			name_ko: '물림세팅랩',
			name_en: 'Mullim Setting Lab',
			trade_code: '3311',
			employees: 3,
			...jongno(37.5733, 126.9909),
			description_ko: '다이아몬드와 유색석 세팅 전문. 파베, 프롱, 베젤 세팅을 합니다.',
			description_en: 'Diamond and coloured stone setting: pavé, prong and bezel.',
			processes: '스톤 세팅\n물림\n파베 세팅',
			equipment: '현미경, 세팅 바이스',
			materials: '다이아몬드, 큐빅',
			min_order_units: 1,
			lead_time_days: 5
		}
	},
	{
		key: 'j-wax',
		cluster: 'jongno',
		form: {
			name_ko: '왁스카빙스튜디오',
			trade_code: '3311',
			employees: 1,
			...jongno(37.5728, 126.9926),
			description_ko: '손으로 깎는 왁스 원본. 반지 원형 제작 문의 주세요.',
			processes: '왁스카빙\n원본 제작',
			materials: '카빙 왁스',
			lead_time_days: 4
		}
	},
	{
		key: 'j-cad',
		cluster: 'jongno',
		curation: VERIFIED,
		form: {
			name_ko: '디자인원 주얼리 CAD',
			name_en: 'Design One Jewelry CAD',
			trade_code: '3311',
			employees: 2,
			...jongno(37.5709, 126.9931),
			description_ko: '주얼리 3D 모델링과 레진 출력. 스케치만 있어도 원형을 만들어 드립니다.',
			description_en: 'Jewelry 3D modelling and resin prints from a sketch.',
			processes: '3D 모델링, CAD 디자인, 3D 프린팅',
			equipment: '레진 3D 프린터',
			materials: '레진',
			min_order_units: 1,
			lead_time_days: 3
		}
	},
	{
		key: 'j-plating',
		cluster: 'jongno',
		form: {
			name_ko: '광채도금',
			trade_code: '3311',
			employees: 4,
			...jongno(37.5719, 126.9886),
			description_ko: '귀금속 금도금, 로듐 도금, 은도금. 소량도 당일 처리합니다.',
			processes: '금도금\n로듐 도금\n은도금',
			materials: '로듐, 금',
			lead_time_days: 1
		}
	},
	{
		key: 'j-engrave',
		cluster: 'jongno',
		curation: { verified: false, featured: true },
		form: {
			name_ko: '새김각인',
			name_en: 'Saegim Engraving',
			trade_code: '3311',
			employees: 2,
			...jongno(37.5738, 126.9902),
			description_ko: '반지 안쪽 이니셜, 로고, 날짜 각인. 레이저와 수작업 모두 가능합니다.',
			description_en: 'Initials, logos and dates engraved inside rings, by laser or by hand.',
			processes: '레이저 각인, 수작업 각인',
			equipment: '파이버 레이저 마킹기',
			min_order_units: 1,
			lead_time_days: 2
		}
	},
	{
		key: 'j-chain',
		cluster: 'jongno',
		curation: VERIFIED,
		form: {
			name_ko: '동묘체인',
			name_en: 'Dongmyo Chain',
			trade_code: '3311',
			employees: 8,
			...jongno(37.5731, 127.0157),
			description_ko: '목걸이 체인과 팔찌 체인을 대량 생산합니다. 14K, 18K, 은 체인 재고 보유.',
			processes: '체인 제작\n체인 연결',
			equipment: '체인 기계',
			materials: '14K 금, 18K 금, 은',
			min_order_units: 50,
			lead_time_days: 10
		}
	},
	{
		key: 'j-pearl',
		cluster: 'jongno',
		form: {
			name_ko: '바다진주 공방',
			name_en: 'Bada Pearl Atelier',
			trade_code: '3311',
			employees: 2,
			...jongno(37.5712, 126.9874),
			description_ko: '담수진주와 아코야 진주로 진주 목걸이와 귀걸이를 엮습니다.',
			description_en: 'Freshwater and akoya pearl necklaces and earrings, hand-knotted.',
			processes: '진주 엮기, 매듭',
			materials: '담수진주, 아코야 진주',
			lead_time_days: 7
		}
	},
	{
		key: 'j-costume',
		cluster: 'jongno',
		form: {
			name_ko: '반짝 액세서리',
			name_en: 'Banjjak Accessories',
			trade_code: '3312',
			employees: 6,
			...jongno(37.5706, 126.9948),
			description_ko: '패션 귀걸이, 헤어핀, 브로치 OEM 생산. 브랜드 샘플부터 대량까지.',
			processes: '도금\n조립\n샘플 제작',
			materials: '황동, 써지컬 스틸, 큐빅',
			min_order_units: 100,
			lead_time_days: 20
		}
	},
	{
		key: 'j-titanium',
		cluster: 'jongno',
		form: {
			name_ko: '하늘 티타늄공방',
			trade_code: '3311',
			employees: 1,
			...jongno(37.5747, 126.988),
			description_ko: '알레르기 걱정 없는 티타늄 반지와 귀걸이. 아노다이징으로 색을 냅니다.',
			processes: '티타늄 가공, 아노다이징',
			materials: '티타늄',
			lead_time_days: 10
		}
	},
	{
		key: 'j-master',
		cluster: 'jongno',
		curation: VERIFIED,
		form: {
			name_ko: '종로명장공방',
			name_en: 'Jongno Master Works',
			trade_code: '3311',
			employees: 3,
			...jongno(37.5716, 126.9913),
			description_ko: '대한민국명장이 만드는 전통 장신구. 비녀, 노리개, 가락지를 칠보와 누금 기법으로 재현합니다.',
			description_en: 'Traditional Korean ornaments by a Korea Master craftsman.',
			processes: '전통 금속공예\n칠보\n누금',
			materials: '순금, 은',
			certifications: '대한민국명장 (귀금속공예)',
			lead_time_days: 30
		}
	},
	// ── Handmade shoes and leather (Seongsu) ─────────────────────────────────────────────────────
	{
		key: 's-bespoke',
		cluster: 'seongsu',
		curation: FEATURED,
		form: {
			name_ko: '성수비스포크',
			name_en: 'Seongsu Bespoke',
			trade_code: '152',
			employees: 4,
			...seongsu(37.5443, 127.0563),
			description_ko: '발을 재고 구두골부터 깎는 맞춤 신사화. 코도반과 소가죽으로 만듭니다.',
			description_en: 'Bespoke men’s shoes from a last carved for your feet.',
			processes: '맞춤 제작\n패턴\n라스트 제작',
			materials: '소가죽, 코도반',
			min_order_units: 1,
			lead_time_days: 40
		}
	},
	{
		key: 's-upper',
		cluster: 'seongsu',
		form: {
			name_ko: '갑피공방 한결',
			trade_code: '152',
			employees: 3,
			...seongsu(37.5452, 127.0541),
			description_ko: '구두 갑피를 재단하고 재봉합니다. 브랜드 납품 가능.',
			processes: '제갑\n재봉\n가죽 재단',
			equipment: '재봉기, 피할기',
			materials: '소가죽',
			min_order_units: 30,
			lead_time_days: 10
		}
	},
	{
		key: 's-sole',
		cluster: 'seongsu',
		curation: VERIFIED,
		form: {
			name_ko: '바닥창 저부',
			trade_code: '152',
			employees: 5,
			...seongsu(37.5437, 127.0578),
			description_ko: '굿이어 웰트와 맥케이 저부, 밑창 교체와 창갈이.',
			processes: '저부, 굿이어 웰트, 밑창 교체',
			materials: '가죽 밑창, 고무창',
			min_order_units: 20,
			lead_time_days: 12
		}
	},
	{
		key: 's-heels',
		cluster: 'seongsu',
		form: {
			name_ko: '루비힐',
			name_en: 'Ruby Heels',
			trade_code: '152',
			employees: 3,
			...seongsu(37.5461, 127.0528),
			description_ko: '여성 구두 전문. 펌프스, 웨딩슈즈, 굽 높이 맞춤.',
			processes: '하이힐 제작\n굽 제작',
			materials: '에나멜, 소가죽',
			min_order_units: 10,
			lead_time_days: 15
		}
	},
	{
		key: 's-sneaker',
		cluster: 'seongsu',
		form: {
			name_ko: '성수 스니커 랩',
			name_en: 'Seongsu Sneaker Lab',
			trade_code: '152',
			employees: 4,
			...seongsu(37.547, 127.059),
			description_ko: '소량 스니커즈 OEM. 디자인 샘플부터 100켤레 생산까지.',
			description_en: 'Small-run sneaker manufacturing, from sample to 100 pairs.',
			processes: '수제 스니커즈, 아웃솔 접착',
			materials: '스웨이드, 캔버스, 고무',
			min_order_units: 30,
			lead_time_days: 25
		}
	},
	{
		key: 's-boots',
		cluster: 'seongsu',
		curation: VERIFIED,
		form: {
			name_ko: '워커앤부츠',
			name_en: 'Walker & Boots',
			trade_code: '152',
			employees: 3,
			...seongsu(37.5428, 127.0549),
			description_ko: '워커와 첼시부츠를 굿이어 웰트 방식으로 만듭니다.',
			processes: '부츠 제작\n굿이어 웰트',
			materials: '소가죽, 오일드 레더',
			min_order_units: 5,
			lead_time_days: 30
		}
	},
	{
		key: 's-comfort',
		cluster: 'seongsu',
		form: {
			name_ko: '편한발 교정화',
			trade_code: '152',
			employees: 2,
			...seongsu(37.5449, 127.0502),
			description_ko: '족형을 측정해 맞춤 깔창과 교정화를 만듭니다. 발이 편한 컴포트화.',
			processes: '족형 측정, 맞춤 깔창, 교정화 제작',
			certifications: '의료기기 제조업 허가',
			lead_time_days: 21
		}
	},
	{
		key: 's-sample',
		cluster: 'seongsu',
		form: {
			name_ko: '샘플슈',
			trade_code: '152',
			employees: 1,
			...seongsu(37.5458, 127.0571),
			description_ko: '신발 샘플 제작합니다.',
			processes: '샘플 제작, 패턴'
		}
	},
	{
		key: 's-leathergoods',
		cluster: 'seongsu',
		curation: VERIFIED,
		form: {
			name_ko: '성수가죽공방',
			name_en: 'Seongsu Leather Works',
			trade_code: '151',
			employees: 3,
			...seongsu(37.5434, 127.0533),
			description_ko: '지갑, 카드지갑, 가방을 베지터블 가죽으로 핸드 스티치해 만듭니다.',
			description_en: 'Wallets, card holders and bags, hand-stitched in vegetable-tanned leather.',
			processes: '가죽 재단\n핸드 스티치\n엣지 코트',
			materials: '베지터블 가죽, 소가죽',
			min_order_units: 10,
			lead_time_days: 14
		}
	},
	{
		key: 's-dance',
		cluster: 'seongsu',
		form: {
			name_ko: '스텝댄스화',
			trade_code: '152',
			employees: 2,
			...seongsu(37.5466, 127.0516),
			description_ko: '라틴 댄스화, 무용화를 발에 맞춰 만듭니다.',
			processes: '댄스화 제작',
			materials: '새틴, 소가죽',
			lead_time_days: 20
		}
	},
	// ── Machine and metal (Mullae) ───────────────────────────────────────────────────────────────
	{
		key: 'm-cnc',
		cluster: 'mullae',
		curation: FEATURED,
		form: {
			name_ko: '한울정밀',
			name_en: 'Hanul Precision',
			trade_code: '259',
			employees: 7,
			...mullae(37.5168, 126.8951),
			description_ko: '시제품과 소량 부품을 CNC 선반과 밀링으로 정밀 가공합니다.',
			description_en: 'Prototypes and small batches, CNC turned and milled.',
			processes: 'CNC 선반\n정밀 가공\n밀링',
			equipment: 'CNC 선반 2대, 머시닝센터',
			materials: '알루미늄, SUS304, 황동',
			min_order_units: 1,
			lead_time_days: 7
		}
	},
	{
		key: 'm-lathe',
		cluster: 'mullae',
		form: {
			name_ko: '문래선반',
			trade_code: '29',
			employees: 1,
			...mullae(37.5181, 126.8938),
			description_ko: '범용 선반으로 축과 부싱, 나사를 깎습니다. 한 개도 합니다.',
			description_en: 'Manual lathe turning: shafts, bushings and threads, even one piece.',
			processes: '범용 선반, 나사 가공',
			materials: '철, 스테인리스',
			min_order_units: 1,
			lead_time_days: 3
		}
	},
	{
		key: 'm-mct',
		cluster: 'mullae',
		curation: VERIFIED,
		form: {
			name_ko: '대한머시닝',
			name_en: 'Daehan Machining',
			trade_code: '259',
			employees: 9,
			...mullae(37.5159, 126.8967),
			description_ko: '머시닝센터 5축 가공, 복잡한 형상의 알루미늄과 티타늄 부품.',
			processes: '머시닝센터 가공\n5축 가공\n정밀가공',
			equipment: '5축 머시닝센터',
			materials: '알루미늄 6061, 티타늄',
			min_order_units: 5,
			lead_time_days: 10
		}
	},
	{
		key: 'm-sheet',
		cluster: 'mullae',
		curation: FEATURED,
		form: {
			name_ko: '문래판금',
			name_en: 'Mullae Sheet Metal',
			trade_code: '2511',
			employees: 6,
			...mullae(37.5172, 126.8929),
			description_ko: '철판과 스테인리스 판금, 절곡. 브래킷과 함체 제작.',
			description_en: 'Sheet-metal work and bending in steel and stainless.',
			processes: '판금, 절곡, 레이저 절단',
			equipment: '절곡기, 레이저 절단기',
			materials: '철판, 스테인리스',
			min_order_units: 10,
			lead_time_days: 7
		}
	},
	{
		key: 'm-weld',
		cluster: 'mullae',
		form: {
			name_ko: '신도용접',
			trade_code: '2511',
			employees: 2,
			...mullae(37.5186, 126.8972),
			description_ko: '스테인리스와 알루미늄 알곤 용접, 철 구조물 용접.',
			processes: '알곤 용접\nCO2 용접\n티그 용접',
			materials: '스테인리스, 알루미늄, 철',
			lead_time_days: 5
		}
	},
	{
		key: 'm-laser',
		cluster: 'mullae',
		form: {
			name_ko: '빛살레이저',
			name_en: 'Bitsal Laser',
			trade_code: '259',
			employees: 3,
			...mullae(37.5163, 126.8942),
			description_ko: '금속판 레이저 커팅과 레이저 마킹. 도면만 보내 주세요.',
			processes: '레이저 커팅, 레이저 마킹',
			equipment: '파이버 레이저 커터',
			materials: '철판, 스테인리스, 알루미늄',
			min_order_units: 1,
			lead_time_days: 3
		}
	},
	{
		key: 'm-heat',
		cluster: 'mullae',
		curation: VERIFIED,
		form: {
			name_ko: '대원열처리',
			trade_code: '259',
			employees: 5,
			...mullae(37.5151, 126.8919),
			description_ko: '금형강, 공구강 열처리. 담금질과 뜨임, 고주파 열처리.',
			processes: '열처리\n담금질\n고주파 열처리',
			materials: 'SKD11, SCM440',
			lead_time_days: 4
		}
	},
	{
		key: 'm-gear',
		cluster: 'mullae',
		curation: VERIFIED,
		form: {
			name_ko: '한성기어',
			name_en: 'Hanseong Gear',
			trade_code: '29',
			employees: 6,
			...mullae(37.5177, 126.8984),
			description_ko: '스퍼기어, 헬리컬 기어, 스프로킷을 호빙으로 가공합니다.',
			processes: '기어 가공, 호빙',
			equipment: '호빙기',
			materials: 'S45C, SCM415',
			certifications: '기계가공기능장',
			min_order_units: 10,
			lead_time_days: 14
		}
	},
	{
		key: 'm-mold',
		cluster: 'mullae',
		form: {
			name_ko: '금강금형',
			trade_code: '29',
			employees: 4,
			...mullae(37.5192, 126.8955),
			description_ko: '플라스틱 사출금형과 프레스 금형을 설계하고 제작합니다.',
			processes: '금형 제작\n사출금형\n와이어컷 방전',
			equipment: '와이어컷, 방전기',
			materials: 'NAK80, SKD61',
			lead_time_days: 45
		}
	},
	{
		key: 'm-robot',
		cluster: 'mullae',
		form: {
			name_ko: '로봇부품 공작소',
			name_en: 'Robot Parts Workshop',
			trade_code: '259',
			employees: 2,
			...mullae(37.5156, 126.8934),
			description_ko: '로봇과 드론에 들어가는 알루미늄 브래킷, 하우징 시제품.',
			description_en: 'Aluminium brackets and housings for robots and drones.',
			processes: '알루미늄 가공\n아노다이징',
			materials: '알루미늄 7075',
			min_order_units: 1,
			lead_time_days: 6
		}
	},
	{
		key: 'm-anod',
		cluster: 'mullae',
		curation: VERIFIED,
		form: {
			name_ko: '대양표면처리',
			trade_code: '259',
			employees: 8,
			...mullae(37.5145, 126.8961),
			description_ko: '알루미늄 아노다이징, 경질 아노다이징, 분체도장.',
			processes: '아노다이징, 분체도장, 도장',
			min_order_units: 20,
			lead_time_days: 5
		}
	},
	// ── Printing, binding and packaging (Cheongju) ───────────────────────────────────────────────
	{
		key: 'p-offset',
		cluster: 'cheongju',
		curation: FEATURED,
		form: {
			name_ko: '청원옵셋',
			name_en: 'Cheongwon Offset',
			trade_code: '181',
			employees: 9,
			...cheongju(36.6401, 127.4862),
			description_ko: '카탈로그와 브로슈어, 회사소개서를 오프셋 4도로 인쇄합니다.',
			description_en: 'Catalogues and brochures in four-colour offset.',
			processes: '오프셋 인쇄\n4도 인쇄',
			equipment: '하이델베르크 4도 인쇄기',
			materials: '아트지, 스노우지',
			min_order_units: 500,
			lead_time_days: 7
		}
	},
	{
		key: 'p-digital',
		cluster: 'cheongju',
		form: {
			name_ko: '빠른디지털인쇄',
			trade_code: '181',
			employees: 2,
			...cheongju(36.6412, 127.4891),
			description_ko: '명함, 전단지, 소량 책자를 당일 출력합니다.',
			processes: '디지털 인쇄, 소량 인쇄',
			materials: '스노우지, 랑데뷰',
			min_order_units: 1,
			lead_time_days: 1
		}
	},
	{
		key: 'p-binding',
		cluster: 'cheongju',
		curation: VERIFIED,
		form: {
			name_ko: '무심천제본',
			name_en: 'Musimcheon Binding',
			trade_code: '181',
			employees: 5,
			...cheongju(36.6388, 127.4877),
			description_ko: '무선 제본, 중철 제본, 양장 제본까지 책 제본 전문.',
			processes: '무선 제본\n중철 제본\n양장 제본',
			equipment: '무선 제본기',
			min_order_units: 50,
			lead_time_days: 5
		}
	},
	{
		key: 'p-box',
		cluster: 'cheongju',
		curation: VERIFIED,
		form: {
			name_ko: '오창패키지',
			name_en: 'Ochang Package',
			trade_code: '172',
			employees: 9,
			...cheongju(36.7172, 127.4305),
			description_ko: '화장품 단상자, 선물상자, 골판지 박스를 만듭니다.',
			processes: '톰슨 타공, 합지, 접착',
			equipment: '톰슨기, 합지기',
			materials: '골판지, 아이보리지',
			min_order_units: 1000,
			lead_time_days: 14
		}
	},
	{
		key: 'p-letterpress',
		cluster: 'cheongju',
		form: {
			name_ko: '활자공방 직지',
			trade_code: '181',
			employees: 1,
			...cheongju(36.643, 127.4869),
			description_ko: '금속활자로 찍는 청첩장과 엽서. 오래된 활판 인쇄기를 돌립니다.',
			processes: '활판 인쇄, 레터프레스',
			equipment: '활판 인쇄기',
			materials: '코튼지',
			lead_time_days: 10
		}
	},
	{
		key: 'p-silk',
		cluster: 'cheongju',
		form: {
			name_ko: '금빛실크인쇄',
			trade_code: '181',
			employees: 3,
			...cheongju(36.6379, 127.4903),
			description_ko: '실크스크린 인쇄, 금박과 은박, 형압 후가공.',
			processes: '실크스크린\n박 가공\n형압',
			min_order_units: 100,
			lead_time_days: 6
		}
	},
	{
		key: 'p-label',
		cluster: 'cheongju',
		curation: VERIFIED,
		form: {
			name_ko: '라벨코리아 청주',
			name_en: 'Label Korea Cheongju',
			trade_code: '181',
			employees: 7,
			...cheongju(36.6395, 127.4915),
			description_ko: '제품 라벨과 스티커를 롤로 인쇄하고 도무송으로 따냅니다.',
			processes: '라벨 인쇄, 스티커 인쇄, 도무송',
			materials: '유포지, 아트지',
			min_order_units: 1000,
			lead_time_days: 5
		}
	},
	{
		key: 'p-finish',
		cluster: 'cheongju',
		form: {
			name_ko: '청주후가공센터',
			trade_code: '181',
			employees: 4,
			...cheongju(36.6418, 127.4856),
			description_ko: '인쇄물 코팅과 에폭시, 부분 UV 후가공.',
			processes: '박 가공, 에폭시, 코팅, UV 코팅',
			lead_time_days: 3
		}
	},
	{
		key: 'p-book',
		cluster: 'cheongju',
		form: {
			name_ko: '책만드는집',
			name_en: 'Bookmaker House',
			trade_code: '181',
			employees: 2,
			...cheongju(36.6426, 127.4898),
			description_ko: '자서전과 독립출판 책을 50부부터 인쇄하고 무선제본합니다.',
			description_en: 'Memoirs and independent books printed and bound from 50 copies.',
			processes: '소량 출판 인쇄\n무선제본',
			min_order_units: 50,
			lead_time_days: 10
		}
	}
];

const keysWhere = (test: (p: EvalProfile) => boolean) => PROFILES.filter(test).map((p) => p.key);
/** Every workshop of a trade group (all make what the group makes). */
export const JEWELRY = keysWhere((p) => p.form.trade_code.startsWith('331'));
export const SHOES = keysWhere((p) => p.form.trade_code === '152');
export const METAL = keysWhere((p) => p.cluster === 'mullae');
export const PRINTING = keysWhere((p) => p.cluster === 'cheongju');
