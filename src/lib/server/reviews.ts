// Reviews and scorecards. Every function but the timers takes the caller's RLS transaction: Postgres
// decides who sees a review (published: everyone; blind: its author only; hidden: its author and the
// moderators) and the guard trigger who may move it; this module checks the move with the domain's
// `transition` first so that the answer names what is wrong. Scorecards are read only: the database
// job computes them (private.recompute_scorecards) from what happened on orders.
import {
	criteriaBySide,
	transition,
	type Criterion,
	type ReviewActor,
	type ReviewError,
	type ReviewSide,
	type ReviewState,
	type ReviewTransition
} from '$lib/domain/review-states';
import { buyerScorecard, workshopScorecard, type BuyerScorecard, type WorkshopScorecard } from '$lib/domain/scorecard';
import { asService, type Tx } from './db';
import type { Tables } from './db/database.types';
import { isUuid } from './quotes';
import { msg } from '$lib/msg';

export type Ratings = Partial<Record<Criterion, number | null>>;

export interface Review {
	id: string;
	order_id: string;
	side: ReviewSide;
	state: ReviewState;
	author_id: string | null;
	workshop_id: string;
	company_id: string | null;
	ratings: Ratings;
	body: string;
	edited: boolean;
	submitted_at: Date | null;
	published_at: Date | null;
	reply: string | null;
	replied_at: Date | null;
	hidden_reason: string | null;
	hidden_at: Date | null;
	completed_at: Date | null;
	/** Who wrote it, as the reader should see it: the workshop's or the company's name. */
	author_name: string;
	workshop_name: string;
	order_title: string;
}

interface Row extends Omit<Review, 'ratings'> {
	workshop_name: string;
	rating_quality: number | null;
	rating_on_time: number | null;
	rating_clarity: number | null;
	rating_payment: number | null;
	rating_communication: number | null;
}

function toReview(r: Row): Review {
	const { rating_quality, rating_on_time, rating_clarity, rating_payment, rating_communication, ...rest } = r;
	const ratings: Ratings =
		r.side === 'buyer'
			? { quality: rating_quality, on_time: rating_on_time, communication: rating_communication }
			: { clarity: rating_clarity, payment: rating_payment, communication: rating_communication };
	return { ...rest, ratings };
}

/**
 * The review columns. `withOrder`: the order's title and completion date too, for the parties and
 * moderators; public listings and anonymous readers get neither (a deal's title is the parties'
 * business, and anon may not read orders at all).
 */
function select(tx: Tx, extra = tx``, withOrder = true) {
	const order = withOrder ? tx`o.completed_at, o.title as order_title` : tx`null::timestamptz as completed_at, null::text as order_title`;
	const join = withOrder ? tx`left join public.orders o on o.id = r.order_id` : tx``;
	return tx`
		select r.id, r.order_id, r.side, r.state, r.author_id, r.workshop_id, r.company_id, r.rating_quality, r.rating_on_time,
			r.rating_clarity, r.rating_payment, r.rating_communication, r.body, r.edited, r.submitted_at, r.published_at, r.reply,
			r.replied_at, r.hidden_reason, r.hidden_at, ${order},
			case r.side when 'buyer' then coalesce(c.name_ko, '') else w.name_ko end as author_name, w.name_ko as workshop_name ${extra}
		from public.reviews r
		join public.workshops w on w.id = r.workshop_id
		left join public.companies c on c.id = r.company_id
		${join}`;
}

/** One review; `anonymous`: for a reader who is not signed in (without the order's details). */
export async function byId(tx: Tx, id: string, anonymous = false): Promise<Review | null> {
	if (!isUuid(id)) return null;
	const [row] = await tx<Row[]>`${select(tx, tx``, !anonymous)} where r.id = ${id}`;
	return row ? toReview(row) : null;
}

/** The reviews of an order the caller may see: their own (any state) and the other side's once published. */
export async function ofOrder(tx: Tx, orderId: string): Promise<Review[]> {
	const rows = await tx<Row[]>`${select(tx)} where r.order_id = ${orderId} order by r.side`;
	return rows.map(toReview);
}

/** Why the order cannot be reviewed (not_completed, same_owner, same_business), or null. */
/** Why an order's parties may not review it (private.review_refusal). */
export type ReviewRefusal = 'not_completed' | 'same_business' | 'same_owner';

