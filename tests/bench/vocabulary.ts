// Word lists for the synthetic national corpus: the 19 designated trades (supabase/seed.sql) with
// their processes, equipment and materials, workshop name parts, and districts across Korea.
// Weights and coordinates are approximate; they only need to look like the real distribution.

export interface TradeVocabulary {
	code: string;
	name_ko: string;
	name_en: string;
	/** Share of the corpus (relative weight). */
	weight: number;
	/** Short word for descriptions ("주얼리 공방"). */
	short_ko: string;
	short_en: string;
	/** Name endings, with an English rendering. */
	suffixes: [string, string][];
	processes: string[];
	equipment: string[];
	materials: string[];
	/** What customers order, for descriptions. */
	products: string[];
	products_en: string[];
}

export const TRADES: TradeVocabulary[] = [
	{
		code: '1071',
		name_ko: '떡, 빵 및 과자류 제조업',
		name_en: 'Manufacture of bakery products, rice cakes and confectionery',
		weight: 5,
		short_ko: '떡·제과',
		short_en: 'bakery',
		suffixes: [
			['떡집', 'Rice Cake'],
			['베이커리', 'Bakery'],
			['제과', 'Confectionery'],
			['방앗간', 'Mill'],
			['한과', 'Hangwa']
		],
		processes: ['떡 제조', '제빵', '제과', '한과 제조', '답례품 포장', 'OEM 생산', '쌀 제분'],
		equipment: ['떡 펀칭기', '증숙기', '데크 오븐', '반죽기', '제분기', '자동 포장기'],
		materials: ['쌀가루', '찹쌀', '밀가루', '팥', '버터', '국산 콩'],
		products: ['답례 떡', '기업 선물 세트', '쿠키', '한과 세트'],
		products_en: ['rice cakes', 'gift sets', 'cookies']
	},
	{
		code: '131',
		name_ko: '방적 및 가공사 제조업',
		name_en: 'Spinning of textiles and processing of yarns',
		weight: 2,
		short_ko: '방적·연사',
		short_en: 'yarn',
		suffixes: [
			['방적', 'Spinning'],
			['연사', 'Twisting'],
			['섬유', 'Textile'],
			['사가공', 'Yarn']
		],
		processes: ['방적', '연사', '합사', '사가공', '염색사 가공', '권사'],
		equipment: ['링 방적기', '연사기', '합사기', '자동 와인더'],
		materials: ['면사', '폴리에스터사', '울', '나일론사', '린넨사'],
		products: ['가공사', '합연사', '자수사'],
		products_en: ['yarn', 'twisted yarn']
	},
	{
		code: '134',
		name_ko: '섬유제품 염색, 정리 및 마무리 가공업',
		name_en: 'Dyeing and finishing of textiles and wearing apparel',
		weight: 3,
		short_ko: '염색·가공',
		short_en: 'dyeing',
		suffixes: [
			['염색', 'Dyeing'],
			['날염', 'Printing'],
			['텍스타일', 'Textile'],
			['워싱', 'Washing']
		],
		processes: ['침염', '날염', '디지털 날염', '텐터 가공', '워싱', '천연 염색', '발수 가공'],
		equipment: ['래피드 염색기', '텐터기', '디지털 날염기', '워싱기', '캘린더'],
		materials: ['면 원단', '폴리 원단', '반응성 염료', '분산 염료', '천연 염료'],
		products: ['염색 원단', '굿즈 원단', '의류 워싱'],
		products_en: ['dyed fabric', 'garment washing']
	},
	{
		code: '141',
		name_ko: '봉제의복 제조업',
		name_en: 'Manufacture of sewn wearing apparel, except fur apparel',
		weight: 12,
		short_ko: '봉제',
		short_en: 'garment',
		suffixes: [
			['봉제', 'Sewing'],
			['어패럴', 'Apparel'],
			['패션', 'Fashion'],
			['의류', 'Garments'],
			['텍스', 'Tex']
		],
		processes: ['패턴', '그레이딩', '재단', '봉제', '샘플 제작', '소량 생산', '자수', '나염'],
		equipment: ['본봉 재봉기', '오버록', '인터록', '자동 재단기', '자수기', '스팀 다리미'],
		materials: ['면', '린넨', '데님', '울', '폴리에스터', '니트 원단', '기능성 원단'],
		products: ['유니폼', '티셔츠', '에코백', '작업복', '브랜드 샘플'],
		products_en: ['uniforms', 't-shirts', 'eco bags', 'workwear']
	},
	{
		code: '151',
		name_ko: '가죽, 가방 및 유사 제품 제조업',
		name_en: 'Manufacture of leather, luggage, handbags and similar articles',
		weight: 6,
		short_ko: '가죽 공방',
		short_en: 'leather',
		suffixes: [
			['레더', 'Leather'],
			['가죽공방', 'Leather Studio'],
			['가방', 'Bags'],
			['피혁', 'Leather']
		],
		processes: ['재단', '피할', '본딩', '재봉', '엣지 코트', '로고 박', '손바느질', '가죽 각인'],
		equipment: ['가죽 재단 프레스', '피할기', '포스트 재봉기', '박 프레스', '레이저 커팅기'],
		materials: ['베지터블 가죽', '크롬 가죽', '스웨이드', '소가죽', '양가죽', '황동 장식', '합성피혁'],
		products: ['가방', '지갑', '카드지갑', '벨트', '노트북 파우치'],
		products_en: ['bags', 'wallets', 'belts', 'pouches']
	},
	{
		code: '152',
		name_ko: '신발 및 신발 부분품 제조업',
		name_en: 'Manufacture of footwear and parts of footwear',
		weight: 7,
		short_ko: '수제화',
		short_en: 'handmade shoes',
		suffixes: [
			['제화', 'Shoes'],
			['수제화', 'Handmade Shoes'],
			['슈즈', 'Shoes'],
			['구두', 'Shoes'],
			['제갑', 'Uppers'],
			['저부', 'Bottoming']
		],
		processes: [
			'패턴',
			'재단',
			'제갑',
			'저부작업',
			'굿이어 웰트',
			'맥케이 제법',
			'시멘트 제법',
			'골씌우기(라스팅)',
			'창 부착',
			'굽 작업',
			'광내기 마감'
		],
		equipment: ['라스트(구두골)', '포스트 재봉기', '피할기', '창 압착기', '피니싱 머신', '토 라스팅기'],
		materials: ['소가죽', '스웨이드', '코도반', '가죽창', '고무창', '에나멜 가죽', 'EVA'],
		products: ['수제화', '구두', '로퍼', '부츠', '샌들', '맞춤 구두'],
		products_en: ['handmade shoes', 'loafers', 'boots', 'custom shoes']
	},
	{
		code: '162',
		name_ko: '나무제품 제조업',
		name_en: 'Manufacture of products of wood',
		weight: 4,
		short_ko: '목공',
		short_en: 'woodworking',
		suffixes: [
			['목공', 'Woodwork'],
			['우드', 'Wood'],
			['목공방', 'Wood Studio'],
			['목재', 'Timber']
		],
		processes: ['목공', 'CNC 목재 가공', '짜맞춤', '오일 마감', '레이저 커팅', '각인', '우드 굿즈 제작'],
		equipment: ['테이블쏘', 'CNC 라우터', '자동대패', '레이저 커팅기', '샌더'],
		materials: ['월넛', '오크', '자작합판', '편백', '메이플', 'MDF'],
		products: ['우드 굿즈', '트레이', '도마', '디스플레이 집기'],
		products_en: ['wooden goods', 'trays', 'displays']
	},
	{
		code: '172',
		name_ko: '골판지, 종이 상자 및 종이 용기 제조업',
		name_en: 'Manufacture of corrugated paper, paper boxes and paper containers',
		weight: 4,
		short_ko: '패키지',
		short_en: 'packaging',
		suffixes: [
			['패키지', 'Package'],
			['지기', 'Paper Box'],
			['포장', 'Packaging'],
			['박스', 'Box']
		],
		processes: ['패키지 설계', '톰슨(타발)', '접착', '싸바리 합지', '골판지 가공', '오프셋 인쇄', '샘플 제작'],
		equipment: ['자동 톰슨기', '골판지 합지기', '자동 접착기', '싸바리 기계', '샘플 커팅 플로터'],
		materials: ['골판지', 'E골 골판지', '크라프트 보드', '아이보리지', '마닐라지'],
		products: ['선물 상자', '택배 박스', '화장품 단상자', '싸바리 박스'],
		products_en: ['gift boxes', 'shipping boxes', 'cosmetic boxes']
	},
	{
		code: '181',
		name_ko: '인쇄 및 인쇄관련 산업',
		name_en: 'Printing and service activities related to printing',
		weight: 11,
		short_ko: '인쇄',
		short_en: 'printing',
		suffixes: [
			['인쇄', 'Printing'],
			['프린팅', 'Printing'],
			['출판인쇄', 'Publishing & Print'],
			['제본', 'Binding'],
			['기획인쇄', 'Print'],
			['라벨', 'Label'],
			['제판', 'Plate']
		],
		processes: [
			'오프셋 인쇄',
			'디지털 인쇄',
			'무선 제본',
			'중철 제본',
			'양장 제본',
			'후가공 박',
			'형압',
			'재단',
			'실크스크린 인쇄',
			'라벨 인쇄',
			'라미네이팅',
			'활판인쇄'
		],
		equipment: ['4색 오프셋 인쇄기', '디지털 인쇄기', 'CTP', '중철 제본기', '재단기', '박 프레스', '플렉소 라벨 인쇄기'],
		materials: ['아트지', '스노우지', '모조지', '랑데뷰', '크라프트지', '유포지', '한지'],
		products: ['카탈로그', '브로슈어', '명함', '책자', '포스터', '라벨 스티커', '리플릿'],
		products_en: ['catalogs', 'brochures', 'business cards', 'books', 'labels']
	},
	{
		code: '222',
		name_ko: '플라스틱 제품 제조업',
		name_en: 'Manufacture of plastic products',
		weight: 5,
		short_ko: '플라스틱',
		short_en: 'plastics',
		suffixes: [
			['화학', 'Chemical'],
			['플라스틱', 'Plastics'],
			['사출', 'Injection'],
			['폴리머', 'Polymer']
		],
		processes: ['사출 성형', '압출', '진공 성형', '블로우 성형', '금형 수정', '아크릴 가공', '3D 프린팅'],
		equipment: ['사출기', '압출기', '진공 성형기', '아크릴 레이저 커팅기', 'FDM 3D 프린터'],
		materials: ['PP', 'PE', 'ABS', 'PC', 'POM', '아크릴', 'PET'],
		products: ['사출품', '케이스', '아크릴 굿즈', '시제품 하우징'],
		products_en: ['injection parts', 'cases', 'prototype housings']
	},
	{
		code: '232',
		name_ko: '내화, 비내화 요업제품 제조업',
		name_en: 'Manufacture of refractory and non-refractory ceramic products',
		weight: 3,
		short_ko: '도자기',
		short_en: 'ceramics',
		suffixes: [
			['도예', 'Ceramics'],
			['요업', 'Ceramics'],
			['도자', 'Pottery'],
			['세라믹', 'Ceramic'],
			['가마', 'Kiln']
		],
		processes: ['물레 성형', '주입 성형', '시유', '소성', '전사', '핸드페인팅'],
		equipment: ['가스 가마', '전기 가마', '토련기', '물레', '석고 몰드'],
		materials: ['백자토', '분청토', '유약', '내화 벽돌', '자기토'],
		products: ['식기', '머그컵', '화분', '타일', '기념품'],
		products_en: ['tableware', 'mugs', 'tiles']
	},
	{
		code: '25',
		name_ko: '금속 가공제품 제조업; 기계 및 가구 제외',
		name_en: 'Manufacture of fabricated metal products, except machinery and furniture',
		weight: 10,
		short_ko: '금속가공',
		short_en: 'metalworking',
		suffixes: [
			['정밀', 'Precision'],
			['금속', 'Metal'],
			['메탈', 'Metal'],
			['테크', 'Tech'],
			['산업', 'Industry'],
			['가공', 'Machining']
		],
		processes: ['CNC 선반', 'CNC 밀링', '머시닝센터 가공', '탭·드릴', '연삭', '열처리', '3차원 측정', '범용 선반'],
		equipment: ['CNC 선반', '수직형 머시닝센터', '범용 밀링', '3차원 측정기(CMM)', '평면 연삭기'],
		materials: ['SUS304', '알루미늄 6061', 'S45C', '황동', 'POM', 'SKD11'],
		products: ['기계 부품', '시제품', '샤프트', '브라켓', '지그'],
		products_en: ['machine parts', 'prototypes', 'shafts', 'brackets']
	},
	{
		code: '2511',
		name_ko: '구조용 금속제품 제조업',
		name_en: 'Manufacture of structural metal products',
		weight: 4,
		short_ko: '철공·용접',
		short_en: 'steelwork',
		suffixes: [
			['용접', 'Welding'],
			['철공소', 'Ironworks'],
			['철강', 'Steel'],
			['스틸', 'Steel'],
			['금속구조', 'Steel Structures']
		],
		processes: ['TIG 용접', 'CO2 용접', '절단', '절곡', '현장 설치', '파이프 벤딩', '사상'],
		equipment: ['TIG 용접기', 'CO2 용접기', '플라즈마 절단기', '고속 절단기', '파이프 벤더'],
		materials: ['SS275', 'SUS304', 'H빔', '각파이프', '알루미늄'],
		products: ['철 구조물', '계단', '난간', '가구 프레임', '간판 프레임'],
		products_en: ['steel structures', 'stairs', 'frames']
	},
	{
		code: '259',
		name_ko: '기타 금속 가공제품 제조업',
		name_en: 'Manufacture of other fabricated metal products; metalworking service activities',
		weight: 10,
		short_ko: '금속가공',
		short_en: 'metal finishing',
		suffixes: [
			['정밀', 'Precision'],
			['판금', 'Sheet Metal'],
			['도금', 'Plating'],
			['금속', 'Metal'],
			['와이어컷팅', 'Wire Cutting'],
			['프레스', 'Press']
		],
		processes: ['레이저 절단', '절곡', '판금 용접', '분체도장', '와이어 방전', '프레스 가공', '도금', '연마', 'CNC 밀링'],
		equipment: ['파이버 레이저 절단기', 'CNC 절곡기(프레스 브레이크)', '스폿 용접기', '와이어 방전기', '프레스기'],
		materials: ['SPCC', 'SUS304', '알루미늄 5052', 'SECC', 'SKD11', '동'],
		products: ['판금 케이스', '브라켓', '금속 명판', '프레스 부품'],
		products_en: ['sheet metal enclosures', 'brackets', 'stamped parts']
	},
	{
		code: '29',
		name_ko: '기타 기계 및 장비 제조업',
		name_en: 'Manufacture of other machinery and equipment',
		weight: 6,
		short_ko: '기계',
		short_en: 'machinery',
		suffixes: [
			['기계', 'Machinery'],
			['기공', 'Machine Works'],
			['엔지니어링', 'Engineering'],
			['오토메이션', 'Automation'],
			['금형', 'Mold'],
			['기어', 'Gear']
		],
		processes: ['기계 설계', '조립', '설비 수리', '지그 제작', '자동화 설비', '금형 설계', '기어 호빙', '역설계'],
		equipment: ['범용 선반', '범용 밀링', '레이디얼 드릴', '머시닝센터', '와이어 방전기', '천장 크레인'],
		materials: ['SS275', 'S45C', '알루미늄 프로파일', 'SCM440', 'MC 나일론'],
		products: ['자동화 장비', '전용기', '금형', '지그', '컨베이어'],
		products_en: ['automation equipment', 'molds', 'jigs', 'conveyors']
	},
	{
		code: '320',
		name_ko: '가구 제조업',
		name_en: 'Manufacture of furniture',
		weight: 5,
		short_ko: '가구',
		short_en: 'furniture',
		suffixes: [
			['가구', 'Furniture'],
			['퍼니처', 'Furniture'],
			['목가구', 'Wood Furniture'],
			['인테리어', 'Interior']
		],
		processes: ['원목 가구 제작', '도장', '짜맞춤', '소파 제작', '주문 가구', '사무 가구 제작', '철제 가구'],
		equipment: ['CNC 라우터', '엣지 밴딩기', '도장 부스', '패널쏘', '타카'],
		materials: ['원목', '월넛', '오크', 'LPM 보드', '패브릭', '철제 프레임'],
		products: ['테이블', '수납장', '사무용 가구', '매장 집기'],
		products_en: ['tables', 'cabinets', 'office furniture', 'shop fittings']
	},
	{
		code: '3311',
		name_ko: '귀금속 및 관련제품 제조업',
		name_en: 'Manufacture of jewellery and related articles of precious metal',
		weight: 9,
		short_ko: '주얼리',
		short_en: 'jewelry',
		suffixes: [
			['주얼리', 'Jewelry'],
			['귀금속', 'Jewelry'],
			['보석', 'Gems'],
			['세공', 'Goldsmith'],
			['골드', 'Gold'],
			['체인', 'Chain'],
			['주물', 'Casting']
		],
		processes: [
			'왁스 조각',
			'주조',
			'연마',
			'세팅',
			'각인',
			'로듐 도금',
			'프롱 세팅',
			'파베 세팅',
			'원심 주조',
			'주얼리 CAD 모델링',
			'레이저 용접'
		],
		equipment: ['진공 주조기', '레이저 용접기', '초음파 세척기', '폴리싱 모터', '세팅 현미경', '왁스 3D 프린터'],
		materials: ['18K 금', '14K 금', '백금', '925 은', '천연 다이아몬드', '랩그로운 다이아몬드', '진주'],
		products: ['반지', '웨딩 밴드', '목걸이', '귀걸이', '팔찌', '펜던트'],
		products_en: ['rings', 'wedding bands', 'necklaces', 'earrings']
	},
	{
		code: '3312',
		name_ko: '모조 귀금속 및 모조 장신용품 제조업',
		name_en: 'Manufacture of imitation jewellery and related articles',
		weight: 3,
		short_ko: '액세서리',
		short_en: 'accessories',
		suffixes: [
			['액세서리', 'Accessory'],
			['악세사리', 'Accessory'],
			['비즈', 'Beads'],
			['장신구', 'Ornaments']
		],
		processes: ['주조', '프레스 타발', '도금', '조립', '에폭시', '비즈 공예'],
		equipment: ['프레스기', '진동 바렐기', '도금 라인', '원심 주조기'],
		materials: ['황동', '써지컬 스틸', '큐빅', '담수 진주', '크리스털', '합금'],
		products: ['패션 귀걸이', '헤어 액세서리', '브로치', '키링'],
		products_en: ['fashion earrings', 'hair accessories', 'brooches', 'key rings']
	},
	{
		code: '3320',
		name_ko: '악기 제조업',
		name_en: 'Manufacture of musical instruments',
		weight: 1,
		short_ko: '악기',
		short_en: 'instrument',
		suffixes: [
			['악기', 'Instruments'],
			['현악기', 'Strings'],
			['공방', 'Workshop'],
			['기타', 'Guitars']
		],
		processes: ['현악기 제작', '악기 수리', '조율', '목재 가공', '도장', '국악기 제작'],
		equipment: ['밴드쏘', '벤딩 아이언', '스프레이 도장 부스', '조율기'],
		materials: ['가문비나무', '단풍나무', '흑단', '오동나무', '명주실'],
		products: ['바이올린', '기타', '가야금', '우쿨렐레'],
		products_en: ['violins', 'guitars', 'gayageum']
	}
];

