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