export async function refusal(tx: Tx, orderId: string): Promise<ReviewRefusal | null> {
	const [row] = await tx<{ refusal: ReviewRefusal | null }[]>`select private.review_refusal(${orderId}) as refusal`;
	return row.refusal;
}

export interface Hidden {
	id: string;
	side: ReviewSide;
	published_at: Date;
	hidden_reason: string;
	hidden_at: Date;
}

/** Published reviews of a workshop (by its buyers) and, in their place, the hidden ones' reasons. */
export async function aboutWorkshop(tx: Tx, workshopId: string, limit = 20): Promise<{ reviews: Review[]; hidden: Hidden[] }> {
	const rows = await tx<Row[]>`${select(tx, tx``, false)}
		where r.workshop_id = ${workshopId} and r.side = 'buyer' and r.state = 'published' order by r.published_at desc limit ${limit}`;
	const hidden = await tx<Hidden[]>`select * from private.hidden_reviews(${workshopId}::uuid, null)`;
	return { reviews: rows.map(toReview), hidden };
}

/** Published reviews of a buying company (by the workshops it bought from) and the hidden ones' reasons. */
export async function aboutCompany(tx: Tx, companyId: string, limit = 20): Promise<{ reviews: Review[]; hidden: Hidden[] }> {
	const rows = await tx<Row[]>`${select(tx, tx``, false)}
		where r.company_id = ${companyId} and r.side = 'workshop' and r.state = 'published' order by r.published_at desc limit ${limit}`;
	const hidden = await tx<Hidden[]>`select * from private.hidden_reviews(null, ${companyId}::uuid)`;
	return { reviews: rows.map(toReview), hidden };
}

export type SaveResult = { ok: true; id: string; state: ReviewState } | { ok: false; error: ReviewError | 'err_review_refused' };

/**
 * Writes the caller's review of an order for their side: a draft, or submitted (then blind until
 * the other side submits or 14 days pass). A submitted review may be changed once before publishing.
 */
export async function save(
	tx: Tx,
	input: { orderId: string; side: ReviewSide; userId: string; ratings: Ratings; body: string; submit: boolean }
): Promise<SaveResult> {
	const [order] = await tx<{ completed_at: Date | null }[]>`select completed_at from public.orders where id = ${input.orderId}`;
	if (!order) return { ok: false, error: msg('err_not_your_move') };
	if (await refusal(tx, input.orderId)) return { ok: false, error: msg('err_review_refused') };
	const [existing] = await tx<
		Pick<
			Tables<'reviews'>,
			| 'id'
			| 'state'
			| 'edited'
			| 'author_id'
			| 'body'
			| 'rating_quality'
			| 'rating_on_time'
			| 'rating_clarity'
			| 'rating_payment'
			| 'rating_communication'
		>[]
	>`
		select id, state, edited, author_id, body, rating_quality, rating_on_time, rating_clarity, rating_payment, rating_communication
		from public.reviews where order_id = ${input.orderId} and side = ${input.side}`;
	if (existing && existing.author_id !== input.userId) return { ok: false, error: msg('err_not_your_move') };
	const r = (c: Criterion) => ((criteriaBySide[input.side] as readonly Criterion[]).includes(c) ? (input.ratings[c] ?? null) : null);
	const values = {
		rating_quality: r('quality'),
		rating_on_time: r('on_time'),
		rating_clarity: r('clarity'),
		rating_payment: r('payment'),
		rating_communication: r('communication'),
		body: input.body.trim()
	};
	// The same review posted again (a double click, a retried request, a second tab) is what is there
	// already: it is answered as saved, and does not use up the one change a submitted review allows.
	if (
		existing &&
		input.submit &&
		existing.state !== 'draft' &&
		(Object.keys(values) as (keyof typeof values)[]).every((k) => existing[k] === values[k])
	)
		return { ok: true, id: existing.id, state: existing.state };
	const name: ReviewTransition = existing?.state === 'submitted' ? 'edit' : input.submit ? 'submit' : 'save_draft';
	const checked = transition(
		{ state: existing?.state ?? 'none', edited: existing?.edited ?? false, has_reply: false, completed_at: order.completed_at },
		name,
		'author',
		{ side: input.side, ratings: input.ratings }
	);
	if (!checked.ok) return checked;
	let id = existing?.id;
	if (!id) {
		const [row] = await tx<{ id: string }[]>`
			insert into public.reviews ${tx({ order_id: input.orderId, side: input.side, author_id: input.userId, state: checked.to, ...values })}
			returning id`;
		id = row.id;
	} else await tx`update public.reviews set ${tx({ ...values, state: checked.to })} where id = ${id}`;
	// Read again: the second review of an order publishes both (the trigger runs after the write).
	const [row] = await tx<{ state: ReviewState }[]>`select state from public.reviews where id = ${id}`;
	return { ok: true, id, state: row.state };
}

