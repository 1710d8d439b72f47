// What workshops work and requests ask for, as data: matching credits a workshop that lists the
// material a request names (the only titanium shop on a titanium request). A workshop writes its
// materials its own way ('티타늄 Gr5', 'SUS304', '925 은', '14K 금') and a request says them in its
// title, description or details ('알루미늄 6061', metal: 'silver'), so both go through materialsIn().
// The trade glossary's groups for the same material (aluminum / 알루미늄, stainless / 스텐 / sus)
// are merged in, so search and matching agree on which words are one material.
import { DEFAULT_GLOSSARY } from './glossary';
import { normalize, tokenize } from './korean';
import { productsIn } from './products';

export interface Material {
	/** Stable key (English): 'titanium'. */
	key: string;
	/** The material this is a kind of: a request for 'leather' is met by cowhide or suede. */
	kindOf?: string;
	/** Korean words, the usual one first (shown in reasons). */
	ko: readonly string[];
	/** English words, the usual one first (shown in reasons). */
	en: readonly string[];
	/** The glossary term whose group names the same material, if any. */
	glossary?: string;
}

const material = (key: string, ko: string[], en: string[], more: Pick<Material, 'kindOf' | 'glossary'> = {}): Material => ({
	key,
	ko,
	en,
	...more
});

export const MATERIALS: readonly Material[] = Object.freeze([
	// Metals
	material('titanium', ['티타늄', '티탄'], ['titanium', 'ti', 'gr5', 'gr2']),
	material('aluminium', ['알루미늄', '두랄루민'], ['aluminium', 'aluminum', 'al6061', 'a6061', '6061', '6063', '7075', '5052'], {
		glossary: 'aluminum'
	}),
	material('stainless', ['스테인리스', '스텐', '서스'], ['stainless', 'stainless steel', 'sus', 'sts', 'sus304', 'sus316'], {
		glossary: 'stainless'
	}),
	material(
		'steel',
		['철', '강철', '철판', '탄소강', '합금강', '공구강', '냉연강판', '스틸'],
		['steel', 'spcc', 's45c', 'scm440', 'skd11'],
		{
			glossary: 'steel'
		}
	),
	material('brass', ['황동', '신주'], ['brass', 'c3604'], { glossary: 'brass' }),
	material('copper', ['구리', '동', '적동'], ['copper'], { glossary: 'copper' }),
	material('gold', ['금', '골드', '14k', '18k', '24k', '14k금', '18k금', '14금', '18금', '순금', '화이트골드', '로즈골드'], ['gold'], {
		glossary: 'gold'
	}),
	material('silver', ['은', '실버', '순은', '925 은', '925'], ['silver', 'sterling silver'], { glossary: 'silver' }),
	material('platinum', ['백금', '플래티넘'], ['platinum', 'pt950'], { glossary: 'platinum' }),
	// Stones
	material('diamond', ['다이아몬드', '다이아', '천연 다이아몬드'], ['diamond', 'diamonds'], { glossary: 'diamond' }),
	material('cubic zirconia', ['큐빅', '큐빅 지르코니아'], ['cubic zirconia', 'cz']),
	material('pearl', ['진주'], ['pearl'], { glossary: 'pearl' }),
	// Leather and textiles
	material('leather', ['가죽', '피혁', '천연가죽'], ['leather'], { glossary: 'leather' }),
	material('cowhide', ['소가죽', '우피'], ['cowhide'], { kindOf: 'leather', glossary: 'cowhide' }),
	material('calfskin', ['송아지 가죽', '카프스킨'], ['calfskin', 'calf'], { kindOf: 'leather' }),
	material('suede', ['스웨이드', '세무', '누벅'], ['suede', 'nubuck'], { kindOf: 'leather', glossary: 'suede' }),
	material('sheepskin', ['양가죽', '램스킨'], ['sheepskin', 'lambskin'], { kindOf: 'leather' }),
	material('patent leather', ['에나멜 가죽', '에나멜'], ['patent leather'], { kindOf: 'leather' }),
	material('vegetable leather', ['베지터블 가죽', '베지터블'], ['vegetable tanned leather'], { kindOf: 'leather' }),
	material('canvas', ['캔버스', '원단'], ['canvas', 'fabric']),
	material('cork', ['코르크'], ['cork']),
	// Paper
	material('paper', ['종이', '용지'], ['paper'], { glossary: 'paper' }),
	material('art paper', ['아트지'], ['art paper'], { kindOf: 'paper' }),
	material('snow paper', ['스노우지'], ['snow paper', 'matte coated paper'], { kindOf: 'paper' }),
	material('woodfree paper', ['모조지', '백상지'], ['woodfree paper', 'uncoated paper'], { kindOf: 'paper' }),
	material('ivory board', ['아이보리지', '아이보리'], ['ivory board'], { kindOf: 'paper' }),
	material('kraft paper', ['크라프트지', '크라프트'], ['kraft paper', 'kraft'], { kindOf: 'paper' }),
	material('corrugated board', ['골판지'], ['corrugated board', 'cardboard'], { kindOf: 'paper' }),
	material('synthetic paper', ['유포지'], ['synthetic paper', 'yupo'], { kindOf: 'paper' }),
	material('hanji', ['한지'], ['hanji'], { kindOf: 'paper' }),
	// Plastics and others
	material('acrylic', ['아크릴'], ['acrylic', 'pmma']),
	material('resin', ['레진'], ['resin']),
	material('plastic', ['플라스틱', '합성수지'], ['plastic', 'abs', 'pla', 'pc', 'polycarbonate']),
	material('wax', ['왁스'], ['wax']),
	material('wood', ['목재', '원목', '나무'], ['wood', 'timber'])
]);

