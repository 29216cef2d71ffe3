// Names a document defines for itself: 新时代基层党建质量提升工程（以下简称“基层
// 党建质量提升工程”）. The short name means the entity named just before the
// parenthesis everywhere after it in the document, so it must not become a
// second node.

export interface Definition {
  /** The short name. */
  short: string;
  /** Where the parenthesis opens: the defined entity's name ends at most two characters before. */
  at: number;
  /** Where the short name itself stands (inside the parenthesis). */
  start: number;
}

const DEFINED = /[（(](?:以下|下文)?简称(?:为)?[“"]([^”"\n]{2,20})[”"][)）]/g;

export function findDefinitions(text: string): Definition[] {
  return [...text.matchAll(DEFINED)].map((m) => ({ short: m[1], at: m.index!, start: m.index! + m[0].indexOf(m[1]) }));
}
