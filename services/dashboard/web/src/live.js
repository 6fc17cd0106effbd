// The live feed: claim events as the linker publishes them, pushed to the
// page by server-sent events (GET /api/live), newest first.
import { h, params, query, predicate, field, select, go, PREDICATES } from './lib.js';

const MAX = 200;

export function livePage() {
  const p = params();
  const f = { predicate: p.predicate || '', actor: p.actor || '' };
  const status = h('span', { class: 'status', role: 'status' }, 'connecting');
  const list = h('ol', { class: 'feed', 'aria-label': 'Claim events, newest first', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const empty = h('p', { class: 'empty' }, 'Waiting for claims…');
  const form = h('form', { class: 'filters', 'aria-label': 'Filter the feed' },
    field('Predicate', select('predicate', f.predicate, PREDICATES.map((x) => [x, x.replace('_', ' ')]))),
    field('Actor', h('input', { name: 'actor', value: f.actor, placeholder: 'JPN, org:eu', spellcheck: 'false', size: 14 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Apply')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go('/live' + query(Object.fromEntries(new FormData(form))), true);
  });
  const node = h('div', {},
    h('h1', {}, 'Live feed'),
    h('p', { class: 'lede' }, 'Claims as they are linked into the graph, from the claim events on NATS (diplo.claims.>). ', status),
    form, empty, list);

  let source;
  const mounted = () => {
    source = new EventSource('/api/live' + query(f));
    source.addEventListener('status', (e) => {
      const s = JSON.parse(e.data).status;
      status.textContent = s === 'live' ? 'live' : s === 'connecting' ? 'connecting' : 'not connected to NATS; retrying';
      status.className = 'status ' + s;
    });
    source.addEventListener('claim', (e) => {
      const ev = JSON.parse(e.data);
      empty.remove();
      const item = entry(ev);
      item.classList.add('fresh');
      list.prepend(item);
      while (list.children.length > MAX) list.lastChild.remove();
    });
    source.onerror = () => {
      status.textContent = 'reconnecting';
      status.className = 'status unavailable';
    };
  };
  return { title: 'Live feed', node, mounted, cleanup: () => source?.close() };
}

function entry(ev) {
  const d = ev.data || {};
  if (ev.type !== 'diplograph.claim.v1') {
    // Another type on the claim subjects, such as a retraction.
    const retracted = /retract/.test(ev.type);
    return h('li', { 'data-claim': d.id || '' },
      h('strong', {}, retracted ? 'Retracted: ' : ev.type + ': '),
      h('span', { class: retracted ? 'retracted' : '' }, [ev.actor, ev.predicate, d.id].filter(Boolean).join(' ')));
  }
  const ref = (id) => h('a', { href: '/actors/' + encodeURIComponent(id) }, id);
  const first = (d.evidence || [])[0];
  return h('li', { 'data-claim': d.id },
    h('div', {}, h('strong', {}, ref(d.actor)), ' ', predicate(d.predicate, true), ' ',
      d.target ? ref(d.target) : null, d.target && d.topic ? ' on ' : null, d.topic ? ref(d.topic) : null,
      h('span', { class: 'total' }, ' · ', d.date || 'no date', d.when ? ' · due ' + d.when : '',
        ' · ', d.corroboration === 1 ? 'first report' : d.corroboration + ' reports')),
    first ? h('blockquote', {}, h('mark', {}, first.text)) : null,
    first ? h('p', { class: 'provenance' },
      first.url ? h('a', { href: first.url, target: '_blank', rel: 'noopener noreferrer' }, first.url) : h('span', {}, first.article_id),
      h('span', {}, 'rule ', h('code', {}, first.rule)),
      h('a', { href: '/claims' + query({ actor: d.actor, predicate: d.predicate, object: d.target || d.topic }) }, 'in the explorer')) : null);
}

