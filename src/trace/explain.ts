// A diffusion in words, one line per step: what the CLI prints and the API's `explanation`.
import type { Adoption, Diffusion } from './adoption.js';

const when = (a: Adoption) => (a.date ? `${a.dateIsBound ? 'by ' : ''}${a.date}` : a.year ? String(a.year) : 'undated');
const where = (a: Adoption) => `${a.place}${a.placeInferred ? ` (inferred, ${Math.round(a.placeConfidence * 100)}%)` : ''}`;
const what = (a: Adoption) => a.document ? String(a.document.props.docRef ?? a.document.name) : `《${a.instrument}》`;

export function explain(d: Diffusion): string[] {
  if (!d.first.length) return [`${d.program.name}: no adoption in the graph`];
  const [origin] = d.first;
  const lines = [`${when(origin)} ${where(origin)}: ${origin.issuer ?? 'a body'} ${origin.how} ${d.program.name} (${what(origin)})`];
  for (const s of d.spread) {
    const lag = s.lagDays === null ? '' : ` after ${s.lagDays} days`;
    const conv = s.convergence === null ? '' : `, wording ${s.convergence >= 0.5 ? 'follows' : 'adapts'} (${s.convergence})`;
    lines.push(`${when(s.to)} ${where(s.to)}: ${s.to.issuer ?? 'a body'} ${s.to.how} it${lag}, ${s.direction} from ${s.from.place}${conv} (${what(s.to)})`);
  }
  return lines;
}
