// Won as Koreans write it: "300만원", "1억 5천만", "1.5억" read into integer won, and amounts written
// back the same way. Apart from format.ts so that pages that only show numbers do not load the parser.
import { formatNumber } from './format';

const BIG_UNITS: [string, bigint][] = [
	['조', 1_000_000_000_000n],
	['억', 100_000_000n],
	['만', 10_000n]
];
const SMALL_UNITS: [string, bigint][] = [
	['천', 1000n],
	['백', 100n],
	['십', 10n]
];
// A number as typed: 1500, 1,500 (commas only where thousands are), 1.5 (a fraction of a unit).
const PLAIN = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** A typed number times a unit, if it comes to whole won ("1.5" × 억 does; "0.5" won does not). */
function times(number: string, unit: bigint): bigint | null {
	if (!PLAIN.test(number)) return null;
	const [whole, fraction = ''] = number.replaceAll(',', '').split('.');
	const scale = 10n ** BigInt(fraction.length);
	const product = BigInt(whole + fraction) * unit;
	return product % scale === 0n ? product / scale : null;
}

/**
 * Below 만: "3천5백", "천", "2,500", "3천 500". An empty coefficient before a unit means one; each
 * coefficient counts less than ten of its unit and what follows a unit is less than one of it, so
 * "15백" or "5천 3000" are refused rather than guessed. `limit`: what the whole must stay below.
 */
function underUnit(text: string, limit: bigint | null): bigint | null {
	let rest = text;
	let total = 0n;
	let below = limit;
	for (const [name, value] of SMALL_UNITS) {
		const at = rest.indexOf(name);
		if (at < 0) continue;
		const coefficient = rest.slice(0, at);
		const part = coefficient === '' ? value : times(coefficient, value);
		if (part === null || part === 0n || part >= value * 10n) return null;
		total += part;
		rest = rest.slice(at + 1);
		below = value;
	}
	if (rest === '') return total > 0n ? total : null;
	const ones = times(rest, 1n);
	if (ones === null || (below !== null && ones >= below)) return null;
	total += ones;
	return limit !== null && total >= limit ? null : total;
}

/**
 * Won as people type it: "1,500,000", "₩1500000", "300만원", "150만 원", "1억 5천만", "1.5억", "3천",
 * "2억 3,000만 500원". Units go from large to small, each at most once, as they are read aloud; so
 * "1억 5천" is 100,005,000 (the form shows what it understood). Anything else, fractions of a won and
 * amounts past what a number holds exactly are refused (null).
 */
export function parseWon(input: string): number | null {
	let s = input.normalize('NFKC').replace(/\s+/g, '');
	s = s.replace(/^(?:₩|krw)/i, '').replace(/원$/, '');
	if (s === '' || /[^\d,.조억만천백십]/.test(s)) return null;
	let total = 0n;
	let big = false;
	for (const [name, value] of BIG_UNITS) {
		const at = s.indexOf(name);
		if (at < 0) continue;
		const coefficient = s.slice(0, at);
		// "1.5억": a fraction applies to the big unit itself; "5천만": a count below 만 of them.
		// Below 조 a unit counts fewer than 10,000 of itself (1,500만, not 15,000만).
		const limit = name === '조' ? null : 10_000n;
		const part =
			coefficient === ''
				? value
				: /^[\d,.]+$/.test(coefficient)
					? times(coefficient, value)
					: (underUnit(coefficient, limit) ?? -1n) * value;
		if (part === null || part <= 0n || (limit !== null && part >= limit * value)) return null;
		total += part;
		s = s.slice(at + 1);
		big = true;
	}
	if (s !== '') {
		const tail = underUnit(s, big ? 10_000n : null);
		if (tail === null) return null;
		total += tail;
	}
	return total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(total) : null;
}

/** Won read aloud in writing: 150000000 → "1억 5,000만 원", 3000 → "3,000원". */
export function formatWonKorean(amount: number): string {
	let rest = BigInt(Math.trunc(amount));
	const parts: string[] = [];
	for (const [name, value] of BIG_UNITS) {
		const n = rest / value;
		if (n > 0n) parts.push(`${formatNumber(Number(n), 'ko')}${name}`);
		rest %= value;
	}
	if (rest > 0n || parts.length === 0) parts.push(formatNumber(Number(rest), 'ko'));
	// Spacing as 한글 맞춤법 writes money: units of 만 apart, 원 after a unit apart, after a digit attached.
	const last = parts.at(-1)!;
	return `${parts.join(' ')}${/\d$/.test(last) ? '원' : ' 원'}`;
}
