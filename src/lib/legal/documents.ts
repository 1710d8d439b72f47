// The terms of service and the privacy policy, in both languages, with the version people consent to.
// A new version is a new date here: consents are recorded per version (public.consents).
export const LEGAL_VERSION = '2026-12-06';

export interface Section {
	title: { ko: string; en: string };
	body: { ko: string; en: string };
}

export const TERMS: Section[] = [
	{
		title: { ko: '제1조 (목적)', en: 'Article 1 (Purpose)' },
		body: {
			ko: '이 약관은 소공링크(이하 "서비스")가 소공인 집적지의 공방과 스타트업·IT 기업을 잇는 거래 중개 서비스를 제공하면서 회원과 서비스 사이의 권리와 의무를 정합니다.',
			en: 'These terms set out the rights and duties between Sogong Link (the "service"), which connects the workshops of craftsman clusters with startups and IT firms, and its members.'
		}
	},
	{
		title: { ko: '제2조 (회원가입과 계정)', en: 'Article 2 (Accounts)' },
		body: {
			ko: '회원은 사실대로 가입 정보를 적고 계정을 스스로 관리합니다. 공방 프로필은 집적지 매니저의 승인·인증을 거쳐 검색에 노출될 수 있습니다.',
			en: 'Members give truthful information and look after their own account. Workshop profiles may appear in search after a cluster manager approves or verifies them.'
		}
	},
	{
		title: { ko: '제3조 (의뢰와 견적)', en: 'Article 3 (Requests and quotes)' },
		body: {
			ko: '의뢰와 견적, 대화의 내용은 거래 당사자가 책임집니다. 서비스는 비밀유지 조건(NDA)과 파일 열람 기록을 제공하지만 거래의 당사자가 아닙니다.',
			en: 'The parties are responsible for their requests, quotes and messages. The service provides NDAs and file access logs but is not a party to the deal.'
		}
	},
	{
		title: { ko: '제4조 (금지 행위)', en: 'Article 4 (What is not allowed)' },
		body: {
			ko: '타인의 정보 도용, 허위 견적, 자동화된 대량 요청, 받은 도면의 무단 유출은 금지되며 계정이 정지될 수 있습니다.',
			en: 'Using another person’s details, false quotes, automated bulk requests and leaking drawings received are not allowed and may suspend the account.'
		}
	},
	{
		title: { ko: '제5조 (탈퇴)', en: 'Article 5 (Leaving)' },
		body: {
			ko: '회원은 언제든 탈퇴를 요청할 수 있습니다(privacy@sogong.link). 다른 회원이 의지하는 거래 기록(견적, 대화)은 작성자를 "탈퇴한 회원"으로 바꾸어 남깁니다.',
			en: 'Members may ask to leave at any time (privacy@sogong.link). Records others rely on (quotes, messages) stay, with the author shown as "former member".'
		}
	}
];

export const PRIVACY: Section[] = [
	{
		title: { ko: '1. 수집하는 개인정보', en: '1. What we collect' },
		body: {
			ko: '이름 또는 상호, 이메일, 비밀번호(해시로만 저장), 공방·회사 프로필, 의뢰·견적·대화 내용, 파일 열람 기록, 접속 기록.',
			en: 'Name or business name, email, password (stored only as a hash), workshop and company profiles, requests, quotes and messages, file access logs, access records.'
		}
	},
	{
		title: { ko: '2. 이용 목적', en: '2. Why' },
		body: {
			ko: '회원 관리, 공방 검색과 매칭, 의뢰·견적 중개, 알림 메일, 부정 이용 방지.',
			en: 'Running accounts, search and matching of workshops, brokering requests and quotes, notification mail, preventing abuse.'
		}
	},
	{
		title: { ko: '3. 보관 기간', en: '3. How long' },
		body: {
			ko: '탈퇴할 때까지 보관하며, 법령이 정한 거래 기록은 그 기간 동안 보관합니다.',
			en: 'Until the member leaves; transaction records the law requires are kept for the period it sets.'
		}
	},
	{
		title: { ko: '4. 제3자 제공과 위탁', en: '4. Sharing and processors' },
		body: {
			ko: '거래 상대방에게 필요한 범위에서만 공개하며, 호스팅·메일 발송 위탁 외에 제3자에게 제공하지 않습니다.',
			en: 'Shown to the other party of a deal as far as needed; not given to anyone else apart from hosting and mail processors.'
		}
	},
	{
		title: { ko: '5. 권리', en: '5. Your rights' },
		body: {
			ko: '회원은 자신의 정보를 열람·정정·삭제하고 처리 정지를 요구할 수 있습니다. 문의: privacy@sogong.link',
			en: 'Members may see, correct and delete their data and ask for processing to stop. Contact: privacy@sogong.link'
		}
	}
];
