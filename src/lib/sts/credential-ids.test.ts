import { describe, expect, it } from 'vitest';
import {
	accessKeyId,
	secretAccessKey,
	SeededRandom,
	seedFromText,
	sessionToken,
	uniqueId,
	type RandomSource
} from './credential-ids';
import { aDuration, formatDuration, formatInstant, parseInstant } from './clock';

describe('credential identifiers (§1)', () => {
	it('AKIA/ASIA + 16 base32 characters = 20; 40-character secrets; long tokens', () => {
		const r = new SeededRandom(42);
		expect(accessKeyId(r, 'temporary')).toMatch(/^ASIA[A-Z2-7]{16}$/);
		expect(accessKeyId(r, 'long-term')).toMatch(/^AKIA[A-Z2-7]{16}$/);
		expect(secretAccessKey(r)).toMatch(/^[A-Za-z0-9+/]{40}$/);
		expect(sessionToken(r).length).toBeGreaterThan(300);
		expect(uniqueId(r, 'AROA')).toMatch(/^AROA[A-Z2-7]{17}$/);
	});

	it('is deterministic for a seed, and the state can be resumed', () => {
		const a = new SeededRandom(7);
		const b = new SeededRandom(7);
		expect(accessKeyId(a, 'temporary')).toBe(accessKeyId(b, 'temporary'));
		const resumed = new SeededRandom(a.state);
		expect(resumed.next()).toBe(a.next());
		expect(seedFromText('x')).toBe(seedFromText('x'));
		expect(seedFromText('x')).not.toBe(seedFromText('y'));
	});

	it('takes any injected random source', () => {
		const zeros: RandomSource = { next: () => 0 };
		expect(accessKeyId(zeros, 'temporary')).toBe('ASIAAAAAAAAAAAAAAAAA');
	});
});

describe('simulated time', () => {
	it('formats Expiration as ISO-8601 UTC without milliseconds (§1)', () => {
		expect(formatInstant(parseInstant('2026-01-01T12:00:00Z') + 3600)).toBe('2026-01-01T13:00:00Z');
		expect(() => parseInstant('soon')).toThrow();
	});
	it('formats durations for learners', () => {
		expect(formatDuration(3600)).toBe('1 h');
		expect(formatDuration(5430)).toBe('1 h 30 min 30 s');
		expect([7200, 28800, 660, 18, 3600].map(aDuration)).toEqual([
			'a 2 h',
			'an 8 h',
			'an 11 min',
			'an 18 s',
			'a 1 h'
		]);
		expect(formatDuration(0)).toBe('0 s');
		expect(formatDuration(-90)).toBe('-1 min 30 s');
	});
});