/** Surnames and place names that open a workshop name, with romanisation. */
export const NAME_HEADS: [string, string][] = [
	['대성', 'Daesung'],
	['한일', 'Hanil'],
	['삼화', 'Samhwa'],
	['동양', 'Dongyang'],
	['신흥', 'Sinheung'],
	['우진', 'Woojin'],
	['제일', 'Jeil'],
	['국제', 'Gukje'],
	['영신', 'Yeongsin'],
	['한강', 'Hangang'],
	['성진', 'Seongjin'],
	['대륙', 'Daeryuk'],
	['명가', 'Myungga'],
	['금성', 'Geumseong'],
	['은하', 'Eunha'],
	['다온', 'Daon'],
	['정우', 'Jeongwoo'],
	['한빛', 'Hanbit'],
	['예담', 'Yedam'],
	['봉익', 'Bongik'],
	['루체', 'Luce'],
	['가락', 'Garak'],
	['광채', 'Gwangchae'],
	['한결', 'Hangyeol'],
	['미림', 'Mirim'],
	['성수', 'Seongsu'],
	['한성', 'Hansung'],
	['미도', 'Mido'],
	['송림', 'Songrim'],
	['바른', 'Bareun'],
	['태양', 'Taeyang'],
	['금호', 'Geumho'],
	['대원', 'Daewon'],
	['직지', 'Jikji'],
	['청원', 'Cheongwon'],
	['우암', 'Uam'],
	['상당', 'Sangdang'],
	['금강', 'Geumgang'],
	['무심천', 'Musimcheon'],
	['성안', 'Seongan'],
	['명문', 'Myeongmun'],
	['한울', 'Hanul'],
	['새한', 'Saehan'],
	['문래', 'Mullae'],
	['종로', 'Jongno'],
	['청주', 'Cheongju'],
	['서울', 'Seoul'],
	['부산', 'Busan'],
	['대구', 'Daegu'],
	['인천', 'Incheon'],
	['광주', 'Gwangju'],
	['대전', 'Daejeon'],
	['울산', 'Ulsan'],
	['경기', 'Gyeonggi'],
	['김', 'Kim'],
	['이', 'Lee'],
	['박', 'Park'],
	['최', 'Choi'],
	['정', 'Jung'],
	['강', 'Kang'],
	['조', 'Cho'],
	['윤', 'Yoon'],
	['장', 'Jang'],
	['임', 'Lim'],
	['한', 'Han'],
	['오', 'Oh'],
	['서', 'Seo'],
	['신', 'Shin'],
	['권', 'Kwon'],
	['황', 'Hwang'],
	['안', 'Ahn'],
	['송', 'Song'],
	['유', 'Yoo'],
	['홍', 'Hong'],
	['전', 'Jeon'],
	['고', 'Ko'],
	['문', 'Moon'],
	['양', 'Yang'],
	['대한', 'Daehan'],
	['동아', 'Donga'],
	['세진', 'Sejin'],
	['현대', 'Hyundai'],
	['삼성', 'Samsung'],
	['진흥', 'Jinheung'],
	['우성', 'Woosung'],
	['영진', 'Youngjin'],
	['태광', 'Taegwang'],
	['한라', 'Halla'],
	['백두', 'Baekdu'],
	['남산', 'Namsan'],
	['동방', 'Dongbang'],
	['서광', 'Seogwang'],
	['새솔', 'Saesol'],
	['아름', 'Areum'],
	['푸른', 'Pureun'],
	['하늘', 'Haneul'],
	['보람', 'Boram'],
	['나래', 'Narae'],
	['가온', 'Gaon'],
	['누리', 'Nuri'],
	['해솔', 'Haesol'],
	['소담', 'Sodam'],
	['온새', 'Onsae'],
	['이음', 'Ieum'],
	['마루', 'Maru'],
	['결', 'Gyeol'],
	['손끝', 'Sonkkeut'],
	['장인', 'Jangin']
];

