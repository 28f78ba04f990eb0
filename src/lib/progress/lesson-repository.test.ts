import { describe, expect, it } from 'vitest';
import { dayKey } from './aggregate-schema';
import { dayKeyOf } from './day-calendar';
import { markLessonRead } from './lesson-repository';
import { makeCtx, T0 } from './test-harness';

describe('markLessonRead', () => {
	it('counts one read per visit: finishing the lesson opened marks it completed, not read again', async () => {
		const { ctx, db, effects } = makeCtx();
		const opened = await markLessonRead(ctx, 'assume-role');
		expect(opened).toMatchObject({ readCount: 1, completed: false, firstReadAt: T0 });
		effects.advance(5 * 60_000);
		const finished = await markLessonRead(ctx, 'assume-role', { completed: true });
		expect(finished).toMatchObject({
			readCount: 1,
			completed: true,
			completedAt: T0 + 5 * 60_000,
			lastReadAt: T0 + 5 * 60_000
		});
		const day = await db.aggregates.get(dayKey(dayKeyOf(T0, effects)));
		expect(day).toMatchObject({ lessonsStarted: 1, lessonsCompleted: 1 });

		// A later visit is a second read; finishing it again changes neither count nor date.
		effects.advance(86_400_000);
		expect(await markLessonRead(ctx, 'assume-role')).toMatchObject({ readCount: 2 });
		effects.advance(60_000);
		expect(await markLessonRead(ctx, 'assume-role', { completed: true })).toMatchObject({
			readCount: 2,
			completed: true,
			completedAt: T0 + 5 * 60_000
		});
		expect(await db.lessons.count()).toBe(1);
	});

	it('a read journalled earlier is dated when it happened (its day, its times), never in the future', async () => {
		const { ctx, db, effects } = makeCtx();
		const yesterday = T0 - 86_400_000;
		effects.advance(60_000);
		expect(await markLessonRead(ctx, 'mfa', { at: yesterday })).toMatchObject({
			firstReadAt: yesterday,
			lastReadAt: yesterday
		});
		expect(
			await markLessonRead(ctx, 'mfa', { completed: true, at: yesterday + 1000 })
		).toMatchObject({
			completedAt: yesterday + 1000,
			readCount: 1
		});
		expect(await db.aggregates.get(dayKey(dayKeyOf(yesterday, effects)))).toMatchObject({
			lessonsStarted: 1,
			lessonsCompleted: 1
		});
		expect(await db.aggregates.get(dayKey(dayKeyOf(T0 + 60_000, effects)))).toBeUndefined();
		const future = await markLessonRead(ctx, 'sso', { at: T0 + 10 * 86_400_000 });
		expect(future.firstReadAt).toBe(T0 + 60_000);
		await expect(markLessonRead(ctx, 'sso', { at: -5 })).rejects.toThrow(/lesson read time/);
	});

	it('a finish whose opening was never recorded still counts the lesson read once', async () => {
		const { ctx } = makeCtx();
		expect(await markLessonRead(ctx, 'mfa', { completed: true })).toMatchObject({
			readCount: 1,
			completed: true,
			completedAt: T0,
			firstReadAt: T0
		});
	});
});
