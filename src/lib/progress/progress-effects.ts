/**
 * Everything in the progress layer that depends on the outside world goes through these
 * effects, so tests can pin the clock, the ids and the time zone and get the same answer
 * every run.
 */
export interface ProgressEffects {
	/** Current time in epoch milliseconds. */
	now(): number;
	/** A new globally unique id for an attempt or exam. */
	newId(): string;
	/**
	 * Offset of the learner's local time from UTC at `epochMs`, in minutes (UTC+2 → 120).
	 * Days for streaks, per-day accuracy and the due forecast are the learner's local days.
	 */
	utcOffsetMinutes(epochMs: number): number;
}

/** The real clock, `crypto.randomUUID` and the runtime's time zone. */
export function systemEffects(): ProgressEffects {
	return {
		now: () => Date.now(),
		newId: () => globalThis.crypto.randomUUID(),
		// getTimezoneOffset is UTC − local, in minutes; we want local − UTC.
		utcOffsetMinutes: (epochMs) => -new Date(epochMs).getTimezoneOffset()
	};
}

/** Options for {@link fixedEffects}. */
export interface FixedEffectsOptions {
	/** Start of the fake clock (epoch ms). */
	start: number;
	/** Fixed offset from UTC in minutes; 0 unless given. */
	utcOffsetMinutes?: number;
	/** Prefix of generated ids (`${prefix}-1`, `${prefix}-2`, …). */
	idPrefix?: string;
}

/** A controllable clock plus sequential ids: for tests, fixtures and the benchmark. */
export interface FixedEffects extends ProgressEffects {
	/** Moves the clock to `epochMs`. */
	set(epochMs: number): void;
	/** Moves the clock forward by `ms`. */
	advance(ms: number): void;
}

/** Deterministic effects: the clock only moves when told, ids count up. */
export function fixedEffects(options: FixedEffectsOptions): FixedEffects {
	let clock = options.start;
	let counter = 0;
	const prefix = options.idPrefix ?? 'id';
	const offset = options.utcOffsetMinutes ?? 0;
	return {
		now: () => clock,
		newId: () => `${prefix}-${String(++counter).padStart(6, '0')}`,
		utcOffsetMinutes: () => offset,
		set: (epochMs) => {
			clock = epochMs;
		},
		advance: (ms) => {
			clock += ms;
		}
	};
}
