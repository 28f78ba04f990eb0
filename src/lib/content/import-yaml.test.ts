import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../cli/read-content-dir';
import { checkContent } from './check-content';
import { formatIssue } from './content-issue';
import { parseAiken } from './import-aiken';
import { parseGift } from './import-gift';
import { importedToYaml } from './import-yaml';
import { loadQuestionFile } from './question-loader';
import { parseYamlSource } from './yaml-source';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const SOURCE = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';
const FILE = 'content/questions/imported.yaml';

/** What the author does with the TODOs the test may fill: a topic and a source for each question. */
function fillTopicAndSources(yaml: string, topic: string): string {
	return yaml
		.replace(/^questions:$/m, `topic: ${topic}\nquestions:`)
		.replaceAll('    sources: []', `    sources: [${SOURCE}]`);
}

/** Issues of the imported file when added to the bundled content (other files' issues ignored). */
function checkWithContent(yaml: string): string[] {
	const files = { ...readContentDir('content'), [FILE]: yaml };
	return checkContent(files)
		.issues.filter((i) => i.file === FILE)
		.map(formatIssue);
}

describe('importedToYaml', { timeout: 30_000 }, () => {
	// Whole-content checks take seconds on a busy machine; the default 5 s is too tight.
	const complete = importedToYaml(parseGift(fixture('complete.gift')), {
		source: 'complete.gift',
		format: 'GIFT'
	});

	it('marks the missing topic and sources with TODO comments, and leaves them invalid on purpose', () => {
		expect(complete).toMatch(
			/^# yaml-language-server: \$schema=\.\.\/\.\.\/static\/schemas\/questions\.schema\.json\n/
		);
		expect(complete.match(/# TODO: topic:/g)).toHaveLength(3);
		expect(complete.match(/# TODO: sources:/g)).toHaveLength(3);
		const issues = loadQuestionFile(FILE, complete).issues.map((i) => i.message);
		expect(issues).toEqual(expect.arrayContaining(['cite at least one source']));
	});

	it('once topic and sources are filled, passes the question schema and every content check', () => {
		const filled = fillTopicAndSources(complete, 'durations');
		expect(loadQuestionFile(FILE, filled).issues).toEqual([]);
		expect(checkWithContent(filled)).toEqual([]);
	});

	it('writes the multiple-answer question with choose, and general feedback as explanation', () => {
		const data = parseYamlSource(complete, FILE).data as {
			questions: { id: string; type: string; choose?: number; explanation?: string }[];
		};
		expect(data.questions.map((q) => [q.id, q.type, q.choose])).toEqual([
			['default-session-length', 'single', undefined],
			['temporary-credentials-parts', 'multiple', 2],
			['chained-sessions', 'single', undefined]
		]);
		expect(data.questions[0].explanation).toBe(
			'Omit DurationSeconds and the session lasts 3600 seconds.'
		);
	});

	it('a missing why is a TODO and an empty why, which content:check refuses until it is written', () => {
		const yaml = importedToYaml(parseGift(fixture('features.gift')), {
			source: 'features.gift',
			format: 'GIFT',
			topicOf: (name) => (name === 'assume-role' ? name : undefined)
		});
		expect(yaml).toContain(
			'# TODO: why: explain why this option is right (the source has no feedback for it)'
		);
		const issues = checkWithContent(fillTopicAndSources(yaml, 'assume-role'));
		expect(issues).toHaveLength(3);
		for (const issue of issues)
			expect(issue).toMatch(/questions\[9\]\.options\[\d\]\.why: must not be empty$/);
	});

	it('takes the topic from a $CATEGORY that names one, and notes conversions and partial credit', () => {
		const yaml = importedToYaml(parseGift(fixture('features.gift')), {
			source: 'features.gift',
			format: 'GIFT',
			topicOf: (name) => (name === 'assume-role' ? name : undefined)
		});
		expect(yaml.match(/^ {4}topic: assume-role$/gm)).toHaveLength(10);
		expect(yaml).toContain('# TODO: check the conversion: a <script> element was removed');
		expect(yaml).toContain('# TODO: partial credit (50%) in the source; imported as wrong');
	});

	it('makes ids unique among themselves and against the content’s ids', () => {
		const result = parseGift(
			'::Same::Q1? {=a#y ~b#n}\n\n::Same::Q2? {=a#y ~b#n}\n\n::Taken::Q3? {=a#y ~b#n}'
		);
		const yaml = importedToYaml(result, {
			source: 'x.gift',
			format: 'GIFT',
			topic: 'mfa',
			existingIds: new Set(['taken'])
		});
		expect([...yaml.matchAll(/^ {2}- id: (.+)$/gm)].map((m) => m[1])).toEqual([
			'same',
			'same-2',
			'taken-2'
		]);
		expect(yaml).toMatch(/^topic: mfa$/m);
		expect(yaml).not.toContain('# TODO: topic');
	});

	it('Aiken output passes too once topic, sources and the whys (Aiken has no feedback) are filled', () => {
		const yaml = importedToYaml(parseAiken(fixture('questions.aiken.txt')), {
			source: 'questions.aiken.txt',
			format: 'Aiken'
		});
		expect(yaml.match(/# TODO: why:/g)).toHaveLength(10);
		const filled = fillTopicAndSources(yaml, 'credentials').replaceAll(
			'why: ""',
			'why: Explained by the author.'
		);
		expect(loadQuestionFile(FILE, filled).issues).toEqual([]);
		expect(checkWithContent(filled)).toEqual([]);
	});
});
