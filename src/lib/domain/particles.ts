// Korean particles that depend on the word before them (문래정밀이 / 명가주얼리가). Messages write the
// pair the way Korean writers mark an unknown word, "{workshop}이(가)", and particles() picks one
// once the name is in. es-hangul knows Hangul; names in Latin letters or ending in digits (Studio Kim,
// 3D, 공방1) are read the way Korean speakers say them.
import { hasBatchim } from 'es-hangul';

/** The alternations messages may write, as "consonant form(vowel form)" or "(으)로". */
export type ParticlePair = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로' | '이라/라' | '아/야' | '이나/나';

// Written notation → the pair: "이(가)" and the vowel-first spellings writers also use.
const NOTATION: Record<string, ParticlePair> = {
	'이(가)': '이/가',
	'가(이)': '이/가',
	'을(를)': '을/를',
	'를(을)': '을/를',
	'은(는)': '은/는',
	'는(은)': '은/는',
	'과(와)': '과/와',
	'와(과)': '과/와',
	'(으)로': '으로/로',
	'(이)라': '이라/라',
	'아(야)': '아/야',
	'(이)나': '이나/나'
};
const NOTATION_PATTERN = /이\(가\)|가\(이\)|을\(를\)|를\(을\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)|\(으\)로|\(이\)라|아\(야\)|\(이\)나/g;

// Quotes and brackets around a name ("「초안」을") are not read aloud: the word inside decides.
const SILENT_END = /[\s「」『』“”‘’"'()[\]<>《》〈〉.,!?·]+$/u;

// How each digit is read at the end of a Sino-Korean number, and the round numbers: 1 일, 3 삼, 10 십.
const DIGIT_FINAL: Record<string, 'none' | 'rieul' | 'other'> = {
	'0': 'other', // 영
	'1': 'rieul', // 일
	'2': 'none', // 이
	'3': 'other', // 삼
	'4': 'none', // 사
	'5': 'none', // 오
	'6': 'other', // 육
	'7': 'rieul', // 칠
	'8': 'rieul', // 팔
	'9': 'none' // 구
};
// 십, 백, 천, 만 all end in a consonant (none in ㄹ).
const ROUND = /[1-9]0+$/;

// Letter names of acronyms (CNC 씨엔씨, LED 엘이디): L 엘, M 엠, N 엔, R 알 end in a consonant.
const LETTER_FINAL: Record<string, 'rieul' | 'other'> = { L: 'rieul', R: 'rieul', M: 'other', N: 'other' };

const VOWEL = /[aeiouy]/;

/** What the last sound of a Latin word is, as Korean loanwords write it (Kim 킴, Link 링크, Lab 랩). */
function latinFinal(word: string): 'none' | 'rieul' | 'other' {
	if (word.length <= 4 && word === word.toUpperCase()) return LETTER_FINAL[word.at(-1)!] ?? 'none';
	const w = word.toLowerCase();
	const last = w.at(-1)!;
	const before = w.at(-2) ?? '';
	if (w.endsWith('ng') || last === 'm' || last === 'n') return 'other';
	if (last === 'l') return 'rieul';
	// A silent e leaves the consonant before it: Stone 스톤, Time 타임, Apple 애플.
	if (last === 'e' && before && !VOWEL.test(before)) {
		if (before === 'l') return 'rieul';
		if (before === 'm' || before === 'n') return 'other';
		return 'none';
	}
	// After a short vowel k, p, t, b, g close the syllable (Book 북, Lab 랩, Cat 캣, Big 빅);
	// after another consonant they take a vowel of their own (Link 링크, Mark 마크).
	if ('kptbg'.includes(last) && VOWEL.test(before) && !VOWEL.test(w.at(-3) ?? '')) return 'other';
	return 'none';
}

/** Whether the sound before the particle is a consonant, and whether it is ㄹ (for 으로/로). */
function finalSound(word: string): 'none' | 'rieul' | 'other' {
	const w = word.replace(SILENT_END, '');
	const last = w.at(-1);
	if (!last) return 'none';
	const code = last.charCodeAt(0);
	if (code >= 0xac00 && code <= 0xd7a3) {
		if (!hasBatchim(last)) return 'none';
		return (code - 0xac00) % 28 === 8 ? 'rieul' : 'other';
	}
	if (last >= '0' && last <= '9') return ROUND.test(w) ? 'other' : DIGIT_FINAL[last];
	const latin = /[A-Za-z]+$/.exec(w);
	if (latin) return latinFinal(latin[0]);
	return 'none';
}

/** The particle of the pair that follows word: josa('문래정밀', '이/가') → '이'. */
export function josa(word: string, pair: ParticlePair): string {
	const [consonant, vowel] = pair.split('/');
	const sound = finalSound(word);
	// ㄹ takes 로 like a vowel does (서울로, 문래로), never 으로.
	if (pair === '으로/로') return sound === 'other' ? consonant : vowel;
	return sound === 'none' ? vowel : consonant;
}

/** The word with its particle: withJosa('Studio Kim', '이/가') → 'Studio Kim이'. */
export function withJosa(word: string, pair: ParticlePair): string {
	return word + josa(word, pair);
}

/** A composed sentence with each "이(가)"-style pair settled by the word before it. */
export function particles(text: string): string {
	if (!text.includes('(')) return text;
	return text.replace(NOTATION_PATTERN, (notation: string, at: number) => josa(text.slice(0, at), NOTATION[notation]));
}
