/**
 * Titles of AWS pages that questions or glossary terms cite but no lesson names in its
 * `sources` (lessons' own titles are used for the rest, see `buildSourceTitles`). API reference
 * pages need no entry: their title is made from the address ("UpdateRole (IAM API Reference)").
 * `course-content.test.ts` fails when a cited page has neither, naming the URL to add here.
 */
export const AWS_DOC_TITLES: Readonly<Record<string, string>> = {
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html':
		'Policies and permissions in AWS Identity and Access Management (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session':
		'Session policies, in Policies and permissions in IAM (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html':
		'Temporary security credentials in IAM (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html':
		'Monitor and control actions taken with assumed roles (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html':
		'Use temporary credentials with AWS resources (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html':
		'Create a role for SAML 2.0 federation (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_policy-examples.html':
		'Example policies for IAM roles (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html':
		'Create an OpenID Connect (OIDC) identity provider in IAM (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html':
		'Create a SAML identity provider in IAM (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-saml.html':
		'Enable SAML 2.0 federated principals to access the AWS Management Console (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html':
		'Roles terms and concepts (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html':
		'Update settings for a role (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html':
		'Update a role trust policy (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html':
		'Grant a user permissions to pass a role to an AWS service (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html':
		'Switch from a user to an IAM role in the console (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html':
		'IAM policy elements: Variables and tags (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html':
		'IAM JSON policy elements: Condition operators (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html':
		'AWS JSON policy elements: Principal (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html':
		'Amazon S3: Allows Amazon Cognito users to access objects in their bucket (IAM User Guide)',
	'https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_cross-account-with-roles.html':
		'IAM tutorial: Delegate access across AWS accounts using IAM roles (IAM User Guide)',
	'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/permission-to-pass-iam-roles.html':
		'Grant permissions to attach an IAM role to an instance (Amazon EC2 User Guide)',
	'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html':
		'Use an IAM role in the AWS CLI (AWS CLI User Guide)',
	'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html':
		'Defining Lambda function permissions with an execution role (AWS Lambda Developer Guide)',
	'https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html':
		'Standardized credential providers (AWS SDKs and Tools Reference Guide)',
	'https://repost.aws/knowledge-center/iam-assume-role-error':
		'Troubleshoot errors when you assume an IAM role (AWS re:Post Knowledge Center)'
};
