import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './user-agent';

describe('describeUserAgent', () => {
	it.each([
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
			{ browser: 'Chrome', os: 'Windows' }
		],
		[
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
			{ browser: 'Edge', os: 'Windows' }
		],
		[
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
			{ browser: 'Safari', os: 'iOS' }
		],
		[
			'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
			{ browser: 'Samsung Internet', os: 'Android' }
		],
		['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', { browser: 'Firefox', os: 'macOS' }],
		[
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Whale/3.24.223.21 Safari/537.36',
			{ browser: 'Whale', os: 'Linux' }
		]
	])('names %s', (ua, expected) => {
		expect(describeUserAgent(ua)).toEqual(expected);
	});

	it('says nothing it does not know', () => {
		expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
		expect(describeUserAgent('curl/8.5.0')).toEqual({ browser: null, os: null });
	});
});
