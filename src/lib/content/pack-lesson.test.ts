import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packSchema, type PackLesson } from './pack-schema';
import { packLessonSummary, packLessonView, readPackLessonFrontMatter } from './pack-lesson';
import { parseYamlSource } from './yaml-source';

const readPack = (file: string) =>
	packSchema.parse(JSON.parse(readFileSync(`tests/fixtures/packs/${file}`, 'utf8')));
const lab = readPack('lab-session-durations-1.0.0.json');
const labLesson = lab.lessons![0];
const xss = readPack('xss-pack.json');
const xssLesson = xss.lessons![0];

describe('readPackLessonFrontMatter', () => {
	it('reads each lesson’s front matter as plain JSON data, by slug', () => {
		const stored = readPackLessonFrontMatter(lab.lessons!, parseYamlSource);
		expect(Object.keys(stored)).toEqual(['lab-duration-notes']);
		expect(stored['lab-duration-notes']).toMatchObject({
			title: 'Lab notes — session durations',
			objectives: ['Predict the length of a role session'],
			topics: ['durations'],
			scenarios: ['lab-duration-runner']
		});
		expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
	});

	it('leaves out lessons without readable front matter', () => {
		const broken: PackLesson[] = [
			{ slug: 'no-front-matter', markdown: '## Just a body\n' },
			{ slug: 'bad-yaml', markdown: '---\ntitle: [unclosed\n---\n\n## Body\n' }
		];
		expect(readPackLessonFrontMatter(broken, parseYamlSource)).toEqual({});
	});
});

describe('packLessonView', () => {
	const stored = readPackLessonFrontMatter([labLesson, xssLesson], parseYamlSource);

	it('shows a lesson as the built-in lessons are shown: front matter, safe HTML, sections', () => {
		const view = packLessonView(labLesson, stored);
		if (!('lesson' in view)) throw new Error(view.problem);
		const { lesson } = view;
		expect(lesson.title).toBe('Lab notes — session durations');
		expect(lesson.summary).toBe('The three rules that decide how long a role session lasts.');
		expect(lesson.objectives).toEqual(['Predict the length of a role session']);
		expect(lesson.keyPoints).toHaveLength(1);
		expect(lesson.sources).toEqual([
			{
				title: 'AssumeRole (AWS STS API Reference)',
				url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html'
			}
		]);
		expect(lesson.sections).toEqual([{ depth: 2, text: 'The rules', id: 'the-rules' }]);
		expect(lesson.html).toContain('<h2 id="the-rules">The rules</h2>');
		expect(lesson.html).toContain('<code>DurationSeconds</code>');
		// The front matter is not part of the body.
		expect(lesson.html).not.toContain('keyPoints');
		expect(lesson.minutes).toBe(1);
	});

	it('escapes raw HTML and drops unsafe links of a hostile lesson', () => {
		const view = packLessonView(xssLesson, stored);
		if (!('lesson' in view)) throw new Error(view.problem);
		const html = view.lesson.html;
		for (const tag of ['<script', '<img', '<style', '<svg', '<iframe', '<object', '<form', '<meta'])
			expect(html).not.toContain(tag);
		expect(html).toContain('&lt;script&gt;');
		expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
		expect(html).not.toMatch(/\son[a-z]+="/i);
		// The title is text: Svelte escapes it where it is shown.
		expect(view.lesson.title).toBe("XSS <img src=x onerror=alert('lesson-title')>");
	});

	it('says why a lesson cannot be shown', () => {
		expect(packLessonView(labLesson, undefined)).toEqual({
			problem: expect.stringContaining('Load the pack file again')
		});
		expect(packLessonView(labLesson, { 'lab-duration-notes': { title: 'No summary' } })).toEqual({
			problem: expect.stringContaining('front matter is not valid')
		});
		expect(packLessonView({ slug: 'x', markdown: '## Body only\n' }, { x: {} })).toEqual({
			problem: expect.stringContaining('no front matter')
		});
	});
});

describe('packLessonSummary', () => {
	it('gives title and summary from the stored front matter, else the slug', () => {
		const stored = readPackLessonFrontMatter([labLesson], parseYamlSource);
		expect(packLessonSummary(labLesson, stored)).toEqual({
			slug: 'lab-duration-notes',
			title: 'Lab notes — session durations',
			summary: 'The three rules that decide how long a role session lasts.'
		});
		expect(packLessonSummary(labLesson, undefined)).toEqual({
			slug: 'lab-duration-notes',
			title: 'lab-duration-notes'
		});
	});
});
