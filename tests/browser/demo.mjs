// ./build.sh demo: Chromium with dist/extension on the local demo mailboxes (the test fixtures,
// served at the real host names), so a newcomer sees codeguard work without any account.
//   node demo.mjs window       a real browser window (needs a display); close it to stop
//   node demo.mjs screenshot   no display: headless, writes screenshots to dist/demo/
import fs from 'node:fs';
import path from 'node:path';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { MESSAGES } from './lib/scenarios.mjs';
import { EXT_DIR, checkExtensionBuilt, expectMessage } from './lib/suite.mjs';

const mode = process.argv[2] === 'screenshot' ? 'screenshot' : 'window';
checkExtensionBuilt();
let server;
try {
  server = await startFixtureServer({ port: 8443 });
} catch {
  server = await startFixtureServer({ port: 0 });
}

const tour = [
  ['Gmail: a fake "Microsoft account team" code mail', MESSAGES.gmailFake],
  ['Gmail: a genuine-looking code mail (proved by its original)', MESSAGES.gmailProven],
  ['Outlook.com: a fake single-use code mail', MESSAGES.liveFake],
  ['Outlook (work, Safe Links): a genuine-looking code mail', MESSAGES.officeGenuine],
];

if (mode === 'screenshot') {
  const out = path.resolve(EXT_DIR, '../demo');
  fs.mkdirSync(out, { recursive: true });
  const driver = await launchChromium({ extDir: EXT_DIR, port: server.port });
  try {
    for (const [i, [label, msg]] of tour.entries()) {
      await driver.open(msg.url);
      let note = '';
      try {
        await expectMessage(driver, msg, msg.official ? (msg === MESSAGES.gmailProven ? 'genuine' : 'unverified') : 'warn');
      } catch (e) {
        note = ` (not as expected: ${e.message.split('\n')[0]})`;
      }
      const file = path.join(out, `${i + 1}-${msg.url.split('/')[2]}.png`);
      await driver.screenshot(file);
      console.log(`${label}\n  ${msg.url}\n  -> ${path.relative(process.cwd(), file)}${note}`);
    }
  } finally {
    await driver.close();
    await server.close();
  }
  console.log(`
No display here, so the demo ran headless and wrote the screenshots above (dist/demo/).
To see it live: run ./build.sh demo in a desktop session (or over ssh -X), or load
dist/extension yourself (Chrome: chrome://extensions > Developer mode > Load unpacked;
Firefox: about:debugging > This Firefox > Load Temporary Add-on > dist/extension/manifest.json).
Without the fixture server, it works on your real Gmail / Outlook on the web.`);
} else {
  const driver = await launchChromium({ extDir: EXT_DIR, port: server.port, headless: false });
  const stop = async () => {
    await driver.close().catch(() => {});
    await server.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  driver.context.on('close', stop);
  await driver.page.goto(tour[0][1].url);
  for (const [, msg] of tour.slice(2)) {
    const page = await driver.context.newPage();
    await page.goto(msg.url);
  }
  await driver.page.bringToFront();
  console.log(`codeguard demo: Chromium is open with dist/extension on local demo mailboxes.
  Gmail:            https://mail.google.com/mail/u/0/#inbox/FMfcgzFixtureFakeCode
  Outlook.com:      https://outlook.live.com/mail/0/
  Outlook (work):   https://outlook.office.com/mail/
These names are served by a local fixture server (127.0.0.1:${server.port}); no real account and
no network are used. Click the messages in each list, and the codeguard toolbar icon for the
popup. Close the browser window (or press Ctrl-C here) to stop.`);
}
