/**
 * Worlds and helpers shared by the engine's unit tests (imported by *.test.ts only).
 */
import { parse } from 'yaml';
import { type ScenarioWorld } from '../content/scenario-schema';
import { parseScenario } from '../content/scenario-loader';
import type { CallRequest } from './api-support';
import { advance, call, createSimulator, type CallOutcome, type SimState } from './simulator';

/** Parses a `world:` block written in YAML through the real scenario schema. */
export function worldFrom(yaml: string): ScenarioWorld {
	const text = `id: test\ntitle: test\ntopic: test\nworld:\n${yaml.replace(/^/gm, '  ')}\nsteps:\n  - advance: 0\n`;
	return parseScenario(text, 'test.yaml').world;
}

export const allow = (action: string | string[], resource: string | string[] = '*') => ({
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action: action, Resource: resource }]
});

/** A two-account world covering the common cases of the API tests. */
export const BASE_WORLD = `
start: 2026-01-01T12:00:00Z
accounts:
  - id: "111111111111"
    alias: dev
    root: { mfa: true }
    users:
      - name: alice
        mfa: true
        tags: { team: blue }
        policies:
          - { Effect: Allow, Action: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], Resource: "*" }
          - { Effect: Allow, Action: ["s3:*", "iam:ListUsers"], Resource: "*" }
      - name: bob
      - name: broker
        policies:
          - { Effect: Allow, Action: ["sts:GetFederationToken", "s3:*", "iam:ListUsers"], Resource: "*" }
      - name: denied
        policies:
          - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }
          - { Effect: Deny, Action: "*", Resource: "*" }
    roles:
      - name: Local
        maxSessionDuration: 43200
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: ["sts:AssumeRole", "sts:TagSession"] }
        policies:
          - { Effect: Allow, Action: ["s3:*", "sts:AssumeRole", "sts:TagSession"], Resource: "*" }
      - name: ForBob
        path: /team/
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:user/bob" }, Action: sts:AssumeRole }
        policies:
          - { Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::bob-bucket/*" }
      - name: NoTags
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: sts:AssumeRole }
  - id: "222222222222"
    alias: prod
    stsDisabledRegions: [eu-west-1]
    users:
      - name: carol
        policies:
          - { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }
    roles:
      - name: Remote
        maxSessionDuration: 7200
        trust:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: sts:AssumeRole }
        policies:
          - { Effect: Allow, Action: "s3:*", Resource: "*" }
      - name: Vendor
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: "111111111111" }
              Action: sts:AssumeRole
              Condition: { StringEquals: { "sts:ExternalId": "Cust-12345" } }
      - name: NeedsMfa
        trust:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: "arn:aws:iam::111111111111:root" }
              Action: sts:AssumeRole
              Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } }
        policies:
          - { Effect: Allow, Action: "iam:ListUsers", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }
`;

export function baseState(seed = 1): SimState {
	return createSimulator(worldFrom(BASE_WORLD), { seed });
}

/** Calls and returns both the outcome and the next state. */
export function run(
	state: SimState,
	request: CallRequest
): { state: SimState; outcome: CallOutcome } {
	return call(state, request);
}

/** Calls and returns just the outcome. */
export function outcomeOf(state: SimState, request: CallRequest): CallOutcome {
	return call(state, request).outcome;
}

/** Issues credentials and saves them under `name`, failing the test when the call fails. */
export function issue(state: SimState, request: CallRequest & { save: string }): SimState {
	const r = call(state, request);
	if (!r.outcome.ok)
		throw new Error(
			`setup call failed: ${r.outcome.error?.code ?? r.outcome.simulatorError} ${r.outcome.error?.message ?? ''}`
		);
	return r.state;
}

export const later = (state: SimState, seconds: number) => advance(state, seconds).state;

export const roleArn = (account: string, name: string, path = '/') =>
	`arn:aws:iam::${account}:role${path}${name}`;

/** Parses YAML into plain data (for policies in tests). */
export const yaml = (text: string): unknown => parse(text);

/** A minified inline session policy of exactly `chars` characters (an s3:GetObject Allow). */
export function inlinePolicyOfLength(chars: number): string {
	const shell = (name: string) =>
		JSON.stringify({
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}` }]
		});
	const text = shell('b'.repeat(chars - shell('').length));
	if (text.length !== chars) throw new Error(`cannot make a ${chars}-character policy`);
	return text;
}

/** An AWS managed policy ARN the simulator knows, for PolicyArns in tests (38 characters). */
export const READ_ONLY_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
