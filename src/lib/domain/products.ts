// What the designated trades make, as data: a startup types the thing it wants (귀걸이, 로퍼, 명함,
// 브래킷), not the process. Search gives a workshop its trade's product words (so 귀걸이 finds jewelry
// shops whose profiles never say earrings), and matching credits a workshop whose trade makes the kind
// of thing requested and keeps the others from the top on other factors alone.
// Trades are KSIC codes or prefixes, as in public.trades ('25' covers 2511 and 259).
import { normalize, tokenize } from './korean';

export interface Product {
	/** Stable key (English, singular): 'earrings'. */
	key: string;
	/** KSIC codes or prefixes of the trades that make it. */
	trades: readonly string[];
	/** Korean words for it, the usual one first. */
	ko: readonly string[];
	/** English words for it, the usual one first. */
	en: readonly string[];
}

const JEWELRY = ['3311', '3312'];
const SHOES = ['152'];
const LEATHER = ['151'];
const METAL = ['25', '29'];
const PRINTING = ['181', '172'];

const product = (key: string, trades: readonly string[], ko: string[], en: string[]): Product => ({ key, trades, ko, en });

export const PRODUCTS: readonly Product[] = Object.freeze([
	// Jewelry (Jongno): what 귀금속 shops make
	product('ring', JEWELRY, ['반지'], ['ring', 'rings']),
	product('wedding ring', JEWELRY, ['결혼반지', '웨딩링', '예물반지'], ['wedding ring', 'wedding band']),
	product('couple ring', JEWELRY, ['커플링', '커플반지'], ['couple ring', 'couple rings']),
	product('signet ring', JEWELRY, ['인장반지', '시그넷링'], ['signet ring']),
	product('necklace', JEWELRY, ['목걸이', '네크리스'], ['necklace', 'necklaces']),
	product('earrings', JEWELRY, ['귀걸이', '귀고리', '이어링', '피어싱'], ['earrings', 'earring', 'studs']),
	product('bracelet', JEWELRY, ['팔찌', '뱅글'], ['bracelet', 'bracelets', 'bangle']),
	product('anklet', JEWELRY, ['발찌'], ['anklet']),
	product('pendant', JEWELRY, ['펜던트', '참 장식'], ['pendant', 'charm']),
	product('brooch', JEWELRY, ['브로치'], ['brooch', 'pin']),
	product('cufflinks', JEWELRY, ['커프스', '커프링크스'], ['cufflinks']),
	product('tie clip', JEWELRY, ['넥타이핀', '타이핀'], ['tie clip', 'tie pin']),
	product('hair accessory', JEWELRY, ['헤어핀', '비녀', '머리핀'], ['hairpin', 'hair accessory']),
	product('medal', JEWELRY, ['메달', '기념주화', '금메달', '행운의 열쇠', '순금열쇠'], ['medal', 'commemorative coin', 'gold key']),
	product('badge', JEWELRY, ['배지', '뱃지', '사원증 배지'], ['badge', 'lapel pin']),
	// Handmade shoes (Seongsu)
	product('dress shoes', SHOES, ['구두', '정장구두', '신사화', '옥스퍼드', '더비'], ['dress shoes', 'oxfords', 'derby shoes']),
	product('loafers', SHOES, ['로퍼', '페니로퍼'], ['loafers', 'loafer']),
	product('high heels', SHOES, ['하이힐', '힐', '펌프스', '숙녀화'], ['high heels', 'heels', 'pumps']),
	product('boots', SHOES, ['부츠', '워커', '첼시부츠', '앵클부츠'], ['boots', 'chelsea boots', 'ankle boots']),
	product('sneakers', SHOES, ['운동화', '스니커즈'], ['sneakers', 'trainers']),
	product('sandals', SHOES, ['샌들', '슬리퍼', '뮬'], ['sandals', 'slippers', 'mules']),
	product('flats', SHOES, ['플랫슈즈', '단화', '발레리나 슈즈'], ['flats', 'ballet flats']),
	product('comfort shoes', SHOES, ['컴포트화', '효도화', '기능성 신발', '교정화'], ['comfort shoes', 'orthopedic shoes']),
	product('uniform shoes', SHOES, ['단체화', '근무화', '안전화'], ['uniform shoes', 'work shoes', 'safety shoes']),
	product('dance shoes', SHOES, ['댄스화', '무용화'], ['dance shoes']),
	// Leather goods (also in Seongsu)
	product('bag', LEATHER, ['가방', '핸드백', '토트백', '백팩', '클러치'], ['bag', 'handbag', 'tote', 'backpack', 'clutch']),
	product('wallet', LEATHER, ['지갑', '카드지갑', '명함지갑'], ['wallet', 'card holder', 'card wallet']),
	product('belt', LEATHER, ['벨트', '허리띠'], ['belt']),
	product('leather case', LEATHER, ['가죽 케이스', '파우치', '키링'], ['leather case', 'pouch', 'key ring']),
	// Machine and metal parts (Mullae)
	product('bracket', METAL, ['브래킷', '브라켓', '받침'], ['bracket', 'brackets', 'mount']),
	product('shaft', METAL, ['샤프트', '축', '회전축'], ['shaft', 'axle']),
	product('gear', METAL, ['기어', '톱니바퀴', '스프로킷'], ['gear', 'gears', 'sprocket']),
	product('flange', METAL, ['플랜지'], ['flange']),
	product('bushing', METAL, ['부싱', '부시', '슬리브'], ['bushing', 'bush', 'sleeve']),
	product('housing', METAL, ['하우징', '케이스', '인클로저', '함체'], ['housing', 'enclosure', 'case']),
	product('fastener', METAL, ['볼트', '너트', '나사', '체결구'], ['bolt', 'nut', 'screw', 'fastener']),
	product('spring', METAL, ['스프링', '용수철'], ['spring']),
	product('pulley', METAL, ['풀리', '도르래'], ['pulley']),
	product('jig', METAL, ['지그', '치공구', '고정구'], ['jig', 'fixture']),
	product('mold', METAL, ['금형', '사출금형', '프레스금형'], ['mold', 'mould', 'die', 'injection mold']),
	product('frame', METAL, ['프레임', '골조', '구조물'], ['frame', 'chassis', 'structure']),
	product('heat sink', METAL, ['방열판', '히트싱크'], ['heat sink', 'heatsink']),
	product('nameplate', METAL, ['명판', '금속 명판', '네임플레이트'], ['nameplate', 'metal plate']),
	product('panel', METAL, ['판넬', '패널', '커버', '덮개'], ['panel', 'cover']),
	product('robot parts', METAL, ['로봇 부품', '드론 부품', '자동화 부품'], ['robot parts', 'drone parts', 'automation parts']),
	// Printing, binding and packaging (Cheongju)
	product('business card', PRINTING, ['명함'], ['business card', 'business cards']),
	product('flyer', PRINTING, ['전단', '전단지', '리플릿', '팸플릿'], ['flyer', 'leaflet', 'pamphlet']),
	product('brochure', PRINTING, ['브로슈어', '카탈로그', '회사소개서'], ['brochure', 'catalog', 'catalogue']),
	product('book', PRINTING, ['책', '도서', '단행본', '출판물', '자서전'], ['book', 'books', 'publication']),
	product('magazine', PRINTING, ['잡지', '사보', '매거진', '소식지'], ['magazine', 'newsletter', 'zine']),
	product('poster', PRINTING, ['포스터', '현수막', '배너'], ['poster', 'banner']),
	product('sticker', PRINTING, ['스티커', '라벨', '씰'], ['sticker', 'label', 'labels', 'seal']),
	product(
		'package box',
		PRINTING,
		['패키지 박스', '상자', '박스', '단상자', '선물상자', '골판지 박스'],
		['box', 'package box', 'gift box', 'carton']
	),
	product('shopping bag', PRINTING, ['쇼핑백', '종이가방'], ['shopping bag', 'paper bag']),
	product('envelope', PRINTING, ['봉투', '서류봉투'], ['envelope', 'envelopes']),
	product('calendar', PRINTING, ['달력', '캘린더', '다이어리', '노트'], ['calendar', 'diary', 'notebook', 'planner']),
	product('invitation', PRINTING, ['청첩장', '초대장', '카드', '엽서'], ['invitation', 'wedding invitation', 'card', 'postcard']),
	product('menu', PRINTING, ['메뉴판', '메뉴'], ['menu'])
]);

