// Disables the links the core marked "block" in a suspicious or dangerous message, so a
// click goes nowhere: the href and the site's own redirect attributes (Gmail's
// data-saferedirecturl, OWA's originalsrc) are removed and clicks are stopped in the
// capture phase before the site's handlers see them. "keep" links stay untouched.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.links) return;
  const dom = cg.dom;
  const t = cg.platform.t;

  const REDIRECT_ATTRIBUTES = ['data-saferedirecturl', 'originalsrc'];
  const BLOCKED = 'a[data-codeguard-link="blocked"]';

  function stop(event) {
    const target = event.target;
    if (target && target.closest && target.closest(BLOCKED)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }
  // Registered on window in the capture phase: the earliest point a page event reaches.
  for (const type of ['click', 'auxclick', 'mousedown', 'keydown']) {
    window.addEventListener(type, (event) => {
      if (type === 'keydown' && event.key !== 'Enter') return;
      stop(event);
    }, true);
  }

  function block(a) {
    if (a.getAttribute('data-codeguard-link') === 'blocked' && !a.hasAttribute('href')) return;
    if (!dom.originals.has(a)) {
      dom.originals.set(a, {
        href: a.getAttribute('href') || '',
        wrapped: a.getAttribute('data-saferedirecturl'),
        title: a.getAttribute('title'),
      });
    }
    a.removeAttribute('href');
    for (const name of REDIRECT_ATTRIBUTES) a.removeAttribute(name);
    a.setAttribute('data-codeguard-link', 'blocked');
    a.setAttribute('aria-disabled', 'true');
    a.setAttribute('role', 'link');
    a.setAttribute('title', t('link_blocked_title'));
  }

  // Undoes block() when the person turns codeguard off for this site.
  function unblock(a) {
    const saved = dom.originals.get(a);
    if (!saved) return;
    a.setAttribute('href', saved.href);
    if (saved.wrapped) a.setAttribute('data-saferedirecturl', saved.wrapped);
    if (saved.title === null) a.removeAttribute('title');
    else a.setAttribute('title', saved.title);
    a.removeAttribute('data-codeguard-link');
    a.removeAttribute('aria-disabled');
    a.removeAttribute('role');
    dom.originals.delete(a);
  }

  // Applies the verdict's link actions to the message's link elements (same order as read).
  function apply(elements, verdict) {
    if (!cg.verdictView.isWarning(verdict.level)) return 0;
    let blocked = 0;
    for (const judged of verdict.links || []) {
      const a = elements[judged.index];
      if (a && judged.action === 'block') {
        block(a);
        blocked++;
      }
    }
    return blocked;
  }

  cg.links = { apply, unblock, BLOCKED };
})();
