// The managers' member table: which members it shows, in which order, on which page. Read from the
// page's address (so a filtered view can be bookmarked, shared and used without JavaScript) and written
// back into links that change one thing and keep the rest.

export const memberSorts = ['name', 'joined', 'last_active'] as const;
export type MemberSort = (typeof memberSorts)[number];
export const memberFlags = ['verified', 'featured', 'accepting', 'online'] as const;
export type MemberFlag = (typeof memberFlags)[number];
/** A flag filter: members with it, members without it, or both. */
export type FlagFilter = 'yes' | 'no' | '';

export interface MemberFilter {
	q: string;
	flags: Record<MemberFlag, FlagFilter>;
	sort: MemberSort;
	desc: boolean;
	page: number;
}

export const MEMBERS_PER_PAGE = 50;

/** The order a column sorts in when first chosen: names A→Z, dates newest first. */
const descendingFirst: Record<MemberSort, boolean> = { name: false, joined: true, last_active: true };

export function parseMemberFilter(params: URLSearchParams): MemberFilter {
	const sortParam = params.get('sort');
	const sort = (memberSorts as readonly string[]).includes(sortParam ?? '') ? (sortParam as MemberSort) : 'name';
	const dir = params.get('dir');
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	const flags = Object.fromEntries(
		memberFlags.map((f) => {
			const v = params.get(f);
			return [f, v === 'yes' || v === 'no' ? v : ''];
		})
	) as Record<MemberFlag, FlagFilter>;
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		flags,
		sort,
		desc: dir === 'desc' ? true : dir === 'asc' ? false : descendingFirst[sort],
		page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1
	};
}

/** The filter as query parameters, leaving out defaults, so links stay short. */
export function memberFilterQuery(filter: MemberFilter, change: Partial<MemberFilter> = {}): string {
	const f = { ...filter, ...change, flags: { ...filter.flags, ...change.flags } };
	const params = new URLSearchParams();
	if (f.q) params.set('q', f.q);
	for (const flag of memberFlags) if (f.flags[flag]) params.set(flag, f.flags[flag]);
	if (f.sort !== 'name') params.set('sort', f.sort);
	if (f.desc !== descendingFirst[f.sort]) params.set('dir', f.desc ? 'desc' : 'asc');
	if (f.page > 1) params.set('page', String(f.page));
	const s = params.toString();
	return s ? `?${s}` : '?';
}

/** The link a column header points at: that column, or the same column the other way round. */
export function sortQuery(filter: MemberFilter, sort: MemberSort): string {
	const desc = filter.sort === sort ? !filter.desc : descendingFirst[sort];
	return memberFilterQuery(filter, { sort, desc, page: 1 });
}

export function isFiltered(filter: MemberFilter): boolean {
	return filter.q !== '' || memberFlags.some((f) => filter.flags[f] !== '');
}
