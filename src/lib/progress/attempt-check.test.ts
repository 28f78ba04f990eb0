import { describe, expect, it } from 'vitest';
import { isValidAttemptFast } from './attempt-check';
import { generateHistory } from './bench-history';
import { attemptRecord } from './record-schemas';

/** Deterministic PRNG so a failure reproduces. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ODD_VALUES: unknown[] = [
	undefined,
	null,
	'',
	' ',
	'a b',
	'x'.repeat(201),
	'Topic',
	'-a',
	'ok-id',
	-1,
	0,
	1,
	2,
	3,
	4,
	5,
	7,
	8,
	1.5,
	NaN,
	Infinity,
	2 ** 53,
	Date.UTC(2019, 11, 31),
	Date.UTC(2025, 0, 1),
	Date.UTC(2100, 0, 2),
	7_200_001,
	true,
	false,
	[],
	[0],
	[8],
	[0, 0.5],
	// eslint-disable-next-line no-sparse-arrays
	[, 1],
	Array(9).fill(0),
	{},
	'practice',
	'exam',
	'nope'
];

describe('isValidAttemptFast', () => {
	const { attempts } = generateHistory(400, 60, 5);

	it('accepts the attempts the app writes (so export takes the fast path)', () => {
		for (const a of attempts) expect(isValidAttemptFast(a)).toBe(true);
		expect(isValidAttemptFast({ ...attempts[0]!, packId: 'pack-1', examId: 'exam-1' })).toBe(true);
	});

	it('never accepts what zod rejects, over 6,000 mutated records', () => {
		const rand = prng(7);
		const keys = [...Object.keys(attemptRecord.shape), 'extra', '__proto__'];
		let rejected = 0;
		for (let i = 0; i < 6_000; i++) {
			const record: Record<string, unknown> = { ...attempts[i % attempts.length]! };
			const changes = 1 + Math.floor(rand() * 3);
			for (let c = 0; c < changes; c++) {
				const key = keys[Math.floor(rand() * keys.length)]!;
				if (rand() < 0.15) delete record[key];
				else record[key] = ODD_VALUES[Math.floor(rand() * ODD_VALUES.length)];
			}
			const zodSays = attemptRecord.safeParse(record).success;
			if (!zodSays) rejected++;
			if (isValidAttemptFast(record)) expect(zodSays, JSON.stringify(record)).toBe(true);
		}
		expect(rejected).toBeGreaterThan(1_500);
	});

	it('checks every value even for a key list it has seen before', () => {
		const good = attempts[0]!;
		expect(isValidAttemptFast(good)).toBe(true);
		for (const [key, bad] of [
			['id', 'a b'],
			['questionId', ''],
			['topic', 'Topic'],
			['chosen', [9]],
			['correct', 1],
			['timeMs', -1],
			['mode', 'nope'],
			['at', 0],
			['difficulty', 4],
			['rating', 0],
			['schemaVersion', 1],
			['schemaVersion', 3]
		] as const)
			expect(isValidAttemptFast({ ...good, [key]: bad }), key).toBe(false);
		expect(isValidAttemptFast({ ...good, packId: 'p-1' })).toBe(true);
		expect(isValidAttemptFast({ ...good, packId: 'p 1' })).toBe(false);
		// Same keys in another order, then one missing and one unknown.
		const { id, ...rest } = good;
		expect(isValidAttemptFast({ ...rest, id })).toBe(true);
		expect(isValidAttemptFast(rest)).toBe(false);
		expect(isValidAttemptFast({ ...rest, ID: id })).toBe(false);
	});

	it('leaves odd objects to zod', () => {
		expect(isValidAttemptFast(null)).toBe(false);
		expect(isValidAttemptFast([])).toBe(false);
		expect(isValidAttemptFast(Object.create({ id: 'x' }))).toBe(false);
		expect(isValidAttemptFast({ ...attempts[0]!, packId: undefined })).toBe(false);
	});
});
