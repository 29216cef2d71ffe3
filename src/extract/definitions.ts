// Names a document defines for itself: 新时代基层党建质量提升工程（以下简称“基层
// 党建质量提升工程”）, 《…行动方案(2024—2025年)》(以下简称《行动方案》). The short name means the entity named just before the
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

// The short name quoted, or in 《》 when it is an instrument's (以下简称《行动方案》).
const DEFINED = /[（(](?:以下|下文)?简称(?:为)?(?:[“"]([^”"\n]{2,20})[”"]|《([^》\n]{2,20})》)[)）]/g;

export function findDefinitions(text: string): Definition[] {
  return [...text.matchAll(DEFINED)].map((m) => { const short = m[1] ?? m[2]; return { short, at: m.index!, start: m.index! + m[0].indexOf(short) }; });
}
