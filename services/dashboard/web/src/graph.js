// The graph view of an entity's neighbourhood: its stances towards others
// and theirs towards it (edges coloured by predicate, thicker for more
// claims), and the persons serving it. Drawn with cytoscape.js; the same
// edges are listed in a table below for keyboards and screen readers.
import cytoscape from 'cytoscape';
import { h, api, name, entityLink, predicate, legend, errorBox, go, plural } from './lib.js';

const COLORS = {
  oppose: '#d55e00', condemn: '#000000', concern: '#e69f00', call_on: '#c9bb00',
  support: '#009e73', welcome: '#56b4e9', agree: '#0072b2', commit: '#cc79a7',
};
const SHAPES = { country: 'ellipse', organization: 'round-rectangle', person: 'diamond', place: 'triangle', topic: 'round-tag' };

export async function graphPage(id) {
  let nb;
  try {
    nb = await api('/api/graph/' + encodeURIComponent(id), { limit: 25 });
  } catch (err) {
    return { title: 'Graph', node: h('div', {}, h('h1', {}, id), errorBox(err)) };
  }
  const title = 'Around ' + name(nb.center);
  const box = h('div', { class: 'graph', role: 'img', 'aria-label': `Graph of ${name(nb.center)} and ${plural(nb.nodes.length - 1, 'neighbour')}; the table below lists the same links.` });
  const node = h('div', {},
    h('h1', {}, title),
    h('p', { class: 'lede' }, 'Stances of ', entityLink(nb.center), ' towards others and theirs towards it; click a node to centre the graph on it. ',
      h('a', { href: '/actors/' + encodeURIComponent(nb.center.id) }, 'Actor page')),
    legend(), box, edgeTable(nb));
  let cy;
  const mounted = () => {
    cy = cytoscape({
      container: box,
      elements: [
        ...nb.nodes.map((n) => ({ data: { id: n.id, label: name(n), kind: n.kind, center: n.id === nb.center.id ? 1 : 0 } })),
        ...nb.edges.map((e, i) => ({
          data: {
            id: 'e' + i, source: e.source, target: e.target, kind: e.kind,
            color: e.kind === 'stance' ? COLORS[e.predicate] || '#57606a' : '#8c959f',
            width: e.kind === 'stance' ? 1.5 + 2.5 * Math.log2(1 + e.count) : 1.5,
            label: e.kind === 'stance' ? `${e.predicate.replace('_', ' ')} ${e.count}` : e.role.replace(/-/g, ' '),
          },
        })),
      ],
      layout: { name: 'concentric', concentric: (n) => n.data('center') * 10 + 1, levelWidth: () => 1, minNodeSpacing: 28, animate: false },
      style: [
        { selector: 'node', style: {
          label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, color: '#1b1f24',
          'background-color': '#ffffff', 'border-width': 2, 'border-color': '#57606a', width: 22, height: 22,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
        } },
        ...Object.entries(SHAPES).map(([k, shape]) => ({ selector: `node[kind = "${k}"]`, style: { shape } })),
        { selector: 'node[center = 1]', style: { 'border-color': '#0550ae', 'border-width': 4, width: 34, height: 34, 'font-weight': 'bold', 'font-size': 13 } },
        { selector: 'edge', style: {
          width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle',
          'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, color: '#57606a', 'text-rotation': 'autorotate',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
        } },
        { selector: 'edge[kind = "serves"]', style: { 'line-style': 'dashed' } },
      ],
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (e) => {
      const target = e.target.id();
      if (target !== nb.center.id) go('/graph/' + encodeURIComponent(target));
    });
  };
  return { title, node, mounted, cleanup: () => cy?.destroy() };
}

function edgeTable(nb) {
  const byID = new Map(nb.nodes.map((n) => [n.id, n]));
  return h('table', { class: 'plain', style: undefined },
    h('caption', {}, 'Links in the graph'),
    h('thead', {}, h('tr', {}, ['From', 'Link', 'To', 'Claims'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, nb.edges.map((e) => h('tr', {},
      h('td', {}, entityLink(byID.get(e.source) || { id: e.source })),
      h('td', {}, e.kind === 'stance' ? predicate(e.predicate, true) : 'serves as ' + e.role.replace(/-/g, ' ')),
      h('td', {}, entityLink(byID.get(e.target) || { id: e.target })),
      h('td', {}, e.kind === 'stance' ? String(e.count) : '')))));
}
