/**
 * GetAccessKeyInfo (sts-facts §10, §13; API-GAKI): which account an access key ID belongs to.
 * "This operation does not indicate the state of the access key. The key might be active,
 * inactive, or deleted": an expired temporary key is still answered. It needs
 * sts:GetAccessKeyInfo like any action (operation-permission.ts).
 */
import { keyOwner } from './access-key-account';
import { authenticated, fail, simulatorFailure, type ApiHandler } from './api-support';
import { explanation } from './explanation';
import { operationDenied } from './operation-permission';
import { validateParams } from './validate-params';

export const getAccessKeyInfo: ApiHandler = (ctx, resolution) => {
	const auth = authenticated(resolution, 'GetAccessKeyInfo');
	if ('failure' in auth) return auth.failure;
	const invalid = validateParams('GetAccessKeyInfo', ctx.params);
	if (invalid)
		return fail(
			invalid,
			'AccessKeyId breaks the STS model constraint (16–128 letters and digits).',
			['§13']
		);
	const denied = operationDenied(ctx, resolution, 'GetAccessKeyInfo');
	if (denied) return denied;
	const keyId = String(ctx.params.AccessKeyId);
	const owner = keyOwner(ctx.world, ctx.credentials ?? [], keyId);
	if (owner.account === undefined)
		return simulatorFailure(
			`${keyId} is not a key of this world, and its characters do not encode an account number to read`
		);
	const prefix = keyId.slice(0, 4).toUpperCase();
	const kind =
		prefix === 'ASIA'
			? 'ASIA: temporary credentials created by an STS operation'
			: prefix === 'AKIA'
				? 'AKIA: a long-term key of an IAM user or the root user'
				: `${prefix}: not an access key prefix (AKIA long-term, ASIA temporary)`;
	return {
		ok: true,
		response: { Account: owner.account },
		explanation: explanation(
			owner.known
				? `${keyId} is ${owner.holder}, so GetAccessKeyInfo answers account ${owner.account}.`
				: `${keyId} belongs to no one in this simulated world. AWS answers with the account that owns the key; the simulator reads the account number that newer key IDs carry in their characters (observed by security researchers, not documented by AWS): ${owner.account}.`,
			{
				details: [
					`Prefix ${kind} (sts-facts §10).`,
					'The answer says nothing about whether the key is active, inactive or deleted, or what it may do (API-GAKI). To find who owns an AKIA key, the account owner checks the credential report; for an ASIA key, the STS events in CloudTrail.'
				],
				facts: ['§10', '§13']
			}
		)
	};
};
