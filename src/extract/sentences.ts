// Positions in a document's text: the sentence or clause around an offset, and
// whether an offset lies inside a 《》 title.
export interface Span { start: number; end: number; text: string }

/** The clause (between ，。；：！？ and line ends) around [start, end). */
export function clauseAt(text: string, start: number, end: number): Span {
  let s = start;
  while (s > 0 && !'，。；：！？\n'.includes(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !'，。；：！？\n'.includes(text[e])) e++;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** The sentence around `at`: from the previous 。！？； or line break to the next, its mark included. */
export function sentenceBounds(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !'。！？；\n'.includes(text[s - 1])) s--;
  let e = at;
  while (e < text.length && !'。！？；\n'.includes(text[e])) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return [s, e];
}

/** True when `at` lies inside a 《…》 title. */
export function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at - 1) < open;
}
