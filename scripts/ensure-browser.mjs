// Checks that a Chromium for the browser tests exists. It never downloads one.
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
	console.error(`No Chromium found at ${path}.
The browser tests use the system Chromium; nothing is downloaded. Install it with:
  sudo apt-get update && sudo apt-get install -y chromium      (Debian/Ubuntu)
or point CHROME_PATH at an existing Chromium or Chrome binary:
  CHROME_PATH=/path/to/chrome npm test`);
	process.exit(1);
}
