// The requests bench:match scores: one per trade template the craft clusters specialise in, each as a
// startup would post it (the template's suggested processes plus the ones it adds by hand, quantity,
// a deadline a few weeks out, its location at a startup cluster), and what a sane answer looks like.
import { seoulDate, suggestedProcesses, TEMPLATES, type TemplateId } from '../../src/lib/domain/request-templates';
import type { RequestToMatch, WorkshopMatch } from '../../src/lib/server/matches';
import { STARTUP_CLUSTERS } from './vocabulary';

export interface BenchRequest {
	label: TemplateId;
	request: RequestToMatch;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function request(
	template: TemplateId,
	title: string,
	details: Record<string, unknown>,
	extraProcesses: string[],
	quantity: number,
	deadlineDays: number,
	near: keyof typeof STARTUP_CLUSTERS,
	today: Date
): BenchRequest {
	const { lat, lng } = STARTUP_CLUSTERS[near];
	return {
		label: template,
		request: {
			template,
			trade_code: null,
			title,
			description: '',
			details,
			company_id: null,
			required_processes: [...new Set([...suggestedProcesses(template, details), ...extraProcesses])],
			quantity,
			deadline: seoulDate(new Date(today.getTime() + deadlineDays * DAY_MS)),
			lat,
			lng
		}
	};
}

/** Machine-metal first: the request the issue describes (5 required processes, 200 parts, near G-Valley). */
export function benchRequests(today: Date): BenchRequest[] {
	return [
		request(
			'machine_metal',
			'알루미늄 브래킷 200개',
			{ material: '알루미늄 6061', process: ['cnc_turning', 'milling'] },
			['탭·드릴', '열처리', '3차원 측정'],
			200,
			21,
			'g-valley',
			today
		),
		request(
			'jewelry',
			'14K 반지 50개',
			{ metal: 'gold', karat: '14k', setting: 'prong' },
			['주얼리 CAD 모델링', '주조', '연마', '각인'],
			50,
			30,
			'dongdaemun-design',
			today
		),
		request('printing', '브로슈어 1000부', { finish: ['foil', 'coating'] }, ['오프셋 인쇄', '무선 제본'], 1000, 14, 'ochang', today),
		request(
			'shoes',
			'소가죽 로퍼 30켤레',
			{ last: 'custom', leather: ['cowhide'] },
			['패턴', '굿이어 웰트'],
			30,
			45,
			'seongsu-social-venture-valley',
			today
		)
	];
}

/** What is wrong with a ranked list, if anything: empty, out of order, or a top match without its reasons. */
export function problemsOf(label: TemplateId, ranked: readonly WorkshopMatch[], limit: number): string[] {
	const problems: string[] = [];
	if (ranked.length === 0) return [`${label}: no match`];
	if (ranked.length > limit) problems.push(`${label}: ${ranked.length} matches, more than the limit ${limit}`);
	for (let i = 1; i < ranked.length; i++) {
		if (ranked[i].score > ranked[i - 1].score)
			problems.push(`${label}: score ${ranked[i].score} at ${i + 1} above ${ranked[i - 1].score} at ${i}`);
	}
	const top = ranked[0];
	if (!(top.score > 0 && top.score <= 100)) problems.push(`${label}: top score ${top.score}`);
	if (top.reasons.length === 0) problems.push(`${label}: top match without reasons`);
	const processes = top.reasons.find((r) => r.key === 'match_reason_processes');
	if (!processes || !(Number(processes.params.covered) > 0)) problems.push(`${label}: top match covers none of the required processes`);
	if (!top.reasons.some((r) => r.key === 'match_reason_trade'))
		problems.push(`${label}: top match is not of the trades ${TEMPLATES[label].tradeCodes.join(',')}`);
	return problems;
}

/** The top match in one line: `score=… workshop=… reasons=processes(4/5),distance(2.1km,fit),…`. */
export function describeTop(ranked: readonly WorkshopMatch[]): string {
	const top = ranked[0];
	if (!top) return 'none';
	const reasons = top.reasons.map((r) => {
		const params = Object.values(r.params).join('/');
		return `${r.key.replace('match_reason_', '')}${params ? `(${params})` : ''}${r.fit ? '' : '!'}`;
	});
	return `score=${top.score} workshop=${top.workshop.name_ko.replace(/\s/g, '_')} district=${top.workshop.district_ko.replace(/\s/g, '_')} reasons=${reasons.join(',')}`;
}
