import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildAggregates } from './aggregate-builder';
import { AppDB } from './app-db';
import { countAttempts, readAllAttempts } from './attempt-pages';
import { recordAnswer } from './attempt-repository';
import { MAX_BACKUP_BYTES } from './backup-envelope';
import { exportAll, serializeBackup } from './backup-export';
import { importBackup, previewImport } from './backup-import';
import { needsBackupReminder } from './backup-reminder';
import { DAY_MS } from './day-calendar';
import { markLessonRead } from './lesson-repository';
import { savePack } from './pack-repository';
import { formatProblem } from './progress-errors';
import { readSetting, writeSetting } from './settings-repository';
import { SCHEMA_VERSION } from './schema-primitives';
import {
	answer,
	dumpProgress,
	dumpTables,
	failWritesTo,
	makeCtx,
	seedSample,
	T0
} from './test-harness';

const FIXTURES = join(process.cwd(), 'tests/fixtures/progress');
const BAD = join(FIXTURES, 'bad-backups');
const expected = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8')) as Record<
	string,
	{ path: string; message: string }
>;

async function seeded() {
	const h = makeCtx();
	await seedSample(h.ctx);
	return h;
}

describe('export → clear → import', () => {
	it('restores an identical database, every table deep-equal (aggregates recomputed)', async () => {
		const { ctx, db } = await seeded();
		const text = serializeBackup(await exportAll(ctx, { markBackedUp: false }));
		const before = await dumpProgress(db);
		await Promise.all(db.tables.map((t) => t.clear()));
		expect((await dumpProgress(db)).attempts).toEqual([]);
		const result = await importBackup(ctx, text, 'replace');
		expect(result.ok).toBe(true);
		// The answers now sit in a page rather than in the tail: same rows, same order.
		expect(await dumpProgress(db)).toEqual(before);
		expect(await db.attempts.count()).toBe(0);
		expect(serializeBackup(await exportAll(ctx, { markBackedUp: false }))).toBe(text);
	});

	it('keeps a pack’s stored lesson front matter (read at install time) across a backup', async () => {
		const { ctx, db } = makeCtx();
		const lessonFrontMatter = {
			'lab-notes': { title: 'Lab notes', objectives: ['Predict'], sources: [{ title: 'S' }] }
		};
		await savePack(ctx, {
			id: 'lab',
			version: '1.0.0',
			title: 'Lab',
			author: 'A',
			data: { lessons: [{ slug: 'lab-notes', markdown: '---\ntitle: Lab notes\n---\n' }] },
			lessonFrontMatter
		});
		const text = serializeBackup(await exportAll(ctx, { markBackedUp: false }));
		await Promise.all(db.tables.map((t) => t.clear()));
		expect((await importBackup(ctx, text, 'replace')).ok).toBe(true);
		expect((await db.packs.get('lab'))?.lessonFrontMatter).toEqual(lessonFrontMatter);
	});

	it('exports the same bytes twice (stable order) and validates on the way out', async () => {
		const { ctx } = await seeded();
		const a = serializeBackup(await exportAll(ctx, { markBackedUp: false }));
		const b = serializeBackup(await exportAll(ctx, { markBackedUp: false }));
		expect(a).toBe(b);
		const env = JSON.parse(a);
		expect(env.format).toBe('sts-trainer-backup');
		expect(env.schemaVersion).toBe(SCHEMA_VERSION);
		expect(env.app.version).toBe('0.0.0');
	});

	it('refuses to export a corrupt stored record, naming it', async () => {
		const { ctx, db } = await seeded();
		const first = (await db.attempts.toCollection().first())!;
		await db.attempts.put({ ...first, timeMs: -1 });
		await expect(exportAll(ctx)).rejects.toThrow(/data\.attempts\[0\]\.timeMs/);
	});

	it('records lastBackupAt at export unless told not to', async () => {
		const { ctx } = await seeded();
		await exportAll(ctx);
		expect(await readSetting(ctx.db, 'lastBackupAt')).toBe(ctx.effects.now());
	});

	it('imports the frozen v1 backup fixture into an empty database', async () => {
		const { ctx, db } = makeCtx();
		ctx.effects.set(T0 + 20 * DAY_MS);
		const result = await importBackup(
			ctx,
			readFileSync(join(FIXTURES, 'backup-v1.json'), 'utf8'),
			'replace'
		);
		expect(result).toMatchObject({
			ok: true,
			written: { attempts: 48, cards: 20, lessons: 2, exams: 1, packs: 1 }
		});
		const tables = await dumpTables(db);
		const v1 = JSON.parse(readFileSync(join(FIXTURES, 'backup-v1.json'), 'utf8'));
		expect(tables.aggregates).toEqual(
			v1.data.aggregates.map((a: object) => ({ ...a, schemaVersion: SCHEMA_VERSION }))
		);
		expect(await readAllAttempts(db)).toEqual(
			v1.data.attempts.map((a: object) => ({ ...a, schemaVersion: SCHEMA_VERSION }))
		);
	});
});

