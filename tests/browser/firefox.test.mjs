// Browser tests in real headless Firefox ESR (Debian's package) with dist/extension installed
// as a temporary add-on through geckodriver.
import { browserSuite, languageSuite } from './lib/suite.mjs';
import { pageVsCliSuite } from './lib/page-vs-cli.mjs';
import { launchFirefox } from './lib/firefox.mjs';

browserSuite('firefox', (o) => launchFirefox(o), { strictCspCore: 'local' });
languageSuite('firefox', (o) => launchFirefox(o));
pageVsCliSuite('firefox', (o) => launchFirefox(o));
