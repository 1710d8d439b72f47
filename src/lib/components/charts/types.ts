// What the server-rendered charts draw: one label per bucket and one or more named series of values
// (null where there is nothing to show). The same numbers sit in a table beside every chart.
export interface Series {
	name: string;
	values: (number | null)[];
}

/** Series colours and dash patterns, so lines stay apart without colour too. */
export const COLOURS = ['var(--brand)', 'var(--accent)', 'var(--ok)', 'var(--danger)', 'var(--muted)', 'var(--warn)'];
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];