/** Who the caller is to this review: its author, the reviewed party, a moderator, or nobody in particular. */
export async function actorOf(tx: Tx, review: Review, userId: string): Promise<ReviewActor | null> {
	if (review.author_id === userId) return 'author';
	const [row] = await tx<{ subject: boolean; moderator: boolean }[]>`
		select private.is_review_subject(${review.side}, ${review.workshop_id}::uuid,
			(select buyer_id from public.reviews where id = ${review.id}), ${review.company_id}::uuid) as subject,
			private.moderates_reviews_of(${review.workshop_id}::uuid) as moderator`;
	if (row.subject) return 'subject';
	if (row.moderator) return 'moderator';
	return null;
}

type MoveResult = { ok: true } | { ok: false; error: ReviewError };

/** Reply (subject), hide with a reason or restore (moderators). */
export async function move(
	tx: Tx,
	review: Review,
	name: 'reply' | 'hide' | 'restore',
	actor: ReviewActor | null,
	text = ''
): Promise<MoveResult> {
	if (!actor) return { ok: false, error: msg('err_not_your_move') };
	const checked = transition(
		{ state: review.state, edited: review.edited, has_reply: review.reply !== null, completed_at: review.completed_at },
		name,
		actor,
		{ reason: text }
	);
	if (!checked.ok) return checked;
	if (name === 'reply') await tx`update public.reviews set reply = ${text.trim()} where id = ${review.id}`;
	else if (name === 'hide') await tx`update public.reviews set state = 'hidden', hidden_reason = ${text.trim()} where id = ${review.id}`;
	else await tx`update public.reviews set state = 'published' where id = ${review.id}`;
	return { ok: true };
}

/** Reports a published review once per person; a second report by the same person changes nothing. */
export async function report(tx: Tx, review: Review, userId: string, reason: string): Promise<{ ok: boolean; already: boolean }> {
	if (review.state !== 'published') return { ok: false, already: false };
	// The reporter cannot read reports (only moderators do), so a second report is told by the unique key.
	try {
		await tx.savepoint(
			(sp) => sp`insert into public.review_reports (review_id, reporter_id, reason) values (${review.id}, ${userId}, ${reason.trim()})`
		);
		return { ok: true, already: false };
	} catch (e) {
		if ((e as { code?: string }).code === '23505') return { ok: true, already: true };
		throw e;
	}
}

export interface Reported {
	review: Review;
	reports: { reason: string; created_at: Date }[];
	workshop_name: string;
}

/** Reported reviews the caller moderates (RLS: reports of their clusters' workshops, or all for the operator), optionally one cluster's. */
export async function reported(tx: Tx, { clusterId = null }: { clusterId?: string | null } = {}): Promise<Reported[]> {
	const rows = await tx<(Row & { reports: { reason: string; created_at: string }[]; workshop_name: string })[]>`
		${select(tx, tx`, rep.reports`)}
		join lateral (
			select jsonb_agg(jsonb_build_object('reason', rr.reason, 'created_at', rr.created_at) order by rr.created_at) as reports,
				max(rr.created_at) as last_at
			from public.review_reports rr where rr.review_id = r.id
		) rep on rep.reports is not null
		where ${clusterId}::uuid is null or exists (
			select 1 from public.cluster_memberships m where m.workshop_id = r.workshop_id and m.cluster_id = ${clusterId}::uuid)
		order by (r.state = 'published') desc, rep.last_at desc limit 100`;
	return rows.map((row) => ({
		review: toReview(row),
		reports: row.reports.map((x) => ({ reason: x.reason, created_at: new Date(x.created_at) })),
		workshop_name: row.workshop_name
	}));
}

