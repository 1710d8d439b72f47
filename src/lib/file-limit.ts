// Files too big are refused in the browser, before anything is sent: a post over the server's body
// limit (adapter-node's BODY_SIZE_LIMIT, 80 MB with `npm start`) is answered before any form action
// can read it, so everything typed with it would be lost. A file input says its own limit with
// `data-max-bytes` (the limit its action checks); every file input also keeps its form under the
// transport limit. A file over either makes the input invalid with a message naming it, shown at once,
// and its form's submit is stopped (with or without use:enhance, novalidate or not): nothing typed is lost.
// The actions check the same limits again: this only spares the round trip and the loss.
import { formatFileSize } from '$lib/domain/format';

/** What `npm start` lets through (scripts/start.mjs BODY_SIZE_LIMIT), minus room for the other fields. */
export const TRANSPORT_LIMIT_BYTES = 79 * 1024 * 1024;

export type TooBig = (file: { name: string; limit: string }) => string;

/** The message for the first file over its limit, or '' when all fit (the input's custom validity). */
export function fileProblem(input: HTMLInputElement, tooBig: TooBig): string {
	const own = Number(input.dataset.maxBytes);
	const files = [...(input.files ?? [])];
	const over = Number.isFinite(own) && own > 0 ? files.find((f) => f.size > own) : undefined;
	if (over) return tooBig({ name: over.name, limit: formatFileSize(own) });
	// All the form's files together, this input's included.
	const form = input.form;
	const inputs = form ? [...form.querySelectorAll<HTMLInputElement>('input[type=file]')] : [input];
	const total = inputs.flatMap((i) => [...(i.files ?? [])]).reduce((sum, f) => sum + f.size, 0);
	if (total > TRANSPORT_LIMIT_BYTES) return tooBig({ name: files[0]?.name ?? '', limit: formatFileSize(TRANSPORT_LIMIT_BYTES) });
	return '';
}

/** Marks the input invalid (and says why at once) when a chosen file is over a limit, valid otherwise. */
export function checkFiles(input: HTMLInputElement, tooBig: TooBig): void {
	const problem = fileProblem(input, tooBig);
	input.setCustomValidity(problem);
	if (problem) input.reportValidity();
}

/** Watches every file input of the document (a change when files are chosen); returns the clean-up. */
export function watchFileLimits(doc: Document, tooBig: TooBig): () => void {
	const onChange = (event: Event) => {
		const input = event.target;
		if (input instanceof HTMLInputElement && input.type === 'file') checkFiles(input, tooBig);
	};
	// Forms that validate on the server only (novalidate) still post an invalid input: the submit is
	// stopped here, before the form's own handlers (use:enhance) see it.
	const onSubmit = (event: SubmitEvent) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement)) return;
		for (const input of form.querySelectorAll<HTMLInputElement>('input[type=file]')) {
			const problem = fileProblem(input, tooBig);
			input.setCustomValidity(problem);
			if (!problem) continue;
			event.preventDefault();
			event.stopPropagation();
			input.reportValidity();
			input.focus();
			return;
		}
	};
	doc.addEventListener('change', onChange, true);
	doc.addEventListener('submit', onSubmit, true);
	return () => {
		doc.removeEventListener('change', onChange, true);
		doc.removeEventListener('submit', onSubmit, true);
	};
}
