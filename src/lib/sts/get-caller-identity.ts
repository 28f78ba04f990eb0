/**
 * GetCallerIdentity (sts-facts §9): needs no permission and ignores even an explicit deny, but
 * the credentials must be valid (ExpiredToken / InvalidClientTokenId otherwise, handled by
 * authentication).
 */
import { authenticated, type ApiHandler } from './api-support';
import { describeCaller } from './caller';
import { explanation } from './explanation';

export const getCallerIdentity: ApiHandler = (_ctx, resolution) => {
	const auth = authenticated(resolution, 'GetCallerIdentity');
	if ('failure' in auth) return auth.failure;
	const caller = auth.caller;
	// §9: UserId / Arn by principal type; a GetSessionToken session reports the underlying user.
	const identity =
		caller.kind === 'user'
			? { UserId: caller.user.userId, Account: caller.user.account, Arn: caller.user.arn }
			: caller.kind === 'root'
				? { UserId: caller.root.account, Account: caller.root.account, Arn: caller.root.arn }
				: {
						UserId: caller.creds.identity.userId,
						Account: caller.creds.identity.account,
						Arn: caller.creds.identity.arn
					};
	const note =
		caller.kind === 'session' && caller.creds.api === 'GetSessionToken'
			? ' GetSessionToken credentials report the IAM user itself (sts-facts §9).'
			: caller.kind === 'session' && caller.creds.identity.type === 'assumed-role'
				? ` A role session reports the assumed-role ARN (no role path) and UserId = role ID:session name (sts-facts §3, §9).${caller.creds.assumedByService ? ` The session was started by ${caller.creds.assumedByService} on your behalf and is named as that service chose (for EC2, the instance ID).` : ''}`
				: '';
	return {
		ok: true,
		response: identity,
		explanation: explanation(
			`The request is signed with ${describeCaller(caller)}, so AWS identifies it as ${identity.Arn}.${note}`,
			{
				details: [
					'GetCallerIdentity needs no permission; even an explicit deny on sts:GetCallerIdentity does not block it (sts-facts §9).'
				],
				facts: ['§9']
			}
		)
	};
};