/** Syllables for made-up brand-like heads (예: 라온, 도담): keeps the vocabulary from being tiny. */
export const BRAND_SYLLABLES = [...'가나다라마바사아자차카타파하온빛솔담결윤린채슬별누리도해울봄찬미은선혜진성우현준서연'];

export interface District {
	ko: string;
	lat: number;
	lng: number;
	/** Relative share of workshops. */
	weight: number;
	/** Street-level neighbourhoods, for descriptions. */
	dongs?: string[];
}

/** The four craft clusters: district, centre, trade codes whose workshops join, and slug. */
export const CRAFT_CLUSTERS = [
	{ slug: 'jongno-jewelry', district: '종로구', lat: 37.5714, lng: 126.9918, trades: ['3311', '3312'] },
	{ slug: 'seongsu-handmade-shoes', district: '성동구', lat: 37.5446, lng: 127.0557, trades: ['152', '151'] },
	{ slug: 'mullae-machine-metal', district: '영등포구', lat: 37.5176, lng: 126.8947, trades: ['25', '259', '2511', '29'] },
	{ slug: 'cheongju-printing', district: '청주시 상당구', lat: 36.6424, lng: 127.489, trades: ['181', '172'] }
] as const;

/** Startup and IT clusters (demand side), for geo queries. */
export const STARTUP_CLUSTERS = {
	'seongsu-social-venture-valley': { lat: 37.5447, lng: 127.0557 },
	'seoul-startup-hub': { lat: 37.5446, lng: 126.9516 },
	'g-valley': { lat: 37.4849, lng: 126.8965 },
	'teheran-valley': { lat: 37.5006, lng: 127.0364 },
	'dongdaemun-design': { lat: 37.5667, lng: 127.0095 },
	'pangyo-techno-valley': { lat: 37.4019, lng: 127.1086 },
	ochang: { lat: 36.717, lng: 127.43 },
	osong: { lat: 36.627, lng: 127.329 }
} as const;

