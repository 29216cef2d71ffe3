// HTML page → the article's text, mapped back into the page source.
// htmlparser2 parses (with source positions); we only decide which elements
// are the article and which are site chrome (data: lexicon/html-chrome.json).
import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';
import { loadLexicon } from '../../lexicon/load.js';
import { MappedText } from '../mapped-text.js';

interface HtmlChrome { dropTags: string[]; chromeAttr: string; contentAttr: string; blockTags: string[] }
const lex = loadLexicon<HtmlChrome>('html-chrome.json');
const DROP = new Set(lex.dropTags);
const BLOCK = new Set(lex.blockTags);
const CHROME = new RegExp(lex.chromeAttr, 'i');
const CONTENT = new RegExp(lex.contentAttr, 'i');
const CJK = /[\u4e00-\u9fff]/g;

// The document root counts as an element here: it has children and no name.
const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style' || n.type === 'root';
const attrs = (e: Element) => `${e.attribs?.class ?? ''} ${e.attribs?.id ?? ''}`.trim();
const isChrome = (e: Element) => DROP.has(e.name) || (attrs(e) !== '' && CHROME.test(attrs(e)) && !CONTENT.test(attrs(e)));

/** Chinese characters in an element's text, outside chrome and outside links (navigation is mostly links). */
function weight(n: AnyNode, inLink = false): number {
  if (n.type === 'text') return inLink ? 0 : ((n as unknown as { data: string }).data.match(CJK)?.length ?? 0);
  if (!isElement(n) || isChrome(n)) return 0;
  let w = 0;
  for (const c of n.children) w += weight(c, inLink || n.name === 'a');
  return w;
}

/**
 * The article root: an <article>/<main> or content-named element that holds
 * most of the page's text, else the element whose own paragraphs hold the most
 * Chinese text (the usual text-density heuristic).
 */
function articleRoot(root: AnyNode): AnyNode {
  const total = weight(root);
  let best: AnyNode = root;
  let bestScore = 0;
  const visit = (n: AnyNode) => {
    if (!isElement(n) || isChrome(n)) return;
    const w = weight(n);
    if (w < total * 0.5) return; // a root must hold at least half of the page's text; its children are smaller still
    const named = n.name === 'article' || n.name === 'main' || CONTENT.test(attrs(n));
    // Deeper is better (less chrome), and a named content element wins ties.
    const score = w + (named ? total * 0.01 : 0) - (n === root ? 1 : 0);
    if (score >= bestScore) { best = n; bestScore = score; }
    n.children.forEach(visit);
  };
  visit(root);
  return best;
}

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/gi;

/**
 * A text node as pieces: literal runs map character by character, each
 * character reference (&ldquo;) to its own span. Line breaks inside a text node
 * are layout (HTML treats them as spaces).
 */
function textPieces(html: string, start: number, end: number, data: string) {
  const raw = html.slice(start, end);
  const out: { text: string; start: number; end: number; exact?: boolean }[] = [];
  let pos = 0;
  const literal = (to: number) => {
    if (to > pos) out.push({ text: raw.slice(pos, to).replace(/\s/g, ' '), start: start + pos, end: start + to, exact: true });
  };
  for (const m of raw.matchAll(ENTITY)) {
    literal(m.index);
    out.push({ text: decodeHTML(m[0]).replace(/\s/g, ' '), start: start + m.index, end: start + m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  literal(raw.length);
  // Should the parser have decoded differently than piece by piece, map the node as a whole.
  const flat = data.replace(/\s/g, ' ');
  return out.map((p) => p.text).join('') === flat ? out : [{ text: flat, start, end }];
}

export function htmlToText(html: string): MappedText {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
  const pieces: { text: string; start: number; end: number; exact?: boolean }[] = [];
  const newline = (at: number) => pieces.push({ text: '\n', start: at, end: at });
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data;
      if (!data.trim()) return;
      pieces.push(...textPieces(html, n.startIndex ?? 0, (n.endIndex ?? 0) + 1, data));
      return;
    }
    if (!isElement(n) || isChrome(n)) return;
    const block = BLOCK.has(n.name);
    if (block) newline(n.startIndex ?? 0);
    n.children.forEach(walk);
    if (block) newline(n.endIndex ?? 0);
  };
  walk(articleRoot(doc));
  // One line per block; indentation is layout.
  return MappedText.fromPieces(html, pieces)
    .replace(/ *\n[ \n]*/g, () => '\n')
    .replace(/ {2,}/g, () => ' ')
    .replace(/^[ \n]+|[ \n]+$/g, () => '');
}
