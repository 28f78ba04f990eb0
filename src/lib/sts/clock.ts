/**
 * Simulated time. The simulator counts whole seconds since the Unix epoch; nothing reads the
 * real clock, so a scenario plays the same way every time.
 */

/** Seconds since the epoch (UTC). */
export type Instant = number;

export function parseInstant(iso: string): Instant {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 time: ${iso}`);
	return Math.floor(ms / 1000);
}

/** sts-facts §1: Expiration is ISO-8601 UTC on the Query protocol, e.g. 2019-11-01T20:26:47Z. */
export function formatInstant(t: Instant): string {
	return new Date(t * 1000).toISOString().replace('.000Z', 'Z');
}

/** "1 h 30 min", "45 s": durations as learners read them. */
export function formatDuration(seconds: number): string {
	const sign = seconds < 0 ? '-' : '';
	let s = Math.abs(Math.round(seconds));
	const h = Math.floor(s / 3600);
	s -= h * 3600;
	const m = Math.floor(s / 60);
	s -= m * 60;
	const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''].filter(
		Boolean
	);
	return sign + parts.join(' ');
}
