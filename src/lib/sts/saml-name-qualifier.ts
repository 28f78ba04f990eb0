// SHA-1 from @noble/hashes (audited, synchronous, so the engine stays synchronous in the browser).
// A module of its own so that only AssumeRoleWithSAML's chunk carries the hash code: the
// simulator page loads that operation on demand (api-loaders.ts).
import { sha1 } from '@noble/hashes/legacy.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesToBase64 } from './base64';

/**
 * The SAML NameQualifier (sts-facts §3.1; API-SAML response, IAM-STSCK saml:namequalifier):
 * BASE64(SHA1(Issuer + AccountId + "/" + ProviderFriendlyName)).
 */
export function samlNameQualifier(issuer: string, account: string, providerName: string): string {
	return bytesToBase64(sha1(utf8ToBytes(`${issuer}${account}/${providerName}`)));
}
