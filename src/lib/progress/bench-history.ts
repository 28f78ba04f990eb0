import { addTime, emptyTimeAggregate, rateAnswer } from './answer-rating';
import type { SourceTables } from './backup-merge';
import { scheduleCard } from './card-scheduler';
import { DAY_MS } from './day-calendar';
import type { AttemptRecord, CardRecord } from './record-schemas';
import { SCHEMA_VERSION } from './schema-primitives';
import type { QuestionDifficulty } from './schema-primitives';

/** First day of generated histories. */
export const BENCH_START = Date.UTC(2025, 0, 1);
const START = BENCH_START;

/** A small seeded PRNG (mulberry32): the same history on every run and every machine. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A realistic history of `attempts` answers over `questions` questions in `topics` topics,
 * spread over a year, with cards produced by the real rating and scheduling code.
 */
export function generateHistory(
	attempts: number,
	questions: number,
	topics: number,
	seed = 1
): SourceTables {
	const rand = prng(seed);
	const span = 365 * DAY_MS;
	const times = new Map<QuestionDifficulty, ReturnType<typeof emptyTimeAggregate>>();
	const cards = new Map<string, CardRecord>();
	const rows: AttemptRecord[] = [];
	for (let i = 0; i < attempts; i++) {
		const q = Math.floor(rand() * questions);
		const difficulty = ((q % 3) + 1) as QuestionDifficulty;
		const questionId = `q-${q}`;
		const topic = `topic-${q % topics}`;
		const at = START + Math.floor((i * span) / attempts);
		const correct = rand() < 0.55 + 0.1 * (3 - difficulty) + 0.1 * rand();
		const timeMs = Math.floor(5000 + rand() * 20000 * difficulty);
		const prev = cards.get(questionId);
		const t = times.get(difficulty) ?? emptyTimeAggregate(difficulty);
		const grade = rateAnswer({ correct, timeMs, difficulty, cardState: prev?.state, times: t });
		if (correct) times.set(difficulty, addTime(t, timeMs));
		const mode = prev ? 'due' : 'practice';
		rows.push({
			id: `a-${i}`,
			schemaVersion: SCHEMA_VERSION,
			questionId,
			topic,
			chosen: [q % 4],
			correct,
			timeMs,
			mode,
			at,
			difficulty,
			rating: grade
		});
		cards.set(
			questionId,
			scheduleCard(prev, { questionId, topic, questionDifficulty: difficulty, correct, grade, at })
		);
	}
	return {
		attempts: rows,
		cards: [...cards.values()],
		lessons: [],
		exams: [],
		settings: [],
		packs: []
	};
}
