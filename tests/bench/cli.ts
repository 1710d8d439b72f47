// What both benchmark runners print and parse the same way.
import os from 'node:os';

/** A numeric option that must be a positive number. */
export const positive = (name: string, value: string) => {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${value}`);
	return n;
};

/** A result line (stdout). */
export const log = (line: string) => console.log(line);
/** A progress note (stderr, after '#'). */
export const note = (line: string) => console.error(`# ${line}`);
export const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'NaN');
export const seconds = (ms: number) => (ms / 1000).toFixed(1);
export const loadavg = () =>
	os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(',');
