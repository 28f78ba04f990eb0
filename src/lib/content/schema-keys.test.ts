import { describe, expect, it } from 'vitest';
import { ContentError, formatIssue } from './content-issue';
import { loadQuestionFile } from './question-loader';
import { questionSchema } from './question-schema';
import { parseScenario } from './scenario-loader';
import { scenarioSchema } from './scenario-schema';
import { keysAt } from './schema-keys';

const scenarioIssues = (text: string) => {
	try {
		parseScenario(text, 'content/scenarios/x.yaml');
	} catch (e) {
		if (e instanceof ContentError) return e.issues.map(formatIssue);
		throw e;
	}
	return [];
};

describe('keysAt: the fields a schema allows at a path', () => {
	it('walks objects, lists, optional fields and every branch of a union', () => {
		expect(keysAt(questionSchema, [])).toContain('difficulty');
		expect([...keysAt(questionSchema, ['options', 0])].sort()).toEqual(
			expect.arrayContaining(['correct', 'misconception', 'text', 'why'])
		);
		const step = keysAt(scenarioSchema, ['steps', 3]);
		for (const key of ['as', 'call', 'params', 'expect', 'advance', 'attach', 'narration'])
			expect(step).toContain(key);
		expect(keysAt(scenarioSchema, ['world', 'accounts', 0])).toContain('users');
		expect(keysAt(scenarioSchema, ['title'])).toEqual(new Set());
	});

	it('of a union, the branches the value there can be: a call step has no `advance`', () => {
		const call = keysAt(scenarioSchema, ['steps', 0], { as: 'anonymous', call: 'X', advanse: 1 });
		expect(call).toContain('expect');
		expect(call).toContain('narration');
		for (const other of ['advance', 'revoke', 'attach']) expect(call).not.toContain(other);
		const advance = keysAt(scenarioSchema, ['steps', 0], { advance: 60, narraton: 'x' });
		expect([...advance].sort()).toEqual(
			[...keysAt(scenarioSchema, ['steps', 0], { advance: 60 })].sort()
		);
		expect(advance).toContain('advance');
		expect(advance).not.toContain('call');
		// Nothing that picks a branch: every branch's fields.
		expect(keysAt(scenarioSchema, ['steps', 0], { colour: 1 })).toContain('advance');
	});
});

describe('an unknown field names the field the author likely meant', () => {
	it('in a question and in one of its options', () => {
		const file = loadQuestionFile(
			'content/questions/x.yaml',
			`topic: mfa
questions:
  - id: typo
    type: single
    dificulty: 1
    stem: A stem.
    options:
      - { text: A, corect: true, why: yes }
      - { text: B, correct: false, why: no }
    sources: [https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html]
`
		);
		const messages = file.issues.map(formatIssue);
		expect(messages).toContain(
			'content/questions/x.yaml:5:5  questions[0]: unknown field "dificulty"; did you mean "difficulty"?'
		);
		expect(messages).toContain(
			'content/questions/x.yaml:8:20  questions[0].options[0]: unknown field "corect"; did you mean "correct"?'
		);
	});

	it('in a scenario step and in its world; a field far from every known one gets no guess', () => {
		const issues = scenarioIssues(`id: typo
title: Typos
topic: mfa
world:
  start: 2026-01-01T00:00:00Z
  accounts:
    - id: "111111111111"
      user:
        - name: dev
steps:
  - as: anonymous
    call: GetCallerIdentity
    expects: { ok: true }
    colour: blue
`);
		expect(issues).toEqual([
			'content/scenarios/x.yaml:8:7  world.accounts[0]: unknown field "user"; did you mean "users"?',
			'content/scenarios/x.yaml:13:5  steps[0]: unknown field "expects"; did you mean "expect"?',
			'content/scenarios/x.yaml:14:5  steps[0]: unknown field "colour"'
		]);
	});

	it('in a call step, a misspelt field is never taken for a field of another kind of step', () => {
		const issues = scenarioIssues(`id: typo
title: Typos
topic: mfa
world:
  start: 2026-01-01T00:00:00Z
  accounts:
    - id: "111111111111"
steps:
  - as: anonymous
    call: GetCallerIdentity
    advanse: 60
`);
		expect(issues).toEqual(['content/scenarios/x.yaml:11:5  steps[0]: unknown field "advanse"']);
	});

	it('an option whose why is left empty says so, in words', () => {
		const file = loadQuestionFile(
			'content/questions/x.yaml',
			`topic: mfa
questions:
  - id: empty-why
    type: single
    difficulty: 1
    stem: A stem.
    options:
      - text: A
        correct: true
        why:
      - { text: B, correct: false, why: no }
    sources: [https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html]
`
		);
		expect(file.issues.map(formatIssue)).toEqual([
			'content/questions/x.yaml:10:9  questions[0].options[0].why: why is empty: write its value after `why:`'
		]);
	});

	it('an empty list item (a bare `-`) is named by its number and its list, not as a field', () => {
		const file = loadQuestionFile(
			'content/questions/x.yaml',
			`topic: mfa
questions:
  - id: empty-option
    type: single
    difficulty: 1
    stem: A stem.
    options:
      - { text: A, correct: true, why: yes }
      -
    sources: [https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html]
`
		);
		expect(file.issues.map(formatIssue)).toEqual([
			'content/questions/x.yaml:9:8  questions[0].options[1]: item 2 of options is empty (a `-` with nothing after it): write the item after the `-`, or delete the line'
		]);
	});
});
