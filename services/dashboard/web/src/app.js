// The dashboard: one document, routed on the path. Links within it load
// the next page without a reload; the back button works as usual.
import { h, api, errorBox } from './lib.js';
import { matrixPage } from './matrix.js';
import { claimsPage } from './claims.js';
import { actorPage } from './actor.js';
import { livePage } from './live.js';

const routes = [
  [/^\/$/, 'matrix', () => matrixPage()],
  [/^\/claims$/, 'claims', () => claimsPage()],
  [/^\/actors\/([^/]+)$/, 'actor', (m) => actorPage(decodeURIComponent(m[1]))],
  [/^\/graph\/([^/]+)$/, 'graph', async (m) => (await import('/assets/graph.js')).graphPage(decodeURIComponent(m[1]))],
  [/^\/live$/, 'live', () => livePage()],
];

let current = null; // the page shown: {page, cleanup}
let rendering = 0;

async function render() {
  const main = document.getElementById('main');
  const n = ++rendering;
  if (current?.cleanup) current.cleanup();
  current = null;
  for (const [re, page, make] of routes) {
    const m = location.pathname.match(re);
    if (!m) continue;
    for (const a of document.querySelectorAll('nav a')) {
      if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    let view;
    try {
      view = await make(m);
    } catch (err) {
      view = { title: 'Error', node: h('div', {}, h('h1', {}, 'Something went wrong'), errorBox(err)) };
    }
    if (n !== rendering) { view.cleanup?.(); return; } // a newer navigation won
    document.title = view.title + ' · diplograph';
    main.replaceChildren(view.node);
    current = view;
    view.mounted?.();
    return;
  }
  document.title = 'Not found · diplograph';
  main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '/' }, 'Back to the stance matrix')));
}

/** navigate shows another page of the dashboard. */
export function navigate(url, replace = false) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render().then(() => {
    if (!replace) {
      window.scrollTo(0, 0);
      document.getElementById('main').focus({ preventScroll: true });
    }
  });
}
window.diplographNavigate = navigate;

document.addEventListener('click', (e) => {
  const a = e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target || a.hasAttribute('download') || a.origin !== location.origin || a.pathname.startsWith('/api/')) return;
  e.preventDefault();
  navigate(a.pathname + a.search + a.hash);
});
window.addEventListener('popstate', () => render());

// The search box: suggestions as one types, and Go opens the first.
const form = document.getElementById('search');
const input = document.getElementById('search-q');
const options = document.getElementById('search-options');
let found = [];
let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  const q = input.value.trim();
  if (!q) return;
  timer = setTimeout(async () => {
    try {
      found = await api('/api/entities', { q, limit: 10 });
      options.replaceChildren(...found.map((r) => h('option', { value: r.id }, (r.name || r.id) + ' (' + r.kind + ')')));
    } catch { /* suggestions are a convenience */ }
  }, 150);
});
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = input.value.trim();
  if (!q) return;
  let hit = found.find((r) => r.id === q);
  if (!hit) {
    try { [hit] = await api('/api/entities', { q, limit: 1 }); } catch { hit = null; }
  }
  navigate(hit ? '/actors/' + encodeURIComponent(hit.id) : '/claims?actor=' + encodeURIComponent(q));
});

render();
