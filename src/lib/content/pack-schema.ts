/**
 * A content pack: one JSON file that carries questions (and optionally lessons and simulator
 * scenarios) written for this app, so an instructor can hand them to learners. Its parts use the
 * same schemas as content/ (question-schema, lesson front matter, scenario-schema).
 */
import { z } from 'zod';
import { kebabId, text } from './common-schema';
import { questionSchema } from './question-schema';
import { scenarioSchema } from './scenario-schema';

export const PACK_FORMAT = 'sts-trainer-pack';
export const PACK_FORMAT_VERSION = 1;

/** Semantic version MAJOR.MINOR.PATCH with optional pre-release and build (semver.org). */
const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** A lesson in a pack: its slug and the lesson file's text (front matter + Markdown). */
export const packLessonSchema = z.strictObject({
	slug: kebabId.max(80),
	/** Exactly what content/lessons/NN-slug.md holds: `---` front matter `---`, then Markdown. */
	markdown: text.max(200_000)
});

/** The most questions, lessons and scenarios a pack holds. */
export const PACK_LIMITS = { questions: 5000, lessons: 200, scenarios: 200 } as const;

export const packSchema = z
	.strictObject({
		/** Editors' JSON Schema link; ignored by the app. */
		$schema: z.string().optional(),
		format: z.literal(PACK_FORMAT, { error: `format must be "${PACK_FORMAT}"` }),
		formatVersion: z.literal(PACK_FORMAT_VERSION, {
			error: `formatVersion must be ${PACK_FORMAT_VERSION} (this app reads version ${PACK_FORMAT_VERSION} packs)`
		}),
		/** Stable id: loading a pack with the same id replaces (updates) the stored one. */
		id: kebabId.max(80),
		title: text.max(200),
		version: z
			.string()
			.max(40, 'version is at most 40 characters')
			.regex(SEMVER, 'version is a semantic version such as 1.0.0'),
		author: text.max(200),
		description: text.max(2000).optional(),
		/** Questions as in content/questions/*.yaml; each names its own `topic`. */
		questions: z
			.array(questionSchema)
			.max(PACK_LIMITS.questions, 'a pack holds at most 5,000 questions'),
		lessons: z.array(packLessonSchema).max(PACK_LIMITS.lessons).optional(),
		scenarios: z.array(scenarioSchema).max(PACK_LIMITS.scenarios).optional()
	})
	.superRefine((pack, ctx) => {
		pack.questions.forEach((q, i) => {
			if (!q.topic)
				ctx.addIssue({
					code: 'custom',
					path: ['questions', i, 'topic'],
					message: 'topic is required: a pack question names its topic (one of the app’s topics)'
				});
		});
		if (!pack.questions.length && !pack.lessons?.length && !pack.scenarios?.length)
			ctx.addIssue({
				code: 'custom',
				path: ['questions'],
				message: 'the pack is empty: add questions, lessons or scenarios'
			});
	});

export type Pack = z.output<typeof packSchema>;
export type PackLesson = z.output<typeof packLessonSchema>;

/** Compares two semantic versions: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
	const pa = SEMVER.exec(a);
	const pb = SEMVER.exec(b);
	if (!pa || !pb) return a.localeCompare(b);
	for (let i = 1; i <= 3; i++) {
		const d = Number(pa[i]) - Number(pb[i]);
		if (d !== 0) return d;
	}
	// A pre-release sorts before its release; pre-release identifiers compare field by field.
	if (!pa[4] || !pb[4]) return pa[4] ? -1 : pb[4] ? 1 : 0;
	const xa = pa[4].split('.');
	const xb = pb[4].split('.');
	for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
		if (xa[i] === undefined) return -1;
		if (xb[i] === undefined) return 1;
		const na = /^\d+$/.test(xa[i]);
		const nb = /^\d+$/.test(xb[i]);
		if (na && nb && Number(xa[i]) !== Number(xb[i])) return Number(xa[i]) - Number(xb[i]);
		if (na !== nb) return na ? -1 : 1;
		if (xa[i] !== xb[i]) return xa[i] < xb[i] ? -1 : 1;
	}
	return 0;
}
