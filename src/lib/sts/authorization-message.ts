/**
 * Encoded authorization failure messages (sts-facts §4 InvalidAuthorizationMessageException, §13;
 * MODEL DecodeAuthorizationMessage): some operations answer a denial with "Encoded authorization
 * failure message: …", which a principal allowed sts:DecodeAuthorizationMessage can decode into
 * whether an explicit deny or a missing allow decided, the principal, the action, the resource and
 * the condition key values of the request. EC2 is the service that does this (its
 * UnauthorizedOperation errors: "You are not authorized to perform this operation. Encoded
 * authorization failure message: …", AWS re:Post "decode an encoded authorization failure message").
 *
 * AWS encrypts the message; the simulator only encodes it (base64 of the decoded JSON), so that
 * DecodeAuthorizationMessage can read it back without keeping state. The decoded shape follows the
 * one AWS returns (items lists, as in AWS's knowledge-centre example).
 */
import { base64ToText, textToBase64 } from './base64';
import type { ContextValues } from './policy-evaluation';

/** The services whose denials carry an encoded message. */
export const ENCODED_MESSAGE_SERVICES: ReadonlySet<string> = new Set(['ec2']);

type Items<T> = { items: T[] };

export interface MatchedStatement {
	statementId: string;
	effect: 'ALLOW' | 'DENY';
	/** The policy the statement is in (not in AWS's shape; helps the learner find it). */
	policy: string;
	actions: Items<{ value: string }>;
	resources: Items<{ value: string }>;
}

export interface DecodedAuthorizationMessage {
	allowed: false;
	explicitDeny: boolean;
	matchedStatements: Items<MatchedStatement>;
	failures: Items<never>;
	context: {
		principal: { id: string; name?: string; arn: string };
		action: string;
		resource: string;
		conditions: Items<{ key: string; values: Items<{ value: string }> }>;
	};
}

/** The marker that tells this simulator's messages from other text. */
const PREFIX = 'sim1.';

export function conditionItems(
	context: ContextValues
): DecodedAuthorizationMessage['context']['conditions'] {
	return {
		items: Object.entries(context).map(([key, v]) => ({
			key,
			values: { items: (Array.isArray(v) ? v : [v]).map((value) => ({ value })) }
		}))
	};
}

export function encodeAuthorizationMessage(message: DecodedAuthorizationMessage): string {
	return PREFIX + textToBase64(JSON.stringify(message));
}

/** The message an encoded text stands for; undefined when AWS (here: the simulator) did not issue it. */
export function decodeAuthorizationMessage(text: string): DecodedAuthorizationMessage | undefined {
	// MODEL InvalidAuthorizationMessageException: "This can happen if the token contains invalid
	// characters, such as line breaks"; the encoded message has no whitespace anywhere.
	if (/\s/.test(text)) return undefined;
	const trimmed = text;
	if (!trimmed.startsWith(PREFIX)) return undefined;
	try {
		const m = JSON.parse(base64ToText(trimmed.slice(PREFIX.length))) as DecodedAuthorizationMessage;
		const ok =
			m !== null &&
			typeof m === 'object' &&
			m.allowed === false &&
			typeof m.explicitDeny === 'boolean' &&
			typeof m.context?.action === 'string' &&
			typeof m.context?.principal?.arn === 'string';
		return ok ? m : undefined;
	} catch {
		return undefined;
	}
}
