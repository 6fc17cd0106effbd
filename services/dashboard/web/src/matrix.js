// The stance matrix: actors (rows) against what their claims are about
// (columns), each cell coloured by its most frequent predicate and sized by
// its number of claims; a cell opens its claims in the explorer.
import { h, api, params, query, legend, name, plural, errorBox, filterOptions, field, select, langName, go, PREDICATES } from './lib.js';

const FILTERS = ['from', 'to', 'lang', 'source', 'predicate'];

export async function matrixPage() {
  const p = params();
  const f = Object.fromEntries(FILTERS.map((k) => [k, p[k] || '']));
  const node = h('div', {},
    h('h1', {}, 'Stance matrix'),
    h('p', { class: 'lede' }, 'Who stands where: the actors with the most claims, against the counterparts and topics of their claims. A cell is coloured by its most frequent predicate and sized by its number of claims; open it to read the claims.'));
  const form = await filterForm(f);
  node.append(form, legend());
  try {
    const m = await api('/api/stances', { ...f, actors: p.actors, objects: p.objects });
    node.append(m.cells.length ? table(m, f) : h('p', { class: 'empty' }, 'No claims match these filters.'));
    node.append(h('p', { class: 'total' }, m.basis === 'stances'
      ? 'Counted from the stance summaries the linker keeps.'
      : 'Counted from the claims that match the filters.'));
  } catch (err) {
    node.append(errorBox(err));
  }
  return { title: 'Stance matrix', node };
}

async function filterForm(f) {
  let opts = { languages: [], sources: [], predicates: PREDICATES };
  try { opts = await filterOptions(); } catch { /* the form still works with typed values */ }
  const form = h('form', { class: 'filters', 'aria-label': 'Filter the matrix' },
    field('From', h('input', { type: 'date', name: 'from', value: f.from })),
    field('To', h('input', { type: 'date', name: 'to', value: f.to })),
    field('Language', select('lang', f.lang, opts.languages.map((l) => [l, langName(l)]))),
    field('Source', select('source', f.source, opts.sources.map((s) => [s, s]))),
    field('Predicate', select('predicate', f.predicate, opts.predicates.map((x) => [x, x.replace('_', ' ')]))),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h('button', { type: 'button', onclick: () => go('/') }, 'Clear')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go('/' + query(Object.fromEntries(new FormData(form))));
  });
  return form;
}

function table(m, f) {
  const max = Math.max(...m.cells.map((c) => c.total));
  const cells = new Map(m.cells.map((c) => [c.actor + '\u0000' + c.object, c]));
  const filters = { from: f.from, to: f.to, lang: f.lang, source: f.source, predicate: f.predicate };
  return h('div', { class: 'matrix-wrap' },
    h('table', { class: 'matrix' },
      h('caption', { class: 'visually-hidden' }, 'Claims by actor (rows) and counterpart or topic (columns)'),
      h('thead', {}, h('tr', {},
        h('th', { class: 'corner', scope: 'col' }, 'actor \\ about'),
        m.objects.map((o) => h('th', { class: 'col', scope: 'col' },
          h('a', { href: '/actors/' + encodeURIComponent(o.id), title: (o.name || o.id) + ' — ' + plural(o.total, 'claim') }, name(o)))))),
      h('tbody', {}, m.actors.map((a) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: '/actors/' + encodeURIComponent(a.id), title: a.id }, name(a)), ' ', h('span', { class: 'total' }, a.total)),
        m.objects.map((o) => {
          const c = cells.get(a.id + '\u0000' + o.id);
          if (!c) return h('td', {});
          const counts = Object.entries(c.predicates).sort((x, y) => y[1] - x[1]).map(([p, n]) => p.replace('_', ' ') + ' ' + n).join(', ');
          const label = `${name(a)} about ${name(o)}: ${plural(c.total, 'claim')} (${counts})`;
          const size = Math.round(8 + 22 * Math.sqrt(c.total / max));
          const dot = h('span', { class: 'dot p-' + c.top, 'aria-hidden': 'true' });
          dot.style.width = dot.style.height = size + 'px';
          return h('td', {}, h('a', {
            href: '/claims' + query({ ...filters, actor: a.id, object: o.id }),
            title: label, 'aria-label': label,
          }, dot, h('span', { 'aria-hidden': 'true' }, c.total)));
        }))))));
}

