import { msg } from '$lib/msg';
// Counseling appointments at a support center: the topics, the states and who may make which move.
// The database checks the same moves in a trigger (migration 20261209200100_support_counseling.sql);
// the pages ask here which buttons to show.
//   requested → proposed (staff) → confirmed (the craftsman who asked)
//   requested | proposed → proposed again (staff, another slot) | declined (staff)
//   requested | proposed | confirmed → cancelled (either side)

export const counselingTopics = ['management', 'technology', 'marketing', 'export', 'financing'] as const;
export type CounselingTopic = (typeof counselingTopics)[number];

export const counselingStatuses = ['requested', 'proposed', 'confirmed', 'cancelled', 'declined'] as const;
export type CounselingStatus = (typeof counselingStatuses)[number];

export type CounselingMove = 'propose' | 'confirm' | 'decline' | 'cancel';
/** Who looks at the appointment: the craftsman who asked, or someone acting for the center. */
export type CounselingSide = 'requester' | 'staff';

const moves: Record<CounselingMove, { from: readonly CounselingStatus[]; to: CounselingStatus; by: readonly CounselingSide[] }> = {
	propose: { from: ['requested', 'proposed'], to: 'proposed', by: ['staff'] },
	confirm: { from: ['proposed'], to: 'confirmed', by: ['requester'] },
	decline: { from: ['requested', 'proposed'], to: 'declined', by: ['staff'] },
	cancel: { from: ['requested', 'proposed', 'confirmed'], to: 'cancelled', by: ['requester', 'staff'] }
};

/** The state after the move, or null when this side may not make it from this state. */
export function nextStatus(status: CounselingStatus, move: CounselingMove, side: CounselingSide): CounselingStatus | null {
	const m = moves[move];
	return m.from.includes(status) && m.by.includes(side) ? m.to : null;
}

/** The moves this side may make now (the buttons of the appointment page). */
export function allowedMoves(status: CounselingStatus, side: CounselingSide): CounselingMove[] {
	return (Object.keys(moves) as CounselingMove[]).filter((m) => nextStatus(status, m, side) !== null);
}

/** Whether the appointment is over (no move left for anyone). */
export const isClosed = (status: CounselingStatus) => status === 'cancelled' || status === 'declined';

export const COUNSELING_MAX_MINUTES = 8 * 60;
export const counselingDurations = [30, 60, 90, 120] as const;

/** Why a proposed slot is refused, or null: it starts in the future and lasts at most 8 hours. */
export function slotRefusal(start: Date, minutes: number, now: Date): 'counseling_err_past' | 'counseling_err_duration' | null {
	if (Number.isNaN(start.getTime()) || start.getTime() <= now.getTime()) return msg('counseling_err_past');
	if (!Number.isInteger(minutes) || minutes < 15 || minutes > COUNSELING_MAX_MINUTES) return msg('counseling_err_duration');
	return null;
}

/** A `datetime-local` value read as Seoul time (the centers' time), or null. */
export function fromSeoulInput(value: string): Date | null {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
	const d = new Date(`${value}:00+09:00`);
	return Number.isNaN(d.getTime()) ? null : d;
}

/** A moment as a `datetime-local` value in Seoul time. */
export function toSeoulInput(at: Date): string {
	return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

const topicsKo: Record<CounselingTopic, string> = {
	management: '경영',
	technology: '기술',
	marketing: '마케팅',
	export: '수출',
	financing: '자금'
};
/** The topic in Korean, for calendar files (which the centers read in Korean). */
export const topicLabel = (topic: CounselingTopic) => topicsKo[topic];
