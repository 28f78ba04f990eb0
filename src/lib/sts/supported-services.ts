/**
 * The AWS services whose actions the simulator can authorise. Their IAM data (actions,
 * resource types, condition keys) is copied into static/iam-data by scripts/copy-iam-data.mjs,
 * which imports this list, so the browser only downloads what the simulator can use.
 */
export const SUPPORTED_SERVICES = [
	'sts',
	's3',
	'iam',
	'dynamodb',
	'ec2',
	'lambda',
	'sqs',
	'sns',
	'kms',
	'logs',
	'cloudwatch',
	'secretsmanager',
	'ssm',
	'cognito-identity'
] as const;

export type SupportedService = (typeof SUPPORTED_SERVICES)[number];

export function isSupportedService(service: string): service is SupportedService {
	return (SUPPORTED_SERVICES as readonly string[]).includes(service.toLowerCase());
}

/** The service prefix of `s3:GetObject`, lower-cased; undefined for text that is not `service:Action`. */
export function serviceOf(action: string): string | undefined {
	const m = /^([a-zA-Z0-9-]+):[A-Za-z0-9*?]+$/.exec(action);
	return m ? m[1].toLowerCase() : undefined;
}
