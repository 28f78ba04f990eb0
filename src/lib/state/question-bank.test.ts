import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '$lib/content/question-loader';
import {
	lessonLink,
	lessonRefTitles,
	loadQuestionBank,
	mergePackQuestions,
	outlineOf,
	scenarioLink,
	setPackQuestionSource
} from './question-bank';

const q = (id: string): QuizQuestion => ({
	id,
	topic: 'mfa',
	type: 'single',
	difficulty: 1,
	stemHtml: `<p>${id}</p>`,
	options: [
		{ html: 'a', whyHtml: 'a', correct: true },
		{ html: 'b', whyHtml: 'b', correct: false }
	],
	sources: []
});

describe('mergePackQuestions', () => {
	it('appends pack questions marked with their pack, skipping ids already taken', () => {
		const merged = mergePackQuestions(
			[q('a'), q('b')],
			[
				{ packId: 'p1', name: 'Pack one', questions: [q('b'), q('c')] },
				{ packId: 'p2', name: 'Pack two', questions: [q('c'), q('d')] }
			]
		);
		expect(merged.questions.map((x) => [x.id, x.packId])).toEqual([
			['a', undefined],
			['b', undefined],
			['c', 'p1'],
			['d', 'p2']
		]);
		expect(merged.packNames).toEqual({ p1: 'Pack one', p2: 'Pack two' });
	});

	it('keeps a link to its own pack’s scenario, which plays on /simulator/pack', () => {
		const own = { ...q('f'), scenario: 'lab-runner' };
		const app = { ...q('g'), scenario: 'vendor-external-id' };
		const other = { ...q('h'), scenario: 'someone-elses' };
		const pages = { lessons: {}, scenarios: { 'vendor-external-id': 'Vendor' } };
		const merged = mergePackQuestions(
			[],
			[
				{
					packId: 'lab',
					name: 'Lab',
					questions: [own, app, other],
					scenarios: { 'lab-runner': 'Runner' }
				}
			],
			pages
		);
		const bank = { scenarios: pages.scenarios, packScenarios: merged.packScenarios };
		const [f, g, h] = merged.questions;
		expect(scenarioLink(bank, f!)).toEqual({
			href: '/simulator/pack#pack=lab&scenario=lab-runner',
			title: 'Runner'
		});
		expect(scenarioLink(bank, g!)).toEqual({
			href: '/simulator/vendor-external-id',
			title: 'Vendor'
		});
		expect(h!.scenario).toBeUndefined();
		expect(scenarioLink(bank, h!)).toBeUndefined();
		// The app's own questions link the app's scenarios only.
		expect(scenarioLink(bank, { scenario: 'lab-runner' })).toBeUndefined();
	});

	it('keeps links to the app’s lessons and scenarios, drops links to the pack’s own', () => {
		const linked = {
			...q('e'),
			lessons: ['role-chaining#the-one-hour-cap', 'pack-lesson'],
			scenario: 'pack-scenario'
		};
		const merged = mergePackQuestions([], [{ packId: 'p', name: 'P', questions: [linked] }], {
			lessons: { 'role-chaining': 'Role chaining' },
			scenarios: { 'vendor-external-id': 'Vendor' }
		});
		expect(merged.questions[0].lessons).toEqual(['role-chaining#the-one-hour-cap']);
		expect(merged.questions[0].scenario).toBeUndefined();
	});
});

describe('pack question sources', () => {
	it('take the titles the app’s questions give the same pages, else one made from the address', () => {
		const iam = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
		const bundled = {
			...q('app'),
			sources: [`${iam}/id_credentials_temp_request.html`],
			sourceTitles: ['Request temporary security credentials (IAM User Guide)']
		};
		const fromPack = {
			...q('pack-q'),
			sources: [
				`${iam}/id_credentials_temp_request.html`,
				// The page is known; the fragment is not: the page's title.
				`${iam}/id_credentials_temp_request.html#api_assumerole`,
				`${iam}/id_roles_terms-and-concepts.html#iam-term-role-chaining`
			]
		};
		const merged = mergePackQuestions(
			[bundled],
			[{ packId: 'p', name: 'P', questions: [fromPack] }]
		);
		expect(merged.questions[1].sourceTitles).toEqual([
			'Request temporary security credentials (IAM User Guide)',
			'Request temporary security credentials (IAM User Guide)',
			'Roles terms and concepts (IAM User Guide)'
		]);
	});
});

