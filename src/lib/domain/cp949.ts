// Korean text files as Korean Excel and public data portals write them: CP949 (Microsoft's EUC-KR).
// Used by every import of such files (support centers, members' rosters): one decoder.

/**
 * CP949 is EUC-KR (KS X 1001, which TextDecoder('euc-kr') reads everywhere) plus the 8,822 Hangul
 * syllables KS X 1001 lacks (똠, 햏 …), placed in Unicode order at lead bytes 0x81–0xC6 with trail
 * bytes below 0xA1. Browsers' euc-kr decoder knows them; Node's ICU one does not, so they are
 * decoded here: the n-th such code is the n-th syllable that KS X 1001 does not have.
 */
export function decodeCp949(bytes: Uint8Array): string {
	const euckr = new TextDecoder('euc-kr');
	let out = '';
	let start = 0;
	let i = 0;
	while (i < bytes.length) {
		const lead = bytes[i];
		const trail = bytes[i + 1];
		if (lead < 0x80) i++;
		else if (lead >= 0xa1 && trail >= 0xa1) i += 2;
		else {
			const n = extensionIndex(lead, trail);
			if (n === null) {
				i++;
				continue;
			}
			out += euckr.decode(bytes.subarray(start, i)) + extensionSyllables()[n];
			i += 2;
			start = i;
		}
	}
	return out + euckr.decode(bytes.subarray(start));
}

/** The position of a CP949 extension code among the extension syllables, or null. */
function extensionIndex(lead: number, trail: number | undefined): number | null {
	if (trail === undefined) return null;
	const t =
		trail >= 0x41 && trail <= 0x5a
			? trail - 0x41
			: trail >= 0x61 && trail <= 0x7a
				? trail - 0x61 + 26
				: trail >= 0x81
					? trail - 0x81 + 52
					: -1;
	if (t < 0) return null;
	if (lead >= 0x81 && lead <= 0xa0 && trail <= 0xfe) return (lead - 0x81) * 178 + t;
	if (lead >= 0xa1 && lead <= 0xc6 && trail <= 0xa0) {
		const n = 32 * 178 + (lead - 0xa1) * 84 + t;
		return n < 8822 ? n : null;
	}
	return null;
}

let extension: string[] | null = null;
/** The Hangul syllables KS X 1001 lacks, in Unicode order (built once from the euc-kr decoder). */
function extensionSyllables(): string[] {
	if (extension) return extension;
	const pairs: number[] = [];
	for (let lead = 0xb0; lead <= 0xc8; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) pairs.push(lead, trail);
	const inKsx = new Set(new TextDecoder('euc-kr').decode(Uint8Array.from(pairs)));
	extension = [];
	for (let c = 0xac00; c <= 0xd7a3; c++) if (!inKsx.has(String.fromCharCode(c))) extension.push(String.fromCharCode(c));
	return extension;
}
