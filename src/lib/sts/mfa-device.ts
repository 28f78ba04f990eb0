/**
 * The simulated virtual MFA devices (the contract: a user with mfa: true has the device
 * arn:aws:iam::ACCOUNT:mfa/NAME). Codes are deterministic functions of the serial and the
 * simulated time, so a scenario can send "the current code" (sts-facts §3 TokenCode: 6 digits).
 */
import type { Instant } from './clock';

/** The simulated virtual MFA device: a TOTP-like 6-digit code that changes every 30 seconds. */
export function mfaCode(serial: string, now: Instant): string {
	const window = Math.floor(now / 30);
	let h = 2166136261;
	const text = `${serial}#${window}`;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return String((h >>> 0) % 1_000_000).padStart(6, '0');
}

/** AWS accepts the current code and, for clock skew, the previous one. */
export function mfaCodeIsValid(serial: string, code: string, now: Instant): boolean {
	return code === mfaCode(serial, now) || code === mfaCode(serial, now - 30);
}

/** A code guaranteed to be invalid now, for `mfa: wrong`. */
export function wrongMfaCode(serial: string, now: Instant): string {
	for (let n = 0; ; n++) {
		const candidate = String(
			(Number(mfaCode(serial, now)) + 111_111 * (n + 1)) % 1_000_000
		).padStart(6, '0');
		if (!mfaCodeIsValid(serial, candidate, now)) return candidate;
	}
}
