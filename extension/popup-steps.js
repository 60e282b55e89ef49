// The five steps for a person who keeps getting Microsoft code requests, as a checklist
// whose ticks persist in storage.local ("steps"). Each step links to Microsoft's own
// pages, taken by id from the core's one table of official pages.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  const { t, storageGet, storageSet } = cg.platform;
  const view = cg.verdictView;

  const KEY = 'steps';
  const STEPS = [
    { id: 'verify', pages: ['phishing_help'], local: '#raw' },
    { id: 'activity', pages: ['recent_activity', 'change_password', 'security_dashboard'] },
    { id: 'alias', pages: ['manage_aliases', 'two_step'] },
    { id: 'report', pages: ['report_unsafe_site', 'phishing_help'] },
    { id: 'support', pages: ['contact_support', 'recover_hacked', 'recovery_form'] },
  ];

  async function render(list, officialPages) {
    const byId = new Map((officialPages || []).map((p) => [p.id, p]));
    const ticks = (await storageGet(KEY))[KEY] || {};
    list.textContent = '';
    for (const step of STEPS) {
      const item = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'step-' + step.id;
      box.checked = Boolean(ticks[step.id]);
      box.addEventListener('change', async () => {
        const current = (await storageGet(KEY))[KEY] || {};
        current[step.id] = box.checked;
        await storageSet({ [KEY]: current });
      });
      const label = view.el(document, 'label', null, ' ' + t('step_' + step.id + '_title'));
      label.htmlFor = box.id;
      item.append(box, label, view.el(document, 'p', 'muted', t('step_' + step.id + '_text')));
      const pages = step.pages.map((id) => byId.get(id)).filter(Boolean);
      const links = view.officialLinks(document, pages);
      if (step.local) {
        const local = view.el(document, 'a', null, t('step_verify_local'));
        local.href = step.local;
        const li = document.createElement('li');
        li.append(local);
        links.prepend(li);
      }
      item.append(links);
      list.append(item);
    }
  }

  cg.steps = { render };
})();
