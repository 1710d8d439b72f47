// The held-out set of the search evaluation: written and committed together with the tuning set,
// before any glossary or ranking change; never tuned against, only reported (hit@3 and nDCG@10 on
// both engines). A change made for one of these queries would make the set worthless.
import { JEWELRY, METAL, PRINTING, SHOES } from './search-profiles';
import { query, type EvalQuery } from './search-queries';

export const HELD_OUT: readonly EvalQuery[] = [
	// Korean process and trade words
	query('금도금', 'korean', ['j-plating']),
	query('체인', 'korean', ['j-chain']),
	query('칠보', 'korean', ['j-master']),
	query('3D 프린팅', 'korean', ['j-cad']),
	query(
		'귀금속',
		'korean',
		JEWELRY.filter((k) => k !== 'j-costume')
	),
	query('갑피', 'korean', ['s-upper']),
	query('부츠', 'korean', ['s-boots']),
	query('깔창', 'korean', ['s-comfort']),
	query('댄스화', 'korean', ['s-dance']),
	query('절곡', 'korean', ['m-sheet']),
	query('머시닝센터', 'korean', ['m-mct'], ['m-cnc']),
	query('사출금형', 'korean', ['m-mold']),
	query('와이어컷', 'korean', ['m-mold']),
	query('분체도장', 'korean', ['m-anod']),
	query('디지털 인쇄', 'korean', ['p-digital']),
	query('실크스크린', 'korean', ['p-silk']),
	query('활판 인쇄', 'korean', ['p-letterpress']),
	query('도무송', 'korean', ['p-label']),
	// Initial consonants
	query('ㅅㅅㅂㅅㅍ', 'initials', ['s-bespoke']),
	query('ㅇㅈ', 'initials', ['m-weld']),
	query('ㅁㄹㅅㅂ', 'initials', ['m-lathe']),
	// Typos
	query('밀렁', 'typo', ['m-cnc']),
	query('도굼', 'typo', ['j-plating'], ['j-costume']),
	query('용잡', 'typo', ['m-weld']),
	query('weldng', 'typo', ['m-weld']),
	query('스니거즈', 'typo', ['s-sneaker']),
	// Spacing
	query('왁스 카빙', 'spacing', ['j-wax', 'j-bongik-gold']),
	query('정밀 가공', 'spacing', ['m-cnc', 'm-mct']),
	query('무선제본', 'spacing', ['p-binding', 'p-book']),
	query('박가공', 'spacing', ['p-silk', 'p-finish']),
	query('티그용접', 'spacing', ['m-weld']),
	query('양장제본', 'spacing', ['p-binding']),
	// English
	query('plating', 'english', ['j-plating'], ['j-costume']),
	query('pearl necklace', 'english', ['j-pearl'], ['j-chain']),
	query('goodyear welt', 'english', ['s-sole', 's-boots']),
	query('leather wallet', 'english', ['s-leathergoods']),
	query('cnc milling', 'english', ['m-cnc'], ['m-mct']),
	query('laser cutting', 'english', ['m-laser', 'm-sheet']),
	query('anodizing', 'english', ['m-anod', 'm-robot'], ['j-titanium']),
	query('bookbinding', 'english', ['p-binding', 'p-book']),
	query('screen printing', 'english', ['p-silk']),
	// Products
	query('팔찌', 'product', ['j-silvermoon', 'j-chain'], JEWELRY),
	query('necklace', 'product', ['j-chain', 'j-pearl'], JEWELRY),
	query('로퍼', 'product', SHOES),
	query('business cards', 'product', ['p-digital'], PRINTING),
	query('브라켓', 'product', ['m-sheet', 'm-robot'], METAL),
	query('housing', 'product', ['m-robot'], METAL),
	query('스티커', 'product', ['p-label'], PRINTING),
	query('단상자', 'product', ['p-box']),
	// Two words
	query('금 주조', 'two-word', ['j-bongik-gold']),
	query('수제 스니커즈', 'two-word', ['s-sneaker']),
	query('알루미늄 cnc', 'two-word', ['m-cnc'], ['m-mct', 'm-robot']),
	query('양장 제본', 'two-word', ['p-binding']),
	query('aluminium brackets', 'two-word', ['m-robot'], ['m-sheet']),
	// Names
	query('성수비스포크', 'name', ['s-bespoke']),
	query('청원옵셋', 'name', ['p-offset']),
	query('문래 판금', 'name', ['m-sheet'])
];
