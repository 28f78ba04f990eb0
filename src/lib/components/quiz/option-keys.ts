/** Letter shown before the option at a display position: A, B, C… */
export function optionLetter(position: number): string {
	return String.fromCharCode(65 + position);
}

/**
 * The display position a key selects: 1–9 or A–H (case-insensitive), or undefined. Ignored with
 * modifier keys and while typing in a text field, so shortcuts never eat real input.
 */
export function positionForKey(event: KeyboardEvent, optionCount: number): number | undefined {
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
	else if (/^[a-h]$/i.test(event.key)) position = event.key.toLowerCase().charCodeAt(0) - 97;
	return position !== undefined && position < optionCount ? position : undefined;
}
