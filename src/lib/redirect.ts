// Where a form may send the browser afterwards: a path of this site, never another site. Browsers read
// `//evil.example`, `/\evil.example` and `/<tab>/evil.example` as other hosts, and a CR or LF would
// break the Location header, so anything but a plain same-origin path falls back.
const BASE = 'http://sogong.invalid';

export function safePath(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || target.length > 2000) return fallback;
	// Control characters (tab, CR, LF…), backslashes and a second leading slash: all ways out.
	// eslint-disable-next-line no-control-regex -- the control characters are what this refuses.
	if (!target.startsWith('/') || target.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	return `${url.pathname}${url.search}${url.hash}`;
}
