// The toolbar badge, codeguard's trusted surface (a mail can paint a fake banner, not
// this): the number is the distinct Microsoft code mails of the last 24 hours, for all
// tabs; the colour is the worst level of the message in view in each tab, and red in
// every tab while the repeated-code alarm holds.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.badge) return;
  const { api, t } = cg.platform;

  const COLOURS = {
    alarm: '#b3261e',
    dangerous: '#b3261e',
    suspicious: '#e37400',
    unverified: '#5f6368',
    genuine: '#137333',
    none: '#5f6368',
  };
  const ORDER = ['none', 'genuine', 'unverified', 'suspicious', 'dangerous'];

  function worstLevel(levels) {
    return levels.reduce((worst, level) => (ORDER.indexOf(level) > ORDER.indexOf(worst) ? level : worst), 'none');
  }

  function colourFor(level, alarm) {
    return alarm ? COLOURS.alarm : COLOURS[level] || COLOURS.none;
  }

  // `tabs`: {tabId: {messages: [{verdict}]}} for the tabs with mail in view.
  async function paint(alarmState, tabs) {
    const count = alarmState ? alarmState.count24h : 0;
    const alarm = Boolean(alarmState && alarmState.alarm);
    const calls = [
      api.action.setBadgeText({ text: count > 0 ? String(count) : '' }),
      api.action.setBadgeBackgroundColor({ color: colourFor('none', alarm) }),
      api.action.setTitle({ title: [t('badge_title', [String(count)]), alarm ? t('badge_alarm') : ''].filter(Boolean).join('\n') }),
    ];
    for (const [tabId, state] of Object.entries(tabs)) {
      const level = worstLevel((state.messages || []).map((m) => m.verdict.level));
      calls.push(api.action.setBadgeBackgroundColor({ tabId: Number(tabId), color: colourFor(level, alarm) }).catch(() => {}));
    }
    await Promise.all(calls);
  }

  cg.badge = { paint };
})();
