import { describe, expect, it } from 'vitest';
import { buildSourceTitles, sourceLinks, sourceTitle, sourceTitleFromUrl } from './source-title';

const docs = 'https://docs.aws.amazon.com';

describe('sourceTitleFromUrl', () => {
	it('names API reference pages by operation and reference', () => {
		expect(sourceTitleFromUrl(`${docs}/STS/latest/APIReference/API_AssumeRole.html`)).toBe(
			'AssumeRole (AWS STS API Reference)'
		);
		expect(sourceTitleFromUrl(`${docs}/STS/latest/APIReference/API_GetAccessKeyInfo.html`)).toBe(
			'GetAccessKeyInfo (AWS STS API Reference)'
		);
		expect(sourceTitleFromUrl(`${docs}/IAM/latest/APIReference/API_UpdateRole.html`)).toBe(
			'UpdateRole (IAM API Reference)'
		);
		expect(sourceTitleFromUrl(`${docs}/STS/latest/APIReference/CommonErrors.html`)).toBe(
			'Common errors (AWS STS API Reference)'
		);
		expect(
			sourceTitleFromUrl(`${docs}/cognitoidentity/latest/APIReference/API_GetOpenIdToken.html`)
		).toBe('GetOpenIdToken (Amazon Cognito Identity API Reference)');
	});

	it('makes words of a guide page’s name and names the guide', () => {
		expect(sourceTitleFromUrl(`${docs}/sdkref/latest/guide/feature-sts.html`)).toBe(
			'Feature STS (AWS SDKs and Tools Reference Guide)'
		);
		expect(
			sourceTitleFromUrl(`${docs}/cli/latest/reference/sts/decode-authorization-message.html`)
		).toBe('aws sts decode-authorization-message (AWS CLI Command Reference)');
		expect(sourceTitleFromUrl(`${docs}/newservice/latest/userguide/what-is.html`)).toBe(
			'What is (Newservice documentation)'
		);
	});

	it('reads IAM User Guide page names without their folder (id_, access_, reference_) and abbreviations', () => {
		const iam = (page: string) => sourceTitleFromUrl(`${docs}/IAM/latest/UserGuide/${page}`);
		// The user test's pack source: "ID roles terms and concepts" before.
		expect(iam('id_roles_terms-and-concepts.html#iam-term-role-chaining')).toBe(
			'Roles terms and concepts (IAM User Guide)'
		);
		expect(iam('id_credentials_temp_request.html')).toBe(
			'Temporary credentials request (IAM User Guide)'
		);
		expect(iam('id_credentials_temp_enable-regions.html')).toBe(
			'Temporary credentials enable regions (IAM User Guide)'
		);
		expect(iam('id_credentials_temp.html')).toBe('Temporary credentials (IAM User Guide)');
		expect(iam('id_credentials_temp_control-access_disable-perms.html')).toBe(
			'Temporary credentials control access disable permissions (IAM User Guide)'
		);
		expect(iam('id_roles_create_for-idp_saml.html')).toBe(
			'Roles create for IdP SAML (IAM User Guide)'
		);
		expect(iam('id_roles_create_for-user_externalid.html')).toBe(
			'Roles create for user ExternalId (IAM User Guide)'
		);
		expect(iam('reference_identifiers.html#x')).toBe('Identifiers (IAM User Guide)');
		expect(iam('access_policies.html')).toBe('Policies (IAM User Guide)');
		expect(iam('id_session-tags.html')).toBe('Session tags (IAM User Guide)');
		expect(iam('reference_iam-quotas.html')).toBe('IAM quotas (IAM User Guide)');
		// Other folders say what the page is; a lone "id" page keeps its name.
		expect(iam('troubleshoot_saml.html')).toBe('Troubleshoot SAML (IAM User Guide)');
		expect(iam('confused-deputy.html')).toBe('Confused deputy (IAM User Guide)');
		expect(iam('id.html')).toBe('ID (IAM User Guide)');
	});

	it('names re:Post articles, AWS blogs and other sites, never by their host alone', () => {
		expect(sourceTitleFromUrl('https://repost.aws/knowledge-center/iam-role-aws-sts-error')).toBe(
			'IAM role AWS STS error (AWS re:Post Knowledge Center)'
		);
		expect(
			sourceTitleFromUrl(
				'https://aws.amazon.com/blogs/security/announcing-an-update-to-iam-role-trust-policy-behavior/'
			)
		).toBe('Announcing an update to IAM role trust policy behavior (AWS Security Blog)');
		expect(sourceTitleFromUrl('https://example.com/guides/temporary_credentials.html')).toBe(
			'Temporary credentials (example.com)'
		);
		expect(sourceTitleFromUrl('https://www.example.com/')).toBe('example.com');
		expect(sourceTitleFromUrl('not a url')).toBe('not a url');
	});
});

describe('sourceTitle and sourceLinks', () => {
	const known = buildSourceTitles(
		[
			{
				sources: [
					{
						url: `${docs}/IAM/latest/UserGuide/reference_identifiers.html`,
						title: 'IAM identifiers'
					},
					{ url: `${docs}/IAM/latest/UserGuide/id_roles.html`, title: 'IAM roles' }
				]
			},
			{
				// A later lesson does not rename a page an earlier one titled.
				sources: [{ url: `${docs}/IAM/latest/UserGuide/id_roles.html`, title: 'Roles again' }]
			}
		],
		{
			[`${docs}/IAM/latest/UserGuide/id_roles.html`]: 'Not used: a lesson titled it',
			[`${docs}/IAM/latest/UserGuide/access_policies.html#policies_session`]: 'Session policies'
		}
	);

	it('prefers the lessons’ titles, then the extra titles, then the URL’s own words', () => {
		expect(sourceTitle(`${docs}/IAM/latest/UserGuide/id_roles.html`, known)).toBe('IAM roles');
		expect(
			sourceTitle(`${docs}/IAM/latest/UserGuide/access_policies.html#policies_session`, known)
		).toBe('Session policies');
		// A fragment of a titled page keeps the page's title.
		expect(
			sourceTitle(
				`${docs}/IAM/latest/UserGuide/reference_identifiers.html#identifiers-prefixes`,
				known
			)
		).toBe('IAM identifiers');
		expect(sourceTitle(`${docs}/STS/latest/APIReference/API_AssumeRoot.html`, known)).toBe(
			'AssumeRoot (AWS STS API Reference)'
		);
	});

	it('lists each cited URL once, with its title, in the order cited', () => {
		const roles = `${docs}/IAM/latest/UserGuide/id_roles.html`;
		const api = `${docs}/STS/latest/APIReference/API_GetAccessKeyInfo.html`;
		expect(sourceLinks([api, roles, api], known)).toEqual([
			{ url: api, title: 'GetAccessKeyInfo (AWS STS API Reference)' },
			{ url: roles, title: 'IAM roles' }
		]);
	});
});
