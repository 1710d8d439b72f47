// Korean place names in Latin letters as road signs write them, by the Revised Romanization of Korean
// (문화체육관광부 고시 2000-8) with its sound changes: 종로구 → Jongno-gu, 청주시 상당구 → Cheongju-si
// Sangdang-gu, 신라 → Silla, 백마 → Baengma. Sound changes stop at the hyphen before an administrative
// unit (시, 군, 구, …), and aspiration after ㄱ/ㄷ/ㅂ is not written (묵호 → Mukho), as the rules say
// for place names. (Slugs romanise letter by letter instead: romanize.ts.)
import { SYLLABLE_FIRST, SYLLABLE_LAST } from './korean';

// Initials, medials and finals as written at the end of a syllable, in Unicode order. es-hangul's
// romanize writes aspiration after ㄱ/ㄷ/ㅂ (묵호 → muko) and cannot stop at a unit's hyphen.
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = [
	'a',
	'ae',
	'ya',
	'yae',
	'eo',
	'e',
	'yeo',
	'ye',
	'o',
	'wa',
	'wae',
	'oe',
	'yo',
	'u',
	'wo',
	'we',
	'wi',
	'yu',
	'eu',
	'ui',
	'i'
];
const FINALS = [
	'',
	'k',
	'k',
	'k',
	'n',
	'n',
	'n',
	't',
	'l',
	'k',
	'm',
	'l',
	'l',
	'l',
	'p',
	'l',
	'm',
	'p',
	'p',
	't',
	't',
	'ng',
	't',
	't',
	'k',
	't',
	'p',
	't'
];

const INITIAL_N = 2;
const INITIAL_R = 5;
const INITIAL_M = 6;
const INITIAL_NONE = 11;
// A final carried over to a following vowel (initial ㅇ), read as an initial: 금옥 → geumok.
const FINAL_CARRIED = [
	'',
	'g',
	'kk',
	'gs',
	'n',
	'nj',
	'nh',
	'd',
	'r',
	'lg',
	'lm',
	'lb',
	'ls',
	'lt',
	'lp',
	'lh',
	'm',
	'b',
	'bs',
	's',
	'ss',
	'ng',
	'j',
	'ch',
	'k',
	't',
	'p',
	'h'
];

const nasal = (sound: string) => (sound === 'k' ? 'ng' : sound === 't' ? 'n' : sound === 'p' ? 'm' : sound);

/**
 * A final meeting the next syllable's initial: how the final is written, and how the initial then is
 * (null: as usual).
 */
function meet(final: number, initial: number): [string, string | null] {
	const sound = FINALS[final];
	if (initial === INITIAL_NONE) return sound === 'ng' ? ['ng', null] : [FINAL_CARRIED[final], ''];
	if (initial === INITIAL_R) {
		// ㄹ after ㄴ or ㄹ is l-l (신라 Silla); after another final it sounds n and nasalises it (백록 Baengnok).
		return sound === 'n' || sound === 'l' ? ['l', 'l'] : [nasal(sound), 'n'];
	}
	if (initial === INITIAL_N && sound === 'l') return ['l', 'l']; // 칼날 kallal
	if (initial === INITIAL_N || initial === INITIAL_M) return [nasal(sound), null]; // 백마 Baengma
	return [sound, null];
}

const syllable = (ch: string | undefined) => {
	const code = ch === undefined ? -1 : ch.codePointAt(0)! - SYLLABLE_FIRST;
	return code >= 0 && code <= SYLLABLE_LAST - SYLLABLE_FIRST
		? { initial: Math.floor(code / 588), medial: Math.floor((code % 588) / 28), final: code % 28 }
		: null;
};

/** A word as heard, lower case; characters other than Hangul syllables pass through. */
export function romanizeSpoken(word: string): string {
	const chars = [...word];
	let out = '';
	let initialAs: string | null = null;
	for (const [i, ch] of chars.entries()) {
		const s = syllable(ch);
		if (!s) {
			out += ch;
			initialAs = null;
			continue;
		}
		out += (initialAs ?? INITIALS[s.initial]) + MEDIALS[s.medial];
		initialAs = null;
		if (s.final === 0) continue;
		const next = syllable(chars[i + 1]);
		if (!next) {
			out += FINALS[s.final];
			continue;
		}
		const [final, initial] = meet(s.final, next.initial);
		out += final;
		initialAs = initial;
	}
	return out;
}

/**
 * Administrative units, written after a hyphen (longest first). The hyphen separates the unit from
 * the name only; a compound unit is one word: Seoul-teukbyeolsi, Busan-gwangyeoksi.
 */
const UNITS: [string, string][] = [
	['특별자치시', 'teukbyeoljachisi'],
	['특별자치도', 'teukbyeoljachido'],
	['특별시', 'teukbyeolsi'],
	['광역시', 'gwangyeoksi'],
	['시', 'si'],
	['군', 'gun'],
	['구', 'gu'],
	['읍', 'eup'],
	['면', 'myeon'],
	['동', 'dong'],
	['리', 'ri'],
	['가', 'ga'],
	['도', 'do']
];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A district as stored (`청주시 상당구`, parts by spaces or underscores) in Latin letters. */
export function romanizePlace(name: string): string {
	return name
		.split(/[\s_]+/)
		.filter(Boolean)
		.map((part) => {
			const unit = UNITS.find(([ko]) => part.endsWith(ko) && part.length > ko.length);
			if (!unit) return capitalise(romanizeSpoken(part));
			return `${capitalise(romanizeSpoken(part.slice(0, -unit[0].length)))}-${unit[1]}`;
		})
		.join(' ');
}

/** A district for the page's language: as stored (Korean) in Korean, romanised in English. */
export const districtName = (name: string, locale: string) => (locale === 'en' && name ? romanizePlace(name) : name);
