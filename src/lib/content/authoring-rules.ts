/**
 * The house rules of the app's own content, beyond what the schemas require: what a learner relies
 * on in every lesson and every guided scenario. `content:check` reports them with the other
 * problems, so an author learns of them from the one command rather than from a failing
 * `tests/unit/content-bank.test.ts` (which holds the bundled content to the same rules). They
 * apply to the app's content only, told by its final review lesson (FINAL_REVIEW): a content
 * pack's folder (`content:check -- my-pack`, `content:pack`) or a test fixture without one is not
 * held to them; a pack scenario without narration still plays.
 */
import type { ContentIssue } from './content-issue';
import type { Located } from './cross-check';
import type { Lesson } from './lesson-loader';
import type { Scenario } from './scenario-schema';

/** The error codes a scenario's steps expect, for the "names no expected error" rules. */
function expectedErrors(scenario: Scenario): string[] {
	const errors = new Set<string>();
	for (const step of scenario.steps) {
		const error = 'expect' in step ? step.expect?.error : undefined;
		if (error) errors.add(error);
	}
	return [...errors];
}

const stepName = (step: Scenario['steps'][number], i: number) =>
	`step ${i + 1}${step.title ? ` ("${step.title}")` : ''}`;

/** The course's last lesson, the final review (`src/lib/content/course-content.test.ts` checks it stays last). */
export const FINAL_REVIEW = 'exam-tips-and-scenarios';

/** The app's content (not a pack's folder or a test fixture): it has the final review lesson. */
const isAppContent = (lessons: readonly Pick<Lesson, 'slug'>[]) =>
	lessons.some((l) => l.slug === FINAL_REVIEW);

/**
 * With the final review present (the app's content, not a test fixture): lessons are numbered
 * 1..N without gaps or repeats, and the final review comes last, so a new lesson is numbered
 * before it and the final review renumbered.
 */
function lessonOrderIssues(
	lessons: readonly Pick<Lesson, 'file' | 'slug' | 'order'>[]
): ContentIssue[] {
	const review = lessons.find((l) => l.slug === FINAL_REVIEW);
	if (!review) return [];
	const sorted = [...lessons].sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
	const issues: ContentIssue[] = [];
	const at = (file: string, message: string) =>
		issues.push({ file, line: 1, column: 1, path: 'file name', message });
	const pad = (n: number) => String(n).padStart(2, '0');
	const gap = sorted.findIndex((l, i) => l.order !== i + 1);
	if (gap >= 0)
		at(
			sorted[gap].file,
			`lessons are numbered 01 to ${pad(sorted.length)} without gaps or repeats: this one would be ${pad(gap + 1)}`
		);
	const after = sorted.slice(sorted.indexOf(review) + 1);
	if (gap < 0 && after.length > 0) {
		const base = (file: string) => file.slice(file.lastIndexOf('/') + 1);
		const renames = [
			...after.map((l) => `${base(l.file)} to ${pad(l.order - 1)}-${l.slug}.md`),
			`this file to ${pad(sorted.length)}-${FINAL_REVIEW}.md`
		];
		at(
			review.file,
			`the final review stays the last lesson, but ${after.map((l) => l.file).join(', ')} ${after.length === 1 ? 'comes' : 'come'} after it: rename ${renames.join(' and ')}`
		);
	}
	return issues;
}

export function authoringRuleIssues(
	lessons: readonly Pick<Lesson, 'file' | 'html' | 'slug' | 'order'>[],
	scenarios: readonly Located<Scenario>[]
): ContentIssue[] {
	if (!isAppContent(lessons)) return [];
	const issues: ContentIssue[] = lessonOrderIssues(lessons);
	for (const lesson of lessons) {
		if (!lesson.html.includes('callout-exam'))
			issues.push({
				file: lesson.file,
				line: 1,
				column: 1,
				path: 'body',
				message:
					'no exam tip: every lesson has at least one `> [!EXAM]` callout (see "Lessons" in content/README.md)'
			});
	}
	for (const { value: scenario, file, yaml } of scenarios) {
		const errors = expectedErrors(scenario);
		scenario.steps.forEach((step, i) => {
			const at = (field: string) => ({
				file,
				...yaml.locate(['steps', i]),
				path: `steps[${i}]${field}`
			});
			const name = stepName(step, i);
			if (!step.narration?.trim())
				issues.push({
					...at('.narration'),
					message: `${name} has no narration: every step, clock moves and policy changes too, says in \`narration:\` what happens before the learner plays it`
				});
			if ('call' in step && !step.debrief?.trim())
				issues.push({
					...at('.debrief'),
					message: `${name} has no debrief: a call step says in \`debrief:\` what AWS did and why, shown once it has been played`
				});
			const before = `${step.title ?? ''}\n${step.narration ?? ''}`;
			const expected = 'expect' in step ? step.expect?.error : undefined;
			if (expected && before.includes(expected))
				issues.push({
					...at(''),
					message: `${name}: the title or narration names the expected error ${expected}, which gives the answer away before the learner predicts it; name it in the debrief`
				});
		});
		for (const error of errors)
			if ((scenario.summary ?? '').includes(error))
				issues.push({
					file,
					...yaml.locate(['summary']),
					path: 'summary',
					message: `the summary names ${error}, an error a step expects: it is read before any prediction, so leave the answer to the step's debrief`
				});
	}
	return issues;
}
