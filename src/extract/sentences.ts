// Sentences and clauses with their offsets in the document text.
export interface Span { start: number; end: number; text: string }

/** Sentences end at 。！？；, a line break, or the 。 after a numbered item's bold title. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^。！？；\n]+[。！？；]?/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: m.index! + lead, end: m.index! + lead + t.length, text: t });
  }
  return out;
}

/** The clause (between ，、；：。 and line ends) around position i. */
export function clauseAt(text: string, start: number, end: number): Span {
  let s = start;
  while (s > 0 && !'，。；：！？\n'.includes(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !'，。；：！？\n'.includes(text[e])) e++;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** Index of the sentence containing position i (binary search over sorted spans). */
export function sentenceIndexAt(spans: Span[], i: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= i) lo = mid + 1;
    else if (spans[mid].start > i) hi = mid - 1;
    else return mid;
  }
  return Math.max(0, Math.min(spans.length - 1, lo));
}
