/**
 * Session tags (sts-facts §3.3, IAM-TAGS): validation rules recorded against real AWS, and
 * transitive tags that persist along a role chain (sts-facts §2.2).
 */
import { awsError, messages } from './aws-errors';
import { fail, type ApiResult } from './api-support';
import type { IssuedCredentials } from './issued-credentials';
import type { TagParam } from './validate-params';

export interface SessionTags {
	tags: Record<string, string>;
	transitiveTagKeys: string[];
}

/** Tags the new session inherits: the calling session's transitive ones (sts-facts §2.2, §3.3). */
export function inheritedTags(callerCreds: IssuedCredentials | undefined): SessionTags {
	if (!callerCreds) return { tags: {}, transitiveTagKeys: [] };
	const keys = callerCreds.transitiveTagKeys;
	const tags: Record<string, string> = {};
	for (const [k, v] of Object.entries(callerCreds.tags))
		if (keys.some((t) => t.toLowerCase() === k.toLowerCase())) tags[k] = v;
	return { tags, transitiveTagKeys: [...keys] };
}

/**
 * The first tag whose key or value begins with the reserved prefix aws: (IAM "Tagging rules",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html: "You cannot create a tag key or
 * value that begins with the text aws:. This tag prefix is reserved for AWS internal use.").
 */
export function reservedTag(tags: readonly TagParam[]): TagParam | undefined {
	return tags.find((t) => /^aws:/i.test(t.Key) || /^aws:/i.test(t.Value));
}

export function checkSessionTags(
	tags: readonly TagParam[],
	transitive: readonly string[],
	inherited: SessionTags
): ApiResult | undefined {
	const reserved = reservedTag(tags);
	if (reserved) {
		return fail(
			awsError('InvalidParameterValue', messages.reservedTagPrefix),
			`The session tag ${reserved.Key}=${reserved.Value} begins with aws:, a prefix reserved for AWS: "You cannot create a tag key or value that begins with the text aws:" (IAM "Tagging rules", which apply to session tags; sts-facts §3.3). The simulator answers InvalidParameterValue; AWS's code and wording for this case are not recorded.`,
			['§3.3']
		);
	}
	const lower = tags.map((t) => t.Key.toLowerCase());
	if (new Set(lower).size !== lower.length) {
		return fail(
			awsError('InvalidParameterValue', messages.duplicateTagKeys),
			'Two session tags have the same key once case is ignored; tag keys are case-insensitive (sts-facts §3.3).',
			['§3.3']
		);
	}
	const missing = transitive.find((k) => !lower.includes(k.toLowerCase()));
	if (missing !== undefined) {
		return fail(
			awsError('InvalidParameterValue', messages.transitiveKeyNotInTags),
			`TransitiveTagKeys lists ${missing}, but no session tag has that key (compared case-insensitively, sts-facts §3.3).`,
			['§3.3']
		);
	}
	const conflict = tags.find((t) =>
		inherited.transitiveTagKeys.some((k) => k.toLowerCase() === t.Key.toLowerCase())
	);
	if (conflict) {
		return fail(
			awsError('InvalidParameterValue', messages.transitiveKeyConflict),
			`The calling session carries ${conflict.Key} as a transitive tag, which persists along the role chain and cannot be overridden (sts-facts §3.3).`,
			['§3.3', '§2.2']
		);
	}
	return undefined;
}

export function mergeSessionTags(
	tags: readonly TagParam[],
	transitive: readonly string[],
	inherited: SessionTags
): SessionTags {
	const merged: Record<string, string> = { ...inherited.tags };
	for (const t of tags) merged[t.Key] = t.Value;
	return { tags: merged, transitiveTagKeys: [...inherited.transitiveTagKeys, ...transitive] };
}

/** Request-tag condition keys evaluated with sts:TagSession (IAM-TAGS, sts-facts §5). */
export function requestTagKeys(
	tags: readonly TagParam[],
	transitive: readonly string[]
): Record<string, string | string[]> {
	const keys: Record<string, string | string[]> = {};
	if (tags.length === 0) return keys;
	for (const t of tags) keys[`aws:RequestTag/${t.Key}`] = t.Value;
	keys['aws:TagKeys'] = tags.map((t) => t.Key);
	if (transitive.length) keys['sts:TransitiveTagKeys'] = [...transitive];
	return keys;
}
