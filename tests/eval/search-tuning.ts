// The tuning set of the search evaluation: queries that glossary and ranking changes may be measured
// (and tuned) against. The held-out set (search-heldout.ts) was written and committed at the same
// time, before any such change, and is only ever reported.
import { JEWELRY, METAL, PRINTING, SHOES } from './search-profiles';
import { query, type EvalQuery } from './search-queries';

export const TUNING: readonly EvalQuery[] = [
	// Korean process and trade words
	query('주조', 'korean', ['j-bongik-gold']),
	query('세팅', 'korean', ['j-setting-lab']),
	query('도금', 'korean', ['j-plating'], ['j-costume']),
	query('각인', 'korean', ['j-engrave']),
	query('진주', 'korean', ['j-pearl']),
	query('주얼리', 'korean', ['j-cad'], JEWELRY),
	query('액세서리', 'korean', ['j-costume'], JEWELRY),
	query('수제화', 'korean', SHOES),
	query('제갑', 'korean', ['s-upper']),
	query('저부', 'korean', ['s-sole']),
	query('하이힐', 'korean', ['s-heels']),
	query('스니커즈', 'korean', ['s-sneaker']),
	query('교정화', 'korean', ['s-comfort']),
	query('선반', 'korean', ['m-lathe', 'm-cnc']),
	query('판금', 'korean', ['m-sheet']),
	query('용접', 'korean', ['m-weld']),
	query('열처리', 'korean', ['m-heat']),
	query('금형', 'korean', ['m-mold']),
	query('아노다이징', 'korean', ['m-anod', 'm-robot'], ['j-titanium']),
	query('오프셋 인쇄', 'korean', ['p-offset']),
	query('제본', 'korean', ['p-binding', 'p-book']),
	query('라벨', 'korean', ['p-label']),
	query('톰슨', 'korean', ['p-box']),
	query('코팅', 'korean', ['p-finish']),
	// Initial consonants
	query('ㅈㅇㄹ', 'initials', ['j-cad']),
	query('ㅍㄱ', 'initials', ['m-sheet']),
	query('ㅎㅇㅈㅁ', 'initials', ['m-cnc']),
	query('ㅊㅇㅇㅅ', 'initials', ['p-offset']),
	// Typos
	query('주얼라', 'typo', ['j-cad'], JEWELRY),
	query('수재화', 'typo', SHOES),
	query('열쳐리', 'typo', ['m-heat']),
	query('판굼', 'typo', ['m-sheet']),
	query('jewlery', 'typo', ['j-cad'], JEWELRY),
	query('실크스크림', 'typo', ['p-silk']),
	// Spacing: compounds with and without their spaces
	query('왁스카빙', 'spacing', ['j-wax', 'j-bongik-gold']),
	query('정밀가공', 'spacing', ['m-cnc', 'm-mct']),
	query('무선 제본', 'spacing', ['p-binding', 'p-book']),
	query('굿이어웰트', 'spacing', ['s-sole', 's-boots']),
	query('옵셋인쇄', 'spacing', ['p-offset']),
	query('레이저커팅', 'spacing', ['m-laser'], ['m-sheet']),
	// English
	query('jewelry', 'english', ['j-cad'], JEWELRY),
	query('engraving', 'english', ['j-engrave']),
	query('stone setting', 'english', ['j-setting-lab']),
	query('handmade shoes', 'english', SHOES),
	query('sneakers', 'english', ['s-sneaker']),
	query('cnc lathe', 'english', ['m-cnc'], ['m-lathe']),
	query('sheet metal', 'english', ['m-sheet']),
	query('heat treatment', 'english', ['m-heat']),
	query('offset printing', 'english', ['p-offset']),
	query('letterpress', 'english', ['p-letterpress']),
	// Products
	query('귀걸이', 'product', ['j-pearl', 'j-costume', 'j-titanium'], JEWELRY),
	query('목걸이', 'product', ['j-chain', 'j-pearl'], JEWELRY),
	query('earrings', 'product', ['j-pearl', 'j-costume', 'j-titanium'], JEWELRY),
	query('loafers', 'product', SHOES),
	query('명함', 'product', ['p-digital'], PRINTING),
	query('bracket', 'product', ['m-sheet', 'm-robot'], METAL),
	query('청첩장', 'product', ['p-letterpress'], PRINTING),
	query('지갑', 'product', ['s-leathergoods']),
	query('카탈로그', 'product', ['p-offset'], PRINTING),
	// Two words
	query('다이아몬드 세팅', 'two-word', ['j-setting-lab']),
	query('티타늄 반지', 'two-word', ['j-titanium'], JEWELRY),
	query('맞춤 구두', 'two-word', ['s-bespoke'], SHOES),
	query('알곤 용접', 'two-word', ['m-weld']),
	query('스테인리스 판금', 'two-word', ['m-sheet']),
	query('소량 인쇄', 'two-word', ['p-digital']),
	query('레이저 마킹', 'two-word', ['m-laser'], ['j-engrave']),
	// Names
	query('한울정밀', 'name', ['m-cnc']),
	query('루비힐', 'name', ['s-heels']),
	query('책만드는집', 'name', ['p-book']),
	query('대원 열처리', 'name', ['m-heat'])
];
