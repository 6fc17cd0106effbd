// Helpers shared by the pages. Text from the graph is only ever set as text
// (never as HTML), so that nothing an article says can run in the page.

export const PREDICATES = ['oppose', 'support', 'condemn', 'concern', 'call_on', 'welcome', 'agree', 'commit'];

const LABELS = {
  oppose: 'opposes', support: 'supports', condemn: 'condemns', concern: 'is concerned about',
  call_on: 'calls on', welcome: 'welcomes', agree: 'agrees on', commit: 'commits to',
};

export const LANGS = { en: 'English', zh: 'Chinese', ja: 'Japanese', fr: 'French', de: 'German', ru: 'Russian' };

/** h builds an element: h('a', {href: '/x'}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** api fetches a JSON API; an answer other than 200 throws with its message. */
export async function api(path, params = {}, signal) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const url = path + (q.toString() ? '?' + q : '');
  const resp = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!resp.ok) {
    let msg = resp.status + ' ' + resp.statusText;
    try { msg = (await resp.json()).error || msg; } catch { /* not JSON */ }
    const err = new Error(msg);
    err.status = resp.status;
    throw err;
  }
  return resp.json();
}

export function predicate(p, verb = false) {
  return h('span', { class: 'pred' }, h('span', { class: 'swatch p-' + p, 'aria-hidden': 'true' }), verb ? (LABELS[p] || p) : p.replace('_', ' '));
}

export function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Predicate colours' }, PREDICATES.map((p) => h('li', {}, predicate(p))));
}

export function name(ref) {
  return ref ? (ref.name || ref.id) : '';
}

/** entityLink links an entity to its page. */
export function entityLink(ref) {
  return h('a', { href: '/actors/' + encodeURIComponent(ref.id), title: ref.id }, name(ref));
}

export function langName(l) {
  return LANGS[l] || l;
}

export function day(s) {
  return s ? String(s).slice(0, 10) : '';
}

export function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many || one + 's');
}

export function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, 'Could not load: ' + err.message);
}

/** params reads the page's query as an object. */
export function params() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** query renders an object as a query string without empty values. */
export function query(obj) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

let filterValues;
/** filterOptions is /api/filters, asked once per page load. */
export function filterOptions() {
  filterValues ||= api('/api/filters').catch((err) => { filterValues = null; throw err; });
  return filterValues;
}

/** field is a labelled input or select of a filter form. */
export function field(label, input) {
  return h('label', {}, label, input);
}

export function select(nameAttr, value, options, any = 'any') {
  return h('select', { name: nameAttr },
    h('option', { value: '' }, any),
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/** evidenceQuote shows a sentence with its evidence span marked. */
export function evidenceQuote(ev) {
  return h('blockquote', { lang: ev.article?.lang || undefined },
    ev.before || '', h('mark', {}, ev.text), ev.after || '');
}

/** go shows another page of the dashboard (app.js routes it). */
export function go(url, replace = false) {
  window.diplographNavigate(url, replace);
}
