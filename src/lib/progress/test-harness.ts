// Test-only helpers (imported by *.test.ts and the fixture generator, never by index.ts).
import type { DBCore, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { AppDB, PROGRESS_TABLES, type IdbDependencies, type ProgressContext } from './app-db';
import { readAllAttempts } from './attempt-pages';
import type { AnswerInput } from './attempt-repository';
import { recordAnswer } from './attempt-repository';
import { DAY_MS } from './day-calendar';
import { recordExam } from './exam-repository';
import { markLessonRead } from './lesson-repository';
import { savePack } from './pack-repository';
import { fixedEffects, type FixedEffects } from './progress-effects';
import { writeSetting } from './settings-repository';

/** 2025-03-03 09:00 UTC, a Monday: the start of every test clock. */
export const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);

/** A fresh, isolated in-memory IndexedDB. */
export function memoryIdb(): IdbDependencies {
	return { indexedDB: new IDBFactory(), IDBKeyRange };
}

let dbCounter = 0;

/** A test context on its own in-memory IndexedDB and a fixed clock at {@link T0}. */
export function makeCtx(
	options: { idb?: IdbDependencies; name?: string; effects?: FixedEffects } = {}
) {
	const idb = options.idb ?? memoryIdb();
	const name = options.name ?? `test-${++dbCounter}`;
	const effects = options.effects ?? fixedEffects({ start: T0 });
	const db = new AppDB(name, idb);
	const ctx: ProgressContext & { effects: FixedEffects } = { db, effects };
	return { ctx, idb, name, effects, db };
}

/** A valid answer with overridable fields. */
export function answer(overrides: Partial<AnswerInput> = {}): AnswerInput {
	return {
		questionId: 'q-1',
		topic: 'assume-role',
		chosen: [0],
		correct: true,
		timeMs: 20_000,
		mode: 'practice',
		difficulty: 2,
		...overrides
	};
}

/** Every table's rows, for deep-equality checks. */
export async function dumpTables(db: AppDB): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const t of db.tables) out[t.name] = await t.toArray();
	return out;
}

/**
 * What a backup holds, read from storage: every backup table's rows, the answers as one list
 * (`readAllAttempts`: pages, then tail) whichever table stores them.
 */
export async function dumpProgress(db: AppDB): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const t of PROGRESS_TABLES)
		out[t] = t === 'attempts' ? await readAllAttempts(db) : await db.table(t).toArray();
	return out;
}

const TOPICS = ['assume-role', 'cross-account', 'mfa', 'saml'] as const;

/**
 * A small but complete learner history through the real API: 48 answers over 12 days in
 * four topics (one topic weak), two lessons (one completed), an exam, settings and a pack.
 */
export async function seedSample(ctx: ProgressContext & { effects: FixedEffects }): Promise<void> {
	const e = ctx.effects;
	for (let day = 0; day < 12; day++) {
		e.set(T0 + day * DAY_MS);
		for (let k = 0; k < 4; k++) {
			const topic = TOPICS[(day + k) % 4]!;
			const q = (day * 4 + k) % 14;
			e.advance(60_000);
			await recordAnswer(ctx, {
				questionId: `${topic}-q${q % 5}`,
				topic,
				chosen: [q % 4],
				correct: topic === 'saml' ? k % 3 === 0 : (day + k) % 5 !== 0,
				timeMs: 8_000 + ((day * 7 + k * 13) % 9) * 6_000,
				mode: day > 2 && k % 2 ? 'due' : 'practice',
				difficulty: ((q % 3) + 1) as 1 | 2 | 3
			});
		}
		if (day === 1) await markLessonRead(ctx, 'assume-role');
		if (day === 2) {
			// A second visit that reaches the end: one more read, then completed.
			await markLessonRead(ctx, 'assume-role');
			await markLessonRead(ctx, 'assume-role', { completed: true });
		}
		if (day === 4) await markLessonRead(ctx, 'cross-account');
	}
	e.set(T0 + 12 * DAY_MS);
	await recordExam(ctx, {
		startedAt: T0 + 12 * DAY_MS - 3_600_000,
		results: TOPICS.flatMap((topic, i) => [
			{ questionId: `${topic}-q1`, topic, correct: true },
			{ questionId: `${topic}-q2`, topic, correct: i % 2 === 0 }
		])
	});
	await writeSetting(ctx, 'theme', 'dark');
	await writeSetting(ctx, 'lastLocation', { route: '/lessons/mfa', title: 'MFA', at: e.now() });
	await savePack(ctx, {
		id: 'community-pack',
		version: '1.0.0',
		title: 'Community',
		author: 'A. Author',
		data: { questions: [] }
	});
}

/** Makes every write to `table` fail like a full disk. */
export function failWritesTo(table: string, when: () => boolean = () => true): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: `fail-${table}`,
		create: (down) => ({
			...down,
			table: (name) => {
				const t = down.table(name);
				if (name !== table) return t;
				return {
					...t,
					mutate: (req) =>
						when()
							? Promise.reject(new DOMException('disk full', 'QuotaExceededError'))
							: t.mutate(req)
				};
			}
		})
	};
}

/**
 * Makes every write (add, put) to `table` in databases opened through `idb` fail like a full
 * disk, at the IndexedDB level, so it hits Dexie and direct transactions alike
 * (`failWritesTo` is Dexie middleware, which recordAnswer's direct transaction bypasses).
 * Returns the function that undoes it; call it when the test ends.
 */
export function failIdbWritesTo(
	idb: IdbDependencies,
	table: string,
	when: () => boolean = () => true
): () => void {
	const connections = new WeakSet<object>();
	const factory = idb.indexedDB;
	const open = factory.open;
	factory.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
		const request = open.apply(this, args);
		request.addEventListener('success', () => connections.add(request.result));
		return request;
	};
	const proto = IDBObjectStore.prototype as unknown as Record<'add' | 'put', unknown>;
	const originals = { add: proto.add, put: proto.put };
	for (const method of ['add', 'put'] as const) {
		const original = originals[method] as (...a: unknown[]) => IDBRequest;
		proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
			if (this.name === table && connections.has(this.transaction.db) && when())
				throw new DOMException('disk full', 'QuotaExceededError');
			return original.apply(this, args);
		};
	}
	return () => {
		factory.open = open;
		Object.assign(proto, originals);
	};
}

/** Counts every read request (get, getMany, query, openCursor, count) per table. */
export function countReads(counts: Map<string, number>): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'count-reads',
		create: (down) => ({
			...down,
			table: (name) => {
				const t = down.table(name);
				const bump = () => counts.set(name, (counts.get(name) ?? 0) + 1);
				return {
					...t,
					get: (req) => (bump(), t.get(req)),
					getMany: (req) => (bump(), t.getMany(req)),
					query: (req) => (bump(), t.query(req)),
					openCursor: (req) => (bump(), t.openCursor(req)),
					count: (req) => (bump(), t.count(req))
				};
			}
		})
	};
}