interface MaterialIndex {
	/** Normalised word or phrase → the materials it names. */
	phrases: Map<string, Material[]>;
	longest: number;
	byKey: Map<string, Material>;
}

let index: MaterialIndex | null = null;

function materialIndex(): MaterialIndex {
	if (index) return index;
	const built: MaterialIndex = { phrases: new Map(), longest: 1, byKey: new Map() };
	for (const m of MATERIALS) {
		built.byKey.set(m.key, m);
		const group = m.glossary ? DEFAULT_GLOSSARY.find((e) => e.term === m.glossary) : undefined;
		const words = [...m.ko, ...m.en, ...(group ? [group.term, ...group.synonyms] : [])];
		for (const word of words) {
			const phrase = normalize(word);
			if (phrase === '') continue;
			const named = built.phrases.get(phrase) ?? [];
			if (!named.includes(m)) named.push(m);
			built.phrases.set(phrase, named);
			built.longest = Math.max(built.longest, phrase.split(' ').length);
		}
	}
	index = built;
	return built;
}

export function materialByKey(key: string): Material | undefined {
	return materialIndex().byKey.get(key);
}

// Particles written onto a material: 티타늄으로, 은으로, 가죽과, 알루미늄의.
const PARTICLE = /(으로|이랑|하고|와|과|을|를|이|가|은|는|의|도|로|랑)$/;
const HANGUL = /^[\uac00-\ud7a3]+$/;

/** The material a Korean compound starts with: 은귀걸이 (silver + earrings), 알루미늄하우징, 티타늄반지. */
function compoundHead(word: string, phrases: Map<string, Material[]>): Material[] | null {
	if (!HANGUL.test(word)) return null;
	for (let end = word.length - 1; end >= 1; end--) {
		const head = word.slice(0, end);
		const named = phrases.get(head);
		if (!named) continue;
		const rest = word.slice(end);
		// A one-syllable material (은, 금, 철, 동) only before a product word: 금형 is a mould, not gold.
		if (head.length === 1 ? productsIn(rest).length > 0 : rest.length >= 2) return named;
	}
	return null;
}

/** An alloy or grade written after a material word: sus304, sus316l, s45c are in the table; al6082 is not. */
function gradeOf(word: string, phrases: Map<string, Material[]>): Material[] | null {
	const match = /^([a-z]{2,3})\d/.exec(word);
	return match ? (phrases.get(match[1]) ?? null) : null;
}

/**
 * Materials a text names, each once, in the order named: "티타늄·알루미늄 하우징" → titanium, aluminium.
 * Whole words (normalised, so 알미늄 = 알루미늄), a word with its particle (은으로), the material a
 * Korean compound starts with (은귀걸이), and grades (sus304, al6061).
 */
export function materialsIn(text: string): readonly Material[] {
	let found = memo.get(text);
	if (found === undefined) {
		if (memo.size >= MEMO_SIZE) memo.clear();
		found = Object.freeze(read(text));
		memo.set(text, found);
	}
	return found;
}

// Workshops write the same few materials ('알루미늄', 'SUS304', '925 은') across a national corpus:
// matching reads each text once per process, not once per request.
const MEMO_SIZE = 50_000;
const memo = new Map<string, readonly Material[]>();

function read(text: string): Material[] {
	const words = tokenize(text);
	const { phrases, longest } = materialIndex();
	const found: Material[] = [];
	const add = (named: readonly Material[] | null | undefined) => {
		for (const m of named ?? []) if (!found.includes(m)) found.push(m);
	};
	for (let i = 0; i < words.length;) {
		let length = Math.min(longest, words.length - i);
		while (length > 0 && !phrases.has(words.slice(i, i + length).join(' '))) length--;
		if (length > 0) {
			add(phrases.get(words.slice(i, i + length).join(' ')));
			i += length;
			continue;
		}
		const word = words[i];
		const bare = HANGUL.test(word) ? word.replace(PARTICLE, '') : word;
		add((bare !== word && bare !== '' ? phrases.get(bare) : null) ?? compoundHead(word, phrases) ?? gradeOf(word, phrases));
		i++;
	}
	return found;
}

/** Whether a workshop's material meets a requested one: the same, or a kind of it (cowhide for leather). */
export function meets(has: Material, wanted: Material): boolean {
	return has === wanted || has.kindOf === wanted.key;
}

/** The material's usual word in a locale (reasons show it). */
export function materialName(key: string, locale: string): string {
	const m = materialByKey(key);
	if (!m) return key;
	return locale === 'ko' ? m.ko[0] : m.en[0];
}
