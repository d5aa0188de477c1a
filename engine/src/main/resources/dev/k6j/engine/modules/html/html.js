// The k6/html module. `host` is HtmlHost; a Selection and an Element both hold a Java SelectionNodes (an Element
// is a selection of one node, as in k6), kept in a WeakMap out of the script's reach.
(function (host) {
  const nodesOf = new WeakMap();
  const nodes = (wrapper) => nodesOf.get(wrapper);
  const undef = (v) => (v === null ? undefined : v);
  const optional = (v) => (v === undefined || v === null ? null : String(v));

  // A selector argument: a string, a Selection or an Element goes to Java as a string or its nodes.
  const query = (arg) => {
    if (typeof arg === 'string') return arg;
    const n = arg !== null && typeof arg === 'object' ? nodes(arg) : undefined;
    if (n !== undefined) return n;
    throw new Error('Invalid argument: Cannot use a ' + (arg === null ? 'null' : typeof arg) + ' as a selector');
  };
  const untilArg = (arg) => (arg === undefined || arg === null ? null : query(arg));

  const NodeType = Object.freeze({ ElementNode: 1, TextNode: 3, CommentNode: 8, DocumentNode: 9, DoctypeNode: 10 });

  class Selection {
    constructor(n) {
      nodesOf.set(this, n);
    }
    add(sel) { return new Selection(host.add(nodes(this), query(sel))); }
    attr(name, fallback) { const v = host.attr(nodes(this), String(name)); return v === null ? fallback : v; }
    children(sel) { return new Selection(host.children(nodes(this), optional(sel))); }
    closest(sel) { return new Selection(host.closest(nodes(this), query(sel))); }
    contents() { return new Selection(host.contents(nodes(this))); }
    data(key) {
      const pairs = host.dataAttributes(nodes(this));
      if (this.size() === 0) return undefined;
      const all = {};
      for (const [name, value] of pairs) all[camel(name)] = dataValue(value);
      return key === undefined ? all : all[camel(String(key))];
    }
    each(fn) {
      const n = nodes(this);
      for (let i = 0; i < host.size(n); i++) {
        const element = makeElement(host.at(n, i));
        fn.call(element, i, element);
      }
      return this;
    }
    end() { return new Selection(host.end(nodes(this))); }
    eq(i) { const one = host.at(nodes(this), Number(i)); return new Selection(one === null ? host.slice(nodes(this), 0, 0) : one); }
    filter(sel) {
      if (typeof sel === 'function') return this.#keep((i, s) => sel.call(s, i, s));
      return new Selection(host.filter(nodes(this), query(sel)));
    }
    find(sel) { return new Selection(host.find(nodes(this), query(sel))); }
    first() { return this.eq(0); }
    get(i) { const one = host.at(nodes(this), Number(i)); return one === null ? undefined : makeElement(one); }
    has(sel) { return new Selection(host.has(nodes(this), query(sel))); }
    html() { return undef(host.html(nodes(this))); }
    is(sel) {
      if (typeof sel === 'function') return this.toArray().some((s, i) => Boolean(sel.call(s, i, s)));
      return host.is(nodes(this), query(sel));
    }
    last() { return this.eq(-1); }
    map(fn) {
      const out = [];
      this.toArray().forEach((s, i) => {
        const v = fn.call(s, i, s);
        if (Array.isArray(v)) out.push(...v); else if (v !== undefined && v !== null) out.push(v);
      });
      return out;
    }
    next(sel) { return new Selection(host.siblings(nodes(this), true, false, optional(sel), null)); }
    nextAll(sel) { return new Selection(host.siblings(nodes(this), true, true, optional(sel), null)); }
    nextUntil(until, filter) { return new Selection(host.siblings(nodes(this), true, true, optional(filter), untilArg(until))); }
    not(sel) {
      if (typeof sel === 'function') return this.#keep((i, s) => !sel.call(s, i, s));
      return new Selection(host.not(nodes(this), query(sel)));
    }
    parent(sel) { return new Selection(host.parent(nodes(this), optional(sel))); }
    parents(sel) { return new Selection(host.parents(nodes(this), optional(sel), null)); }
    parentsUntil(until, filter) { return new Selection(host.parents(nodes(this), optional(filter), untilArg(until))); }
    prev(sel) { return new Selection(host.siblings(nodes(this), false, false, optional(sel), null)); }
    prevAll(sel) { return new Selection(host.siblings(nodes(this), false, true, optional(sel), null)); }
    prevUntil(until, filter) { return new Selection(host.siblings(nodes(this), false, true, optional(filter), untilArg(until))); }
    serialize() {
      return this.serializeArray().map((p) => formEncode(p.name) + '=' + formEncode(p.value)).join('&');
    }
    serializeArray() { return Array.from(host.serializeArray(nodes(this)), (p) => ({ name: p.name, value: p.value })); }
    serializeObject() {
      const out = {};
      for (const { name, value } of this.serializeArray()) {
        if (!(name in out)) out[name] = value;
        else if (Array.isArray(out[name])) out[name].push(value);
        else out[name] = [out[name], value];
      }
      return out;
    }
    siblings(sel) { return new Selection(host.allSiblings(nodes(this), optional(sel))); }
    single(sel) { const found = sel === undefined ? this : this.find(sel); return found.size() === 0 ? undefined : found.eq(0); }
    size() { return host.size(nodes(this)); }
    get length() { return this.size(); }
    slice(start, end) {
      const size = this.size();
      return new Selection(host.slice(nodes(this), Number(start) || 0, end === undefined ? size : Number(end)));
    }
    text() { return host.text(nodes(this)); }
    toArray() {
      const n = nodes(this);
      return Array.from({ length: host.size(n) }, (_, i) => new Selection(host.at(n, i)));
    }
    val() { return undef(host.val(nodes(this))); }
    #keep(test) {
      const kept = this.toArray().filter((s, i) => test(i, s));
      const base = host.slice(nodes(this), 0, 0);
      return new Selection(kept.reduce((acc, s) => host.add(acc, nodes(s)), base));
    }
  }

  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const dataValue = (text) => {
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    if (text !== '' && String(Number(text)) === text) return Number(text);
    if (/^[\[{]/.test(text)) { try { return JSON.parse(text); } catch (e) { return text; } }
    return text;
  };
  const formEncode = (v) => encodeURIComponent(v).replace(/%20/g, '+');

  // ---- Element: a one-node selection with the DOM's Node/Element methods

  const list = (selection) => selection.toArray().map((s) => makeElement(nodes(s)));
  const maybe = (n) => (n === null ? undefined : makeElement(n));
  const sel = (element) => new Selection(nodes(element));

  class Element {
    constructor(n) {
      nodesOf.set(this, n);
    }
    attributes() {
      const out = {};
      for (const [name, value, prefix] of host.attributes(nodes(this))) {
        out[name] = makeAttribute(this, name, value, prefix);
      }
      return out;
    }
    childElementCount() { return sel(this).children().size(); }
    childNodes() { return list(sel(this).contents()); }
    children() { return list(sel(this).children()); }
    classList() { const c = this.getAttribute('class'); return c === undefined ? [] : c.split(/\s+/).filter(Boolean); }
    className() { return this.getAttribute('class'); }
    contains(other) { const o = other && nodes(other); return o !== undefined && host.containsNode(nodes(this), o); }
    firstChild() { return maybe(host.relative(nodes(this), 'firstChild')); }
    firstElementChild() { return sel(this).children().get(0); }
    getAttribute(name) { return undef(host.attr(nodes(this), String(name))); }
    getAttributeNode(name) { const a = this.attributes()[String(name)]; return a; }
    getElementsByClassName(name) { return list(sel(this).find('.' + name)); }
    getElementsByTagName(name) { return list(sel(this).find(String(name))); }
    hasAttribute(name) { return host.attr(nodes(this), String(name)) !== null; }
    hasAttributes() { return host.attributes(nodes(this)).length > 0; }
    hasChildNodes() { return host.hasChildNodes(nodes(this)); }
    id() { return this.getAttribute('id') ?? ''; }
    innerHTML() { return undef(host.html(nodes(this))); }
    isDefaultNamespace() { return true; }
    isEqualNode(other) { const o = other && nodes(other); return o !== undefined && host.html(nodes(this)) === host.html(o); }
    isSameNode(other) { const o = other && nodes(other); return o !== undefined && host.sameNode(nodes(this), o); }
    lang() { return this.getAttribute('lang'); }
    lastChild() { return maybe(host.relative(nodes(this), 'lastChild')); }
    lastElementChild() { return sel(this).children().last().get(0); }
    matches(selector) { return host.is(nodes(this), String(selector)); }
    namespaceURI() { return host.namespaceURI(nodes(this)); }
    nextElementSibling() { return sel(this).next().get(0); }
    nextSibling() { return maybe(host.relative(nodes(this), 'nextSibling')); }
    nodeName() { return host.nodeName(nodes(this)); }
    nodeType() { return host.nodeType(nodes(this)) || undefined; }
    nodeValue() { return undef(host.nodeValue(nodes(this))); }
    ownerDocument() { return maybe(host.relative(nodes(this), 'ownerDocument')); }
    parentElement() { return sel(this).parent().get(0); }
    parentNode() { return maybe(host.relative(nodes(this), 'parentNode')); }
    previousElementSibling() { return sel(this).prev().get(0); }
    previousSibling() { return maybe(host.relative(nodes(this), 'previousSibling')); }
    querySelector(selector) { return sel(this).find(String(selector)).get(0); }
    querySelectorAll(selector) { return list(sel(this).find(String(selector))); }
    selection() { return sel(this); }
    textContent() { return host.text(nodes(this)); }
    toString() { return host.nodeType(nodes(this)) === 1 ? '[object html.Node]' : '[object ' + this.nodeName() + ']'; }
  }

  function makeAttribute(owner, name, value, prefix) {
    return Object.freeze({
      name, value, ownerElement: owner,
      localName: () => (prefix ? name.slice(prefix.length + 1) : name),
      namespaceURI: () => (prefix === 'xlink' ? 'http://www.w3.org/1999/xlink' : prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : ''),
      prefix: () => prefix,
    });
  }

  // ---- the element kinds: methods some tags add (HTMLAnchorElement, HTMLInputElement, ...)

  const attr = (name) => function () { return this.getAttribute(name) ?? ''; };
  const flag = (name) => function () { return this.hasAttribute(name); };
  const int = (name, fallback) => function () { const v = parseInt(this.getAttribute(name), 10); return Number.isNaN(v) ? fallback : v; };
  const url = (name) => function () { return undef(host.urlAttr(nodes(this), name)) ?? ''; };
  const urlPart = (part) => function () { const href = host.urlAttr(nodes(this), 'href'); return href === null ? '' : host.urlParts(href)[part]; };
  const form = function () { const f = sel(this).closest('form'); return f.size() > 0 ? f.get(0) : undefined; };
  const text = function () { return this.textContent(); };
  const hrefKind = {
    href: url('href'), hash: urlPart('hash'), host: urlPart('host'), hostname: urlPart('hostname'), origin: urlPart('origin'),
    password: urlPart('password'), pathname: urlPart('pathname'), port: urlPart('port'), protocol: urlPart('protocol'),
    search: urlPart('search'), username: urlPart('username'), target: attr('target'), rel: attr('rel'), download: attr('download'),
    hreflang: attr('hreflang'), media: attr('media'), type: attr('type'), accessKey: attr('accesskey'), text,
    relList() { return this.rel().split(/\s+/).filter(Boolean); },
  };
  const fieldKind = { name: attr('name'), disabled: flag('disabled'), autofocus: flag('autofocus'), form, type: attr('type') };
  const kinds = {
    a: hrefKind,
    area: Object.assign({}, hrefKind, { alt: attr('alt'), coords: attr('coords'), shape: attr('shape') }),
    base: { href: url('href'), target: attr('target') },
    button: Object.assign({}, fieldKind, {
      value: attr('value'), type() { return this.getAttribute('type') || 'submit'; },
      formAction() { return undef(host.urlAttr(nodes(this), 'formaction')) ?? (this.form() ? this.form().action() : ''); },
      formEnctype: attr('formenctype'), formMethod: attr('formmethod'), formNoValidate: flag('formnovalidate'), formTarget: attr('formtarget'),
      labels() { return labelsOf(this); },
    }),
    form: {
      action: url('action'), method() { return (this.getAttribute('method') || 'get').toLowerCase(); },
      enctype() { return this.getAttribute('enctype') || 'application/x-www-form-urlencoded'; }, encoding() { return this.enctype(); },
      acceptCharset: attr('accept-charset'), autocomplete: attr('autocomplete'), name: attr('name'), noValidate: flag('novalidate'),
      target: attr('target'), elements() { return list(sel(this).find('input, select, textarea, button, fieldset, output, object')); },
      length() { return this.elements().length; },
    },
    img: { src: url('src'), alt: attr('alt'), width: int('width', 0), height: int('height', 0), useMap: attr('usemap'), isMap: flag('ismap'), currentSrc: url('src'), crossOrigin: attr('crossorigin') },
    input: Object.assign({}, fieldKind, {
      type() { return (this.getAttribute('type') || 'text').toLowerCase(); }, value: attr('value'), defaultValue: attr('value'),
      checked: flag('checked'), defaultChecked: flag('checked'), placeholder: attr('placeholder'), readOnly: flag('readonly'),
      required: flag('required'), multiple: flag('multiple'), min: attr('min'), max: attr('max'), step: attr('step'),
      pattern: attr('pattern'), size: int('size', 20), maxLength: int('maxlength', -1), src: url('src'), alt: attr('alt'),
      labels() { return labelsOf(this); },
    }),
    label: { htmlFor: attr('for'), control() { const id = this.getAttribute('for'); const doc = sel(this).closest('html'); return id ? doc.find('#' + id).get(0) : sel(this).find('input, select, textarea, button').get(0); }, form },
    li: { value: int('value', 0) },
    link: { href: url('href'), rel: attr('rel'), media: attr('media'), type: attr('type'), hreflang: attr('hreflang'), crossOrigin: attr('crossorigin'), relList() { return this.rel().split(/\s+/).filter(Boolean); } },
    meta: { content: attr('content'), name: attr('name'), httpEquiv: attr('http-equiv') },
    ol: { reversed: flag('reversed'), start: int('start', 1), type: attr('type') },
    optgroup: { disabled: flag('disabled'), label: attr('label') },
    option: {
      disabled: flag('disabled'), form, label() { return this.getAttribute('label') ?? this.text(); },
      selected: flag('selected'), defaultSelected: flag('selected'), text() { return this.textContent().trim().replace(/\s+/g, ' '); },
      value() { return this.getAttribute('value') ?? this.text(); },
      index() { const s = sel(this).closest('select'); return s.size() ? s.find('option').toArray().findIndex((o) => host.sameNode(nodes(o), nodes(this))) : 0; },
    },
    script: { src: url('src'), type: attr('type'), charset: attr('charset'), async: flag('async'), defer: flag('defer'), text },
    select: Object.assign({}, fieldKind, {
      type() { return this.hasAttribute('multiple') ? 'select-multiple' : 'select-one'; }, multiple: flag('multiple'), required: flag('required'),
      size: int('size', 0), options() { return list(sel(this).find('option')); }, length() { return this.options().length; },
      selectedOptions() { return list(sel(this).find('option[selected]')); },
      selectedIndex() { const o = sel(this).find('option'); const i = o.toArray().findIndex((x) => x.attr('selected') !== undefined); return i >= 0 ? i : (o.size() ? 0 : -1); },
      value() { const v = sel(this).val(); return Array.isArray(v) ? (v[0] ?? '') : (v ?? ''); },
      labels() { return labelsOf(this); },
    }),
    style: { media: attr('media'), type: attr('type'), text },
    table: {
      caption() { return sel(this).children('caption').get(0); }, tHead() { return sel(this).children('thead').get(0); },
      tFoot() { return sel(this).children('tfoot').get(0); }, tBodies() { return list(sel(this).children('tbody')); },
      rows() { return list(sel(this).find('tr')); },
    },
    td: { cellIndex() { return sel(this).prevAll('td, th').size(); }, colSpan: int('colspan', 1), rowSpan: int('rowspan', 1), headers: attr('headers') },
    th: { cellIndex() { return sel(this).prevAll('td, th').size(); }, colSpan: int('colspan', 1), rowSpan: int('rowspan', 1), headers: attr('headers'), abbr: attr('abbr'), scope: attr('scope') },
    textarea: Object.assign({}, fieldKind, {
      type() { return 'textarea'; }, value() { return this.textContent(); }, defaultValue() { return this.textContent(); },
      rows: int('rows', 2), cols: int('cols', 20), placeholder: attr('placeholder'), readOnly: flag('readonly'), required: flag('required'),
      maxLength: int('maxlength', -1), wrap: attr('wrap'), labels() { return labelsOf(this); },
    }),
    title: { text },
    tr: {
      cells() { return list(sel(this).children('td, th')); },
      rowIndex() { return sel(this).closest('table').find('tr').toArray().findIndex((r) => host.sameNode(nodes(r), nodes(this))); },
      sectionRowIndex() { return sel(this).prevAll('tr').size(); },
    },
    ul: { type: attr('type') },
  };
  for (const tag of ['thead', 'tbody', 'tfoot']) kinds[tag] = { rows() { return list(sel(this).children('tr')); } };
  function labelsOf(element) {
    const id = element.getAttribute('id');
    let labels = sel(element).closest('label');
    if (id) labels = labels.add(sel(element).closest('html').find('label[for="' + id + '"]'));
    return list(labels);
  }

  const prototypes = {};
  for (const [tag, methods] of Object.entries(kinds)) {
    const proto = Object.create(Element.prototype);
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    prototypes[tag] = proto;
  }

  function makeElement(n) {
    const element = new Element(n);
    if (host.nodeType(n) === 1) {
      const proto = prototypes[host.nodeName(n)];
      if (proto) Object.setPrototypeOf(element, proto);
    }
    return element;
  }

  function parseHTML(src, baseUrl) {
    return new Selection(host.parse(String(src ?? ''), baseUrl === undefined || baseUrl === null ? '' : String(baseUrl)));
  }

  return { parseHTML, NodeType };
})
