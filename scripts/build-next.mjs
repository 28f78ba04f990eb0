// Builds the app a second time, into build-next/ with its own version name, so that
// tests/e2e/update.test.ts can serve build/ (v1), then build-next/ (v2), at the same address and
// watch the app update. Run it after `npm run build`: v2 must be the newer build.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['run', 'build'], {
	stdio: 'inherit',
	env: { ...process.env, BUILD_DIR: 'build-next', BUILD_ID: `next-${Date.now()}` }
});
process.exit(result.status ?? 1);
