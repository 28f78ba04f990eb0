/**
 * DecodeAuthorizationMessage (sts-facts §4, §13; MODEL): decodes the encoded authorization failure
 * message that some operations (EC2's, for example) return with a denial. The caller needs
 * sts:DecodeAuthorizationMessage, because the message can hold privileged details. No call in the
 * simulated world returns an encoded message, so none can be decoded: any EncodedMessage is one
 * AWS did not issue, and is answered with InvalidAuthorizationMessageException.
 */
import { authenticated, fail, type ApiHandler } from './api-support';
import { awsError, messages } from './aws-errors';
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
	return fail(
		awsError('InvalidAuthorizationMessageException', messages.invalidAuthorizationMessage),
		'The caller may decode messages, but this one was not issued by AWS: no call in this simulated world returns an encoded authorization message, so there is nothing it could decode.',
		['§4', '§13'],
		[
			'In AWS, operations such as EC2 RunInstances answer a denial with "Encoded authorization failure message: …". Decoding it shows whether an explicit deny or a missing allow decided, the principal, the action, the resource and the condition key values. Only principals allowed sts:DecodeAuthorizationMessage may decode it, because it can reveal privileged details (MODEL).'
		]
	);
};
