import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/content/content-issue';
import { loadContent } from '../../src/lib/content/load-content';
import { parseScenario } from '../../src/lib/content/scenario-loader';
import { readContentDir } from '../../src/cli/read-content-dir';
import { scenarioExpectationIssues } from '../../src/cli/content-check-run';
import { CUE_TOLERANCE, lengthCue } from '../../src/lib/content/answer-cues';

const files = readContentDir('content');
const { bundle, issues } = loadContent(files, { parseScenario });

describe('the bundled content', () => {
	it('passes every schema and cross-reference check', () => {
		expect(issues.map(formatIssue)).toEqual([]);
	});

	it('plays every scenario with all its expectations holding', () => {
		expect(scenarioExpectationIssues(files, bundle.scenarios).map(formatIssue)).toEqual([]);
	});

	it('has at least 12 lessons, in order, each with an exam tip', () => {
		expect(bundle.lessons.length).toBeGreaterThanOrEqual(12);
		expect(bundle.lessons.map((l) => l.order)).toEqual(
			[...bundle.lessons.map((l) => l.order)].sort((a, b) => a - b)
		);
		for (const lesson of bundle.lessons) expect(lesson.html, lesson.slug).toContain('callout-exam');
	});

	it('has at least 80 questions and 10 in each of the four scenario families', () => {
		expect(bundle.questions.length).toBeGreaterThanOrEqual(80);
		for (const family of ['cross-account', 'saml', 'mfa', 'mobile']) {
			expect(
				bundle.questions.filter((q) => q.topic === family).length,
				family
			).toBeGreaterThanOrEqual(10);
		}
	});

	it('does not give answers away by length: the right options are the longest (or the shortest) about as often as chance would have it', () => {
		for (const type of ['single', 'multiple'] as const)
			for (const which of ['longest', 'shortest'] as const) {
				const report = lengthCue(
					bundle.questions.filter((q) => q.type === type),
					which
				);
				expect(
					Math.abs(report.share - report.chance),
					`${type}-answer questions whose right options are the ${which}: ${report.cued.length} of ${report.questions} (${report.cued.join(', ')}); chance ${(report.chance * 100).toFixed(0)} %`
				).toBeLessThanOrEqual(CUE_TOLERANCE);
			}
	});

	it('has "Choose TWO" items and a why for every option', () => {
		expect(
			bundle.questions.filter((q) => q.type === 'multiple' && q.choose === 2).length
		).toBeGreaterThanOrEqual(10);
		for (const q of bundle.questions)
			for (const o of q.options) expect(o.whyHtml.trim(), q.id).not.toBe('');
	});

	it('covers every exam tip and common exam scenario of the guide with a question', () => {
		const tags = new Set(bundle.questions.flatMap((q) => q.tags ?? []));
		const required = [
			...Array.from({ length: 10 }, (_, i) => `guide-tip-${i + 1}`),
			'guide-scenario-mobile-s3',
			'guide-scenario-ad-console',
			'guide-scenario-lambda-dynamodb',
			'guide-scenario-mfa-api'
		];
		expect(required.filter((t) => !tags.has(t))).toEqual([]);
	});

	it('ships the 12 guided scenarios the product is built around, each narrated', () => {
		const ids = [
			'vendor-external-id',
			'lambda-cross-account-dynamodb',
			'corporate-saml-sso',
			'mobile-cognito-web-identity',
			'mfa-protected-api-calls',
			'identity-broker-federation-token',
			'role-chaining-one-hour-cap',
			'credentials-expire-and-refresh',
			'revoke-leaked-session',
			'deactivated-regional-endpoint',
			'session-policy-narrows',
			'ec2-instance-role-rotation'
		];
		expect(bundle.scenarios.map((s) => s.id).sort()).toEqual(expect.arrayContaining(ids.sort()));
		for (const s of bundle.scenarios) {
			for (const step of s.steps) expect(step.narration, `${s.id}`).toBeTruthy();
		}
	});

	it('debriefs every call step after it is played, and names no expected error before', () => {
		// The learner predicts each call's outcome from its title and narration: the answer
		// belongs in the debrief, shown with the result.
		const problems: string[] = [];
		for (const s of bundle.scenarios) {
			s.steps.forEach((step, i) => {
				if (!('call' in step)) return;
				const where = `${s.id} step ${i + 1} (${step.title ?? step.call})`;
				if (!step.debrief?.trim()) problems.push(`${where}: no debrief`);
				const error = step.expect?.error;
				if (error && `${step.title ?? ''}\n${step.narration ?? ''}`.includes(error))
					problems.push(`${where}: the title or narration names ${error}`);
			});
		}
		expect(problems).toEqual([]);
	});

	it('names no expected error in a scenario summary', () => {
		// The summary is the scenario's intro and its card in the list, read before any prediction.
		const problems: string[] = [];
		for (const s of bundle.scenarios) {
			const errors = new Set(
				s.steps.map((step) => ('expect' in step ? step.expect?.error : undefined))
			);
			for (const error of errors)
				if (error && (s.summary ?? '').includes(error))
					problems.push(`${s.id}: the summary names ${error}`);
		}
		expect(problems).toEqual([]);
	});
});
