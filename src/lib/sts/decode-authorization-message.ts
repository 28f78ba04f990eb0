/**
 * DecodeAuthorizationMessage (sts-facts §4, §13; MODEL): decodes the encoded authorization failure
 * message that some operations return with a denial (in the simulator: denied ec2:* actions, see
 * authorization-message.ts). The caller needs sts:DecodeAuthorizationMessage, because the message
 * can hold privileged details. A message AWS did not issue is InvalidAuthorizationMessageException.
 */
import { authenticated, fail, type ApiHandler } from './api-support';
import { decodeAuthorizationMessage as decode } from './authorization-message';
import { awsError, messages } from './aws-errors';
import { explanation } from './explanation';
import { operationDenied } from './operation-permission';
import { validateParams } from './validate-params';

export const decodeAuthorizationMessage: ApiHandler = (ctx, resolution) => {
	const auth = authenticated(resolution, 'DecodeAuthorizationMessage');
	if ('failure' in auth) return auth.failure;
	const invalid = validateParams('DecodeAuthorizationMessage', ctx.params);
	if (invalid)
		return fail(invalid, 'EncodedMessage breaks the STS model constraint (1–10240 characters).', [
			'§13'
		]);
	const denied = operationDenied(ctx, resolution, 'DecodeAuthorizationMessage');
	if (denied) return denied;
	const decoded = decode(String(ctx.params.EncodedMessage));
	if (!decoded)
		return fail(
			awsError('InvalidAuthorizationMessageException', messages.invalidAuthorizationMessage),
			'The caller may decode messages, but this text is not an encoded authorization message AWS issued (here: one that a denied EC2 action returned), or it was cut or changed.',
			['§4', '§13']
		);
	const c = decoded.context;
	const deciding = decoded.matchedStatements.items;
	return {
		ok: true,
		response: { DecodedMessage: JSON.stringify(decoded) },
		explanation: explanation(
			`${c.principal.arn} was denied ${c.action} on ${c.resource} ${
				decoded.explicitDeny
					? `by an explicit deny${deciding.length ? ` (${deciding.map((s) => `${s.policy}${s.statementId ? ` ${s.statementId}` : ''}`).join(', ')})` : ''}`
					: 'because no policy allowed it (no explicit deny: add an Allow)'
			}.`,
			{
				details: [
					`The request context had ${c.conditions.items.length} condition keys: ${c.conditions.items.map((i) => i.key).join(', ')}.`,
					'Only principals allowed sts:DecodeAuthorizationMessage can read this, because it reveals the policies and context behind a denial (MODEL). AWS encrypts the message; the simulator only encodes it.'
				],
				facts: ['§13']
			}
		)
	};
};
