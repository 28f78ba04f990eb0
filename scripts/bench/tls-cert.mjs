// A throwaway self-signed certificate for 127.0.0.1, so that the bench can serve the build over
// HTTPS + HTTP/2 as a static host does (Chromium is started with --ignore-certificate-errors).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @returns {{ key: string, cert: string }} */
export function selfSignedCert() {
	const dir = mkdtempSync(join(tmpdir(), 'sts-bench-tls-'));
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
				'-days',
				'2',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1'
			],
			{ stdio: 'ignore' }
		);
		return {
			key: readFileSync(join(dir, 'key.pem'), 'utf8'),
			cert: readFileSync(join(dir, 'cert.pem'), 'utf8')
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
