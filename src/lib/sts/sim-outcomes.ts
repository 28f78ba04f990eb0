/**
 * What each simulator action reports: the shapes the runner, the CLI and the UI read.
 */
import type { StsApi } from './api-model';
import type { CallRequest, StsResponse } from './api-support';
import type { AwsError } from './aws-errors';
import type { Instant } from './clock';
import type { Explanation } from './explanation';

export interface CallOutcome {
	kind: 'call';
	at: Instant;
	request: CallRequest;
	/** The STS API called, or the service action authorised. */
	api?: StsApi;
	action?: string;
	ok: boolean;
	error?: AwsError;
	/** The simulator could not run the call (unsupported action, missing saved credentials…): not an AWS answer. */
	simulatorError?: string;
	/** The authorisation decision: service actions always; API calls when they succeed or fail with AccessDenied. */
	allowed?: boolean;
	response?: StsResponse;
	/** Access key ID of credentials issued by this call. */
	issued?: string;
	/** What the runner and UI compare: the session's ARN, user ID, account and expiry. */
	facts: {
		arn?: string;
		userId?: string;
		account?: string;
		accessKeyId?: string;
		expiresAt?: Instant;
	};
	/** The MFA one-time code (mfaCodeKey) this successful call used up (sts-facts §4: a reused TOTP fails). */
	mfaCodeUsed?: string;
	explanation: Explanation;
}

export interface ClockOutcome {
	kind: 'advance';
	at: Instant;
	seconds: number;
	/** Credentials that expired during this advance. */
	expired: string[];
	explanation: Explanation;
}

export interface AdminOutcome {
	kind: 'revoke' | 'attach' | 'policy-edit';
	at: Instant;
	target: string;
	ok: boolean;
	error?: string;
	explanation: Explanation;
}

export type Outcome = CallOutcome | ClockOutcome | AdminOutcome;
