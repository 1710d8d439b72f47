// A session's browser and system, named from its User-Agent, so a person can tell their devices
// apart in the list of sessions. Only the common families; anything else is "unknown".

export interface Device {
	browser: string | null;
	os: string | null;
}

// Order matters: Edge and Samsung Internet and Whale also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
	[/\bEdg(?:e|A|iOS)?\//, 'Edge'],
	[/\bWhale\//, 'Whale'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\bKAKAOTALK\b/i, 'KakaoTalk'],
	[/\bNAVER\(inapp/i, 'NAVER'],
	[/\bOPR\//, 'Opera'],
	[/\b(?:Firefox|FxiOS)\//, 'Firefox'],
	[/\b(?:Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bSafari\//, 'Safari']
];

const SYSTEMS: [RegExp, string][] = [
	[/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
	[/\bAndroid\b/, 'Android'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bLinux\b/, 'Linux']
];

export function describeUserAgent(userAgent: string | null | undefined): Device {
	if (!userAgent) return { browser: null, os: null };
	const find = (table: [RegExp, string][]) => table.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
	return { browser: find(BROWSERS), os: find(SYSTEMS) };
}