describe('import is atomic', () => {
	it.each(['merge', 'replace'] as const)(
		'%s: a write failing half-way leaves the database as it was',
		async (mode) => {
			const source = await seeded();
			const file = serializeBackup(await exportAll(source.ctx, { markBackedUp: false }));
			const { ctx, idb, name } = makeCtx();
			ctx.effects.set(T0 + 13 * DAY_MS);
			await recordAnswer(ctx, answer({ id: 'mine' }));
			const before = await dumpTables(ctx.db);
			// Aggregates are written last: attempts and cards are already in the transaction.
			const failing = new AppDB(name, idb).use(failWritesTo('aggregates'));
			await expect(
				importBackup({ db: failing, effects: ctx.effects }, file, mode)
			).rejects.toMatchObject({
				name: 'QuotaExceededError'
			});
			expect(await dumpTables(ctx.db)).toEqual(before);
		}
	);
});

describe('previewImport', () => {
	it('counts rows per table and gives the date range of answers', async () => {
		const { ctx } = await seeded();
		const text = serializeBackup(await exportAll(ctx, { markBackedUp: false }));
		const { ctx: other } = makeCtx();
		other.effects.set(ctx.effects.now());
		const p = await previewImport(other, text);
		expect(p).toMatchObject({
			ok: true,
			fileSchemaVersion: SCHEMA_VERSION,
			counts: { attempts: 48, cards: 20, lessons: 2, exams: 1, settings: 2, packs: 1 },
			attemptRange: { from: T0 + 60_000, to: T0 + 11 * DAY_MS + 4 * 60_000 }
		});
		expect(await countAttempts(other.db)).toBe(0);
	});
});

