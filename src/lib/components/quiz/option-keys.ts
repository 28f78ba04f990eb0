/** Letter shown before the option at a display position: A, B, C… */
export function optionLetter(position: number): string {
	return String.fromCharCode(65 + position);
}

/** The exam's key for flagging a question: never an option letter there (option F is `6`). */
export const FLAG_KEY = 'f';

/**
 * The display position a key selects: 1–9 or A–H (case-insensitive), or undefined. Ignored with
 * modifier keys and while typing in a text field, so shortcuts never eat real input. Letters in
 * `reserved` (lower case) select nothing: the page uses them for something else, as the exam
 * does with {@link FLAG_KEY}, and their option stays reachable with its number.
 */
export function positionForKey(
	event: KeyboardEvent,
	optionCount: number,
	reserved: readonly string[] = []
): number | undefined {
	if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
	const target = event.target as HTMLElement | null;
	if (
		target?.closest(
			'input[type="text"], input[type="search"], input[type="number"], textarea, select, [contenteditable="true"]'
		)
	)
		return undefined;
	let position: number | undefined;
	if (/^[1-9]$/.test(event.key)) position = Number(event.key) - 1;
	else if (/^[a-h]$/i.test(event.key) && !reserved.includes(event.key.toLowerCase()))
		position = event.key.toLowerCase().charCodeAt(0) - 97;
	return position !== undefined && position < optionCount ? position : undefined;
}

/**
 * The exam's key hint for a question with `optionCount` options. F always flags there, so with
 * six options or more the hint says that option F is chosen with its number.
 */
export function examKeyHint(optionCount: number): string {
	const n = Math.max(1, Math.min(optionCount, 9));
	const last = optionLetter(Math.min(n, 8) - 1);
	const flagPosition = FLAG_KEY.toUpperCase().charCodeAt(0) - 65;
	const choose =
		n > flagPosition
			? `1–${n} or A–${last} choose, but F flags: choose option F with ${flagPosition + 1}`
			: `1–${n} or A–${last} choose · F flags`;
	return `Keys: ${choose} · Enter next · arrows move in the question list`;
}
