// The trade glossary: groups of equivalent search terms (English trade words, Korean words, synonyms).
// Both engines expand queries with it; managers edit the live copy in public.search_synonyms, which
// migration 20261127000310_search_glossary.sql fills with DEFAULT_GLOSSARY, later migrations add to (a test keeps them equal).
import { normalize, tokenize } from './korean';

/** A group of equivalent terms: the term and its synonyms match each other in both directions. */
export interface GlossaryEntry {
	term: string;
	synonyms: string[];
}

const entry = (term: string, ...synonyms: string[]): GlossaryEntry => ({ term, synonyms });

export const DEFAULT_GLOSSARY: readonly GlossaryEntry[] = Object.freeze([
	// Jewelry (Jongno)
	entry('jewelry', '주얼리', '귀금속', '장신구'),
	entry('accessories', '액세서리'),
	entry('ring', '반지'),
	entry('wedding jewelry', '예물', '웨딩 주얼리'),
	entry('wedding ring', '결혼반지', '웨딩링', '웨딩 밴드'),
	entry('couple ring', '커플링'),
	entry('necklace', '목걸이'),
	entry('earrings', '귀걸이', '귀고리', '이어링'),
	entry('bracelet', '팔찌'),
	entry('pendant', '펜던트'),
	entry('brooch', '브로치'),
	entry('chain', '체인'),
	entry('gold', '금', '골드'),
	entry('silver', '은', '실버'),
	entry('platinum', '백금', '플래티넘'),
	entry('white gold', '화이트골드', '화이트 골드'),
	entry('14k', '14k금', '14금', '14k gold'),
	entry('18k', '18k금', '18금', '18k gold'),
	entry('24k', '24k금', '순금', '24k gold', 'pure gold'),
	entry('diamond', '다이아몬드', '다이아'),
	entry('gemstone', '보석', '원석'),
	entry('pearl', '진주'),
	entry('casting', '주조', '캐스팅'),
	entry('polishing', '연마', '광택', '폴리싱'),
	entry('stone setting', '세팅', '물림', '스톤 세팅', 'setting'),
	entry('engraving', '각인', '인그레이빙'),
	entry('plating', '도금'),
	entry('wax carving', '왁스 카빙', '왁스 조각'),
	entry('3d printing', '3d 프린팅', '3d 프린터', '3d 출력'),
	// Handmade shoes and leather (Seongsu)
	entry('handmade shoes', '수제화', '수제구두'),
	entry('shoes', '구두', '신발', 'footwear'),
	entry('shoemaking', '제화'),
	entry('leather', '가죽', '피혁'),
	entry('cowhide', '소가죽', '우피'),
	entry('suede', '스웨이드', '세무'),
	entry('last', '구두골', '라스트'),
	entry('sole', '밑창', '창'),
	entry('insole', '깔창', '인솔'),
	entry('upper', '갑피', '제갑'),
	entry('sneakers', '운동화', '스니커즈'),
	entry('loafers', '로퍼'),
	entry('boots', '부츠', '워커'),
	entry('high heels', '하이힐', '힐'),
	entry('stitching', '재봉', '봉제', '스티칭'),
	entry('repair', '수선', '수리'),
	// Machine and metal parts (Mullae)
	entry('lathe', '선반'),
	entry('turning', '선삭', '선반 가공'),
	entry('cnc', 'cnc 선반', 'cnc 가공', 'cnc lathe', 'cnc machining'),
	entry('milling', '밀링', '후라이스'),
	entry('machining', '기계 가공', '가공'),
	entry('precision machining', '정밀 가공', '정밀가공'),
	entry('welding', '용접'),
	entry('sheet metal', '판금'),
	entry('laser cutting', '레이저 가공', '레이저 절단', '레이저 커팅'),
	entry('bending', '절곡', '벤딩'),
	entry('press', '프레스', '프레스 가공'),
	entry('grinding', '연삭'),
	entry('drilling', '드릴링', '드릴 가공'),
	entry('tapping', '태핑', '탭 가공'),
	entry('heat treatment', '열처리'),
	entry('anodizing', '아노다이징', '양극 산화'),
	entry('painting', '도장'),
	entry('powder coating', '분체 도장', '분체도장'),
	entry('mold', '금형', '몰드'),
	entry('jig', '지그', '치공구'),
	entry('parts', '부품', '파트'),
	entry('metal', '금속', '메탈'),
	entry('aluminum', '알루미늄'),
	entry('stainless', '스테인리스', '스텐', '서스', 'sus', 'stainless steel'),
	entry('brass', '황동', '신주'),
	entry('copper', '구리'),
	entry('steel', '철', '강철', '스틸'),
	entry('drawing', '도면', '설계도'),
	entry('tolerance', '공차'),
	// Printing, binding and packaging (Cheongju)
	entry('printing', '인쇄', '프린팅'),
	entry('offset printing', '오프셋 인쇄', '오프셋', 'offset'),
	entry('digital printing', '디지털 인쇄', '디지털 프린팅'),
	entry('screen printing', '실크 인쇄', '실크스크린', '실크 스크린'),
	entry('binding', '제본'),
	entry('perfect binding', '무선 제본', '무선제본'),
	entry('saddle stitching', '중철 제본', '중철'),
	entry('packaging', '패키지', '포장', '패키징'),
	entry('box', '박스', '상자'),
	entry('corrugated box', '골판지 박스', '골판지'),
	entry('shopping bag', '쇼핑백'),
	entry('hot stamping', 'foil stamping', 'foil', '박', '금박', '박 가공'),
	entry('finishing', '후가공'),
	entry('embossing', '형압', '엠보싱'),
	entry('coating', '코팅'),
	entry('die cutting', '톰슨', '도무송', '다이 커팅', '다이커팅'),
	entry('label', '라벨', '레이블', '스티커', 'sticker'),
	entry('business card', '명함'),
	entry('catalog', '카탈로그'),
	entry('brochure', '브로슈어', '팸플릿'),
	entry('leaflet', '리플릿', '전단', '전단지', 'flyer'),
	entry('poster', '포스터'),
	entry('envelope', '봉투'),
	entry('paper', '용지', '종이'),
	entry('proof', '교정쇄', '시안'),
	// Across trades
	entry('master craftsman', '명장', '기능장', '숙련기술인'),
	entry('craftsman', '장인', '소공인', 'artisan'),
	entry('workshop', '공방', '작업장'),
	entry('factory', '공장'),
	entry('prototype', '시제품', '시작품', '샘플', 'sample'),
	entry('mockup', '목업'),
	entry('custom made', '주문 제작', '맞춤 제작', '맞춤', '커스텀', 'custom'),
	entry('small batch', '소량 생산', '소량'),
	entry('mass production', '양산', '대량 생산'),
	entry('contract manufacturing', '임가공', '위탁 생산', '외주 가공', 'oem'),
	entry('quote', '견적', '견적서', 'rfq'),
	// Added by migration 20261208000100_search_glossary_letterpress.sql
	entry('letterpress', '활판 인쇄', '활판', '레터프레스')
]);