describe('bad backups are rejected with field paths, existing data untouched', () => {
	const files = readdirSync(BAD).filter((f) => f !== 'expected.json');

	it('has at least 15 bad fixtures, each described in expected.json', () => {
		expect(files.length).toBeGreaterThanOrEqual(15);
		expect(new Set(files)).toEqual(new Set(Object.keys(expected)));
	});

	it.each(files)('%s', async (file) => {
		const { ctx, db } = await seeded();
		const before = await dumpTables(db);
		const text = readFileSync(join(BAD, file), 'utf8');
		for (const mode of ['merge', 'replace'] as const) {
			const result = await importBackup(ctx, text, mode);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			const want = expected[file]!;
			const match = result.problems.find(
				(p) => p.path === want.path && formatProblem(p).includes(want.message)
			);
			expect(match, `${file}: ${result.message}`).toBeDefined();
			expect(result.message).toMatch(/cannot be imported/);
		}
		expect((await previewImport(ctx, text)).ok).toBe(false);
		expect(await dumpTables(db)).toEqual(before);
	});

	it('rejects 50 MB of junk by size, before parsing, with the limit in the message', async () => {
		const { ctx } = await seeded();
		const junk = 'x'.repeat(50 * 1024 * 1024);
		const result = await importBackup(ctx, junk, 'replace');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(/50\.0 MB.*largest backup.*32\.0 MB/);
	});

	it('rejects an oversized File without reading it', async () => {
		const { ctx } = await seeded();
		let read = false;
		const blob = {
			size: MAX_BACKUP_BYTES + 1,
			text: async () => ((read = true), '')
		} as unknown as Blob;
		const result = await previewImport(ctx, blob);
		expect(result.ok).toBe(false);
		expect(read).toBe(false);
	});

	it('caps the problem list of a thoroughly broken file', async () => {
		const { ctx } = await seeded();
		const env = JSON.parse(serializeBackup(await exportAll(ctx, { markBackedUp: false })));
		for (const a of env.data.attempts) a.timeMs = -1;
		for (const c of env.data.cards) c.reps = -1;
		const result = await importBackup(ctx, JSON.stringify(env), 'merge');
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problems).toHaveLength(51);
			expect(result.problems.at(-1)!.message).toMatch(/and 18 more/);
		}
	});
});

describe('a wrong device clock: dates after the export are imported, moved back, with a warning', () => {
	const SKEWED = join(FIXTURES, 'clock-skew');
	const warned = JSON.parse(readFileSync(join(SKEWED, 'expected.json'), 'utf8')) as Record<
		string,
		{ warning: string }
	>;

	it.each(Object.keys(warned))('%s: previewed with the warning, imported whole', async (file) => {
		const text = readFileSync(join(SKEWED, file), 'utf8');
		const { ctx } = makeCtx();
		ctx.effects.set(T0 + 20 * DAY_MS);
		const preview = await previewImport(ctx, text);
		expect(preview.ok, JSON.stringify(preview)).toBe(true);
		if (!preview.ok) return;
		expect(preview.warnings.join('\n')).toContain(warned[file]!.warning);
		expect(preview.warnings.join('\n')).toMatch(/probably wrong/);
		const result = await importBackup(ctx, text, 'replace');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.warnings.join('\n')).toContain(warned[file]!.warning);
		// Nothing is lost: every answer of the file is stored; a late one is dated when the backup was
		// made (or now, if that is earlier), the others as they were.
		const file_ = JSON.parse(text) as {
			exportedAt: number;
			data: { attempts: { id: string; at: number }[] };
		};
		const to = Math.min(file_.exportedAt, T0 + 20 * DAY_MS);
		const expected = (at: number) => (at > file_.exportedAt + DAY_MS ? to : at);
		const stored = await readAllAttempts(ctx.db);
		expect(stored.map((a) => [a.id, a.at]).sort()).toEqual(
			file_.data.attempts.map((a) => [a.id, expected(a.at)]).sort()
		);
		expect(stored.every((a) => a.at <= Math.max(file_.exportedAt + DAY_MS, to))).toBe(true);
	});

	it('counts each late record once and names what they are, with the dates', async () => {
		const { ctx } = await seeded();
		const env = JSON.parse(serializeBackup(await exportAll(ctx, { markBackedUp: false })));
		const ahead = env.exportedAt + 30 * DAY_MS;
		env.data.attempts[0].at = ahead;
		env.data.attempts[1].at = ahead - DAY_MS;
		// Both dates of one card are late: still one record.
		env.data.cards[0].lastAnsweredAt = ahead;
		env.data.cards[0].lastReview = ahead;
		// Within a day of the export: the skew two devices may have, not worth a word.
		env.data.attempts[2].at = env.exportedAt + DAY_MS - 1;
		const preview = await previewImport(ctx, JSON.stringify(env));
		expect(preview.ok).toBe(true);
		if (!preview.ok) return;
		const day = (ms: number) =>
			new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(
				ms
			);
		expect(preview.warnings[0]).toBe(
			`3 records are dated after this backup was made (${day(env.exportedAt)}): 2 answers, ` +
				`1 review schedule, the latest ${day(ahead)}. The clock of the device that recorded ` +
				`them was probably wrong. They are imported dated ${day(env.exportedAt)} instead.`
		);
	});

	it('moves a late card back with its interval, and a late lastBackupAt, so nothing stays in the future', async () => {
		const { ctx } = await seeded();
		const env = JSON.parse(serializeBackup(await exportAll(ctx, { markBackedUp: false })));
		const ahead = env.exportedAt + 60 * DAY_MS;
		const card = env.data.cards[0];
		const interval = card.due - card.lastReview;
		card.lastReview = ahead;
		card.lastAnsweredAt = ahead;
		card.due = ahead + interval;
		env.data.settings.push({
			key: 'lastBackupAt',
			value: env.exportedAt + 300 * DAY_MS,
			updatedAt: env.exportedAt,
			schemaVersion: env.schemaVersion
		});
		const result = await importBackup(ctx, JSON.stringify(env), 'replace');
		expect(result.ok, JSON.stringify(result)).toBe(true);
		const stored = await ctx.db.cards.get(card.questionId);
		expect(stored).toMatchObject({
			lastReview: env.exportedAt,
			lastAnsweredAt: env.exportedAt,
			due: env.exportedAt + interval
		});
		expect((await ctx.db.settings.get('lastBackupAt'))?.value).toBe(env.exportedAt);
	});

	it('says nothing of dates within a day of the export', async () => {
		const { ctx } = await seeded();
		const env = JSON.parse(serializeBackup(await exportAll(ctx, { markBackedUp: false })));
		env.data.attempts[0].at = env.exportedAt + DAY_MS;
		const preview = await previewImport(ctx, JSON.stringify(env));
		expect(preview.ok && preview.warnings).toEqual([]);
	});
});

