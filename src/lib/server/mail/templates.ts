// The email of each kind of notification, in the recipient's language (profiles.locale, set from the
// app's language switch). Short on purpose: its link opens the item itself, and marks it read.
import type { MailMessage } from './port';
import { formatCount, formatNumber } from '$lib/domain/format';
import { withJosa } from '$lib/domain/particles';
import { href as notificationHref } from '../notification-links';

export const notificationKinds = [
	'invitation',
	'forwarded',
	'quote',
	'quote_revision_requested',
	'quote_revised',
	'quote_accepted',
	'quote_not_selected',
	'quote_declined',
	'quote_withdrawn',
	'participation_declined',
	'message',
	'order',
	'order_payment',
	'order_reminder',
	'support',
	'review_received',
	'review_published',
	'review_reported',
	'application',
	'application_decided',
	'routed',
	'announcement'
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** What the triggers put in notifications.payload (see the requests migration). */
export interface NotificationPayload {
	request_id?: string;
	request_title?: string;
	request_status?: string;
	workshop_name?: string;
	price_krw?: number;
	lead_time_days?: number;
	revision?: number;
	revision_note?: string;
	reason?: string;
	note?: string;
	excerpt?: string;
	order_id?: string;
	order_number?: string;
	order_title?: string;
	/** The order's move that caused it (order_changed): started, shipped, confirmed … */
	move?: string;
	milestone?: 'deposit' | 'sample' | 'balance';
	amount_krw?: number;
	/** A deposit's payment that started production (one notice for both). */
	started?: boolean;
	reminder?: 'deposit' | 'auto_confirm';
	/** Support centers (support migration): what happened, and about which event, booking or application. */
	support?:
		| 'event_reminder'
		| 'event_cancelled'
		| 'moved_up'
		| 'penalty'
		| 'application_decided'
		| 'counseling_requested'
		| 'counseling_proposed'
		| 'counseling_confirmed'
		| 'counseling_cancelled';
	/** Counseling (counseling migration): the appointment and its topic; title is then the center's name. */
	counseling_id?: string;
	topic?: 'management' | 'technology' | 'marketing' | 'export' | 'financing';
	event_id?: string;
	booking_id?: string;
	application_id?: string;
	title?: string;
	title_en?: string;
	starts_at?: string;
	/** support: the application's state; application_decided: the manager's decision (approved, rejected), or left (the member left). */
	status?: string;
	review_id?: string;
	/** Which side wrote the review: the buyer (about the workshop) or the workshop (about the buyer). */
	side?: 'buyer' | 'workshop';
	workshop_slug?: string;
	/** review_reported, to a manager: the cluster whose console lists the report. */
	cluster_slug?: string;
	cluster_name?: string;
	cluster_name_en?: string | null;
	/** announcement: what the manager wrote. */
	body?: string;
}

interface Lines {
	ko: string;
	en: string;
	detailKo?: string[];
	detailEn?: string[];
}

const won = (n: number) => formatNumber(n, 'ko');
const terms = (p: NotificationPayload): Pick<Lines, 'detailKo' | 'detailEn'> =>
	p.price_krw === undefined
		? {}
		: {
				detailKo: [`${p.workshop_name ?? '공방'} · ${won(p.price_krw)}원 · 납기 ${formatCount(p.lead_time_days ?? 0, 'day', 'ko')}`],
				detailEn: [`${p.workshop_name ?? 'Workshop'} · KRW ${won(p.price_krw)} · ${formatCount(p.lead_time_days ?? 0, 'day', 'en')}`]
			};
/** The workshop as the subject of a Korean sentence, with its particle ("문래정밀이", "명가주얼리가"). */
const workshopKo = (p: NotificationPayload) => (p.workshop_name ? withJosa(p.workshop_name, '이/가') : '공방이');
const quoted = (label: [string, string], value: string | undefined): Pick<Lines, 'detailKo' | 'detailEn'> =>
	value ? { detailKo: [`${label[0]}: ${value}`], detailEn: [`${label[1]}: ${value}`] } : {};

const MILESTONE_KO: Record<string, string> = { deposit: '계약금', sample: '중도금', balance: '잔금' };
const ORDER_MOVES_KO: Record<string, string> = {
	started: '계약금이 확인되어 제작이 시작되었습니다.',
	cancelled: '주문이 취소되었습니다.',
	sample_submitted: '시제품이 도착했습니다. 확인해 주세요.',
	changes_requested: '시제품 수정 요청이 왔습니다.',
	sample_approved: '시제품이 승인되었습니다. 계약금이 지급됩니다.',
	shipped: '물건이 발송되었습니다.',
	delivered: '배송 완료로 표시되었습니다. 7일 뒤 자동으로 구매확정됩니다.',
	confirmed: '구매확정되었습니다. 대금이 지급됩니다.',
	auto_confirmed: '자동으로 구매확정되었습니다. 대금이 지급됩니다.',
	disputed: '주문에 분쟁이 신청되었습니다.',
	resolved: '운영자가 분쟁을 해결했습니다.'
};
const ORDER_MOVES_EN: Record<string, string> = {
	started: 'The deposit arrived; production has started.',
	cancelled: 'The order was cancelled.',
	sample_submitted: 'A sample is ready for you to check.',
	changes_requested: 'The buyer asked for changes to the sample.',
	sample_approved: 'The sample was approved; the deposit is released.',
	shipped: 'The order has shipped.',
	delivered: 'The order was marked delivered; it confirms itself in 7 days.',
	confirmed: 'The purchase was confirmed; the money is released.',
	auto_confirmed: 'The order confirmed itself; the money is released.',
	disputed: 'A dispute was opened on the order.',
	resolved: 'The operator resolved the dispute.'
};
const orderLine = (p: NotificationPayload): Pick<Lines, 'detailKo' | 'detailEn'> =>
	p.order_number
		? { detailKo: [`주문 ${p.order_number} · ${p.order_title ?? ''}`], detailEn: [`Order ${p.order_number} · ${p.order_title ?? ''}`] }
		: {};

const counselingTopicKo = { management: '경영', technology: '기술', marketing: '마케팅', export: '수출', financing: '자금' };
const counselingTopicEn = {
	management: 'management',
	technology: 'technology',
	marketing: 'marketing',
	export: 'export',
	financing: 'financing'
};

function supportLines(p: NotificationPayload): Lines {
	const when = p.starts_at ? new Date(p.starts_at) : null;
	const seoul = (locale: 'ko' | 'en') =>
		when
			? when.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' })
			: '';
	const titleKo = p.title ?? '';
	const titleEn = p.title_en || p.title || '';
	switch (p.support) {
		case 'counseling_requested':
			return {
				ko: `${titleKo}에 ${counselingTopicKo[p.topic ?? 'management']} 상담 신청이 들어왔습니다.`,
				en: `${titleEn}: a new request for ${counselingTopicEn[p.topic ?? 'management']} counseling.`
			};
		case 'counseling_proposed':
			return {
				ko: `${titleKo}에서 상담 일정을 제안했습니다 (${seoul('ko')}). 확인해 주세요.`,
				en: `${titleEn} proposed a counseling slot (${seoul('en')}, Seoul time). Please confirm it.`
			};
		case 'counseling_confirmed':
			return {
				ko: `상담 일정이 확정되었습니다 (${seoul('ko')}).`,
				en: `The counseling appointment is confirmed (${seoul('en')}, Seoul time).`
			};
		case 'counseling_cancelled':
			return p.status === 'declined'
				? { ko: `${titleKo}에서 상담 신청을 받지 못한다고 알려 왔습니다.`, en: `${titleEn} declined the counseling request.` }
				: { ko: `${titleKo} 상담이 취소되었습니다.`, en: `The counseling at ${titleEn} was cancelled.` };
		case 'event_reminder':
			return { ko: `내일 ${titleKo} 일정이 있습니다 (${seoul('ko')}).`, en: `Tomorrow: ${titleEn} (${seoul('en')}, Seoul time).` };
		case 'event_cancelled':
			return {
				ko: `${titleKo} 일정이 취소되었습니다 (${seoul('ko')}). 신청하신 자리는 더 이상 없습니다.`,
				en: `${titleEn} (${seoul('en')}, Seoul time) was cancelled by the center.`
			};
		case 'moved_up':
			return {
				ko: `대기 중이던 ${titleKo}에 자리가 나서 신청이 확정되었습니다.`,
				en: `A seat opened: you are now registered for ${titleEn}.`
			};
		case 'penalty':
			return {
				ko: p.status === 'no_show' ? '장비 예약에 나타나지 않아 벌점이 부과되었습니다.' : '늦은 예약 취소로 벌점이 부과되었습니다.',
				en: p.status === 'no_show' ? 'You missed a machine booking: a penalty was recorded.' : 'A late cancellation cost a penalty.'
			};
		default:
			return {
				ko: p.status === 'approved' ? `${titleKo} 신청이 승인되었습니다.` : `${titleKo} 신청 결과가 나왔습니다.`,
				en: p.status === 'approved' ? `Your application to ${titleEn} was approved.` : `Your application to ${titleEn} was decided.`,
				...quoted(['사유', 'Reason'], p.reason)
			};
	}
}

const lines: Record<NotificationKind, (p: NotificationPayload) => Lines> = {
	invitation: (p) => ({
		ko: p.workshop_name ? `${workshopKo(p)} 새 의뢰에 초대되었습니다.` : '새 의뢰에 초대되었습니다.',
		en: p.workshop_name ? `${p.workshop_name} has been invited to quote on a request.` : 'You have been invited to quote on a request.'
	}),
	forwarded: (p) => ({
		ko: '집적지 매니저가 의뢰를 추천했습니다.',
		en: 'A cluster manager forwarded a request to you.',
		...quoted(['추천 메모', "Manager's note"], p.note)
	}),
	quote: (p) => ({ ko: '새 견적이 도착했습니다.', en: 'You have received a new quote.', ...terms(p) }),
	quote_revision_requested: (p) => ({
		ko: '견적 수정 요청이 왔습니다.',
		en: 'The startup asked you to revise your quote.',
		...quoted(['요청 내용', 'Their note'], p.revision_note)
	}),
	quote_revised: (p) => ({ ko: '수정된 견적이 도착했습니다.', en: 'A workshop revised its quote.', ...terms(p) }),
	quote_accepted: (p) => ({ ko: '견적이 채택되었습니다.', en: 'Your quote was accepted.', ...terms(p) }),
	quote_not_selected: (p) =>
		p.request_status === 'cancelled'
			? { ko: '의뢰가 취소되어 견적이 마감되었습니다.', en: 'The request was cancelled, so your quote is closed.' }
			: { ko: '다른 견적이 선택되었습니다.', en: 'Another quote was selected for this request.' },
	quote_declined: (p) => ({
		ko: '견적이 거절되었습니다.',
		en: 'Your quote was declined.',
		...quoted(['사유', 'Reason'], p.reason)
	}),
	quote_withdrawn: (p) => ({
		ko: `${workshopKo(p)} 견적을 철회했습니다.`,
		en: `${p.workshop_name ?? 'A workshop'} withdrew its quote.`,
		...quoted(['사유', 'Reason'], p.reason)
	}),
	participation_declined: (p) => ({
		ko: `${workshopKo(p)} 의뢰 참여를 거절했습니다.`,
		en: `${p.workshop_name ?? 'A workshop'} declined to take part in the request.`,
		...quoted(['사유', 'Reason'], p.reason)
	}),
	order: (p) => ({
		ko: ORDER_MOVES_KO[p.move ?? ''] ?? '주문이 진행되었습니다.',
		en: ORDER_MOVES_EN[p.move ?? ''] ?? 'Your order moved on.',
		...orderLine(p),
		...quoted(['사유', 'Reason'], p.reason)
	}),
	order_payment: (p) => ({
		ko: `${MILESTONE_KO[p.milestone ?? 'deposit']} ${won(p.amount_krw ?? 0)}원 결제가 확인되었습니다.${p.started ? ' 제작이 시작되었습니다.' : ''} 대금은 승인할 때까지 보관됩니다.`,
		en: `A payment of KRW ${won(p.amount_krw ?? 0)} (${p.milestone ?? 'deposit'}) arrived${p.started ? ' and production has started' : ''}; it is held until the buyer approves.`,
		...orderLine(p)
	}),
	order_reminder: (p) =>
		p.reminder === 'deposit'
			? {
					ko: '계약금이 아직 입금되지 않았습니다. 입금하면 제작이 시작됩니다.',
					en: 'The deposit has not arrived yet; production starts once it does.',
					...orderLine(p)
				}
			: {
					ko: '이틀 뒤 자동으로 구매확정됩니다. 문제가 있으면 그 전에 알려 주세요.',
					en: 'The order confirms itself in two days. Raise any problem before then.',
					...orderLine(p)
				},
	support: (p) => supportLines(p),
	review_received: (p) => ({
		ko: '거래 상대가 후기를 남겼습니다. 내 후기도 쓰면 함께 공개되고, 쓰지 않으면 14일 뒤 공개됩니다.',
		en: 'Your counterpart reviewed you. Write yours and both are published; otherwise theirs is published in 14 days.',
		...orderLine(p)
	}),
	review_published: (p) => ({
		ko: '거래 후기가 공개되었습니다.',
		en: 'The reviews of your order are published.',
		...orderLine(p)
	}),
	review_reported: (p) => ({
		ko: '후기가 신고되었습니다. 확인 후 필요하면 사유와 함께 가려 주세요.',
		en: 'A review was reported. Check it and hide it with a reason if needed.',
		...orderLine(p),
		...quoted(['신고 사유', 'Reason'], p.reason)
	}),
	application: (p) => ({
		ko: `${workshopKo(p)} ${p.cluster_name ?? '집적지'}에 가입을 신청했습니다.`,
		en: `${p.workshop_name ?? 'A workshop'} applied to join ${p.cluster_name_en ?? p.cluster_name ?? 'your cluster'}.`
	}),
	application_decided: (p) =>
		p.status === 'left'
			? {
					ko: `${workshopKo(p)} ${p.cluster_name ?? '집적지'}에서 탈퇴했습니다.`,
					en: `${p.workshop_name ?? 'A member workshop'} left ${p.cluster_name_en ?? p.cluster_name ?? 'your cluster'}.`
				}
			: p.status === 'approved'
				? {
						ko: `${p.cluster_name ?? '집적지'} 가입 신청이 승인되었습니다. 이제 공방이 검색에 나타납니다.`,
						en: `Your application to ${p.cluster_name_en ?? p.cluster_name ?? 'the cluster'} was approved. Your workshop now shows in search.`
					}
				: {
						ko: `${p.cluster_name ?? '집적지'} 가입 신청이 반려되었습니다.`,
						en: `Your application to ${p.cluster_name_en ?? p.cluster_name ?? 'the cluster'} was not approved.`,
						...quoted(['사유', 'Reason'], p.reason)
					},
	routed: (p) => ({
		ko: `새 의뢰가 ${p.cluster_name ?? '집적지'} 받은 의뢰함에 들어왔습니다.`,
		en: `A new request reached the inbox of ${p.cluster_name_en ?? p.cluster_name ?? 'your cluster'}.`
	}),
	announcement: (p) => ({
		ko: `${p.cluster_name ?? '집적지'} 공지: ${p.title ?? ''}`,
		en: `Announcement from ${p.cluster_name_en ?? p.cluster_name ?? 'your cluster'}: ${p.title ?? ''}`,
		...(p.body ? { detailKo: [p.body], detailEn: [p.body] } : {})
	}),
	message: (p) => ({
		ko: '새 메시지가 도착했습니다.',
		en: 'You have a new message.',
		...(p.excerpt ? { detailKo: [`“${p.excerpt}”`], detailEn: [`“${p.excerpt}”`] } : {})
	})
};

/** Header text comes from user input (titles): one line, trimmed to a sane length. */
const oneLine = (s: string, max: number) => {
	const line = s.replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export function renderNotificationMail(
	n: { id?: string; kind: NotificationKind; payload: NotificationPayload },
	opts: { origin?: string; locale?: 'ko' | 'en' } = {}
): Omit<MailMessage, 'to'> {
	const l = lines[n.kind](n.payload);
	const en = opts.locale === 'en';
	const title = n.payload.request_title ? oneLine(n.payload.request_title, 120) : undefined;
	// The item itself; with ?n= opening it marks the notification read (see notifications.markReadOnVisit).
	const path = n.id ? notificationHref({ id: n.id, kind: n.kind, payload: n.payload }) : '/notifications';
	const link = opts.origin ? `${opts.origin.replace(/\/$/, '')}${path}` : undefined;
	const headline = en ? l.en : l.ko;
	const body = [
		headline,
		...(title ? [`${en ? 'Request' : '의뢰'}: ${title}`] : []),
		...((en ? l.detailEn : l.detailKo) ?? []),
		...(link ? [`${en ? 'Open' : '확인하기'}: ${link}`] : [])
	].join('\n');
	const footer = [
		'--',
		en
			? 'A Sogong Link notification. You can turn each kind of email off in your notification settings.'
			: '소공링크 알림 메일입니다. 알림 설정에서 종류별로 메일을 끌 수 있습니다.'
	].join('\n');
	const subject = oneLine(`[${en ? 'Sogong Link' : '소공링크'}] ${headline.replace(/\.$/, '')}${title ? ` · ${title}` : ''}`, 200);
	return { subject, text: `${body}\n\n${footer}` };
}