interface GlossaryIndex {
	groups: string[][];
	/** Normalised phrase → indexes of the groups it belongs to. */
	phrases: Map<string, number[]>;
	longestPhrase: number;
}

// Derived data only, keyed by the glossary array: a glossary is treated as immutable once used.
const indexes = new WeakMap<readonly GlossaryEntry[], GlossaryIndex>();

function indexOf(glossary: readonly GlossaryEntry[]): GlossaryIndex {
	let index = indexes.get(glossary);
	if (index) return index;
	index = { groups: [], phrases: new Map(), longestPhrase: 1 };
	for (const { term, synonyms } of glossary) {
		const group = [...new Set([term, ...synonyms].map(normalize).filter((t) => t !== ''))];
		if (group.length < 2) continue;
		for (const phrase of group) {
			const at = index.phrases.get(phrase) ?? [];
			at.push(index.groups.length);
			index.phrases.set(phrase, at);
			index.longestPhrase = Math.max(index.longestPhrase, phrase.split(' ').length);
		}
		index.groups.push(group);
	}
	indexes.set(glossary, index);
	return index;
}

/** Each entry as a list of equivalent normalised terms (duplicates and empty terms dropped). */
export function synonymGroups(glossary: readonly GlossaryEntry[]): string[][] {
	return indexOf(glossary).groups.map((group) => [...group]);
}

/** Meilisearch's `synonyms` setting: every term maps to every other term of its groups. */
export function toMeiliSynonyms(glossary: readonly GlossaryEntry[]): Record<string, string[]> {
	const synonyms: Record<string, string[]> = {};
	for (const group of indexOf(glossary).groups) {
		for (const term of group) {
			const others = new Set(Object.hasOwn(synonyms, term) ? synonyms[term] : []); // 'constructor' is a term too
			for (const other of group) if (other !== term) others.add(other);
			synonyms[term] = [...others];
		}
	}
	return synonyms;
}

const isHangulWord = (token: string) => /^[\uac00-\ud7a3]+$/.test(token);

/** Glossary words of two or more syllables inside a Korean compound: 종로주얼리공방 → 주얼리, 공방. */
function compoundParts(token: string, index: GlossaryIndex): string[] {
	const parts: string[] = [];
	for (let start = 0; start < token.length - 1;) {
		let length = token.length - start;
		while (length >= 2 && !index.phrases.has(token.slice(start, start + length))) length--;
		if (length < 2) start++;
		else {
			parts.push(token.slice(start, start + length));
			start += length;
		}
	}
	return parts;
}

/**
 * The extra terms to search for, besides the query's own words: the other members of every glossary
 * group a query phrase belongs to ('offset printing' → 오프셋 인쇄, 오프셋). Phrases match whole
 * normalised words, longest first; a Korean compound that is no glossary term as a whole is searched
 * for its glossary parts too (종로주얼리 → 주얼리, jewelry, 귀금속 …).
 */
export function expandQuery(tokens: readonly string[], glossary: readonly GlossaryEntry[]): string[] {
	const words = tokenize(tokens.join(' '));
	const index = indexOf(glossary);
	const ownPhrases = new Set<string>();
	for (let i = 0; i < words.length; i++) {
		for (let j = i + 1; j <= Math.min(words.length, i + index.longestPhrase); j++) ownPhrases.add(words.slice(i, j).join(' '));
	}
	const extra = new Set<string>();
	const addGroupsOf = (phrase: string) => {
		for (const group of index.phrases.get(phrase) ?? []) {
			for (const term of index.groups[group]) if (!ownPhrases.has(term)) extra.add(term);
		}
	};
	for (let i = 0; i < words.length;) {
		let length = Math.min(index.longestPhrase, words.length - i);
		while (length > 0 && !index.phrases.has(words.slice(i, i + length).join(' '))) length--;
		if (length > 0) {
			addGroupsOf(words.slice(i, i + length).join(' '));
			i += length;
			continue;
		}
		if (isHangulWord(words[i])) {
			for (const part of compoundParts(words[i], index)) addGroupsOf(part);
		}
		i++;
	}
	return [...extra];
}