describe('refusals read well: one line per record, repeats folded', () => {
	it('a record with many problems is one group naming the record and the first few', async () => {
		const { ctx } = await seeded();
		const env = JSON.parse(serializeBackup(await exportAll(ctx, { markBackedUp: false })));
		env.data.attempts[3] = { schemaVersion: 3 };
		const result = await previewImport(ctx, JSON.stringify(env));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const n = result.problems.length;
		expect(n).toBeGreaterThan(5);
		expect(result.message).toBe(
			`This backup cannot be imported: ${n} problems in 1 record (data.attempts[3]).`
		);
		expect(result.groups).toHaveLength(1);
		const [group] = result.groups;
		expect(group).toMatchObject({ path: 'data.attempts[3]', count: n });
		expect(group!.message).toBe(
			`${n} problems: id, questionId, topic, chosen, correct, timeMs, at: is missing; ` +
				'schemaVersion: Invalid input: expected 2; mode: Invalid option: expected one of ' +
				'"practice"|"exam"|"review"|"due"; and 2 more'
		);
		// A space after every colon, never "schemaVersion:Invalid".
		expect(formatProblem(group!)).not.toMatch(/:\S/);
	});

	it('the same problem in many records is one group naming the first few', async () => {
		const { ctx } = await seeded();
		const env = JSON.parse(serializeBackup(await exportAll(ctx, { markBackedUp: false })));
		for (const a of env.data.attempts) a.timeMs = -1;
		const result = await previewImport(ctx, JSON.stringify(env));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.message).toBe('This backup cannot be imported: 48 problems in 48 records.');
		expect(result.groups).toEqual([
			{
				path: 'data.attempts[0].timeMs',
				message:
					'must not be negative (the same in 47 more records: data.attempts[1], ' +
					'data.attempts[2], data.attempts[3], …)',
				count: 48
			}
		]);
	});

	it('one problem is said in the message itself', async () => {
		const { ctx } = await seeded();
		const text = readFileSync(join(BAD, 'negative-time.json'), 'utf8');
		const result = await previewImport(ctx, text);
		expect(!result.ok && result.message).toBe(
			'This backup cannot be imported (1 problem): data.attempts[0].timeMs: must not be negative'
		);
	});
});

