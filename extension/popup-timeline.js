// The 30-day timeline of code requests in the popup, drawn as inline SVG from the core's
// AlarmState.timeline (rolling 24-hour slices, oldest first). Built with createElementNS:
// no markup strings anywhere in the extension.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  const t = cg.platform.t;
  const NS = 'http://www.w3.org/2000/svg';
  const WIDTH = 300;
  const HEIGHT = 90;
  const PLOT = 70;
  const MIN_SCALE = 3;

  function svgEl(tag, attributes) {
    const node = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    return node;
  }

  function dayLabel(ms) {
    return new Date(ms).toLocaleDateString(cg.platform.uiLanguage(), { month: 'short', day: 'numeric' });
  }

  function draw(container, timeline) {
    container.textContent = '';
    const days = Array.isArray(timeline) ? timeline : [];
    const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img', 'aria-labelledby': 'timeline-title' });
    const title = svgEl('title', { id: 'timeline-title' });
    const total = days.reduce((sum, d) => sum + d.total, 0);
    title.textContent = t('timeline_label', [String(days.length), String(total)]);
    svg.append(title);
    svg.append(svgEl('line', { class: 'axis', x1: 0, y1: PLOT + 0.5, x2: WIDTH, y2: PLOT + 0.5 }));

    const scale = Math.max(MIN_SCALE, ...days.map((d) => d.total));
    const slot = WIDTH / Math.max(days.length, 1);
    days.forEach((day, i) => {
      const x = i * slot + 1;
      const group = svgEl('g');
      const tip = svgEl('title');
      tip.textContent = t('timeline_day', [dayLabel(day.endMs), String(day.total), String(day.fake)]);
      group.append(tip);
      const fakeHeight = (day.fake / scale) * PLOT;
      const otherHeight = ((day.total - day.fake) / scale) * PLOT;
      if (otherHeight > 0) group.append(svgEl('rect', { class: 'bar', x, y: PLOT - fakeHeight - otherHeight, width: slot - 2, height: otherHeight }));
      if (fakeHeight > 0) group.append(svgEl('rect', { class: 'bar fake', x, y: PLOT - fakeHeight, width: slot - 2, height: fakeHeight }));
      svg.append(group);
    });
    if (days.length) {
      const first = svgEl('text', { x: 0, y: HEIGHT - 4 });
      first.textContent = dayLabel(days[0].endMs);
      const last = svgEl('text', { x: WIDTH, y: HEIGHT - 4, 'text-anchor': 'end' });
      last.textContent = t('timeline_today');
      svg.append(first, last);
    }
    container.append(svg);
  }

  cg.timeline = { draw };
})();
