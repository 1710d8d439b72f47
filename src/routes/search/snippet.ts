// A short excerpt of a highlighted description, centred on the first match, so that a match deep in a
// long description shows on the card. Works on the engine's escaped HTML without breaking an entity
// or leaving a <mark> open; the output is as safe as the input (it only drops and adds '…').
const TOKEN = /<\/?mark>|&(?:amp|lt|gt|quot|#39);|[\s\S]/g;

export function snippet(html: string, maxChars = 140, before = 40): string {
	const tokens: string[] = html.match(TOKEN) ?? [];
	const visible = tokens.filter((t) => t !== '<mark>' && t !== '</mark>').length;
	if (visible <= maxChars) return html;

	const firstMark = tokens.indexOf('<mark>');
	let start = 0;
	if (firstMark > 0) {
		let seen = 0;
		start = firstMark;
		while (start > 0 && seen < before) {
			start--;
			if (tokens[start] !== '</mark>') seen++;
		}
		// Begin at a word when the cut falls inside one and the next word starts before the match.
		const space = tokens.slice(start, firstMark).findIndex((t) => t === ' ');
		if (start > 0 && tokens[start - 1] !== ' ' && space >= 0) start += space + 1;
	}
	let out = start > 0 ? '…' : '';
	let open = false;
	let shown = 0;
	let i = start;
	for (; i < tokens.length && shown < maxChars; i++) {
		const t = tokens[i];
		if (t === '<mark>') open = true;
		else if (t === '</mark>') open = false;
		else shown++;
		out += t;
	}
	if (open) out += '</mark>';
	return i < tokens.length ? `${out.trimEnd()}…` : out;
}
