/**
 * The contract's Expectations table (docs/reference/simulator-scenarios.md): how each `expect`
 * key is compared with what a call did.
 */
import type { StepExpectation } from '../content/scenario-schema';
import { ERROR_CODE_ALIASES, SERVICE_DENIAL_CODES } from './aws-errors';
import type { CallOutcome } from './sim-outcomes';

export interface ExpectationCheck {
	key: keyof StepExpectation;
	expected: unknown;
	actual: unknown;
	pass: boolean;
}

/** `*` matches any run of characters (the contract's userId patterns such as AROA*:session). */
export function globMatches(pattern: string, text: string): boolean {
	const regex = new RegExp(
		`^${pattern
			.split('*')
			.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
			.join('.*')}$`
	);
	return regex.test(text);
}

const canonicalCode = (code: string) => ERROR_CODE_ALIASES[code] ?? code;

/**
 * Does the expected code match the error? Besides the code itself (or an SDK alias of it), a denied
 * service action (reported as AccessDenied) matches the code that service documents for a denial,
 * e.g. EC2's UnauthorizedOperation (SERVICE_DENIAL_CODES, aws-errors.ts).
 */
function errorMatches(expected: string, outcome: CallOutcome): boolean {
	const code = outcome.error?.code;
	if (code === canonicalCode(expected)) return true;
	if (code !== 'AccessDenied' || outcome.allowed !== false || !outcome.action) return false;
	const service = outcome.action.split(':')[0].toLowerCase();
	return SERVICE_DENIAL_CODES[service]?.includes(expected) === true;
}

/**
 * Does the error message contain the expected text? Services word the same denial with small
 * differences that carry no meaning: S3 quotes the resource ARN (`on resource: "arn:aws:s3:::b/k"`),
 * SNS writes `SNS:Publish` and SQS `sqs:sendmessage`. An author copying one service's page, or the
 * generic IAM wording, should not fail on those: when the text is not found as written, it is
 * looked for again with double quotes left out and letter case ignored, on both sides.
 */
export function messageMatches(message: string | undefined, text: string): boolean {
	if (message === undefined) return false;
	if (message.includes(text)) return true;
	const loose = (s: string) => s.replaceAll('"', '').toLowerCase();
	return loose(message).includes(loose(text));
}

export function checkExpectations(
	expect: StepExpectation,
	outcome: CallOutcome
): ExpectationCheck[] {
	const f = outcome.facts;
	const expiresIn = f.expiresAt !== undefined ? f.expiresAt - outcome.at : undefined;
	const checks: ExpectationCheck[] = [];
	const add = (key: keyof StepExpectation, expected: unknown, actual: unknown, pass: boolean) =>
		checks.push({ key, expected, actual, pass });
	if (expect.ok !== undefined)
		add(
			'ok',
			expect.ok,
			outcome.ok,
			outcome.simulatorError === undefined && outcome.ok === expect.ok
		);
	if (expect.error !== undefined)
		add('error', expect.error, outcome.error?.code, errorMatches(expect.error, outcome));
	if (expect.allowed !== undefined)
		add('allowed', expect.allowed, outcome.allowed, outcome.allowed === expect.allowed);
	if (expect.expiresIn !== undefined)
		add('expiresIn', expect.expiresIn, expiresIn, expiresIn === expect.expiresIn);
	if (expect.accessKeyPrefix !== undefined)
		add(
			'accessKeyPrefix',
			expect.accessKeyPrefix,
			f.accessKeyId?.slice(0, 4),
			f.accessKeyId?.startsWith(expect.accessKeyPrefix) === true
		);
	if (expect.arn !== undefined) add('arn', expect.arn, f.arn, f.arn === expect.arn);
	if (expect.account !== undefined)
		add('account', expect.account, f.account, f.account === expect.account);
	if (expect.userId !== undefined)
		add(
			'userId',
			expect.userId,
			f.userId,
			f.userId !== undefined && globMatches(expect.userId, f.userId)
		);
	if (expect.messageIncludes !== undefined) {
		const message = outcome.error?.message;
		add(
			'messageIncludes',
			expect.messageIncludes,
			message,
			messageMatches(message, expect.messageIncludes)
		);
	}
	return checks;
}
