// What the browser tests open and what they expect, shared by the Chromium and Firefox suites.
// The expectations are the observable contract of extension/README.md ("Observable DOM contract"):
//   message root: data-codeguard-scanned="<level>"   banner host: data-codeguard-verdict="<level>"
//   each disabled link: data-codeguard-link="blocked"
import { GMAIL_HOST } from './fixture-server.mjs';

export const WARN_LEVELS = ['suspicious', 'dangerous'];

const gmail = (token) => `https://${GMAIL_HOST}/mail/u/0/#inbox/${token}`;
const live = (id) => `https://outlook.live.com/mail/0/inbox/id/${id}`;
const work = (host, id) => `https://${host}/mail/inbox/id/${id}`;

// Locators use the sites' own hooks: Gmail's data-message-id, Outlook's conversation id + the
// expanded message card.
export const MESSAGES = {
  gmailFake: { kind: 'gmail', id: '1812345678901230002', url: gmail('FMfcgzFixtureFakeCode'), thread: 'FMfcgzFixtureFakeCode',
    links: ['https://account-microsoft.verify-session.top/login?client=msa&e=co%2A%2A%2A%2A%2A', 'http://ms-activity-review.xyz/activity?id=88412'] },
  gmailFakeOlder: { kind: 'gmail', id: '1812345678901230001', thread: 'FMfcgzFixtureFakeCode',
    links: ['https://account-microsoft.verify-session.top/confirm?e=co%2A%2A%2A%2A%2A'] },
  gmailGenuine: { official: true, kind: 'gmail', id: '1812345678901230003', url: gmail('FMfcgzFixtureGenuine'), thread: 'FMfcgzFixtureGenuine',
    links: ['https://account.live.com/dp?ft=fixture-remove-0001', 'https://account.microsoft.com/activity'] },
  gmailOrdinary: { kind: 'gmail', id: '1812345678901230006', url: gmail('FMfcgzFixtureOrdinary'), thread: 'FMfcgzFixtureOrdinary',
    links: ['https://ramen-fixture.example.org/menu'] },
  gmailProven: { official: true, kind: 'gmail', id: '1812345678901230007', url: gmail('FMfcgzFixtureProven'), thread: 'FMfcgzFixtureProven',
    links: ['https://account.live.com/dp?ft=fixture-remove-0001', 'https://account.microsoft.com/activity'] },
  gmailSpoofed: { official: true, kind: 'gmail', id: '1812345678901230008', url: gmail('FMfcgzFixtureSpoofed'), thread: 'FMfcgzFixtureSpoofed',
    links: ['https://account.live.com/dp?ft=fixture-remove-0001', 'https://account.microsoft.com/activity'] },

  liveFake: { kind: 'outlook', convid: 'AQQkADAwATZiZmYAZC1fixtureFakeLive0001', url: live('AQQkADAwATZiZmYAZC1fixtureFakeLive0001'),
    links: ['https://account-live.cancel-request.click/c?u=co%2A%2A%2A%2A%2A', 'https://ms-account-support.help-desk-live.com/ticket'] },
  liveGenuine: { official: true, kind: 'outlook', convid: 'AQQkADAwATZiZmYAZC1fixtureGenuineLive02', url: live('AQQkADAwATZiZmYAZC1fixtureGenuineLive02'),
    links: ['https://account.live.com/dp?ft=fixture-remove-0002', 'https://account.microsoft.com/activity'] },
  liveFakeBanner: { kind: 'outlook', convid: 'AQQkADAwATZiZmYAZC1fixtureFakeBanner04', url: live('AQQkADAwATZiZmYAZC1fixtureFakeBanner04'),
    links: ['https://ms-verify.account-check.icu/v?id=615078'] },
  liveOrdinary: { kind: 'outlook', convid: 'AQQkADAwATZiZmYAZC1fixtureOrdinaryLive3', url: live('AQQkADAwATZiZmYAZC1fixtureOrdinaryLive3'),
    links: ['https://books-fixture.example.org/left-hand'] },
};
for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft']) {
  const key = { 'outlook.office.com': 'office', 'outlook.office365.com': 'office365', 'outlook.cloud.microsoft': 'cloud' }[host];
  MESSAGES[`${key}Fake`] = { kind: 'outlook', convid: 'AAQkAGFixtureFakeWork0001', url: work(host, 'AAQkAGFixtureFakeWork0001'), safeLinks: true,
    links: ['https://m365-secure.login-verify.cfd/auth?tenant=contoso', 'https://bit.ly/3FixtureMs365'] };
  MESSAGES[`${key}Genuine`] = { official: true, kind: 'outlook', convid: 'AAQkAGFixtureGenuineWork02', url: work(host, 'AAQkAGFixtureGenuineWork02'), safeLinks: true,
    links: ['https://account.live.com/dp?ft=fixture-remove-0002', 'https://account.microsoft.com/activity'] };
  MESSAGES[`${key}Ordinary`] = { kind: 'outlook', convid: 'AAQkAGFixtureOrdinaryWork3', url: work(host, 'AAQkAGFixtureOrdinaryWork3'), safeLinks: true,
    links: ['https://intranet-fixture.example.com/q3/notes'] };
}

