/**
 * The ARNs of every AWS managed policy stand-in (managed-policies.ts, more-managed-policies.ts), known
 * without loading the documents: the scenario schema accepts them where a policy is expected (a
 * user's or role's `policies:`, `attach.policy`). managed-policies.test.ts keeps the list equal to
 * the stand-ins. A module of its own: the schema needs the names, the simulator page's engine not.
 */
export const AWS_MANAGED_POLICY_ARNS: readonly string[] = [
	'AdministratorAccess',
	'AmazonS3ReadOnlyAccess',
	'AmazonS3FullAccess',
	'PowerUserAccess',
	'ReadOnlyAccess',
	'IAMReadOnlyAccess',
	'IAMFullAccess',
	'AmazonEC2ReadOnlyAccess',
	'AmazonEC2FullAccess',
	'AmazonDynamoDBReadOnlyAccess',
	'AmazonDynamoDBFullAccess',
	'AmazonSQSFullAccess',
	'AmazonSQSReadOnlyAccess',
	'AmazonSNSFullAccess',
	'AmazonSNSReadOnlyAccess',
	'AWSLambda_FullAccess',
	'AWSLambda_ReadOnlyAccess',
	'SecretsManagerReadWrite',
	'CloudWatchReadOnlyAccess',
	'AmazonSSMReadOnlyAccess',
	'AWSDenyAll',
	'service-role/AWSLambdaBasicExecutionRole'
].map((name) => `arn:aws:iam::aws:policy/${name}`);
