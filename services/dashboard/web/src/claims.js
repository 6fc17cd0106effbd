// The claim explorer: claims filtered by predicate, actor, target, topic,
// date, source and language, newest first, each with its evidence in its
// sentence, where it was read, the rule that read it, and in which
// languages it was reported.
import { h, api, params, query, predicate, name, entityLink, langName, day, plural, errorBox, filterOptions, field, select, evidenceQuote, go, PREDICATES } from './lib.js';

const FILTERS = ['predicate', 'actor', 'target', 'topic', 'object', 'from', 'to', 'source', 'lang'];

export async function claimsPage() {
  const p = params();
  const f = Object.fromEntries(FILTERS.map((k) => [k, p[k] || '']));
  const node = h('div', {}, h('h1', {}, 'Claims'));
  node.append(await filterForm(f));
  const list = h('ol', { class: 'claims', 'aria-label': 'Claims, newest first' });
  const status = h('p', { class: 'total', role: 'status' });
  node.append(status, list);
  const more = h('button', { type: 'button', class: 'more' }, 'More claims');
  let next = '';
  let shown = 0;
  const load = async () => {
    more.disabled = true;
    try {
      const page = await api('/api/claims', { ...f, cursor: next, limit: 25 });
      for (const c of page.claims) list.append(h('li', {}, claimCard(c)));
      shown += page.claims.length;
      next = page.next || '';
      status.textContent = shown === 0 ? 'No claims match these filters.' : `Showing ${plural(shown, 'claim')}${next ? '; there are more' : ''}.`;
      if (next) { more.disabled = false; if (!more.isConnected) node.append(more); } else more.remove();
    } catch (err) {
      node.append(errorBox(err));
    }
  };
  more.addEventListener('click', load);
  await load();
  return { title: 'Claims', node };
}

async function filterForm(f) {
  let opts = { languages: [], sources: [], predicates: PREDICATES };
  try { opts = await filterOptions(); } catch { /* typed values still work */ }
  const text = (n, label, hint) => field(label, h('input', { name: n, value: f[n], placeholder: hint, spellcheck: 'false', size: 14 }));
  const form = h('form', { class: 'filters', 'aria-label': 'Filter the claims' },
    field('Predicate', select('predicate', f.predicate, opts.predicates.map((x) => [x, x.replace('_', ' ')]))),
    text('actor', 'Actor', 'JPN, org:eu'),
    text('target', 'Target', 'CHN'),
    text('topic', 'Topic', 'topic:…'),
    f.object ? text('object', 'About (target or topic)', '') : null,
    field('From', h('input', { type: 'date', name: 'from', value: f.from })),
    field('To', h('input', { type: 'date', name: 'to', value: f.to })),
    field('Source', select('source', f.source, opts.sources.map((s) => [s, s]))),
    field('Language', select('lang', f.lang, opts.languages.map((l) => [l, langName(l)]))),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h('button', { type: 'button', onclick: () => go('/claims') }, 'Clear')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go('/claims' + query(Object.fromEntries(new FormData(form))));
  });
  return form;
}

/** claimCard shows one claim with its evidence. */
export function claimCard(c) {
  const about = [...c.targets, ...c.topics];
  const langs = c.langs.map(langName).join(' and ');
  return h('article', { class: 'claim', 'aria-labelledby': 'c-' + c.id.slice(6) },
    h('h2', { id: 'c-' + c.id.slice(6) },
      joinNodes(c.actors.map(entityLink), ', '), ' ', predicate(c.predicate, true), ' ',
      joinNodes(about.map(entityLink), ' on ')),
    h('p', { class: 'meta' },
      h('span', {}, c.date ? 'Stated ' + c.date : 'Date not given'),
      c.when ? h('span', {}, 'Due ' + c.when) : null,
      h('span', {}, `Reported ${plural(c.corroboration, 'time')}${langs ? ' in ' + langs : ''} by ${plural(c.sources, 'source')}`),
      h('span', {}, 'Confidence ' + c.confidence.toFixed(2)),
      c.speakers.length ? h('span', {}, 'Said by ', joinNodes(c.speakers.map(entityLink), ', ')) : null,
      h('a', { href: '/claims' + query({ actor: c.actors[0]?.id }) }, 'More from ' + name(c.actors[0])),
      c.actors[0] ? h('a', { href: '/graph/' + encodeURIComponent(c.actors[0].id) }, 'Graph')
        : null),
    h('ul', { class: 'evidence', 'aria-label': 'Evidence' }, c.evidence.map((ev) => h('li', {},
      evidenceQuote(ev),
      h('p', { class: 'provenance' },
        h('span', { class: 'lang', title: langName(ev.article.lang) }, ev.article.lang || '?'),
        ev.article.url
          ? h('a', { href: ev.article.url, target: '_blank', rel: 'noopener noreferrer' }, ev.article.title || ev.article.url)
          : h('span', {}, ev.article.title || ev.article.id),
        ev.article.source ? h('span', {}, ev.article.source) : null,
        ev.article.published ? h('span', {}, day(ev.article.published)) : null,
        h('span', {}, 'rule ', h('code', {}, ev.rule), ev.rules_version ? ' (rules ' + ev.rules_version + ')' : ''))))),
    c.corroboration > c.evidence.length ? allReports(c) : null);
}

// allReports is a button that shows every report of a claim.
function allReports(c) {
  const b = h('button', { type: 'button' }, `Show all ${c.corroboration} reports`);
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      const full = await api('/api/claims/' + encodeURIComponent(c.id));
      b.closest('article').replaceWith(claimCard(full));
    } catch (err) {
      b.replaceWith(errorBox(err));
    }
  });
  return b;
}

function joinNodes(nodes, sep) {
  const out = [];
  nodes.forEach((n, i) => { if (i) out.push(sep); out.push(n); });
  return out;
}