export interface WorkshopCard extends WorkshopScorecard {
	reviews: number;
	period_days: number;
	computed_at: Date;
}

export async function workshopCard(tx: Tx, workshopId: string): Promise<WorkshopCard | null> {
	const [s] = await tx<
		{
			completed: number;
			on_time: number;
			sample_first_try: number;
			sample_orders: number;
			median_response_minutes: number | null;
			responses: number;
			quotes_accepted: number;
			quotes_decided: number;
			disputes: number;
			reviews: number;
			period_days: number;
			computed_at: Date;
		}[]
	>`select * from public.workshop_scorecards where workshop_id = ${workshopId}`;
	if (!s) return null;
	const completed = Array.from({ length: s.completed }, (_, i) => ({
		on_time: i < s.on_time,
		sample_first_try: i < s.sample_orders ? i < s.sample_first_try : null
	}));
	const card = workshopScorecard({
		completed,
		disputes: s.disputes,
		response_minutes: [],
		quotes_decided: s.quotes_decided,
		quotes_accepted: s.quotes_accepted
	});
	return {
		...card,
		median_response_minutes: s.median_response_minutes,
		responses: s.responses,
		reviews: s.reviews,
		period_days: s.period_days,
		computed_at: s.computed_at
	};
}

export interface BuyerCard extends BuyerScorecard {
	reviews: number;
	period_days: number;
}

export async function buyerCard(tx: Tx, companyId: string): Promise<BuyerCard | null> {
	const [s] = await tx<
		{
			requests_decided: number;
			requests_awarded: number;
			deposits_paid: number;
			deposits_on_time: number;
			disputes: number;
			completed: number;
			reviews: number;
			period_days: number;
		}[]
	>`select * from public.buyer_scorecards where company_id = ${companyId}`;
	if (!s) return null;
	const card = buyerScorecard({
		requests_decided: s.requests_decided,
		requests_awarded: s.requests_awarded,
		deposit_days: Array.from({ length: s.deposits_paid }, (_, i) => (i < s.deposits_on_time ? 0 : 99)),
		disputes: s.disputes,
		completed: s.completed
	});
	return { ...card, reviews: s.reviews, period_days: s.period_days };
}

/**
 * The minute's job (the payments worker calls it): publishes blind reviews whose 14 days passed and
 * recomputes the queued scorecards (only the workshops and companies that something happened to;
 * each once, safe on several instances); then, in Seoul's night, the nightly full recomputation if
 * tonight's has not run (`nightly`). `only` limits the publishing and the queue to these orders
 * (tests, which run the clock forward) and skips the nightly run.
 */
export async function runTimers(
	at = new Date(),
	only: string[] | null = null,
	{ nightly = only === null }: { nightly?: boolean } = {}
): Promise<{ published: number; workshops?: number; companies?: number; nightly?: { workshops: number; companies: number } }> {
	const [row] = await asService(
		(tx) => tx<{ result: { published: number } }[]>`select private.review_timers(${at}, ${only}::uuid[]) as result`
	);
	if (!nightly) return row.result;
	const full = await nightlyRecompute(at);
	return full ? { ...row.result, nightly: full } : row.result;
}

/**
 * The full recomputation once a Seoul night (03:00–06:00): null outside the night, when tonight's
 * already ran, or while another instance runs it (private.nightly_scorecards, a row per night under
 * an advisory lock).
 */
export async function nightlyRecompute(at = new Date()): Promise<{ workshops: number; companies: number } | null> {
	const [row] = await asService(
		(tx) => tx<{ result: { workshops: number; companies: number } | null }[]>`select private.nightly_scorecards(${at}) as result`
	);
	return row.result;
}

/** Recomputes every scorecard (or the given ones) as of `at`: what the nightly run does, and the benchmark. */
export async function recompute(
	at = new Date(),
	only: { workshops?: string[]; companies?: string[] } | null = null
): Promise<{ workshops: number; companies: number }> {
	const [row] = await asService(
		(tx) => tx<{ result: { workshops: number; companies: number } }[]>`
			select private.recompute_scorecards(${at}, ${only?.workshops ?? null}::uuid[], ${only?.companies ?? null}::uuid[]) as result`
	);
	return row.result;
}
