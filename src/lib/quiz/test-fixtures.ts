/** Test-only helpers (not exported from the public surface). */
import type { AnswerRecord, AnswerRecorder } from './answer-recorder';
import type { QuizItemSource } from './quiz-item';

/** A question with `n` options; `correct` lists the correct authored indices. */
export function q(
	id: string,
	topic: string,
	opts: { correct?: number[]; options?: number; difficulty?: 1 | 2 | 3; packId?: string } = {}
): QuizItemSource & { stem: string } {
	const correct = opts.correct ?? [0];
	const n = opts.options ?? 4;
	return {
		id,
		topic,
		type: correct.length > 1 ? 'multiple' : 'single',
		...(correct.length > 1 ? { choose: correct.length } : {}),
		difficulty: opts.difficulty ?? 2,
		stem: `Stem of ${id}`,
		options: Array.from({ length: n }, (_, i) => ({
			text: `option ${i}`,
			correct: correct.includes(i),
			why: 'because'
		})),
		lessons: [`lesson-${topic}`],
		...(opts.packId ? { packId: opts.packId } : {})
	};
}

/** A bank of `perTopic` questions for each topic, difficulties cycling 1, 2, 3. */
export function bank(topics: string[], perTopic: number): (QuizItemSource & { stem: string })[] {
	return topics.flatMap((t) =>
		Array.from({ length: perTopic }, (_, i) =>
			q(`${t}-${i}`, t, { difficulty: ((i % 3) + 1) as 1 | 2 | 3 })
		)
	);
}

/** An in-memory recorder that keeps every record. */
export function fakeRecorder(): AnswerRecorder & { records: AnswerRecord[] } {
	const records: AnswerRecord[] = [];
	return {
		records,
		record: async (answer) => {
			records.push(answer);
		}
	};
}

/** In-memory {@link import('./quiz-persistence').QuizStorage} that round-trips through JSON like localStorage. */
export function memoryStorage() {
	const data = new Map<string, string>();
	return {
		data,
		get: (key: string) => (data.has(key) ? JSON.parse(data.get(key)!) : undefined),
		set: (key: string, value: unknown) => void data.set(key, JSON.stringify(value)),
		delete: (key: string) => void data.delete(key)
	};
}