describe('pack lesson links', () => {
	const linked = {
		...q('f'),
		lessons: ['role-chaining', 'lab-notes#the-rules', 'other-pack-lesson', 'nowhere']
	};
	const merged = mergePackQuestions(
		[],
		[
			{
				packId: 'lab',
				name: 'Lab',
				questions: [linked],
				lessons: { 'lab-notes': 'Lab notes' }
			},
			{ packId: 'other', name: 'Other', questions: [], lessons: { 'other-pack-lesson': 'O' } }
		],
		{ lessons: { 'role-chaining': 'Role chaining' }, scenarios: {} }
	);
	const bank = { lessons: { 'role-chaining': 'Role chaining' }, packLessons: merged.packLessons };

	it('keeps a pack question’s links to its own pack’s lessons, not to another pack’s', () => {
		expect(merged.questions[0].lessons).toEqual(['role-chaining', 'lab-notes#the-rules']);
		expect(merged.packLessons).toEqual({
			lab: { 'lab-notes': 'Lab notes' },
			other: { 'other-pack-lesson': 'O' }
		});
	});

	it('link the app’s lessons to their pages and a pack’s lessons to the pack lesson page', () => {
		expect(lessonLink(bank, 'role-chaining', 'lab')).toEqual({
			href: '/lessons/role-chaining',
			title: 'Role chaining'
		});
		expect(lessonLink(bank, 'lab-notes#the-rules', 'lab')).toEqual({
			href: '/lessons/pack#pack=lab&lesson=lab-notes&section=the-rules',
			title: 'Lab notes'
		});
		// A built-in question never links a pack lesson.
		expect(lessonLink(bank, 'lab-notes')).toEqual({
			href: '/lessons/lab-notes',
			title: 'lab-notes'
		});
	});

	it('tell two sections of one lesson apart by the titles the build gave them', () => {
		const bundled: QuizQuestion = {
			...q('x'),
			lessons: ['role-chaining', 'role-chaining#the-one-hour-cap', 'role-chaining#what-it-is'],
			lessonTitles: [
				'Role chaining',
				'Role chaining › The one-hour cap',
				'Role chaining › What it is'
			]
		};
		const titled = { ...bank, lessonRefTitles: lessonRefTitles([bundled, q('y')]) };
		// Only section references need a title of their own.
		expect(titled.lessonRefTitles).toEqual({
			'role-chaining#the-one-hour-cap': 'Role chaining › The one-hour cap',
			'role-chaining#what-it-is': 'Role chaining › What it is'
		});
		const shown = bundled.lessons!.map((ref) => lessonLink(titled, ref).title);
		expect(shown).toEqual(bundled.lessonTitles);
		// A section no bundled question links (a pack question's) reads as its lesson.
		expect(lessonLink(titled, 'role-chaining#elsewhere', 'lab')).toEqual({
			href: '/lessons/role-chaining#elsewhere',
			title: 'Role chaining'
		});
	});
});

describe('loadQuestionBank', () => {
	it('adds the installed packs’ questions and names to the bundled bank', async () => {
		setPackQuestionSource(async () => [{ packId: 'p', name: 'P', questions: [q('x')] }]);
		const fetcher = (async () =>
			new Response(
				JSON.stringify({ questions: [q('a')], topics: [], lessons: {}, scenarios: {} })
			)) as unknown as typeof fetch;
		const bank = await loadQuestionBank(fetcher);
		expect(bank.questions.map((x) => x.id)).toEqual(['a', 'x']);
		expect(bank.byId.get('x')?.packId).toBe('p');
		expect(bank.packNames).toEqual({ p: 'P' });
	});
});

describe('outlineOf', () => {
	it('keeps topics and each question’s topic, nothing of the questions themselves', () => {
		const outline = outlineOf({
			topics: [{ id: 'mfa', title: 'MFA', extra: 1 } as { id: string; title: string }],
			questions: [q('a'), q('b')]
		});
		expect(outline).toEqual({
			topics: [{ id: 'mfa', title: 'MFA' }],
			questions: [{ topic: 'mfa' }, { topic: 'mfa' }],
			packNames: {}
		});
	});
});
