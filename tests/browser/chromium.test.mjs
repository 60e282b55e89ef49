// Browser tests in real headless Chromium (Debian's package) with dist/extension loaded.
import { browserSuite, languageSuite } from './lib/suite.mjs';
import { pageVsCliSuite } from './lib/page-vs-cli.mjs';
import { launchChromium } from './lib/chromium.mjs';

browserSuite('chromium', (o) => launchChromium(o), { requestLog: true, strictCspCore: 'background' });
languageSuite('chromium', (o) => launchChromium(o));
pageVsCliSuite('chromium', (o) => launchChromium(o));
