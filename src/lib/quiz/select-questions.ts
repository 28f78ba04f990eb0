import type { Random } from './seeded-random';

/** The fields selection looks at. */
export interface SelectableQuestion {
	id: string;
	topic: string;
	difficulty: 1 | 2 | 3;
}

/** Target share of each difficulty in an exam draw (need not sum to 1; it is normalised). */
export type DifficultyMix = Readonly<Record<1 | 2 | 3, number>>;

/** Default exam mix: a quarter recall, half applied, a quarter multi-step scenarios. */
export const DEFAULT_DIFFICULTY_MIX: DifficultyMix = { 1: 0.25, 2: 0.5, 3: 0.25 };

/** Default number of questions in an exam draw. */
export const DEFAULT_EXAM_SIZE = 20;

/** A question's last result: `true`/`false`, or a record with `correct`. */
export type LastResult = boolean | { readonly correct: boolean };

/** Questions whose topic is in `topics`; all of them when `topics` is empty or omitted. */
export function filterByTopics<Q extends SelectableQuestion>(
	questions: readonly Q[],
	topics?: readonly string[]
): Q[] {
	if (!topics || topics.length === 0) return questions.slice();
	const wanted = new Set(topics);
	return questions.filter((q) => wanted.has(q.topic));
}

/** Practice set: the chosen topics (or all), shuffled, optionally cut to `limit`. */
export function selectPractice<Q extends SelectableQuestion>(
	questions: readonly Q[],
	options: { random: Random; topics?: readonly string[]; limit?: number }
): Q[] {
	const picked = options.random.shuffle(filterByTopics(questions, options.topics));
	return options.limit === undefined ? picked : picked.slice(0, options.limit);
}

/**
 * Exam draw of `count` questions: topics are visited round-robin in a shuffled order, so the draw
 * spreads evenly over topics (a topic that runs out drops out of the rotation). From each topic
 * the draw takes the difficulty that is furthest below its target share in `mix`. The result is
 * shuffled again so topics do not appear in a fixed rotation.
 */
export function drawExam<Q extends SelectableQuestion>(
	questions: readonly Q[],
	options: { random: Random; count?: number; topics?: readonly string[]; mix?: DifficultyMix }
): Q[] {
	const { random } = options;
	const count = options.count ?? DEFAULT_EXAM_SIZE;
	const mix = options.mix ?? DEFAULT_DIFFICULTY_MIX;
	const mixTotal = mix[1] + mix[2] + mix[3] || 1;

	const byTopic = new Map<string, Q[]>();
	for (const q of random.shuffle(filterByTopics(questions, options.topics))) {
		const bucket = byTopic.get(q.topic);
		if (bucket) bucket.push(q);
		else byTopic.set(q.topic, [q]);
	}
	let rotation = random.shuffle([...byTopic.keys()]);
	const drawn: Q[] = [];
	const taken: Record<1 | 2 | 3, number> = { 1: 0, 2: 0, 3: 0 };
	const deficit = (d: 1 | 2 | 3) => (mix[d] / mixTotal) * (drawn.length + 1) - taken[d];

	while (drawn.length < count && rotation.length > 0) {
		for (const topic of rotation) {
			if (drawn.length >= count) break;
			const bucket = byTopic.get(topic)!;
			let best = 0;
			for (let i = 1; i < bucket.length; i++) {
				if (deficit(bucket[i].difficulty) > deficit(bucket[best].difficulty)) best = i;
			}
			const [q] = bucket.splice(best, 1);
			drawn.push(q);
			taken[q.difficulty]++;
		}
		rotation = rotation.filter((t) => byTopic.get(t)!.length > 0);
	}
	return random.shuffle(drawn);
}

function lastWasWrong(result: LastResult | undefined): boolean {
	if (result === undefined) return false;
	return typeof result === 'boolean' ? !result : !result.correct;
}

/**
 * Review-mistakes set: the questions whose LAST attempt was wrong, in the order of `questions`.
 * Questions never attempted, or answered right last time, are left out.
 */
export function selectReviewMistakes<Q extends SelectableQuestion>(
	questions: readonly Q[],
	lastResults: ReadonlyMap<string, LastResult> | Readonly<Record<string, LastResult>>
): Q[] {
	const lookup =
		lastResults instanceof Map
			? (id: string) => lastResults.get(id)
			: (id: string) =>
					Object.hasOwn(lastResults, id)
						? (lastResults as Readonly<Record<string, LastResult>>)[id]
						: undefined;
	return questions.filter((q) => lastWasWrong(lookup(q.id)));
}

/** The review queue as the progress layer reads it (structurally its `ReviewQueue`). */
export interface DueQueue {
	/** Questions due now: the count the dashboard shows as "Due for review now". */
	dueNow: number;
	/** Ids of the most overdue of them, most overdue first (possibly fewer than `dueNow`). */
	questionIds: readonly string[];
}

/** A due-review session and how it accounts for every question due now. */
export interface DueSession<Q> {
	/** Unchanged from the queue, so the due page and the dashboard show one number. */
	dueNow: number;
	/** This session: the most overdue questions the bank has, at most the session size. */
	questions: Q[];
	/** Due questions read whose question the bank no longer has (a removed pack, say). */
	unavailable: number;
	/** Due now but left for a later session: dueNow = questions + unavailable + remaining. */
	remaining: number;
}

/**
 * The due-review session: the first `size` of the queue's questions that `byId` holds. Keeps
 * the queue's `dueNow` and says where the rest of it went, so that a page can show the same
 * "due now" as the dashboard and explain a session that holds fewer.
 */
export function selectDueSession<Q>(
	queue: DueQueue,
	byId: ReadonlyMap<string, Q>,
	size: number
): DueSession<Q> {
	const available: Q[] = [];
	let unavailable = 0;
	for (const id of queue.questionIds) {
		const q = byId.get(id);
		if (q === undefined) unavailable++;
		else available.push(q);
	}
	const questions = available.slice(0, Math.max(0, size));
	return {
		dueNow: queue.dueNow,
		questions,
		unavailable,
		remaining: Math.max(0, queue.dueNow - questions.length - unavailable)
	};
}

/**
 * Due-first ordering: the due questions first, in the order of `dueIds` (most overdue first, as
 * the scheduler lists them), then the rest — shuffled when `random` is given, else in input order.
 * Ids in `dueIds` that match no question are ignored.
 */
export function orderDueFirst<Q extends SelectableQuestion>(
	questions: readonly Q[],
	dueIds: Iterable<string>,
	random?: Random
): Q[] {
	const byId = new Map(questions.map((q) => [q.id, q]));
	const due: Q[] = [];
	const seen = new Set<string>();
	for (const id of dueIds) {
		const q = byId.get(id);
		if (q && !seen.has(id)) {
			due.push(q);
			seen.add(id);
		}
	}
	const rest = questions.filter((q) => !seen.has(q.id));
	return [...due, ...(random ? random.shuffle(rest) : rest)];
}
