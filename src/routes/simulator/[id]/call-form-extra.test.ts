import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '$lib/content/scenario-loader';
import { applyStep, call, createSimulator, type CallRequest } from '$lib/sts';
import { buildRequest, emptyFields, fieldsFromRequest, parseClaims } from './call-form';
import { cliCommand } from './cli-command';
import { mfaDeviceFor, stepRequest } from './sim-view';

const built = (request: CallRequest) => {
	const result = buildRequest(fieldsFromRequest(request));
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.request;
};
const problemsOf = (fields: ReturnType<typeof emptyFields>) => {
	const result = buildRequest(fields);
	return result.ok ? {} : result.problems;
};

const TAGS = 'https://aws.amazon.com/tags';
const web: CallRequest = {
	as: 'anonymous',
	call: 'AssumeRoleWithWebIdentity',
	idToken: {
		iss: 'https://cognito-identity.amazonaws.com',
		aud: 'us-east-1:pool',
		sub: 'us-east-1:user',
		expiresIn: 3600,
		exp: 1781114400,
		iat: 1781110800,
		nbf: 1781110800,
		amr: ['authenticated', 'accounts.google.com'],
		azp: 'client-1',
		[TAGS]: { principal_tags: { Project: ['Automation'] }, transitive_tag_keys: ['Project'] },
		repository: 'octo/app',
		claims: { job_workflow_ref: 'octo/app/.github/workflows/ci.yml@refs/heads/main' }
	},
	params: { RoleArn: 'arn:aws:iam::1:role/R', RoleSessionName: 'u' }
};
const saml: CallRequest = {
	as: 'anonymous',
	call: 'AssumeRoleWithSAML',
	samlAssertion: {
		provider: 'ADFS',
		roleSessionName: 'jane',
		notOnOrAfterIn: 300,
		signedBy: 'provider',
		subject: 'jane@example.com',
		sessionDuration: 7200,
		roles: ['arn:aws:iam::1:role/R'],
		sourceIdentity: 'jane',
		principalTags: { Department: 'Finance' },
		transitiveTagKeys: ['Department']
	},
	params: { RoleArn: 'arn:aws:iam::1:role/R', PrincipalArn: 'arn:aws:iam::1:saml-provider/ADFS' }
};

describe('the form keeps every field of the call it is loaded from', () => {
	it('keeps the token claims that have no input of their own, as JSON', () => {
		const fields = fieldsFromRequest(web);
		expect(JSON.parse(fields.idToken.claims)).toEqual({
			exp: 1781114400,
			iat: 1781110800,
			nbf: 1781110800,
			amr: ['authenticated', 'accounts.google.com'],
			azp: 'client-1',
			[TAGS]: { principal_tags: { Project: ['Automation'] }, transitive_tag_keys: ['Project'] },
			repository: 'octo/app',
			claims: { job_workflow_ref: 'octo/app/.github/workflows/ci.yml@refs/heads/main' }
		});
		expect(built(web)).toEqual(web);
	});

	it("keeps the SAML assertion's extension fields", () => {
		expect(JSON.parse(fieldsFromRequest(saml).saml.more)).toMatchObject({
			sourceIdentity: 'jane',
			principalTags: { Department: 'Finance' },
			transitiveTagKeys: ['Department']
		});
		expect(built(saml)).toEqual(saml);
	});

	it('keeps parameters with no input (ProvidedContexts, a member of another API)', () => {
		const request: CallRequest = {
			as: 'user:1/a',
			call: 'AssumeRole',
			params: {
				RoleArn: 'arn:aws:iam::1:role/R',
				RoleSessionName: 's',
				ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter' }],
				SerialNumbr: 'typo'
			}
		};
		expect(JSON.parse(fieldsFromRequest(request).moreParams)).toEqual({
			ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter' }],
			SerialNumbr: 'typo'
		});
		expect(built(request)).toEqual(request);
	});

	it('leaves the boxes empty when there is nothing more', () => {
		const fields = fieldsFromRequest({
			as: 'anonymous',
			call: 'AssumeRoleWithWebIdentity',
			idToken: { iss: 'accounts.google.com', expiresIn: 60 }
		});
		expect([fields.idToken.claims, fields.saml.more, fields.moreParams]).toEqual(['', '', '']);
	});

	it('sends an edited claim', () => {
		const fields = fieldsFromRequest(web);
		fields.idToken.claims = '{ "amr": ["unauthenticated"] }';
		const result = buildRequest(fields);
		expect(result.ok && result.request.idToken).toEqual({
			iss: 'https://cognito-identity.amazonaws.com',
			aud: 'us-east-1:pool',
			sub: 'us-east-1:user',
			expiresIn: 3600,
			amr: ['unauthenticated']
		});
	});

	// Every call step of every scenario, sent from the form at the moment the step would run, gets
	// the step's answer.
	const scenarios = readdirSync('content/scenarios').filter((f) => f.endsWith('.yaml'));
	it.each(scenarios)('%s: each step sent from the form gets the same answer', (file) => {
		const scenario = parseScenario(readFileSync(`content/scenarios/${file}`, 'utf8'), file);
		let sim = createSimulator(scenario.world, { seed: 3 });
		let calls = 0;
		for (const step of scenario.steps) {
			const request = stepRequest(step);
			if (request) {
				calls++;
				const fields = fieldsFromRequest(
					request,
					request.mfa ? mfaDeviceFor(sim, request.as) : undefined
				);
				const result = buildRequest(fields);
				if (!result.ok) throw new Error(`${step.title}: ${JSON.stringify(result.problems)}`);
				const answer = (r: CallRequest) => {
					const { outcome } = call(sim, r);
					return {
						ok: outcome.ok,
						allowed: outcome.allowed,
						error: outcome.error?.code,
						message: outcome.error?.message,
						response: outcome.response
					};
				};
				expect(answer(result.request), step.title).toEqual(answer(request));
			}
			sim = applyStep(sim, step).state;
		}
		expect(calls).toBeGreaterThan(0);
	});
});

