// DOM reading shared by the site adapters: ordered selector fallbacks, the message body
// as the browser renders it, and its links. Bounds on text, nodes and time keep a hostile
// 10 MB body from stalling the page.
(function () {
  'use strict';
  const cg = (globalThis.codeguard = globalThis.codeguard || {});
  if (cg.dom) return;

  const TEXT_MAX = 200000;
  const NODES_MAX = 50000;
  // The walk stops with what it has after this long (checked every 32 nodes), but never
  // before MIN_NODES: ordinary mail (a few hundred nodes) is read whole however busy the
  // machine is, so its verdict does not depend on the load; a node costs microseconds.
  const BUDGET_MS = 30;
  const MIN_NODES = 1000;
  const LINKS_MAX = 1000;
  const FIELD_MAX = 2000;
  const IMAGES_MAX = 200;
  const GEOMETRY_CHARS = 2000;
  // Disguises reported per kind at most, and hidden runs kept for the split-word check.
  const DISGUISES_MAX = 16;
  const RUNS_MAX = 2000;
  // Below these the browser paints nothing a person can read.
  const MIN_FONT_PX = 1;
  const MIN_OPACITY = 0.05;
  // Text whose colour is within this distance (0–255, per channel) of the background
  // behind it is camouflaged.
  const CAMOUFLAGE = 12;
  // Mail content this far left of / above the body, or beyond its right edge, is off-screen.
  const LEFT_SLACK_PX = 16;
  const RIGHT_REACH_PX = 2000;
  const SKIP = new Set(['style', 'script', 'noscript', 'template', 'head', 'title']);
  const WHITE = { r: 255, g: 255, b: 255, a: 1 };
  const LETTERS = /[\p{L}\p{N}]/u;
  const WORD_END = /[\p{L}\p{N}\p{M}]+$/u;
  const WORD_START = /^[\p{L}\p{N}\p{M}]+/u;
  // U+202E RIGHT-TO-LEFT OVERRIDE up to U+202C POP DIRECTIONAL FORMATTING or the line's end.
  const RLO_RUN = /\u202e([^\u202c\n]*)\u202c?/g;

  // Links keep their original href here once codeguard disables them, so re-reading a
  // processed message gives the same input (and the same cache key) as the first read.
  const originals = new WeakMap();

  function first(scope, selectors) {
    for (const selector of selectors) {
      const found = scope.querySelector(selector);
      if (found) return found;
    }
    return null;
  }

  function clipField(value) {
    const s = String(value ?? '').replace(/\s+/g, ' ').trim();
    return s.length > FIELD_MAX ? s.slice(0, FIELD_MAX) : s;
  }

  function tidy(text) {
    const s = text.replace(/[ \t\f\r\u00a0]+/g, ' ').replace(/ *\n\s*/g, '\n').trim();
    return s.length > TEXT_MAX ? s.slice(0, TEXT_MAX) : s;
  }

  // ---- colours, as the browser serializes them (computed values, data-ogsc attributes) ----

  const colours = new Map();
  const RGB = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/;
  const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;
  let canvas = null;

  // Names, #hex and other syntaxes as the canvas normalizes them (#rrggbb or rgba()); an
  // invalid colour leaves the previous fill, so two different ones tell it apart.
  function normalized(value, doc) {
    canvas = canvas || doc.createElement('canvas').getContext('2d');
    canvas.fillStyle = '#000000';
    canvas.fillStyle = value;
    const onBlack = String(canvas.fillStyle);
    canvas.fillStyle = '#ffffff';
    canvas.fillStyle = value;
    return onBlack === String(canvas.fillStyle) ? onBlack : null;
  }

  function parseColour(value, doc) {
    if (!value) return null;
    let c = colours.get(value);
    if (c !== undefined) return c;
    c = null;
    const norm = RGB.test(value) ? value : normalized(value, doc);
    const hex = norm && HEX.exec(norm);
    const rgb = norm && RGB.exec(norm);
    if (hex) c = { r: parseInt(hex[1], 16), g: parseInt(hex[2], 16), b: parseInt(hex[3], 16), a: 1 };
    else if (rgb) c = { r: +rgb[1], g: +rgb[2], b: +rgb[3], a: rgb[4] === undefined ? 1 : parseFloat(rgb[4]) / (rgb[4].endsWith('%') ? 100 : 1) };
    if (colours.size > 500) colours.clear();
    colours.set(value, c);
    return c;
  }

  // `top` painted over `below` (opaque).
  function over(top, below) {
    const a = top.a;
    return { r: top.r * a + below.r * (1 - a), g: top.g * a + below.g * (1 - a), b: top.b * a + below.b * (1 - a), a: 1 };
  }

  function camouflaged(colour, background) {
    if (!colour || !background) return false;
    const seen = over(colour, background);
    return Math.max(Math.abs(seen.r - background.r), Math.abs(seen.g - background.g), Math.abs(seen.b - background.b)) <= CAMOUFLAGE;
  }

  // The background behind an element: its own colour over its parent's; unknown (null)
  // over an image, where no colour comparison means anything.
  function backgroundOf(cs, parentBg, doc) {
    if (cs.backgroundImage && cs.backgroundImage !== 'none') return null;
    const own = parseColour(cs.backgroundColor, doc);
    if (!own || own.a === 0) return parentBg;
    if (own.a >= 1) return own;
    return parentBg ? over(own, parentBg) : null;
  }

  // ---- geometry (viewport coordinates, from getBoundingClientRect / getClientRects) ----

  function intersect(a, b) {
    return { l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) };
  }

  // Whether enough of a box lies inside the clip for a person to read it.
  function readable(rect, clip) {
    if (rect.width <= 0 || rect.height < 2) return false;
    const w = Math.min(rect.right, clip.r) - Math.max(rect.left, clip.l);
    const h = Math.min(rect.bottom, clip.b) - Math.max(rect.top, clip.t);
    return w >= Math.min(4, rect.width) && h >= rect.height / 3;
  }

  // Inline boxes do not clip; a scroll container clips to what scrolling can reach.
  const NO_CLIP = new Set(['inline', 'contents', 'table-row', 'table-row-group', 'table-header-group', 'table-footer-group',
    'table-column', 'table-column-group']);
  function clipOf(el, cs, rect, parentClip) {
    const box = { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
    const axis = (overflow, start, size, scroll, scrollSize) => {
      if (overflow === 'visible') return null;
      const from = overflow === 'auto' || overflow === 'scroll' ? start - scroll : start;
      const reach = overflow === 'auto' || overflow === 'scroll' ? Math.max(scrollSize, size) : size;
      return [from, from + reach];
    };
    const x = axis(cs.overflowX, rect.left, rect.width, el.scrollLeft, el.scrollWidth);
    const y = axis(cs.overflowY, rect.top, rect.height, el.scrollTop, el.scrollHeight);
    if (!x && !y) return parentClip;
    if (x) [box.l, box.r] = x;
    if (y) [box.t, box.b] = y;
    return intersect(parentClip, box);
  }

  // `clip: rect(...)` with no area (it applies to absolute boxes), or a clip-path that leaves nothing.
  function clippedAway(cs, absolute) {
    const clip = absolute && /^rect\(([^)]*)\)$/.exec(cs.clip || '');
    if (clip) {
      const [top, right, bottom, left] = clip[1].split(/[\s,]+/).map(parseFloat);
      if (bottom - top <= 0 || right - left <= 0) return true;
    }
    const path = cs.clipPath || '';
    return /^inset\(\s*(50|[5-9]\d|\d{3,})(\.\d+)?%/.test(path) || /^circle\(\s*0(px)?[\s)]/.test(path);
  }

  // Block-level boxes (and table parts) start a new line; inline-level ones join the line.
  const BLOCK = /^(block|list-item|table|flex|grid|flow-root|table-row|table-cell|table-caption|table-row-group|table-header-group|table-footer-group)$/;
  const isBlock = (display) => BLOCK.test(display);

  // ---- CSS generated content (the computed `content` value) ----

  // The text a computed `content` value writes: its strings and attr() values; counters,
  // quotes and images write no letters worth reading. Stops at the alt-text "/".
  function contentText(value, el) {
    let out = '';
    for (let i = 0; i < value.length; ) {
      const c = value[i];
      if (c === '"' || c === "'") {
        i++;
        while (i < value.length && value[i] !== c) {
          if (value[i] === '\\') {
            const hex = /^[0-9a-fA-F]{1,6}\s?/.exec(value.slice(i + 1, i + 8));
            if (hex) {
              const code = parseInt(hex[0], 16);
              out += code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
              i += 1 + hex[0].length;
            } else {
              if (value[i + 1] !== '\n') out += value[i + 1] || '';
              i += 2;
            }
          } else {
            out += value[i++];
          }
        }
        i++;
      } else if (value.startsWith('attr(', i)) {
        const end = value.indexOf(')', i);
        const name = value.slice(i + 5, end < 0 ? value.length : end).trim().split(/\s+/)[0];
        out += (name && el.getAttribute(name)) || '';
        i = end < 0 ? value.length : end + 1;
      } else if (c === '/') {
        break;
      } else if (c === '(') {
        const end = value.indexOf(')', i);
        i = end < 0 ? value.length : end + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  // ---- which elements can have generated content ----

  // Per style sheet (while its rule count stays): the selectors of its rules that give a
  // ::before / ::after content, with the pseudo-element taken out.
  const sheetSelectors = new WeakMap();
  const PSEUDO = /::?(?:before|after)\b/gi;

  function generatingRules(rules, parent, out) {
    for (const rule of rules) {
      if (rule.styleSheet) {
        // @import: a sheet the mail pulled in must be readable.
        if (!generatingRules(rule.styleSheet.cssRules, parent, out)) return false;
      } else if (rule.selectorText !== undefined) {
        let selector = rule.selectorText;
        // Nested rules (CSS nesting) are relative to their parent rule.
        if (parent) selector = selector.includes('&') ? selector.replaceAll('&', `:is(${parent})`) : `:is(${parent}) ${selector}`;
        PSEUDO.lastIndex = 0;
        if (PSEUDO.test(selector) && rule.style.getPropertyValue('content')) out.push(selector.replace(PSEUDO, ':is(*)'));
        if (rule.cssRules && rule.cssRules.length && !generatingRules(rule.cssRules, selector, out)) return false;
      } else if (rule.cssRules) {
        if (!generatingRules(rule.cssRules, parent, out)) return false;
      }
    }
    return true;
  }

  // One selector list matching every element that may have a ::before / ::after content
  // (a superset: media conditions and the cascade are left to getComputedStyle), '' when
  // none may, null when a sheet the mail brought cannot be read (then every element may).
  // Only those elements pay for getComputedStyle(el, '::before').
  function generatingSelector(doc, root) {
    const list = [];
    for (const sheet of [...doc.styleSheets, ...(doc.adoptedStyleSheets || [])]) {
      let rules;
      try {
        rules = sheet.cssRules;
      } catch (_) {
        // A cross-origin sheet: the site's own (mail HTML cannot link sheets), unless inside the body.
        if (sheet.ownerNode && root.contains(sheet.ownerNode)) return null;
        continue;
      }
      let cached = sheetSelectors.get(sheet);
      if (!cached || cached.length !== rules.length) {
        const own = [];
        try {
          if (!generatingRules(rules, null, own)) return null;
        } catch (_) {
          return null;
        }
        cached = { length: rules.length, own };
        sheetSelectors.set(sheet, cached);
      }
      list.push(...cached.own);
    }
    const selector = list.join(', ');
    try {
      if (selector) root.matches(selector);
    } catch (_) {
      return null;
    }
    return selector;
  }

  // ---- the walk ----

  // Frame values computed on demand, up the frame chain without recursion (a body may nest
  // deeper than the stack): `compute(frame)` may use its parent's value.
  function lazy(frame, key, compute) {
    if (frame[key] !== undefined) return frame[key];
    const chain = [];
    for (let f = frame; f[key] === undefined; f = f.parent) chain.push(f);
    for (let i = chain.length - 1; i >= 0; i--) chain[i][key] = compute(chain[i]);
    return frame[key];
  }

  /**
   * Reads a message body as it is rendered: returns {bodyText, hiddenText, imageText,
   * disguises} (MessageInput fields, see extension/README.md). Every visibility answer is
   * the browser's: getComputedStyle (once per element; ::before/::after only where a rule
   * can give content), getBoundingClientRect and the text's own client rects. A computed
   * property costs microseconds, so what only text needs (colours, size, white space) is
   * read for the elements that hold text.
   */
  function readBody(root) {
    const empty = { bodyText: '', hiddenText: '', imageText: '', disguises: [] };
    if (!root) return empty;
    const doc = root.ownerDocument;
    const win = doc.defaultView;
    // The first geometry question makes the browser lay the page out, which it does to paint
    // the mail anyway: the time budget starts after it, for codeguard's own work.
    const rootRect = root.getBoundingClientRect();
    const started = performance.now();
    const range = doc.createRange();
    const found = { hidden_text: [], split_word: [], reversed: [], generated_content: [] };
    const disguise = (kind, text) => {
      if (found[kind].length >= DISGUISES_MAX) return;
      const t = clipField(text);
      if (LETTERS.test(t)) found[kind].push({ kind, text: t });
    };
    const images = [];
    let visible = '';
    let hidden = '';
    // The open hidden run: where it sits in `visible`, and its text.
    let run = null;
    const runs = [];

    function see(text) {
      if (run && /\S/.test(text)) endRun();
      visible += text;
    }
    function hide(text) {
      if (!run) run = { at: visible.length, text: '' };
      if (run.text.length < TEXT_MAX) run.text += text;
    }
    function endRun() {
      if (hidden.length < TEXT_MAX) hidden += (hidden ? '\n' : '') + run.text;
      if (LETTERS.test(run.text)) {
        disguise('hidden_text', run.text);
        if (runs.length < RUNS_MAX) runs.push(run);
      }
      run = null;
    }

    // Reversal of what an RTL override displays: the text since `from`, line by line.
    // Hidden runs inside move to their mirrored place (exact on one line, dropped else).
    function reverseSince(from) {
      const logical = visible.slice(from);
      const shown = logical.split('\n').map((line) => Array.from(line).reverse().join('')).join('\n');
      const oneLine = !logical.includes('\n');
      for (const r of run ? runs.concat(run) : runs) {
        if (r.at > from) r.at = oneLine ? from + visible.length - r.at : -1;
      }
      visible = visible.slice(0, from) + shown;
      disguise('reversed', shown);
    }

    // The page's own background behind the body (the body's ancestors), white at the top.
    function pageBackground() {
      const chain = [];
      for (let el = root.parentElement; el; el = el.parentElement) chain.push(win.getComputedStyle(el));
      let bg = WHITE;
      for (let i = chain.length - 1; i >= 0; i--) bg = backgroundOf(chain[i], bg, doc);
      return bg;
    }

    // Above the body: the page's background, and white as the original one (Outlook's dark
    // mode repaints mail written for white; data-ogsb / data-ogsc keep what it replaced).
    const base = { bg: pageBackground(), bgFrom: null, ogBg: WHITE, colour: null, ogColour: null, pre: false };
    base.bgFrom = base;

    // The background behind the element's text: its own colour over its parent's, and the
    // frame that ends the chain with an opaque colour (for the background-image check).
    const bgOf = (frame) => lazy(frame, 'bg', (f) => {
      const own = parseColour(f.cs.backgroundColor, doc);
      f.bgFrom = f.parent.bgFrom;
      f.ownBg = Boolean(own && own.a > 0);
      if (!f.ownBg) return f.parent.bg;
      f.bgFrom = own.a >= 1 ? f : f.parent.bgFrom;
      if (own.a >= 1) return own;
      return f.parent.bg ? over(own, f.parent.bg) : null;
    });
    const ogBgOf = (frame) => lazy(frame, 'ogBg', (f) => {
      const ogsb = f.el.getAttribute('data-ogsb');
      if (ogsb) return parseColour(ogsb, doc);
      bgOf(f);
      return f.ownBg ? f.bg : f.parent.ogBg;
    });
    const colourOf = (frame) => lazy(frame, 'colour', (f) => parseColour(f.cs.color, doc));
    // The original text colour only where Outlook rewrote it (data-ogsc, on the element or
    // inherited with the rendered colour): elsewhere it is unknown, and not compared.
    const ogColourOf = (frame) => lazy(frame, 'ogColour', (f) => {
      const ogsc = f.el.getAttribute('data-ogsc');
      if (ogsc) return parseColour(ogsc, doc);
      const own = colourOf(f);
      const inherited = f.parent.cs ? colourOf(f.parent) : null;
      const same = own && inherited && own.r === inherited.r && own.g === inherited.g && own.b === inherited.b && own.a === inherited.a;
      return same ? f.parent.ogColour : null;
    });
    // Text colour camouflaged as the background behind it (rendered or original colours),
    // unless a background image lies between the text and that colour.
    function camouflagedIn(frame, colour, ogColour) {
      bgOf(frame);
      ogBgOf(frame);
      if (!camouflaged(colour, frame.bg) && !camouflaged(ogColour, frame.ogBg)) return false;
      for (let f = frame; f && f.cs; f = f.parent) {
        if (f.cs.backgroundImage !== 'none') return false;
        if (f === frame.bgFrom) break;
      }
      return frame.bg !== null;
    }
    function textHidden(frame) {
      if (frame.textHidden === undefined) {
        frame.textHidden = frame.cs.visibility !== 'visible' || parseFloat(frame.cs.fontSize) <= MIN_FONT_PX ||
          camouflagedIn(frame, colourOf(frame), ogColourOf(frame));
      }
      return frame.textHidden;
    }
    const preOf = (frame) => lazy(frame, 'pre', (f) => /^(pre|break-spaces)/.test(f.cs.whiteSpace));

    function frameOf(el, parent, cs, display) {
      return { el, parent, cs, boxless: parent.boxless || display === 'none', invisible: parent.invisible, opacity: parent.opacity,
        clip: parent.clip, block: isBlock(display), reverseFrom: -1, inOverride: parent.inOverride, after: null, outOfFlowFrom: -1,
        bg: undefined, bgFrom: undefined, ownBg: false, ogBg: undefined, colour: undefined, ogColour: undefined, textHidden: undefined, pre: undefined };
    }

    const generating = generatingSelector(doc, root);
    const mayGenerate = (el) => generating === null || (generating !== '' && el.matches(generating));
    const rootFrame = frameOf(root, Object.assign(base, { boxless: false, invisible: false, opacity: 1, inOverride: false,
      clip: { l: rootRect.left - LEFT_SLACK_PX, t: rootRect.top - LEFT_SLACK_PX, r: rootRect.right + RIGHT_REACH_PX, b: Infinity } }),
    win.getComputedStyle(root), 'contents');
    // The body's container is the site's: the mail's original background is the base's.
    rootFrame.ogBg = WHITE;

    function enter(el, parent) {
      const cs = win.getComputedStyle(el);
      const display = cs.display;
      const frame = frameOf(el, parent, cs, display);
      if (frame.boxless) {
        if (frame.block && run) run.text += '\n';
        return frame;
      }
      // An absolute box (blockified, so only block displays) is laid out apart and leaves no
      // gap in the line it came from: it gets line breaks only around text of its own that
      // shows (see leave).
      const absolute = frame.block && /^(absolute|fixed)$/.test(cs.position);
      if (absolute) {
        frame.block = false;
        frame.outOfFlowFrom = visible.length;
      }
      if (frame.block) see('\n');
      if (!frame.invisible) {
        frame.opacity *= parseFloat(cs.opacity);
        frame.invisible = frame.opacity <= MIN_OPACITY || clippedAway(cs, absolute);
      }
      if (frame.invisible) return frame;
      if (!NO_CLIP.has(display)) {
        const overflow = cs.overflow;
        if (overflow !== 'visible') frame.clip = clipOf(el, cs, el.getBoundingClientRect(), parent.clip);
      }
      if (!parent.inOverride && cs.direction === 'rtl' && /override/.test(cs.unicodeBidi)) {
        frame.reverseFrom = visible.length;
        frame.inOverride = true;
      }
      if (mayGenerate(el)) {
        // Generated content shows where its element's box does (a zero-size box: its corner).
        const rect = el.getBoundingClientRect();
        const box = rect.width > 0 && rect.height > 0 ? rect : { left: rect.left, top: rect.top, right: rect.left + 1, bottom: rect.top + 2, width: 1, height: 2 };
        const shown = readable(box, frame.clip);
        generated(el, '::before', frame, shown);
        frame.after = () => generated(el, '::after', frame, shown);
      }
      return frame;
    }

    function leave(frame) {
      if (frame.boxless) {
        if (frame.block && run) run.text += '\n';
        return;
      }
      if (frame.after) frame.after();
      if (frame.reverseFrom >= 0) reverseSince(frame.reverseFrom);
      if (frame.block) see('\n');
      const from = frame.outOfFlowFrom;
      if (from >= 0 && /\S/.test(visible.slice(from))) {
        for (const r of run ? runs.concat(run) : runs) if (r.at > from) r.at++;
        visible = visible.slice(0, from) + '\n' + visible.slice(from) + '\n';
      }
    }

    function generated(el, which, frame, hostShown) {
      const ps = win.getComputedStyle(el, which);
      const content = ps.content;
      if (!content || content === 'none' || content === 'normal' || ps.display === 'none') return;
      const text = contentText(content, el);
      if (!LETTERS.test(text)) return;
      // The pseudo-element is a child box of the element: its own colours over the element's.
      const pseudo = frameOf(el, frame, ps, ps.display);
      const seen = hostShown && parseFloat(ps.opacity) * frame.opacity > MIN_OPACITY && !textHidden(pseudo);
      if (!seen) return hide(text);
      if (pseudo.block) see('\n');
      see(text);
      if (pseudo.block) see('\n');
      disguise('generated_content', text);
    }

    // A text node is read up to TEXT_MAX, and where it shows is asked of its start: one
    // 10 MB text node would otherwise cost a client rect per line.
    function text(node, frame) {
      let data = node.length > TEXT_MAX ? node.substringData(0, TEXT_MAX) : node.data;
      if (frame.boxless || frame.invisible) {
        if (/\S/.test(data)) hide(data.replace(/\s+/g, ' '));
        return;
      }
      if (/[\t\n\r\f]| {2}/.test(data) && !preOf(frame)) data = data.replace(/[\t\n\r\f ]+/g, ' ');
      if (!/\S/.test(data)) return see(data);
      if (textHidden(frame)) return hide(data);
      range.setStart(node, 0);
      range.setEnd(node, Math.min(node.length, GEOMETRY_CHARS));
      const rects = range.getClientRects();
      for (let i = 0; i < rects.length; i++) {
        if (readable(rects[i], frame.clip)) return see(data);
      }
      hide(data);
    }

    let stopped = null;
    let frame = rootFrame;
    let node = root.firstChild;
    let count = 0;
    for (;;) {
      if (!node) {
        if (frame === rootFrame) break;
        leave(frame);
        node = frame.el.nextSibling;
        frame = frame.parent;
        continue;
      }
      if (++count > NODES_MAX) stopped = `${NODES_MAX} nodes`;
      else if (count > MIN_NODES && count % 32 === 0 && performance.now() - started > BUDGET_MS) stopped = `${BUDGET_MS} ms`;
      else if (visible.length > TEXT_MAX) stopped = `${TEXT_MAX} characters`;
      if (stopped) break;
      if (node.nodeType === Node.TEXT_NODE) {
        text(node, frame);
      } else if (node.nodeType === Node.ELEMENT_NODE && !SKIP.has(node.localName)) {
        if (node.localName === 'img') {
          for (const attr of ['alt', 'title']) {
            const value = clipField(node.getAttribute(attr));
            if (value && images.length < IMAGES_MAX) images.push(value);
          }
        } else if (node.localName === 'br') {
          if (!frame.boxless) see('\n');
        } else {
          const child = enter(node, frame);
          if (node.firstChild) {
            frame = child;
            node = node.firstChild;
            continue;
          }
          leave(child);
        }
      }
      node = node.nextSibling;
    }
    if (stopped) {
      cg.platform.logOnce('message body read cut short', `stopped after ${stopped}: the verdict reads what came before`);
      for (; frame !== rootFrame; frame = frame.parent) if (frame.reverseFrom >= 0) reverseSince(frame.reverseFrom);
    }
    if (run) endRun();

    for (const r of runs) {
      if (r.at < 0) continue;
      const before = WORD_END.exec(visible.slice(Math.max(0, r.at - 64), r.at));
      const after = WORD_START.exec(visible.slice(r.at, r.at + 64));
      if (before && after) disguise('split_word', before[0] + after[0]);
    }
    // Text inside U+202E … U+202C displays backwards: put it in display order.
    visible = visible.replace(RLO_RUN, (_, inner) => {
      const shown = Array.from(inner).reverse().join('');
      disguise('reversed', shown);
      return shown;
    });

    return {
      bodyText: tidy(visible),
      hiddenText: tidy(hidden),
      imageText: images.join('\n'),
      disguises: [].concat(found.hidden_text, found.split_word, found.reversed, found.generated_content),
    };
  }

  // The body's links in document order; the index is what the core's verdict refers to.
  function linkElements(body) {
    if (!body) return [];
    return Array.from(body.querySelectorAll('a[href], a[data-codeguard-link]')).slice(0, LINKS_MAX);
  }

  function readLinks(body, wrappedAttribute) {
    return linkElements(body).map((a, index) => {
      const saved = originals.get(a);
      const href = saved ? saved.href : a.getAttribute('href') || '';
      const wrapped = saved ? saved.wrapped : wrappedAttribute ? a.getAttribute(wrappedAttribute) : null;
      const link = { index, text: clipField(a.textContent), href: href.slice(0, FIELD_MAX * 4) };
      if (wrapped) link.wrappedHref = wrapped.slice(0, FIELD_MAX * 4);
      return link;
    });
  }

  function isShown(element) {
    return element.getClientRects().length > 0;
  }

  // "Name <address>" or a bare address, as sites print senders in titles and labels. The
  // bracketed one first: a fake's display name may itself look like an address
  // ("SurfaceLaptop@Microsoft.de <service@example.de>"), and the real one may lack a dot.
  const BRACKETED = /<\s*([^<>\s@]+@[^<>\s@]+)\s*>/;
  const ADDRESS = /[A-Za-z0-9._%+\-!#$&'*/=?^`{|}~]+@[A-Za-z0-9.\-]+\.[A-Za-z0-9\-]{2,}/;
  function findAddress(...texts) {
    for (const pattern of [BRACKETED, ADDRESS]) {
      for (const text of texts) {
        const match = pattern.exec(text || '');
        if (match) return match[1] || match[0];
      }
    }
    return '';
  }

  cg.dom = { first, clipField, readBody, linkElements, readLinks, isShown, findAddress, originals };
})();
