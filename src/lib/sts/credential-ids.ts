/**
 * Identifiers the simulator mints: access key IDs, secrets, session tokens and IAM unique IDs.
 * All randomness comes from a seeded generator whose state lives in the simulator state, so
 * runs are reproducible and the state stays serialisable.
 */

/** The state of a mulberry32 generator: one 32-bit integer. */
export type RngState = number;

/** A source of uniform numbers in [0, 1); tests may inject their own. */
export interface RandomSource {
	next(): number;
}

/** Seeded PRNG whose state can be read back for snapshots. */
export class SeededRandom implements RandomSource {
	constructor(public state: RngState) {}
	next(): number {
		// mulberry32: small, fast and good enough for identifiers in a teaching simulator.
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
}

/** A stable 32-bit seed from text (e.g. a scenario id), so each scenario gets its own identifiers. */
export function seedFromText(text: string): RngState {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h | 0;
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // AWS key IDs use base32 characters
const SECRET_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function pick(random: RandomSource, alphabet: string, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[Math.floor(random.next() * alphabet.length)];
	return out;
}

/** sts-facts §1: AKIA long-term, ASIA temporary; 20 characters as real keys are. */
export function accessKeyId(random: RandomSource, kind: 'long-term' | 'temporary'): string {
	return (kind === 'long-term' ? 'AKIA' : 'ASIA') + pick(random, UPPER_ALNUM, 16);
}

/** sts-facts §1: secrets are 40 characters in every AWS example. */
export function secretAccessKey(random: RandomSource): string {
	return pick(random, SECRET_CHARS, 40);
}

/**
 * sts-facts §1: the token size is not fixed; real ones are a few hundred base64 characters.
 * The simulated token starts like real STS tokens (the base64 of a protobuf "origin" field).
 */
export function sessionToken(random: RandomSource): string {
	return 'IQoJb3JpZ2luX2Vj' + pick(random, SECRET_CHARS, 340);
}

/** sts-facts §1 (IAM-IDS): unique IDs such as AIDA… (user) and AROA… (role), 21 characters. */
export function uniqueId(random: RandomSource, prefix: 'AIDA' | 'AROA'): string {
	return prefix + pick(random, UPPER_ALNUM, 17);
}