interface ProductIndex {
	/** Normalised word or phrase → the products it names. */
	phrases: Map<string, Product[]>;
	longest: number;
}

let index: ProductIndex | null = null;

function productIndex(): ProductIndex {
	if (index) return index;
	const built: ProductIndex = { phrases: new Map(), longest: 1 };
	for (const p of PRODUCTS) {
		for (const word of [...p.ko, ...p.en]) {
			const phrase = normalize(word);
			if (phrase === '') continue;
			const named = built.phrases.get(phrase) ?? [];
			if (!named.includes(p)) named.push(p);
			built.phrases.set(phrase, named);
			built.longest = Math.max(built.longest, phrase.split(' ').length);
		}
	}
	index = built;
	return built;
}

// Particles and suffixes written onto a noun: 브로슈어와 명함, 귀걸이를, 목걸이용.
const PARTICLE = /(으로|에서|이랑|하고|와|과|을|를|이|가|은|는|의|도|로|에|용|랑)$/;

/** The word, then the word without a trailing particle (if it leaves two syllables or more). */
function withoutParticle(word: string): string[] {
	if (!/^[\uac00-\ud7a3]+$/.test(word)) return [word];
	const bare = word.replace(PARTICLE, '');
	return bare !== word && bare.length >= 2 ? [word, bare] : [word];
}

