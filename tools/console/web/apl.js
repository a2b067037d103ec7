/* global document, window */
/**
 * A renderer of the APL components Connect Remote's documents use (lambda/src/screens/documents.ts):
 * Container (with `data`), Frame, Image, Text, TouchWrapper and Sequence, the `when` property, `${…}` data-binding
 * over `payload`, `data` and `index`, and dp, vw/vh and % sizes. It is not Amazon's renderer: apl-viewhost-web is
 * shipped as C++ sources whose install script downloads a prebuilt build, which cannot work offline. It draws the
 * very document and datasource the skill sent, and a TouchWrapper's SendEvent calls `onEvent(token, arguments)`.
 */
(function () {
  'use strict';

  /** Evaluates one `${expr}`: APL's expression syntax for these documents is a subset of JavaScript's. */
  function evaluate(expr, scope) {
    try {
      return new Function('payload', 'data', 'index', `"use strict"; return (${expr});`)(
        scope.payload,
        scope.data,
        scope.index,
      );
    } catch {
      return undefined;
    }
  }

  /** A property with data-binding resolved: a whole `${…}` keeps its type; inside text, it becomes text. */
  function bind(value, scope) {
    if (Array.isArray(value)) return value.map((v) => bind(v, scope));
    if (typeof value !== 'string' || !value.includes('${')) return value;
    const whole = /^\$\{([^}]*)\}$/.exec(value);
    if (whole) return evaluate(whole[1], scope);
    return value.replace(/\$\{([^}]*)\}/g, (_, expr) => {
      const v = evaluate(expr, scope);
      return v === undefined || v === null ? '' : String(v);
    });
  }

  /** APL dimensions: a number or 'Ndp' is dp (drawn 1:1 in px, the screen is scaled), '%' and vw/vh relative. */
  function size(value, viewport) {
    if (value === undefined || value === null || value === 'auto') return undefined;
    if (typeof value === 'number') return `${value}px`;
    const s = String(value).trim();
    let m;
    if ((m = /^(-?[\d.]+)(dp|px)?$/.exec(s))) return `${m[1]}px`;
    if ((m = /^(-?[\d.]+)%$/.exec(s))) return `${m[1]}%`;
    if ((m = /^(-?[\d.]+)vw$/.exec(s))) return `${(Number(m[1]) * viewport.width) / 100}px`;
    if ((m = /^(-?[\d.]+)vh$/.exec(s))) return `${(Number(m[1]) * viewport.height) / 100}px`;
    return undefined;
  }

  /** Styled text as APL shows it: entities decoded, nothing else interpreted. */
  function decode(text) {
    return String(text ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }

  const JUSTIFY = {
    start: 'flex-start',
    end: 'flex-end',
    center: 'center',
    spaceBetween: 'space-between',
    spaceAround: 'space-around',
  };
  const ALIGN = {
    start: 'flex-start',
    end: 'flex-end',
    center: 'center',
    stretch: 'stretch',
    baseline: 'baseline',
  };
  const FIT = {
    'best-fill': 'cover',
    'best-fit': 'contain',
    'best-fit-down': 'scale-down',
    fill: 'fill',
    none: 'none',
  };

  function render(component, scope, ctx) {
    const p = (name) => bind(component[name], scope);
    if (component.when !== undefined && !p('when')) return null;
    const type = component.type;
    const el = document.createElement(type === 'Image' ? 'img' : 'div');
    el.className = `apl-${type}`;
    const id = p('id');
    if (id) el.dataset.aplId = id;
    const st = el.style;
    st.boxSizing = 'border-box';
    st.display = 'flex';
    st.flexDirection = 'column';
    st.minWidth = '0';
    // Later children draw over earlier ones, the absolutely positioned background included.
    st.position = 'relative';
    const set = (css, value) => {
      if (value !== undefined) st[css] = value;
    };
    set('width', size(p('width'), ctx.viewport));
    set('height', size(p('height'), ctx.viewport));
    for (const side of ['Left', 'Right', 'Top', 'Bottom'])
      set(`padding${side}`, size(p(`padding${side}`), ctx.viewport));
    if (p('position') === 'absolute') {
      st.position = 'absolute';
      st.left = '0';
      st.top = '0';
    }
    const grow = p('grow');
    if (grow !== undefined) st.flexGrow = String(grow);
    const shrink = p('shrink');
    st.flexShrink = shrink === undefined ? '0' : String(shrink);
    if (p('display') === 'none') st.display = 'none';
    const children = (items) => {
      const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
      const data = p('data');
      if (Array.isArray(data)) {
        const template = list[0];
        return template
          ? data.map((d, i) => render(template, { ...scope, data: d, index: i }, ctx)).filter(Boolean)
          : [];
      }
      return list.map((c) => render(c, scope, ctx)).filter(Boolean);
    };
    switch (type) {
      case 'Container':
      case 'Sequence': {
        st.flexDirection = type === 'Sequence' || p('direction') !== 'row' ? 'column' : 'row';
        if (type === 'Container' && p('direction') === 'row') st.flexDirection = 'row';
        set('justifyContent', JUSTIFY[p('justifyContent')]);
        set('alignItems', ALIGN[p('alignItems')] ?? 'stretch');
        if (type === 'Sequence') st.overflowY = 'auto';
        for (const child of children(component.items ?? component.item)) el.appendChild(child);
        break;
      }
      case 'Frame':
        set('backgroundColor', p('backgroundColor'));
        set('borderRadius', size(p('borderRadius'), ctx.viewport));
        st.overflow = 'hidden';
        for (const child of children(component.item ?? component.items)) el.appendChild(child);
        break;
      case 'Image':
        el.src = p('source') || '';
        el.alt = '';
        st.objectFit = FIT[p('scale')] ?? 'contain';
        set('borderRadius', size(p('borderRadius'), ctx.viewport));
        break;
      case 'Text': {
        el.textContent = decode(p('text'));
        set('fontSize', size(p('fontSize'), ctx.viewport));
        set('color', p('color'));
        if (p('fontWeight') === 'bold') st.fontWeight = '700';
        const align = p('textAlign');
        if (align) st.textAlign = align === 'start' ? 'left' : align === 'end' ? 'right' : align;
        const lines = p('maxLines');
        if (p('textAlignVertical') === 'center') {
          // Centred in its box (a button's label): a flex box, its one line not clamped.
          st.justifyContent = align === 'center' ? 'center' : 'flex-start';
          st.alignItems = 'center';
          st.flexDirection = 'row';
        } else if (lines) {
          st.display = '-webkit-box';
          st.webkitBoxOrient = 'vertical';
          st.webkitLineClamp = String(lines);
          st.overflow = 'hidden';
        }
        break;
      }
      case 'TouchWrapper': {
        el.classList.add('apl-touch');
        const label = p('accessibilityLabel');
        if (label) el.setAttribute('aria-label', decode(label));
        el.setAttribute('role', 'button');
        const commands = component.onPress ?? [];
        el.addEventListener('click', (event) => {
          event.stopPropagation();
          for (const command of Array.isArray(commands) ? commands : [commands])
            if (command.type === 'SendEvent') ctx.onEvent(ctx.token, bind(command.arguments ?? [], scope));
        });
        for (const child of children(component.item ?? component.items)) el.appendChild(child);
        break;
      }
      default:
        // A component this renderer does not know is shown as such, never silently dropped.
        el.textContent = `[${type}]`;
        st.color = 'red';
    }
    return el;
  }

  /**
   * Draws a RenderDocument directive into `host` for a viewport `{ width, height, round }` in dp, scaled to
   * `scale`; `onEvent(token, args)` receives each SendEvent.
   */
  function renderDirective(host, directive, viewport, scale, onEvent) {
    host.textContent = '';
    const root = document.createElement('div');
    root.style.cssText = `position:relative;width:${viewport.width}px;height:${viewport.height}px;transform:scale(${scale});transform-origin:0 0;font-family:'Amazon Ember',system-ui,sans-serif;overflow:hidden;background:#000;`;
    host.style.width = `${viewport.width * scale}px`;
    host.style.height = `${viewport.height * scale}px`;
    host.classList.toggle('round', Boolean(viewport.round));
    const doc = directive.document;
    const params = doc.mainTemplate.parameters ?? [];
    const scope = {
      payload: directive.datasources?.[params[0] ?? 'payload'],
      data: undefined,
      index: undefined,
    };
    const ctx = { viewport, token: directive.token, onEvent };
    const items = doc.mainTemplate.items ?? doc.mainTemplate.item;
    for (const c of Array.isArray(items) ? items : [items]) {
      const el = render(c, scope, ctx);
      if (el) root.appendChild(el);
    }
    host.appendChild(root);
  }

  window.APL = { renderDirective, bind };
})();
