// A program's diffusion as one self-contained HTML page: the explanation, a
// timeline of adoptions, the adoption graph between places and, when given, the
// graph-wide diffusion network (who leads, who follows), drawn by Apache ECharts
// (inlined, so the page works offline and can be mailed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Diffusion } from './adoption.js';
import { explain, lagText } from './explain.js';
import { timeOf } from './adoption.js';
import type { DiffusionNetwork } from './network.js';

const require = createRequire(import.meta.url);

// Common CJK fonts of Linux, macOS and Windows: a machine without any (a bare Debian) needs fonts-noto-cjk.
const FONTS = 'system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
const LEGEND = ['◆ launches', '● implements', '▲ continues', '○ mentions', '— top-down', '- - horizontal', '··· dates do not order them', '≤ no later than', '* place inferred'];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside <script>: keep `</script>` and friends from closing the element.
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

export function diffusionPage(d: Diffusion, network?: DiffusionNetwork): string {
  const echarts = readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
  const places = d.first.map((a) => a.place);
  const data = {
    program: d.program.name,
    places,
    adoptions: d.adoptions.map((a) => ({
      place: a.place, time: timeOf(a), date: a.date ?? (a.year ? String(a.year) : null), how: a.how, bound: a.dateIsBound, variant: a.variant,
      doc: a.document ? String(a.document.props.docRef ?? a.document.name) : `《${a.instrument}》`, issuer: a.issuer, evidence: a.evidence,
    })).filter((a) => a.time !== null),
    // A step the dates do not order is drawn dotted and labelled without a lag.
    steps: d.spread.map((s) => ({ from: s.from.place, to: s.to.place, lag: s.ordered ? lagText(s.lag) : 'same period', ordered: s.ordered, direction: s.direction, rule: s.rule })),
    levels: Object.fromEntries(d.first.map((a) => [a.place, a.level])),
    network: network && { places: network.places, edges: network.edges },
  };
  const variants = d.variants.map((v) => v.name);
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(d.program.name)} · policy-kg trace</title>
<style>body{font-family:${FONTS};margin:2rem;color:#222}
#timeline,#graph,#network{width:100%;height:360px}ol{line-height:1.6}
table{border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:left}
#legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1.2rem}</style></head>
<body><h1>${escapeHtml(d.program.name)}</h1>
<p>Level path: ${escapeHtml(d.levelPath.join(' → ') || '–')} · ${d.adoptions.length} adoptions in ${places.length} places</p>
${variants.length ? `<p id="variants">Local variants: ${variants.map(escapeHtml).join('、')}</p>` : ''}
<ol id="explanation">${explain(d).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ol>
<h2>Timeline</h2>
<ul id="legend">${LEGEND.map((l) => `<li>${l}</li>`).join('')}</ul>
<div id="timeline"></div>
<h2>Adoption graph</h2><div id="graph"></div>
<h2>Adoptions</h2>
<table id="adoptions"><thead><tr><th>date</th><th>place</th><th>level</th><th>how</th><th>as variant</th><th>issuer</th><th>document</th></tr></thead><tbody>
${d.adoptions.map((a) => `<tr>${[`${a.dateIsBound ? '≤' : ''}${a.date ?? '?'}`, `${a.place}${a.placeInferred ? '*' : ''}`, a.level ?? '', a.how, a.variant ?? '', a.issuer ?? '',
    a.document ? String(a.document.props.docRef ?? a.document.name) : `《${a.instrument}》`].map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
${network ? `<h2>Diffusion network</h2><p>Across ${network.programs} programs in the graph: an arrow A → B weighs how often A adopted a program before B (a shared parent's share discounted); this program's places are highlighted.</p><div id="network"></div>` : ''}
<script>${echarts}</script>
<script>
const data = ${scriptJson(data)};
const shapes = { launches: 'diamond', implements: 'circle', continues: 'triangle', mentions: 'emptyCircle' };
const textStyle = { fontFamily: ${scriptJson(FONTS)} };
const timeline = echarts.init(document.getElementById('timeline'));
timeline.setOption({
  textStyle,
  tooltip: { formatter: (p) => p.data.tip },
  // The axis spans the adoptions: it starts at the first, not at a round year after it.
  xAxis: { type: 'time', min: 'dataMin', max: 'dataMax' }, yAxis: { type: 'category', data: data.places },
  series: [{ type: 'scatter', symbolSize: 14, label: { show: true, position: 'right', formatter: (p) => p.data.label },
    data: data.adoptions.map((a) => ({ value: [a.time, a.place], symbol: shapes[a.how], label: (a.bound ? '≤' : '') + a.date,
      tip: (a.bound ? 'by ' : '') + a.date + ' ' + a.place + ' ' + a.how + (a.variant ? ' as ' + a.variant : '') + '<br>' + a.doc + (a.issuer ? '<br>' + a.issuer : '') })) }],
});
const levelY = { central: 0, provincial: 1, municipal: 2, district: 3 };
const graph = echarts.init(document.getElementById('graph'));
graph.setOption({
  textStyle,
  tooltip: {},
  series: [{ type: 'graph', layout: 'none', roam: true, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 10,
    label: { show: true, position: 'bottom' },
    data: data.places.map((p, i) => ({ name: p, x: i * 120, y: (levelY[data.levels[p]] ?? 4) * 80, symbolSize: 30 })),
    links: data.steps.map((s) => ({ source: s.from, target: s.to, tip: s.rule,
      label: { show: true, formatter: s.lag + ' · ' + s.direction },
      lineStyle: { width: 2, type: !s.ordered ? 'dotted' : s.direction === 'horizontal' ? 'dashed' : 'solid' } })) }],
});
if (data.network) {
  const mine = new Set(data.places);
  const net = echarts.init(document.getElementById('network'));
  const top = Math.max(1, ...data.network.edges.map((e) => e.weight));
  net.setOption({
    textStyle,
    tooltip: { formatter: (p) => p.dataType === 'edge' ? p.data.source + ' → ' + p.data.target + ': ' + p.data.value + ' (' + p.data.programs.join('、') + ')' : p.name + ': ' + p.data.programs + ' programs' },
    series: [{ type: 'graph', layout: 'circular', roam: true, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8, label: { show: true },
      data: data.network.places.map((p) => ({ name: p.name, programs: p.programs, symbolSize: 16 + 4 * Math.sqrt(p.programs),
        itemStyle: { color: mine.has(p.name) ? '#d9534f' : '#7aa6c2' } })),
      links: data.network.edges.map((e) => ({ source: e.from, target: e.to, value: e.weight, programs: e.programs,
        lineStyle: { width: 1 + 5 * e.weight / top, curveness: 0.15, type: e.direction === 'horizontal' ? 'dashed' : 'solid' } })) }],
  });
}
window.traceReady = true;
</script></body></html>
`;
}