/** The longest product word (two syllables or more) a Korean compound ends with: 은귀걸이 → 귀걸이. */
function compoundTail(word: string, phrases: Map<string, Product[]>): string | null {
	if (!/^[\uac00-\ud7a3]{3,}$/.test(word)) return null;
	for (let start = 1; start <= word.length - 2; start++) if (phrases.has(word.slice(start))) return word.slice(start);
	return null;
}

/** A product named in a text, with the words that named it. */
export interface ProductMention {
	product: Product;
	/** The normalised words of the text that named it: '귀걸이', 'heat sink'. */
	words: string;
}

/**
 * Products a text names, longest phrase first and each product once: "티타늄 안경 브래킷 200개" →
 * bracket. Words match whole (normalised) words, or the end of a Korean compound of two or more
 * syllables (은귀걸이 → 귀걸이, 알루미늄하우징 → 하우징), the way Koreans write a product after its material.
 */
export function productsIn(text: string): ProductMention[] {
	const words = tokenize(text);
	const { phrases, longest } = productIndex();
	const found = new Map<string, ProductMention>();
	const add = (named: Product[] | undefined, phrase: string) => {
		for (const product of named ?? []) if (!found.has(product.key)) found.set(product.key, { product, words: phrase });
	};
	for (let i = 0; i < words.length;) {
		let length = Math.min(longest, words.length - i);
		while (length > 0 && !phrases.has(words.slice(i, i + length).join(' '))) length--;
		if (length > 0) {
			const phrase = words.slice(i, i + length).join(' ');
			add(phrases.get(phrase), phrase);
			i += length;
			continue;
		}
		for (const word of withoutParticle(words[i])) {
			if (phrases.has(word)) {
				add(phrases.get(word), word);
				break;
			}
			const tail = compoundTail(word, phrases);
			if (tail) {
				add(phrases.get(tail), tail);
				break;
			}
		}
		i++;
	}
	return [...found.values()];
}

/** Whether a trade (KSIC code) makes a product: its code starts with one of the product's trades. */
export function tradeMakes(tradeCode: string | null | undefined, product: Product): boolean {
	return !!tradeCode && product.trades.some((t) => tradeCode.startsWith(t));
}

/** The product words of a trade, Korean and English (search documents carry them as "what it makes"). */
export function productWordsOf(tradeCode: string | null | undefined): string[] {
	if (!tradeCode) return [];
	const words = new Set<string>();
	for (const p of PRODUCTS) if (tradeMakes(tradeCode, p)) for (const w of [...p.ko, ...p.en]) words.add(w);
	return [...words];
}
