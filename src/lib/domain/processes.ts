// Processes a request names in its own words ("CNC 선반으로 깎고 아노다이징 해 주세요") count in matching
// with the ones it lists: a person who writes the process in the description and leaves the list
// empty is asking for it all the same. The names are data, Korean and English, grouped by process
// (the first name is the one kept); matched as whole words or phrases, with a particle (연마를) or made a verb (주조한), so a
// one-syllable name (박, foil) never matches inside another word (박스).
import { normalize, tokenize } from './korean';

export const PROCESS_NAMES: readonly (readonly string[])[] = Object.freeze([
	// Jewelry (Jongno)
	['주조', '캐스팅', '왁스 주조', 'casting'],
	['연마', '광택', '폴리싱', 'polishing'],
	['세팅', '물림', '스톤 세팅', 'stone setting'],
	['각인', '레이저 각인', 'engraving'],
	['도금', '로듐 도금', 'plating'],
	['원형', '왁스 원형', '3d 원형', 'wax carving'],
	['납땜', '땜', 'soldering'],
	// Handmade shoes (Seongsu)
	['재단', 'cutting'],
	['제갑', '갑피', 'upper stitching'],
	['저부', '창 부착', 'bottoming'],
	['라스트', 'lasting'],
	['봉제', '재봉', 'sewing'],
	// Machine-metal (Mullae)
	['cnc 선반', '선반', 'cnc 가공', 'turning', 'cnc turning'],
	['밀링', 'mct', 'milling'],
	['용접', '알곤 용접', 'tig 용접', 'welding'],
	['판금', 'sheet metal'],
	['절곡', 'bending'],
	['레이저 커팅', '레이저 절단', 'laser cutting'],
	['프레스', 'pressing'],
	['연삭', 'grinding'],
	['방전 가공', '와이어컷', 'edm', 'wire cut'],
	['열처리', 'heat treatment'],
	['아노다이징', '아노다이징 처리', 'anodizing'],
	['분체 도장', '도장', 'powder coating', 'painting'],
	['사출', '사출 성형', 'injection molding'],
	['3d 프린팅', '3d 프린터 출력', '3d printing'],
	// Printing (Cheongju)
	['오프셋 인쇄', '옵셋 인쇄', 'offset printing'],
	['디지털 인쇄', 'digital printing'],
	['실크스크린', 'screen printing'],
	['코팅', '라미네이팅', 'coating', 'laminating'],
	['박', '금박', '박 가공', 'foil stamping'],
	['형압', 'embossing'],
	['톰슨', '도무송', 'die cutting'],
	['제본', 'binding']
]);

const PARTICLE = /(으로|이랑|하고|와|과|을|를|이|가|은|는|의|도|로|랑)$/;
/** A process used as a verb: 주조한, 용접해서, 연마하고. */
const VERB = /(해서|하여|하고|하는|해야|한|해|할)$/;
const HANGUL = /^[\uac00-\ud7a3]+$/;

let index: { phrases: Map<string, string>; longest: number } | undefined;
function processIndex() {
	if (index) return index;
	const phrases = new Map<string, string>();
	let longest = 1;
	for (const names of PROCESS_NAMES)
		for (const name of names) {
			const words = tokenize(name);
			phrases.set(words.join(' '), normalize(names[0]));
			longest = Math.max(longest, words.length);
		}
	return (index = { phrases, longest });
}

/** The processes a text names, each once (by its first name, normalised), in the order named. */
export function processesIn(text: string): string[] {
	const words = tokenize(text);
	const { phrases, longest } = processIndex();
	const found: string[] = [];
	const add = (process: string | undefined) => {
		if (process !== undefined && !found.includes(process)) found.push(process);
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
		if (HANGUL.test(word))
			for (const ending of [PARTICLE, VERB]) {
				const bare = word.replace(ending, '');
				if (bare !== word && bare !== '' && phrases.has(bare)) {
					add(phrases.get(bare));
					break;
				}
			}
		i++;
	}
	return found;
}