describe('the JSON boxes say what is wrong and block sending', () => {
	it('names malformed JSON, a non-object, and fields that have their own input', () => {
		const fields = fieldsFromRequest(web);
		fields.idToken.claims = '{ "amr": [authenticated] }';
		expect(problemsOf(fields)['idToken.claims']).toMatch(
			/^Not valid JSON \(.+\)\. Write an object such as \{ "amr": \["authenticated"\] \}\.$/
		);
		fields.idToken.claims = '["authenticated"]';
		expect(problemsOf(fields)['idToken.claims']).toBe(
			'Write a JSON object such as { "amr": ["authenticated"] }, not a list or a single value.'
		);
		fields.idToken.claims = '{ "sub": "x" }';
		expect(problemsOf(fields)['idToken.claims']).toBe(
			'"sub" has its own field above: change it there and remove it here.'
		);
		fields.idToken.claims = '{ "exp": "tomorrow" }';
		expect(problemsOf(fields)['idToken.claims']).toBe(
			'"exp" is a time: whole seconds since the epoch (1781114400) or an ISO 8601 UTC time ("2026-06-10T18:00:00Z").'
		);
		// An ISO 8601 UTC time, as scenario files may write it, is sent as seconds.
		expect(parseClaims('{ "exp": "2026-06-10T18:00:00Z", "iat": 1781110000 }')).toEqual({
			ok: true,
			value: { exp: 1781114400, iat: 1781110000 }
		});
		expect(parseClaims('{ "nbf": 1781110000.5 }').ok).toBe(false);
		fields.idToken.claims = '{ "claims": "x" }';
		expect(problemsOf(fields)['idToken.claims']).toBe(
			'"claims" holds further claims as an object.'
		);
		fields.idToken.claims = '  ';
		expect(problemsOf(fields)).toEqual({});
	});

	it('knows the SAML extension fields and their types', () => {
		const fields = fieldsFromRequest(saml);
		fields.saml.more = '{ "sourceIdentty": "jane" }';
		expect(problemsOf(fields)['saml.more']).toBe(
			'The assertion has no field "sourceIdentty"; the others are subject, sessionDuration, roles, sourceIdentity, principalTags, transitiveTagKeys.'
		);
		fields.saml.more = '{ "principalTags": { "Department": 7 } }';
		expect(problemsOf(fields)['saml.more']).toBe(
			'"principalTags" is an object of tag keys and text values.'
		);
		fields.saml.more = '{ "provider": "Other" }';
		expect(problemsOf(fields)['saml.more']).toContain('"provider" has its own field above');
		fields.saml.more = '{ "roles": "arn:aws:iam::1:role/R" }';
		expect(problemsOf(fields)['saml.more']).toBe('"roles" is a list of role ARNs.');
	});

	it('refuses another parameter that repeats a field of the form', () => {
		const fields = fieldsFromRequest(web);
		fields.moreParams = '{ "RoleArn": "arn:aws:iam::1:role/Other" }';
		expect(problemsOf(fields)).toEqual({
			moreParams: '"RoleArn" has its own field in the form: change it there and remove it here.'
		});
		fields.moreParams = '{';
		expect(problemsOf(fields).moreParams).toMatch(/^Not valid JSON/);
	});
});

describe('the CLI command shows the further claims and assertion fields', () => {
	it('lists them in the token and assertion comments', () => {
		expect(cliCommand(built(web)).split('\n')[0]).toBe(
			'# ID_TOKEN: a JWT from https://cognito-identity.amazonaws.com, aud us-east-1:pool, sub us-east-1:user, exp 1781114400, iat 1781110800, nbf 1781110800, amr ["authenticated","accounts.google.com"], azp client-1, https://aws.amazon.com/tags {"principal_tags":{"Project":["Automation"]},"transitive_tag_keys":["Project"]}, repository octo/app, claims {"job_workflow_ref":"octo/app/.github/workflows/ci.yml@refs/heads/main"}'
		);
		expect(cliCommand(built(saml)).split('\n')[0]).toBe(
			'# SAML_RESPONSE: base64 assertion from ADFS for jane, NotOnOrAfter in 300 s, subject jane@example.com, sessionDuration 7200, roles ["arn:aws:iam::1:role/R"], sourceIdentity jane, principalTags {"Department":"Finance"}, transitiveTagKeys ["Department"]'
		);
	});
});
