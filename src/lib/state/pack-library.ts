// No YAML parser here (the practice page loads this module): packs are JSON, and the YAML front
// matter of pack lessons is read by yaml-source, loaded on demand by lessonYamlReader().
import {
	packHasLessons,
	packIds,
	packLessonTitle,
	packQuizQuestions,
	readPackText,
	validatePack,
	type ContentIndex,
	type InstalledPackIds,
	type PackValidation,
	type ReadYaml
} from '$lib/content/pack-check';
import type { Pack } from '$lib/content/pack-schema';
import type { Scenario } from '$lib/content/scenario-schema';
import type { QuizQuestion } from '$lib/content/question-render';
import type { PackRecord } from '$lib/progress';
import { progress } from './progress.svelte';
import { invalidateQuestionBank } from './question-bank';

/** An installed pack as the Author page lists it. */
export interface InstalledPack {
	record: PackRecord;
	/** Undefined when the stored data no longer passes the pack schema (e.g. a hand-edited backup). */
	pack?: Pack;
	ids: InstalledPackIds;
	questions: QuizQuestion[];
}

/** The app's own ids, topics, lessons and scenarios, prerendered for pack checks. */
export async function loadContentIndex(fetcher: typeof fetch = fetch): Promise<ContentIndex> {
	const res = await fetcher('/author/content-index.json');
	if (!res.ok) throw new Error(`content index: HTTP ${res.status}`);
	return (await res.json()) as ContentIndex;
}

function toInstalled(record: PackRecord): InstalledPack {
	const loaded = packQuizQuestions(record.data);
	return {
		record,
		...(loaded ? { pack: loaded.pack } : {}),
		ids: loaded
			? packIds(loaded.pack)
			: {
					id: record.id,
					title: record.title,
					version: record.version,
					questions: [],
					lessons: [],
					scenarios: []
				},
		questions: loaded?.questions ?? []
	};
}

/** The installed packs, by title. */
export async function listInstalledPacks(): Promise<InstalledPack[]> {
	const records = await (await progress.store()).listPacks();
	return records.map(toInstalled).sort((a, b) => a.record.title.localeCompare(b.record.title));
}

/** The reader of pack lessons' YAML front matter, loaded on first use. */
async function lessonYamlReader(): Promise<ReadYaml> {
	return (await import('$lib/content/yaml-source')).parseYamlSource;
}

/** Reads and validates a pack file against the app's content and the installed packs. */
export async function checkPackFile(
	file: Blob,
	index: ContentIndex,
	installed: InstalledPack[]
): Promise<PackValidation> {
	const read = readPackText(await file.text());
	if ('issues' in read) return read;
	return validatePack(
		read.data,
		index,
		installed.map((p) => p.ids),
		packHasLessons(read.data) ? await lessonYamlReader() : undefined
	);
}

/** The titles of the installed packs' lessons (from their front matter), by pack id. */
export async function installedLessonTitles(
	installed: InstalledPack[]
): Promise<Record<string, string[]>> {
	if (!installed.some((p) => p.pack?.lessons?.length)) return {};
	const readYaml = await lessonYamlReader();
	return Object.fromEntries(
		installed.map((p) => [
			p.record.id,
			(p.pack?.lessons ?? []).map((l) => packLessonTitle(l, readYaml))
		])
	);
}

/** Stores a validated pack (replacing an installed one with the same id). */
export async function installPack(pack: Pack): Promise<void> {
	await (
		await progress.store()
	).savePack({
		id: pack.id,
		version: pack.version,
		title: pack.title,
		author: pack.author,
		// The validated pack as plain JSON (what packRecord.data holds).
		data: JSON.parse(JSON.stringify(pack))
	});
	invalidateQuestionBank();
}

/** Removes a pack; the learner's answers to its questions stay in their history. */
export async function removeInstalledPack(id: string): Promise<void> {
	await (await progress.store()).removePack(id);
	invalidateQuestionBank();
}

/**
 * The installed packs' questions for the quiz, each rendered at load time by the same safe
 * Markdown renderer as the app's own questions (raw HTML escaped, unsafe links dropped).
 */
export async function loadInstalledPackQuestions(): Promise<
	{ packId: string; name: string; questions: QuizQuestion[] }[]
> {
	return (await listInstalledPacks())
		.filter((p) => p.pack)
		.map((p) => ({ packId: p.record.id, name: p.record.title, questions: p.questions }));
}

/**
 * The installed packs' simulator scenarios (validated with the scenario schema when loaded), for
 * the simulator's scenario list. Pack Markdown (summary, narration) must be rendered with
 * renderMarkdown like the app's own scenarios.
 */
export async function listPackScenarios(): Promise<
	{ packId: string; packTitle: string; scenario: Scenario }[]
> {
	return (await listInstalledPacks()).flatMap((p) =>
		(p.pack?.scenarios ?? []).map((scenario) => ({
			packId: p.record.id,
			packTitle: p.record.title,
			scenario
		}))
	);
}
