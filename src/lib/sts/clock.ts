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

/**
 * sts-facts §1: Expiration is ISO-8601 UTC on the Query protocol, e.g. 2019-11-01T20:26:47Z.
 * `ms` places an event inside its second (see `Tick`); it is printed only when non-zero.
 */
export function formatInstant(t: Instant, ms = 0): string {
	return new Date(t * 1000 + ms).toISOString().replace('.000Z', 'Z');
}

/**
 * The order of events inside one simulated second, in milliseconds (0 for the first call or
 * administrative change of that second). The clock counts whole seconds, but steps played at
 * the same second still happen one after the other: sts-facts §6, "Revoke active sessions" denies
 * sessions issued *before* the click (the console writes the cut-off with milliseconds, e.g.
 * "2024-10-10T09:43:48.085Z") and leaves sessions issued afterwards alone, so a session issued one
 * step before a revocation must be older than the cut-off and one issued one step after must not.
 */
export type Tick = number;

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

/** "a 2 h" but "an 8 h", "an 11 min", "an 18 s": the article a duration's spoken number takes. */
export function aDuration(seconds: number): string {
	const text = formatDuration(seconds);
	return `${/^(8|11|18)\D/.test(text) ? 'an' : 'a'} ${text}`;
}
