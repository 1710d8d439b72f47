// Korean business registration number (사업자등록번호): XXX-XX-XXXXX with a check digit.
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** Digits only → `XXX-XX-XXXXX`; anything else is returned trimmed, unchanged. */
export function formatBrn(input: string): string {
	const digits = input.replace(/[\s-]/g, '');
	return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : input.trim();
}

export function isValidBrn(input: string): boolean {
	const formatted = formatBrn(input);
	if (!/^\d{3}-\d{2}-\d{5}$/.test(formatted)) return false;
	const d = formatted.replace(/-/g, '').split('').map(Number);
	let sum = WEIGHTS.reduce((acc, w, i) => acc + w * d[i], 0);
	sum += Math.floor((d[8] * 5) / 10);
	return (10 - (sum % 10)) % 10 === d[9];
}
