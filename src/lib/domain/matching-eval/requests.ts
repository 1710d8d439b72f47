// The shape of a request in the matching evaluation: what a startup fills in on the request form,
// and the workshops a craftsman of that trade would send it to (2: the one to ask first, 1: also fine).
import type { TemplateId } from '../request-templates';
import { PLACES } from './workshops';

export type Place = keyof typeof PLACES;

export interface EvalRequest {
	id: string;
	template: TemplateId;
	trade_code: string | null;
	title: string;
	description: string;
	details: Record<string, unknown>;
	required_processes: string[];
	quantity: number | null;
	/** Days from the evaluation's today to the deadline. */
	deadline_days: number | null;
	/** The delivery point picked on the request (requests.lat/lng), if any. */
	at: Place | null;
	/** The company's address, used when the request has no point. */
	company_at: Place | null;
	/** Workshop id → grade (2 ask first, 1 also fine); the rest are not what was asked. */
	picks: Record<string, 1 | 2>;
}

export function req(r: Omit<EvalRequest, 'trade_code' | 'description' | 'company_at'> & Partial<EvalRequest>): EvalRequest {
	return { trade_code: null, description: '', company_at: null, ...r };
}
