/**
 * Further stand-ins for AWS managed policies (PolicyArns). Kept out of the engine's main chunk:
 * the browser loads them with the policy parser when a call sends Policy or PolicyArns
 * (api-loaders.ts); all-apis.ts registers them in Node.
 */
import type { PolicyStatement } from './policy-model';
import type { NamedPolicy } from './world';

/** A stand-in: an AWS managed policy's statements, abridged to the services the simulator knows. */
function managed(name: string, ...statements: PolicyStatement[]): [string, NamedPolicy] {
	return [
		`arn:aws:iam::aws:policy/${name}`,
		{ name, origin: 'managed', document: { Version: '2012-10-17', Statement: statements } }
	];
}
/** A stand-in whose ARN has a path, e.g. arn:aws:iam::aws:policy/service-role/NAME. */
function managedAt(
	path: string,
	name: string,
	...statements: PolicyStatement[]
): [string, NamedPolicy] {
	const [, policy] = managed(name, ...statements);
	return [`arn:aws:iam::aws:policy${path}${name}`, policy];
}
const allow = (Action: string | string[]): PolicyStatement => ({
	Effect: 'Allow',
	Action,
	Resource: '*'
});

/**
 * More stand-ins that documentation cases name (IAM "AWS managed policies for job functions" and
 * each service's managed policies). Documents as AWS publishes them where they are short
 * (PowerUserAccess, IAMReadOnlyAccess, IAMFullAccess, AmazonEC2ReadOnlyAccess), otherwise abridged
 * to the read or full actions of the services involved. ReadOnlyAccess grants reads across every
 * service; here it covers the supported services' read actions (never secretsmanager:GetSecretValue).
 */
export const MORE_MANAGED_POLICIES: Record<string, NamedPolicy> = Object.fromEntries([
	managed(
		'PowerUserAccess',
		{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
		allow([
			'account:GetAccountInformation',
			'account:GetPrimaryEmail',
			'account:ListRegions',
			'iam:CreateServiceLinkedRole',
			'iam:DeleteServiceLinkedRole',
			'iam:ListRoles',
			'organizations:DescribeOrganization'
		])
	),
	managed(
		'ReadOnlyAccess',
		allow([
			'cloudwatch:Describe*',
			'cloudwatch:Get*',
			'cloudwatch:List*',
			'cognito-identity:Describe*',
			'cognito-identity:List*',
			'dynamodb:BatchGet*',
			'dynamodb:Describe*',
			'dynamodb:Get*',
			'dynamodb:List*',
			'dynamodb:Query',
			'dynamodb:Scan',
			'ec2:Describe*',
			'ec2:Get*',
			'iam:Generate*',
			'iam:Get*',
			'iam:List*',
			'iam:Simulate*',
			'kms:Describe*',
			'kms:Get*',
			'kms:List*',
			'lambda:Get*',
			'lambda:List*',
			'logs:Describe*',
			'logs:FilterLogEvents',
			'logs:Get*',
			'logs:List*',
			's3:Describe*',
			's3:Get*',
			's3:List*',
			'secretsmanager:Describe*',
			'secretsmanager:GetResourcePolicy',
			'secretsmanager:List*',
			'sns:Get*',
			'sns:List*',
			'sqs:Get*',
			'sqs:List*',
			'ssm:Describe*',
			'ssm:Get*',
			'ssm:List*',
			'sts:GetCallerIdentity'
		])
	),
	managed(
		'IAMReadOnlyAccess',
		allow([
			'iam:GenerateCredentialReport',
			'iam:GenerateServiceLastAccessedDetails',
			'iam:Get*',
			'iam:List*',
			'iam:SimulateCustomPolicy',
			'iam:SimulatePrincipalPolicy'
		])
	),
	managed(
		'IAMFullAccess',
		allow([
			'iam:*',
			'organizations:DescribeAccount',
			'organizations:DescribeOrganization',
			'organizations:DescribeOrganizationalUnit',
			'organizations:DescribePolicy',
			'organizations:ListChildren',
			'organizations:ListParents',
			'organizations:ListPoliciesForTarget',
			'organizations:ListRoots',
			'organizations:ListPolicies',
			'organizations:ListTargetsForPolicy'
		])
	),
	managed(
		'AmazonEC2ReadOnlyAccess',
		allow('ec2:Describe*'),
		allow('elasticloadbalancing:Describe*'),
		allow(['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*']),
		allow('autoscaling:Describe*')
	),
	managed(
		'AmazonEC2FullAccess',
		allow(['ec2:*', 'elasticloadbalancing:*', 'cloudwatch:*', 'autoscaling:*'])
	),
	managed(
		'AmazonDynamoDBReadOnlyAccess',
		allow([
			'dynamodb:BatchGetItem',
			'dynamodb:Describe*',
			'dynamodb:GetItem',
			'dynamodb:List*',
			'dynamodb:PartiQLSelect',
			'dynamodb:Query',
			'dynamodb:Scan',
			'cloudwatch:GetMetricStatistics',
			'cloudwatch:ListMetrics'
		])
	),
	managed('AmazonDynamoDBFullAccess', allow(['dynamodb:*', 'cloudwatch:*'])),
	managed('AmazonSQSFullAccess', allow('sqs:*')),
	managed(
		'AmazonSQSReadOnlyAccess',
		allow([
			'sqs:GetQueueAttributes',
			'sqs:GetQueueUrl',
			'sqs:ListDeadLetterSourceQueues',
			'sqs:ListQueues',
			'sqs:ListMessageMoveTasks',
			'sqs:ListQueueTags'
		])
	),
	managed('AmazonSNSFullAccess', allow('sns:*')),
	managed('AmazonSNSReadOnlyAccess', allow(['sns:GetTopicAttributes', 'sns:List*'])),
	managed('AWSLambda_FullAccess', allow(['lambda:*', 'logs:Describe*', 'logs:Get*'])),
	managed('AWSLambda_ReadOnlyAccess', allow(['lambda:Get*', 'lambda:List*'])),
	managed('SecretsManagerReadWrite', allow('secretsmanager:*')),
	managed(
		'CloudWatchReadOnlyAccess',
		allow([
			'cloudwatch:Describe*',
			'cloudwatch:Get*',
			'cloudwatch:List*',
			'logs:Get*',
			'logs:Describe*'
		])
	),
	managed('AmazonSSMReadOnlyAccess', allow(['ssm:Describe*', 'ssm:Get*', 'ssm:List*'])),
	// As AWS publishes them: AWSDenyAll (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDenyAll.html),
	// AWSLambdaBasicExecutionRole (https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html).
	managed('AWSDenyAll', { Effect: 'Deny', Action: '*', Resource: '*' }),
	managedAt(
		'/service-role/',
		'AWSLambdaBasicExecutionRole',
		allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])
	)
]);
