/**
 * Which account an access key ID belongs to, for GetAccessKeyInfo (sts-facts §10 credential
 * anatomy, §13; API-GAKI: "it returns the ID of the AWS account to which the keys belong").
 */
import type { IssuedCredentials } from './issued-credentials';
import { findIssued } from './caller';
import type { World } from './world';
import { findLongTermKey } from './world-lookup';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The account number that newer access key IDs carry in their characters: after the four-letter
 * prefix, base32-decoded, the first six bytes masked with 0x7fffffffff80, shifted right by 7. Observed by
 * security researchers, not documented by AWS [obs]: Aidan Steele, "Using AWS access key IDs to
 * find account IDs" (2020); Tal Be'ery, "A short note on AWS KEY ID" (2023). Undefined when the ID
 * is too short or not base32 after the prefix.
 */
export function accountEncodedInKeyId(keyId: string): string | undefined {
	const body = keyId.slice(4, 14).toUpperCase();
	if (body.length < 10) return undefined;
	let bits = 0n;
	for (const ch of body) {
		const v = BASE32.indexOf(ch);
		if (v < 0) return undefined;
		bits = (bits << 5n) | BigInt(v);
	}
	const firstSixBytes = bits >> 2n; // 50 bits decoded, the first 48 are six whole bytes
	return ((firstSixBytes & 0x7fffffffff80n) >> 7n).toString().padStart(12, '0');
}

export type KeyOwner =
	{ known: true; account: string; holder: string } | { known: false; account: string | undefined };

/** The owner of `keyId` in the simulated world, or the account the key ID itself encodes. */
export function keyOwner(
	world: World,
	credentials: readonly IssuedCredentials[],
	keyId: string
): KeyOwner {
	const longTerm = findLongTermKey(world, keyId);
	if (longTerm && 'user' in longTerm)
		return {
			known: true,
			account: longTerm.user.account,
			holder: `the long-term key of IAM user ${longTerm.user.arn}`
		};
	if (longTerm)
		return {
			known: true,
			account: longTerm.root.account,
			holder: `the root user's long-term key (${longTerm.root.arn})`
		};
	const issued = findIssued(credentials, keyId);
	if (issued)
		return {
			known: true,
			account: issued.identity.account,
			holder: `temporary credentials issued by ${issued.api} to ${issued.identity.arn}`
		};
	return { known: false, account: accountEncodedInKeyId(keyId) };
}