// Cluster districts carry extra weight (the cluster trades concentrate there); the rest follows
// roughly where manufacturing small businesses are: Seoul, Gyeonggi, the big cities, the industrial towns.
export const DISTRICTS: District[] = [
	{ ko: '종로구', lat: 37.5714, lng: 126.9918, weight: 26, dongs: ['봉익동', '묘동', '종로3가', '익선동', '창신동'] },
	{ ko: '성동구', lat: 37.5446, lng: 127.0557, weight: 20, dongs: ['성수동1가', '성수동2가', '송정동', '용답동'] },
	{ ko: '영등포구', lat: 37.5176, lng: 126.8947, weight: 24, dongs: ['문래동', '양평동', '도림동', '당산동'] },
	{ ko: '청주시 상당구', lat: 36.6424, lng: 127.489, weight: 12, dongs: ['북문로', '남주동', '용암동', '금천동'] },
	{ ko: '청주시 흥덕구', lat: 36.6356, lng: 127.4305, weight: 6, dongs: ['복대동', '가경동', '봉명동', '오송읍'] },
	{ ko: '청주시 서원구', lat: 36.6372, lng: 127.4697, weight: 4, dongs: ['사창동', '모충동', '분평동'] },
	{ ko: '청주시 청원구', lat: 36.6519, lng: 127.4951, weight: 4, dongs: ['내덕동', '율량동', '오창읍'] },
	{ ko: '중구', lat: 37.5636, lng: 126.9976, weight: 14, dongs: ['을지로', '충무로', '신당동', '황학동'] },
	{ ko: '동대문구', lat: 37.5744, lng: 127.0396, weight: 6 },
	{ ko: '중랑구', lat: 37.6063, lng: 127.0925, weight: 6 },
	{ ko: '성북구', lat: 37.5894, lng: 127.0167, weight: 6, dongs: ['장위동', '종암동'] },
	{ ko: '강북구', lat: 37.6396, lng: 127.0257, weight: 4 },
	{ ko: '도봉구', lat: 37.6688, lng: 127.0471, weight: 4 },
	{ ko: '노원구', lat: 37.6542, lng: 127.0568, weight: 3 },
	{ ko: '은평구', lat: 37.6027, lng: 126.9291, weight: 4 },
	{ ko: '서대문구', lat: 37.5791, lng: 126.9368, weight: 3 },
	{ ko: '마포구', lat: 37.5663, lng: 126.9019, weight: 6, dongs: ['망원동', '성산동', '합정동'] },
	{ ko: '용산구', lat: 37.5326, lng: 126.9905, weight: 3 },
	{ ko: '광진구', lat: 37.5385, lng: 127.0823, weight: 4 },
	{ ko: '강동구', lat: 37.5301, lng: 127.1238, weight: 3 },
	{ ko: '송파구', lat: 37.5145, lng: 127.1059, weight: 5, dongs: ['문정동', '가락동'] },
	{ ko: '강남구', lat: 37.5172, lng: 127.0473, weight: 3 },
	{ ko: '서초구', lat: 37.4837, lng: 127.0324, weight: 3 },
	{ ko: '관악구', lat: 37.4784, lng: 126.9516, weight: 3 },
	{ ko: '동작구', lat: 37.5124, lng: 126.9393, weight: 2 },
	{ ko: '금천구', lat: 37.4569, lng: 126.8955, weight: 8, dongs: ['가산동', '독산동', '시흥동'] },
	{ ko: '구로구', lat: 37.4954, lng: 126.8874, weight: 7, dongs: ['구로동', '신도림동', '오류동'] },
	{ ko: '양천구', lat: 37.517, lng: 126.8666, weight: 3 },
	{ ko: '강서구', lat: 37.5509, lng: 126.8495, weight: 4 },
	{ ko: '부천시', lat: 37.5034, lng: 126.766, weight: 12, dongs: ['오정동', '삼정동', '도당동'] },
	{ ko: '안산시 단원구', lat: 37.3195, lng: 126.8126, weight: 12, dongs: ['원시동', '목내동', '성곡동'] },
	{ ko: '시흥시', lat: 37.38, lng: 126.8029, weight: 10, dongs: ['정왕동', '시화공단'] },
	{ ko: '화성시', lat: 37.1995, lng: 126.8315, weight: 10, dongs: ['향남읍', '팔탄면', '봉담읍'] },
	{ ko: '김포시', lat: 37.6153, lng: 126.7156, weight: 8, dongs: ['양촌읍', '대곶면', '통진읍'] },
	{ ko: '인천 남동구', lat: 37.4473, lng: 126.7314, weight: 10, dongs: ['남동공단', '논현동', '고잔동'] },
	{ ko: '인천 서구', lat: 37.5455, lng: 126.676, weight: 7 },
	{ ko: '인천 부평구', lat: 37.5075, lng: 126.7218, weight: 5 },
	{ ko: '수원시 권선구', lat: 37.2578, lng: 126.9717, weight: 4 },
	{ ko: '성남시 중원구', lat: 37.4302, lng: 127.1372, weight: 5, dongs: ['상대원동'] },
	{ ko: '고양시 일산동구', lat: 37.6585, lng: 126.7749, weight: 3 },
	{ ko: '파주시', lat: 37.76, lng: 126.7799, weight: 7, dongs: ['문발동', '탄현면', '월롱면'] },
	{ ko: '의정부시', lat: 37.7381, lng: 127.0338, weight: 3 },
	{ ko: '남양주시', lat: 37.636, lng: 127.2165, weight: 4 },
	{ ko: '광주시', lat: 37.4295, lng: 127.2551, weight: 4 },
	{ ko: '포천시', lat: 37.8949, lng: 127.2003, weight: 4, dongs: ['가산면', '소흘읍'] },
	{ ko: '양주시', lat: 37.7853, lng: 127.0458, weight: 3 },
	{ ko: '이천시', lat: 37.2723, lng: 127.435, weight: 3, dongs: ['신둔면', '사음동'] },
	{ ko: '여주시', lat: 37.2983, lng: 127.6374, weight: 2 },
	{ ko: '평택시', lat: 36.9921, lng: 127.1127, weight: 4 },
	{ ko: '용인시 처인구', lat: 37.2343, lng: 127.2014, weight: 3 },
	{ ko: '부산 사상구', lat: 35.1526, lng: 128.9914, weight: 8, dongs: ['감전동', '학장동', '괘법동'] },
	{ ko: '부산 강서구', lat: 35.2122, lng: 128.9806, weight: 5 },
	{ ko: '부산 사하구', lat: 35.1046, lng: 128.9749, weight: 4 },
	{ ko: '부산 부산진구', lat: 35.1631, lng: 129.0532, weight: 4 },
	{ ko: '부산 동구', lat: 35.1293, lng: 129.0454, weight: 3, dongs: ['범일동', '초량동'] },
	{ ko: '대구 서구', lat: 35.8718, lng: 128.5592, weight: 6, dongs: ['비산동', '평리동'] },
	{ ko: '대구 북구', lat: 35.8858, lng: 128.5828, weight: 5, dongs: ['침산동', '노원동'] },
	{ ko: '대구 달서구', lat: 35.8299, lng: 128.5328, weight: 5, dongs: ['성서공단', '월암동'] },
	{ ko: '대구 중구', lat: 35.8693, lng: 128.6062, weight: 3 },
	{ ko: '광주 북구', lat: 35.1741, lng: 126.912, weight: 4 },
	{ ko: '광주 광산구', lat: 35.1396, lng: 126.7937, weight: 4, dongs: ['하남산단'] },
	{ ko: '대전 대덕구', lat: 36.3466, lng: 127.4156, weight: 4, dongs: ['대화동', '문평동'] },
	{ ko: '대전 동구', lat: 36.3119, lng: 127.4548, weight: 3 },
	{ ko: '울산 북구', lat: 35.5827, lng: 129.361, weight: 3 },
	{ ko: '울산 남구', lat: 35.5438, lng: 129.3301, weight: 3 },
	{ ko: '창원시 성산구', lat: 35.1983, lng: 128.7023, weight: 5, dongs: ['성주동', '웅남동'] },
	{ ko: '창원시 의창구', lat: 35.2537, lng: 128.6398, weight: 3 },
	{ ko: '김해시', lat: 35.2285, lng: 128.8894, weight: 5, dongs: ['주촌면', '진영읍', '한림면'] },
	{ ko: '양산시', lat: 35.335, lng: 129.0378, weight: 3 },
	{ ko: '진주시', lat: 35.18, lng: 128.1076, weight: 2 },
	{ ko: '구미시', lat: 36.1195, lng: 128.3446, weight: 4 },
	{ ko: '경산시', lat: 35.825, lng: 128.7414, weight: 3 },
	{ ko: '포항시 남구', lat: 36.0085, lng: 129.3597, weight: 3 },
	{ ko: '경주시', lat: 35.8562, lng: 129.2247, weight: 2 },
	{ ko: '안동시', lat: 36.5684, lng: 128.7294, weight: 1 },
	{ ko: '천안시 서북구', lat: 36.8781, lng: 127.1507, weight: 4 },
	{ ko: '아산시', lat: 36.7898, lng: 127.0018, weight: 3 },
	{ ko: '충주시', lat: 36.991, lng: 127.926, weight: 2 },
	{ ko: '제천시', lat: 37.1326, lng: 128.191, weight: 1 },
	{ ko: '음성군', lat: 36.9402, lng: 127.6905, weight: 2 },
	{ ko: '진천군', lat: 36.8554, lng: 127.4355, weight: 2 },
	{ ko: '증평군', lat: 36.7853, lng: 127.5815, weight: 1 },
	{ ko: '괴산군', lat: 36.8153, lng: 127.7866, weight: 1 },
	{ ko: '전주시 덕진구', lat: 35.8294, lng: 127.1166, weight: 3, dongs: ['팔복동'] },
	{ ko: '익산시', lat: 35.9483, lng: 126.9577, weight: 2 },
	{ ko: '군산시', lat: 35.9676, lng: 126.7366, weight: 2 },
	{ ko: '순천시', lat: 34.9506, lng: 127.4872, weight: 1 },
	{ ko: '여수시', lat: 34.7604, lng: 127.6622, weight: 1 },
	{ ko: '목포시', lat: 34.8118, lng: 126.3922, weight: 1 },
	{ ko: '담양군', lat: 35.3211, lng: 126.9882, weight: 1 },
	{ ko: '원주시', lat: 37.3422, lng: 127.9202, weight: 2 },
	{ ko: '춘천시', lat: 37.8813, lng: 127.7298, weight: 1 },
	{ ko: '강릉시', lat: 37.7519, lng: 128.8761, weight: 1 },
	{ ko: '제주시', lat: 33.4996, lng: 126.5312, weight: 2 },
	{ ko: '서귀포시', lat: 33.2541, lng: 126.56, weight: 1 },
	{ ko: '세종시', lat: 36.48, lng: 127.289, weight: 1 }
];

export const CERTIFICATIONS = [
	'ISO 9001',
	'ISO 14001',
	'이노비즈',
	'메인비즈',
	'백년소공인',
	'우수숙련기술자',
	'대한민국 명장',
	'기능장',
	'FSC CoC 인증',
	'HACCP'
];

export const MASTER_CERTIFICATIONS = ['대한민국 명장', '기능장', '우수숙련기술자'];