describe('merge import', () => {
	it('unions answers by id, newer card wins, recomputes aggregates', async () => {
		const a = await seeded();
		const file = serializeBackup(await exportAll(a.ctx, { markBackedUp: false }));
		const b = makeCtx();
		b.effects.set(T0 + 13 * DAY_MS);
		// Device B answered one shared question later than the file, and one question of its own.
		await recordAnswer(b.ctx, answer({ questionId: 'assume-role-q1', id: 'b-1' }));
		await recordAnswer(b.ctx, answer({ questionId: 'b-only', id: 'b-2', correct: false }));
		await markLessonRead(b.ctx, 'assume-role', { completed: true });
		const cardBefore = await b.db.cards.get('assume-role-q1');
		const result = await importBackup(b.ctx, file, 'merge');
		expect(result.ok).toBe(true);
		expect(await countAttempts(b.db)).toBe(50);
		expect(await b.db.cards.count()).toBe(21);
		expect(await b.db.cards.get('assume-role-q1')).toEqual(cardBefore);
		const lesson = (await b.db.lessons.get('assume-role'))!;
		expect(lesson.firstReadAt).toBe(T0 + DAY_MS + 4 * 60_000);
		expect(lesson.completedAt).toBe(T0 + 2 * DAY_MS + 4 * 60_000);
		expect(lesson.readCount).toBe(2);
		const rebuilt = rebuildAggregates(
			await readAllAttempts(b.db),
			await b.db.cards.toArray(),
			await b.db.lessons.toArray(),
			b.effects
		);
		expect(await b.db.aggregates.toArray()).toEqual(rebuilt);
		// Importing the same file again changes nothing.
		const again = await dumpTables(b.db);
		await importBackup(b.ctx, file, 'merge');
		expect(await dumpTables(b.db)).toEqual(again);
	});

	it('keeps the newer setting', async () => {
		const a = await seeded();
		const file = serializeBackup(await exportAll(a.ctx, { markBackedUp: false }));
		const b = makeCtx();
		b.effects.set(T0 + 30 * DAY_MS);
		await writeSetting(b.ctx, 'theme', 'light');
		await importBackup(b.ctx, file, 'merge');
		expect(await readSetting(b.db, 'theme')).toBe('light');
		expect((await readSetting(b.db, 'lastLocation'))?.route).toBe('/lessons/mfa');
	});
});

describe('needsBackupReminder', () => {
	it('stays quiet for a new learner, reminds two weeks after the first activity', async () => {
		const { ctx } = makeCtx();
		expect(await needsBackupReminder(ctx, T0)).toBe(false);
		await recordAnswer(ctx, answer());
		expect(await needsBackupReminder(ctx, T0 + 13 * DAY_MS)).toBe(false);
		expect(await needsBackupReminder(ctx, T0 + 15 * DAY_MS)).toBe(true);
	});

	it('needs both an old backup and progress since it', async () => {
		const { ctx } = makeCtx();
		await recordAnswer(ctx, answer());
		ctx.effects.advance(1000);
		await exportAll(ctx);
		expect(await needsBackupReminder(ctx, T0 + 20 * DAY_MS)).toBe(false);
		ctx.effects.set(T0 + 21 * DAY_MS);
		await markLessonRead(ctx, 'mfa');
		expect(await needsBackupReminder(ctx, T0 + 21 * DAY_MS)).toBe(true);
		ctx.effects.set(T0 + 22 * DAY_MS);
		await exportAll(ctx);
		expect(await needsBackupReminder(ctx, T0 + 30 * DAY_MS)).toBe(false);
	});
});
