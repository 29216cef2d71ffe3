// A diffusion in words, one line per step: what the CLI prints and the API's `explanation`.
import type { Adoption, Diffusion, Lag } from './adoption.js';

const when = (a: Adoption) => (a.date ? `${a.dateIsBound ? 'by ' : ''}${a.date}` : 'undated');
const where = (a: Adoption) => `${a.place}${a.placeInferred ? ` (inferred, ${Math.round(a.placeConfidence * 100)}%)` : ''}`;
const what = (a: Adoption) => a.document ? String(a.document.props.docRef ?? a.document.name) : `《${a.instrument}》`;
const as = (a: Adoption) => (a.variant ? ` as ${a.variant}` : '');

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A lag as precise as its dates: exact days, a range of days, or an upper bound. */
export function lagText(l: Lag): string {
  if (l.min !== null && l.min === l.max) return `${l.min} days`;
  const years = (d: number) => Math.round(d / 36.5) / 10;
  if (l.min !== null && l.max !== null) return `${Math.max(0, l.min)}–${l.max} days (≈${plural(years((Math.max(0, l.min) + l.max) / 2), 'year')})`;
  if (l.max !== null) return `at most ${l.max} days`;
  if (l.min !== null) return `at least ${Math.max(0, l.min)} days`;
  return 'an unknown time';
}

export function explain(d: Diffusion): string[] {
  if (!d.first.length) return [`${d.program.name}: no adoption in the graph`];
  const [origin] = d.first;
  const lines = [`${when(origin)} ${where(origin)}: ${origin.issuer ?? 'a body'} ${origin.how} ${d.program.name}${as(origin)} (${what(origin)})`];
  for (const s of d.spread) {
    const lag = s.ordered ? ` ${lagText(s.lag)} after ${s.from.place}` : ` in the same period as ${s.from.place} (dates do not order them)`;
    const conv = s.convergence === null ? '' : `, wording ${s.convergence >= 0.5 ? 'follows' : 'adapts'} (${s.convergence})`;
    lines.push(`${when(s.to)} ${where(s.to)}: ${s.to.issuer ?? 'a body'} ${s.to.how} it${as(s.to)}${lag}, ${s.direction} from ${s.from.place} [${s.rule}]${conv} (${what(s.to)})`);
  }
  const unreached = d.first.slice(1).filter((f) => !d.spread.some((s) => s.to === f));
  if (unreached.length) lines.push(`no earlier adopter the dates allow for: ${unreached.map((f) => `${f.place} (${when(f)})`).join(', ')}`);
  return lines;
}