/**
 * Runs IN THE PAGE (serialized with toString: no closures). Reads what the extension did to one
 * message: its scanned level, the banners around it, and each body link.
 */
export function probeMessage(loc) {
  let anchor = null;
  let scope = null;
  let body = null;
  if (loc.kind === 'gmail') {
    anchor = document.querySelector(`[data-message-id="#msg-f:${loc.id}"]`);
    if (!anchor) return { found: false, url: location.href };
    scope = anchor.closest('[role="listitem"]') || anchor;
    body = scope.querySelector('div.ii.gt:not([style*="display:none"]) > div.a3s');
  } else {
    const conv = document.querySelector(`#ConversationReadingPaneContainer[data-convid="${loc.convid}"]`);
    if (!conv) return { found: false, url: location.href };
    const cards = conv.querySelectorAll('[aria-label="Email message"][aria-expanded="true"]');
    anchor = cards[cards.length - 1];
    if (!anchor) return { found: false, url: location.href };
    scope = anchor;
    body = scope.querySelector('[id^="UniqueMessageBody"]');
  }
  const marked = anchor.closest('[data-codeguard-scanned]') || scope.querySelector('[data-codeguard-scanned]');
  const links = body ? [...body.querySelectorAll('a')].map((a) => ({
    href: a.getAttribute('href'),
    originalsrc: a.getAttribute('originalsrc'),
    text: a.textContent.trim().slice(0, 80),
    link: a.getAttribute('data-codeguard-link'),
    saferedirect: a.hasAttribute('data-saferedirecturl'),
  })) : null;
  return {
    found: true,
    url: location.href,
    scanned: marked ? marked.getAttribute('data-codeguard-scanned') : null,
    source: marked ? marked.getAttribute('data-codeguard-source') : null,
    banners: [...scope.querySelectorAll('[data-codeguard-verdict]')].map((b) => b.getAttribute('data-codeguard-verdict')),
    bannersInPage: document.querySelectorAll('[data-codeguard-verdict]').length,
    links,
  };
}

/**
 * Returns null when the state meets the expectation, else what is wrong (the poll goes on).
 * `expect` is a level, or 'warn' for suspicious-or-dangerous. Links: in a warned message every
 * non-official link is blocked (and loses Gmail's redirect); a message whose links are all
 * official (`msg.official`) keeps them whatever its level; so does every message not warned.
 */
export function checkExpectation(msg, expect, state) {
  if (!state.found) return 'message not in the page yet';
  if (state.scanned === null) return 'no data-codeguard-scanned on the message root';
  if (!state.links) return 'message body not found';
  if (state.links.length !== msg.links.length) return `expected ${msg.links.length} body links, saw ${state.links.length}`;
  if (expect === 'warn' ? !WARN_LEVELS.includes(state.scanned) : state.scanned !== expect) {
    return `level "${state.scanned}", expected ${expect === 'warn' ? 'suspicious or dangerous' : `"${expect}"`}`;
  }
  if (state.scanned === 'none') {
    if (state.bannersInPage !== 0) return `expected no banner in the page, saw ${state.bannersInPage}`;
  } else if (state.banners.length !== 1 || state.banners[0] !== state.scanned) {
    return `expected one "${state.scanned}" banner on the message, saw [${state.banners}]`;
  }
  if (WARN_LEVELS.includes(state.scanned) && !msg.official) {
    for (const l of state.links) {
      if (l.link !== 'blocked') return `link "${l.text}" not blocked (data-codeguard-link=${l.link})`;
      if (l.saferedirect) return `blocked link "${l.text}" still has Gmail's data-saferedirecturl`;
    }
    return null;
  }
  // Kept: every link exactly as the site rendered it (Safe Links: the original behind the wrapper).
  for (const [i, l] of state.links.entries()) {
    if (l.link !== null) return `link "${l.text}" marked data-codeguard-link=${l.link}, expected kept`;
    const target = msg.safeLinks ? l.originalsrc : l.href;
    if (target !== msg.links[i]) return `link ${i} changed: ${target} (expected ${msg.links[i]})`;
  }
  return null;
}

/** Runs IN THE PAGE: a click like a person's (Gmail list row, Outlook list option, collapsed message). */
export function clickSelector(selector) {
  const el = document.querySelector(selector);
  if (!el) return false;
  el.click();
  return true;
}
