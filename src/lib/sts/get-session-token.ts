/**
 * GetSessionToken (sts-facts §2, §2.4, §3.1, §4, §9, §14.2). Long-term IAM user (or root)
 * credentials only; no permission is needed ("You cannot use policies to control authentication
 * operations"), so not even an explicit deny stops it.
 */
import {
	fail,
	authenticated,
	credentialsShape,
	mintCredentials,
	regionCheck,
	type ApiHandler
} from './api-support';
import { awsError, messages } from './aws-errors';
import { describeCaller, describeCallerAtStart } from './caller';
import { formatDuration } from './clock';
import { explanation } from './explanation';
import type { SessionIdentity } from './issued-credentials';
import { checkMfa, withMfaShorthand } from './mfa';
import { integerParam, validateParams } from './validate-params';

/** §2 table: IAM users 900..129600, default 43200; root max and default 3600. */
export const GST_DEFAULT_SECONDS = 43200;
export const ROOT_SESSION_MAX_SECONDS = 3600;

export const getSessionToken: ApiHandler = (ctx, resolution) => {
	const auth = authenticated(resolution, 'GetSessionToken');
	if ('failure' in auth) return auth.failure;
	const caller = auth.caller;
	const { world, now } = ctx;
	// §2.4 / §4: temporary credentials of any kind cannot call GetSessionToken.
	if (caller.kind === 'session') {
		return fail(
			awsError('AccessDenied', messages.sessionCredentialsNotAllowed('GetSessionToken')),
			`GetSessionToken must be called with an IAM user's (or root's) long-term access key; the caller used ${describeCaller(caller)} (sts-facts §2.4).`,
			['§2.4', '§4']
		);
	}
	const params = withMfaShorthand(ctx.params, ctx.request.mfa, caller, world, now);
	const invalid = validateParams('GetSessionToken', params);
	if (invalid)
		return fail(invalid, 'A parameter breaks the STS model constraints (sts-facts §3.1).', [
			'§3.1'
		]);
	const mfa = checkMfa(params, caller, world, now, ctx.usedMfaCodes);
	if (mfa.kind === 'invalid') {
		return fail(
			awsError('AccessDenied', messages.getSessionTokenMfaFailed),
			`The MFA check failed: ${mfa.reason} (sts-facts §4).`,
			['§4']
		);
	}
	const account = caller.kind === 'user' ? caller.user.account : caller.root.account;
	const region = regionCheck(world, account, ctx.region);
	if (region) return region;

	const requested = integerParam(params.DurationSeconds);
	const isRoot = caller.kind === 'root';
	// §2: for the root user a longer request is silently reduced to 1 h, not rejected.
	const duration = isRoot
		? Math.min(requested ?? ROOT_SESSION_MAX_SECONDS, ROOT_SESSION_MAX_SECONDS)
		: (requested ?? GST_DEFAULT_SECONDS);
	const identity: SessionIdentity =
		caller.kind === 'user'
			? {
					type: 'user',
					account,
					userName: caller.user.name,
					arn: caller.user.arn,
					userId: caller.user.userId
				}
			: { type: 'root', account, arn: caller.root.arn, userId: account };
	const creds = mintCredentials(ctx, {
		duration,
		api: 'GetSessionToken',
		identity,
		sessionPolicies: null,
		...(mfa.kind === 'valid' ? { mfaAuthenticatedAt: now } : {}),
		tags: {},
		transitiveTagKeys: [],
		chained: false,
		requestedBy: identity.arn
	});
	const details = [
		isRoot && requested !== undefined && requested > ROOT_SESSION_MAX_SECONDS
			? `You asked for ${formatDuration(requested)}; for the root user AWS silently reduces that to 1 h (sts-facts §2).`
			: '',
		mfa.kind === 'valid'
			? 'MFA was included, so requests signed with these credentials carry aws:MultiFactorAuthPresent = true and aws:MultiFactorAuthAge, and they may call IAM (sts-facts §2.4, §5).'
			: 'No MFA was included: these credentials cannot call IAM APIs (InvalidClientTokenId), and no STS API except AssumeRole and GetCallerIdentity (sts-facts §2.4).',
		'They carry the same permissions as the user; no sts:GetSessionToken permission was needed (sts-facts §2.4).'
	].filter(Boolean);
	return {
		ok: true,
		credentials: creds,
		response: { Credentials: credentialsShape(creds) },
		explanation: explanation(
			`${describeCallerAtStart(caller)} got session credentials for ${formatDuration(duration)}${requested === undefined ? ' (the default)' : ''}.`,
			{
				details,
				facts: ['§2', '§2.4']
			}
		)
	};
};
