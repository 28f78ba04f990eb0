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
	type ReadYaml,
	withFileLines
} from '$lib/content/pack-check';
import { checkPackScenarios } from '$lib/content/pack-scenario-check';
import {
	packLessonSummary,
	packLessonView,
	readPackLessonFrontMatter,
	type PackLessonSummary,
	type PackLessonView
} from '$lib/content/pack-lesson';
import type { Pack } from '$lib/content/pack-schema';
import type { Scenario } from '$lib/content/scenario-schema';
import type { QuizQuestion } from '$lib/content/question-render';
import type { PackInput, PackRecord } from '$lib/progress';
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

/**
 * Reads and validates a pack file against the app's content and the installed packs, then plays
 * its scenarios and checks their expectations (the simulator engine is loaded only for a pack
 * with scenarios).
 */
export async function checkPackFile(
	file: Blob,
	index: ContentIndex,
	installed: InstalledPack[]
): Promise<PackValidation> {
	const text = await file.text();
	const read = readPackText(text);
	if ('issues' in read) return read;
	const validation = validatePack(
		read.data,
		index,
		installed.map((p) => p.ids),
		packHasLessons(read.data) ? await lessonYamlReader() : undefined
	);
	const checked = await checkPackScenarios(validation, async (scenarios) =>
		(await import('./pack-scenario-player')).loadScenarioPlayer(scenarios)
	);
	if (!checked.issues.some((i) => i.path)) return checked;
	// Where each problem is in the file: the YAML reader (JSON is YAML) is loaded only now.
	const locate = (await import('$lib/content/yaml-source')).lazyLocate(text);
	return { ...checked, issues: withFileLines(checked.issues, locate) };
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

/**
 * Stores a validated pack (replacing an installed one with the same id), with its lessons' front
 * matter parsed now, so that reading a lesson later loads no YAML parser.
 */
export async function installPack(pack: Pack): Promise<void> {
	const lessons = pack.lessons ?? [];
	const lessonFrontMatter = lessons.length
		? readPackLessonFrontMatter(lessons, await lessonYamlReader())
		: undefined;
	await (
		await progress.store()
	).savePack({
		id: pack.id,
		version: pack.version,
		title: pack.title,
		author: pack.author,
		// The validated pack as plain JSON (what packRecord.data holds).
		data: JSON.parse(JSON.stringify(pack)),
		// Plain JSON already (readPackLessonFrontMatter keeps what survives a JSON round trip).
		...(lessonFrontMatter
			? { lessonFrontMatter: lessonFrontMatter as PackInput['lessonFrontMatter'] }
			: {})
	});
	invalidateQuestionBank();
}

/** Removes a pack; the learner's answers to its questions stay in their history. */
export async function removeInstalledPack(id: string): Promise<void> {
	await (await progress.store()).removePack(id);
	invalidateQuestionBank();
}

/** An installed pack's lessons' titles by slug (from the front matter stored at install time). */
function packLessonTitles(p: InstalledPack): Record<string, string> {
	return Object.fromEntries(
		(p.pack?.lessons ?? []).map((l) => [
			l.slug,
			packLessonSummary(l, p.record.lessonFrontMatter).title
		])
	);
}

/** An installed pack's lessons as the Lessons page lists them (no YAML parser needed). */
export interface PackLessonList {
	packId: string;
	packTitle: string;
	packVersion: string;
	lessons: PackLessonSummary[];
}

/** The installed packs that have lessons, by pack title, each with its lessons' titles. */
export async function listPackLessons(): Promise<PackLessonList[]> {
	return (await listInstalledPacks())
		.filter((p) => p.pack?.lessons?.length)
		.map((p) => ({
			packId: p.record.id,
			packTitle: p.record.title,
			packVersion: p.record.version,
			lessons: p.pack!.lessons!.map((l) => packLessonSummary(l, p.record.lessonFrontMatter))
		}));
}

/** One pack lesson, ready to show, or why it cannot be shown. */
export type PackLessonReading =
	| {
			state: 'ready';
			packId: string;
			packTitle: string;
			packVersion: string;
			lesson: PackLessonView;
			/** The pack's other lessons' slugs, so links between them stay on the pack route. */
			packLessons: string[];
			/** The lesson's simulator scenarios: the pack's own (`inPack`) or the app's. */
			scenarios: { id: string; title: string; inPack: boolean }[];
	  }
	| { state: 'missing'; reason: string };

/** Reads a lesson of an installed pack (rendered with the safe Markdown renderer). */
export async function readPackLesson(packId: string, slug: string): Promise<PackLessonReading> {
	const pack = (await listInstalledPacks()).find((p) => p.record.id === packId);
	if (!pack)
		return {
			state: 'missing',
			reason: `No installed pack has the id “${packId}”: it may have been removed.`
		};
	const lessons = pack.pack?.lessons ?? [];
	const lesson = lessons.find((l) => l.slug === slug);
	if (!lesson)
		return {
			state: 'missing',
			reason: `The pack “${pack.record.title}” has no lesson “${slug}”: it may have been updated.`
		};
	const view = packLessonView(lesson, pack.record.lessonFrontMatter);
	if ('problem' in view) return { state: 'missing', reason: view.problem };
	const ids = view.lesson.scenarios ?? [];
	// The app's scenario titles; without them (index unreachable) only the pack's own are linked.
	const appScenarios = ids.length
		? await loadContentIndex().then(
				(index) => index.scenarios,
				() => ({}) as ContentIndex['scenarios']
			)
		: {};
	const scenarios = ids.flatMap((id) => {
		const own = pack.pack?.scenarios?.find((s) => s.id === id);
		if (own) return [{ id, title: own.title, inPack: true }];
		const app = appScenarios[id];
		return app ? [{ id, title: app.title, inPack: false }] : [];
	});
	return {
		state: 'ready',
		packId,
		packTitle: pack.record.title,
		packVersion: pack.record.version,
		lesson: view.lesson,
		packLessons: lessons.map((l) => l.slug),
		scenarios
	};
}

/**
 * The installed packs' questions for the quiz, each rendered at load time by the same safe
 * Markdown renderer as the app's own questions (raw HTML escaped, unsafe links dropped).
 */
export async function loadInstalledPackQuestions(): Promise<
	{
		packId: string;
		name: string;
		questions: QuizQuestion[];
		lessons: Record<string, string>;
		scenarios: Record<string, string>;
	}[]
> {
	return (await listInstalledPacks())
		.filter((p) => p.pack)
		.map((p) => ({
			packId: p.record.id,
			name: p.record.title,
			questions: p.questions,
			// The pack's own lessons and scenarios, which its questions may link to.
			lessons: packLessonTitles(p),
			scenarios: Object.fromEntries((p.pack?.scenarios ?? []).map((s) => [s.id, s.title]))
		}));
}

/**
 * The installed packs' simulator scenarios (validated with the scenario schema when loaded), for
 * the simulator's scenario list. Pack Markdown (summary, narration) must be rendered with
 * renderMarkdown like the app's own scenarios.
 */
export async function listPackScenarios(): Promise<
	{
		packId: string;
		packTitle: string;
		scenario: Scenario;
		/** The pack's lessons' titles by slug, which its scenarios may link to. */
		packLessons: Record<string, string>;
	}[]
> {
	return (await listInstalledPacks()).flatMap((p) => {
		const packLessons = packLessonTitles(p);
		return (p.pack?.scenarios ?? []).map((scenario) => ({
			packId: p.record.id,
			packTitle: p.record.title,
			scenario,
			packLessons
		}));
	});
}
