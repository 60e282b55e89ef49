// The popup for people who use a keyboard, a screen reader or dark mode (issue 4), in
// Chromium, where Playwright can press keys and switch the colour scheme.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EXT_DIR, checkExtensionBuilt, waitUntil } from './lib/suite.mjs';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { launchChromium } from './lib/chromium.mjs';

/** Runs IN THE POPUP: every control and its accessible name (ARIA, label, or text). */
function controlsWithoutName() {
  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    const labelled = by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ') : '';
    const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
    return [el.getAttribute('aria-label'), labelled, labels, el.textContent, el.getAttribute('title'), el.getAttribute('alt')]
      .map((t) => (t || '').trim()).find((t) => t) || '';
  };
  const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], summary, svg')]
    .filter((el) => el.getAttribute('aria-hidden') !== 'true' && el.getClientRects().length > 0);
  return {
    count: controls.length,
    unnamed: controls.filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 120)),
  };
}

/** Runs IN THE POPUP: body text and background colours as [r, g, b]. */
function bodyColours() {
  const rgb = (c) => (c.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);
  const style = getComputedStyle(document.body);
  let bg = style.backgroundColor;
  if (/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) bg = getComputedStyle(document.documentElement).backgroundColor;
  return { text: rgb(style.color), background: rgb(bg) };
}

// WCAG relative luminance and contrast ratio.
const luminance = ([r, g, b]) => {
  const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('chromium popup accessibility', { timeout: 120000 }, () => {
  let server;
  let driver;
  let popup;
  before(async () => {
    checkExtensionBuilt();
    server = await startFixtureServer();
    driver = await launchChromium({ extDir: EXT_DIR, port: server.port });
    popup = await driver.extensionPage('popup.html');
    await waitUntil('popup', () => popup.eval(() => document.body.hasAttribute('data-ready')), (r) => (r ? null : 'not ready'));
  });
  after(async () => {
    await popup?.close();
    await driver?.close();
    await server?.close();
  });

  it('every control and graphic has an accessible name', async () => {
    const { count, unnamed } = await popup.eval(controlsWithoutName);
    assert.ok(count >= 10, `the popup shows its controls (${count} found)`);
    assert.deepEqual(unnamed, [], 'controls a screen reader could not name');
  });

  it('a step can be ticked with the keyboard alone, and the tick persists', async () => {
    const page = popup.page;
    await page.evaluate(() => document.activeElement?.blur());
    let focused = '';
    for (let i = 0; i < 100 && focused !== 'step-verify'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id || '');
    }
    assert.equal(focused, 'step-verify', 'Tab reaches the first step');
    const before = await page.evaluate(() => document.getElementById('step-verify').checked);
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.getElementById('step-verify').checked), !before);
    await page.reload();
    await waitUntil('popup again', () => page.evaluate(() => document.body.hasAttribute('data-ready')), (r) => (r ? null : 'not ready'));
    await waitUntil('persisted tick', () => page.evaluate(() => document.getElementById('step-verify')?.checked),
      (checked) => (checked === !before ? null : 'the tick did not persist'));
  });

  it('is readable in dark and light mode', async () => {
    const page = popup.page;
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(bodyColours);
    assert.ok(luminance(dark.background) < 0.2, `dark background in dark mode: ${dark.background}`);
    assert.ok(contrast(dark.text, dark.background) >= 4.5, `text contrast in dark mode ${contrast(dark.text, dark.background).toFixed(1)}`);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(bodyColours);
    assert.ok(luminance(light.background) > 0.6, `light background in light mode: ${light.background}`);
    assert.ok(contrast(light.text, light.background) >= 4.5, `text contrast in light mode ${contrast(light.text, light.background).toFixed(1)}`);
  });
});
