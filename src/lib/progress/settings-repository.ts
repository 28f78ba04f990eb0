import type { AppDB, ProgressContext } from './app-db';
import { DAY_MS } from './day-calendar';
import { latestDueBefore } from './exam-date-policy';
import { parseInput } from './progress-errors';
import { SCHEMA_VERSION } from './schema-primitives';
import {
	settingRecord,
	settingValueSchemas,
	type SettingKey,
	type SettingRecord,
	type SettingValue
} from './settings-schema';

/** Reads one setting; undefined when never set. Usable inside a transaction. */
export async function readSetting<K extends SettingKey>(
	db: AppDB,
	key: K
): Promise<SettingValue<K> | undefined> {
	const row = await db.settings.get(key);
	return row?.key === key ? (row.value as SettingValue<K>) : undefined;
}

/** Reads every setting as a partial map. */
export async function readAllSettings(db: AppDB): Promise<{ [K in SettingKey]?: SettingValue<K> }> {
	const out: Record<string, unknown> = {};
	for (const row of await db.settings.toArray()) out[row.key] = row.value;
	return out as { [K in SettingKey]?: SettingValue<K> };
}

/** Validates and stores a setting, stamped with the current time for merge-by-newest. */
export async function writeSetting<K extends SettingKey>(
	ctx: ProgressContext,
	key: K,
	value: SettingValue<K>
): Promise<void> {
	const checked = parseInput(settingValueSchemas[key], value, `setting ${key}`);
	const row = parseInput(
		settingRecord,
		{ key, value: checked, schemaVersion: SCHEMA_VERSION, updatedAt: ctx.effects.now() },
		'setting'
	) satisfies SettingRecord;
	await ctx.db.settings.put(row);
}

/**
 * Sets (or clears, with null) the exam date. Cards already scheduled past the new cap are
 * pulled in, in the same transaction, spread evenly over the second half of the time left
 * in their current order — all at the cap would pile every long-interval card onto the day
 * before the exam. Only cards past the cap are read, through the `due` index.
 * Returns how many cards moved.
 */
export async function setExamDate(ctx: ProgressContext, examAt: number | null): Promise<number> {
	const { db, effects } = ctx;
	const now = effects.now();
	return db.transaction('rw', [db.settings, db.cards], async () => {
		await writeSetting(ctx, 'examDate', examAt);
		const cap = latestDueBefore(now, examAt);
		if (cap === undefined) return 0;
		const late = await db.cards.where('due').above(cap).toArray();
		if (late.length === 0) return 0;
		const from = now + (cap - now) / 2;
		const moved = late.map((card, i) => {
			const due = Math.floor(from + ((cap - from) * (i + 1)) / late.length);
			const since = card.lastReview ?? now;
			return { ...card, due, scheduledDays: Math.max(0, Math.floor((due - since) / DAY_MS)) };
		});
		await db.cards.bulkPut(moved);
		return moved.length;
	});
}
