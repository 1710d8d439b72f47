// What both benchmark runners print and parse the same way.
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * CPU time (user + system, ms) of a process and all its descendants (the app and the embedded
 * database's server processes), from /proc; null where there is no /proc. Busy machines stretch
 * latencies, but the CPU a piece of work costs stays about the same, so benchmarks print both.
 */
export function treeCpuMs(root: number): { self: number; children: number } | null {
	let entries: string[];
	try {
		entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
	} catch {
		return null;
	}
	const ticks = 100; // USER_HZ: 100 on every Linux Node ships for
	const stats = new Map<number, { ppid: number; cpu: number }>();
	for (const pid of entries) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			stats.set(Number(pid), { ppid: Number(fields[1]), cpu: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks });
		} catch {
			// the process ended meanwhile
		}
	}
	if (!stats.has(root)) return null;
	const children = new Map<number, number[]>();
	for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
	let below = 0;
	const stack = [...(children.get(root) ?? [])];
	while (stack.length) {
		const pid = stack.pop()!;
		below += stats.get(pid)!.cpu;
		stack.push(...(children.get(pid) ?? []));
	}
	return { self: stats.get(root)!.cpu, children: below };
}
