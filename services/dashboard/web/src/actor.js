// An actor's page: its stance over time towards each counterpart and topic,
// its commitments by deadline, and the officials who spoke for it.
import { h, api, predicate, name, entityLink, plural, errorBox, legend, query, PREDICATES } from './lib.js';

export async function actorPage(id) {
  let p;
  try {
    p = await api('/api/actors/' + encodeURIComponent(id));
  } catch (err) {
    const title = err.status === 404 ? 'Not in the graph' : 'Error';
    return { title, node: h('div', {}, h('h1', {}, id), errorBox(err)) };
  }
  const e = p.entity;
  const node = h('div', {},
    h('h1', {}, name(e)),
    h('p', { class: 'facts' },
      h('span', {}, e.kind + ' ', h('code', {}, e.id)),
      e.names?.length ? h('span', {}, 'also: ' + e.names.filter((n) => n !== e.name).slice(0, 6).join(', ')) : null,
      h('span', {}, plural(p.claims, 'claim') + ' held'),
      h('a', { href: '/claims' + query({ actor: e.id }) }, 'Its claims'),
      h('a', { href: '/graph/' + encodeURIComponent(e.id) }, 'Graph view')));

  node.append(h('h2', { id: 'history' }, 'Stance over time'));
  if (p.history.length && p.periods.length) {
    node.append(legend(), historyTable(e, p));
  } else {
    node.append(h('p', { class: 'empty' }, 'No dated stances.'));
  }

  node.append(h('h2', { id: 'commitments' }, 'Commitments'));
  const c = p.commitments;
  node.append(h('div', { class: 'columns' },
    commitmentGroup('Overdue', 'overdue', c.overdue, 'Deadline passed'),
    commitmentGroup('Due this year', 'soon', c.this_year, 'Due this year'),
    commitmentGroup('Later', 'later', c.later, 'Due later'),
    commitmentGroup('No deadline', '', c.undated, '')));

  node.append(h('h2', { id: 'officials' }, 'Officials who spoke for it'));
  node.append(p.officials.length ? officialsTable(p.officials) : h('p', { class: 'empty' }, 'No officials recorded.'));
  return { title: name(e), node };
}

function historyTable(e, p) {
  const max = Math.max(1, ...p.history.flatMap((row) => Object.values(row.periods).map(sum)));
  return h('div', { class: 'matrix-wrap' }, h('table', { class: 'plain history' },
    h('caption', { class: 'visually-hidden' }, `Claims of ${name(e)} by counterpart or topic and year`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Towards'), p.periods.map((y) => h('th', { scope: 'col' }, y)), h('th', { scope: 'col' }, 'Total'))),
    h('tbody', {}, p.history.map((row) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: '/claims' + query({ actor: e.id, object: row.object.id }), title: row.object.id }, name(row.object))),
      p.periods.map((y) => {
        const counts = row.periods[y];
        if (!counts) return h('td', {});
        const n = sum(counts);
        const top = PREDICATES.reduce((best, q) => ((counts[q] || 0) > (counts[best] || 0) ? q : best), Object.keys(counts)[0]);
        const label = `${y}: ${Object.entries(counts).map(([q, k]) => q.replace('_', ' ') + ' ' + k).join(', ')}`;
        const dot = h('span', { class: 'dot p-' + top, 'aria-hidden': 'true' });
        dot.style.width = dot.style.height = Math.round(8 + 16 * Math.sqrt(n / max)) + 'px';
        return h('td', { title: label },
          h('a', { href: '/claims' + query({ actor: e.id, object: row.object.id, from: y, to: y }), 'aria-label': label }, dot, ' ', n));
      }),
      h('td', {}, row.object.total))))));
}

function sum(counts) {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function commitmentGroup(title, badge, items, badgeText) {
  return h('section', { class: 'group', 'aria-label': title },
    h('h3', {}, title, ' ', h('span', { class: 'total' }, items.length)),
    items.length ? h('ul', {}, items.map((c) => h('li', {},
      badge ? h('span', { class: 'badge ' + badge, title: badgeText }, c.when) : null, badge ? ' ' : null,
      predicate('commit', true), ' ', c.target ? entityLink(c.target) : null, c.target && c.topic ? ' on ' : null, c.topic ? entityLink(c.topic) : null,
      h('br'), h('span', { class: 'total' }, '“' + c.text + '”', c.date ? ' — stated ' + c.date : ''))))
      : h('p', { class: 'empty' }, 'None.'));
}

function officialsTable(officials) {
  return h('table', { class: 'plain' },
    h('thead', {}, h('tr', {}, ['Person', 'Roles', 'Statements', 'First', 'Last'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, officials.map((o) => h('tr', {},
      h('th', { scope: 'row' }, entityLink(o)),
      h('td', {}, o.roles.length ? o.roles.map((r, i) => [i ? h('br') : null,
        r.role.replace(/-/g, ' '), r.from || r.to ? ` (${r.from || '…'} – ${r.to || 'now'})` : '', r.inferred ? ' (seen in texts)' : '']) : '—'),
      h('td', {}, String(o.statements)),
      h('td', {}, o.first || ''),
      h('td', {}, o.last || '')))));
}
