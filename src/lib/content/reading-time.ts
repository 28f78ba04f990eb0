/** Reading time at 200 words a minute, at least one minute. */
export function readingMinutes(plain: string): number {
	return Math.max(1, Math.round(plain.split(/\s+/).filter(Boolean).length / 200));
}
