// An in-memory cookie jar with SvelteKit's `Cookies` interface. It plays the browser and the
// request at once: what one request sets, the next request built from the same jar sends back.
// Every set() is recorded with its options, so tests can assert the flags a browser would get.
import type { Cookies } from '@sveltejs/kit';

type SetOptions = Parameters<Cookies['set']>[2];

export interface SetRecord {
	name: string;
	value: string;
	options: SetOptions;
}

export class FakeCookies implements Cookies {
	readonly jar = new Map<string, string>();
	readonly log: SetRecord[] = [];

	get = (name: string): string | undefined => this.jar.get(name);

	getAll = (): Array<{ name: string; value: string }> => [...this.jar].map(([name, value]) => ({ name, value }));

	set = (name: string, value: string, options: SetOptions): void => {
		this.log.push({ name, value, options });
		// A browser drops a cookie whose max-age is zero (or past expiry) instead of storing it.
		const expired = options.maxAge === 0 || (options.expires !== undefined && options.expires <= new Date());
		if (expired) this.jar.delete(name);
		else this.jar.set(name, value);
	};

	delete = (name: string, options: SetOptions): void => {
		this.set(name, '', { ...options, maxAge: 0 });
	};

	serialize = (name: string, value: string, options: SetOptions): string => {
		const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path}`];
		if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
		if (options.domain) parts.push(`Domain=${options.domain}`);
		if (options.httpOnly) parts.push('HttpOnly');
		if (options.secure) parts.push('Secure');
		if (typeof options.sameSite === 'string') parts.push(`SameSite=${options.sameSite}`);
		return parts.join('; ');
	};

	/** The set() calls that stored a value (not deletions) since the jar was made or cleared. */
	stored(): SetRecord[] {
		return this.log.filter((r) => r.value !== '' && r.options.maxAge !== 0);
	}
}
