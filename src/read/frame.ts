// The frame of a document, read from its opening lines: page chrome to skip, the notice that
// issues an instrument (关于印发《X》的通知 … 现将《X》印发给你们 … signers … date … the
// attachment's heading X), and the heading of a document that is no notice. The layout is
// the 公文's own (GB/T 9704): issuer mark, 文号, title, addressees, body, signature, date.
import { gazetteer } from '../lexicon/gazetteer.js';
import { loadLexicon } from '../lexicon/load.js';

const lex = loadLexicon<{
  chromeLine: string; tagPrefix: string; fileSuffix: string; noticeTitle: string; transmittal: string;
  signatureHeads: string; closing: string;
}>('frame.json');
const docTypes = loadLexicon<{ kinds: string[] }>('doc-types.json');

const CHROME = new RegExp(lex.chromeLine);
const TAG_PREFIX = new RegExp(lex.tagPrefix);
const FILE_SUFFIX = new RegExp(lex.fileSuffix, 'i');
const NOTICE_TITLE = new RegExp(lex.noticeTitle);
const TRANSMITTAL = new RegExp(lex.transmittal);
const SIGNATURE_HEAD = new RegExp(lex.signatureHeads);
const CLOSING = new RegExp(lex.closing);
const KIND_END = new RegExp(`(${docTypes.kinds.join('|')})([(（][^()（）]{2,20}[)）])?$`);
/** The first kind word in a line: where a heading run into its paragraph ends. */
const KIND_ANY = new RegExp(`(${docTypes.kinds.filter((k) => k.length >= 2).join('|')})([(（][^()（）]{2,20}[)）])?`);
const DOC_NUMBER = /[\u4e00-\u9fff]{1,10}[〔\[［（(【]\d{4}[〕\]］）)】]\s?\d{1,4}\s?号/;

/** A date as a signature writes it, also garbled: 2020年3月10日, 2020 年 3 月 10 日, 20223月23日, 2024327. */
const DATE = /^(\d{4})\s*年?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[)）]?$/;
const DIGITS_DATE = /^(20\d{2})(\d{1,4})$/;

export function parseDateLine(l: string): string | null {
  const s = l.replace(/\s+/g, '');
  const m = DATE.exec(s);
  if (m) return valid(m[1], m[2], m[3]);
  // Digits only, the 年月日 lost (2024327): a month and a day that make a date, the month as short as it can be.
  const d = DIGITS_DATE.exec(s);
  if (d) {
    const rest = d[2];
    for (let k = 1; k < rest.length; k++) {
      const v = valid(d[1], rest.slice(0, k), rest.slice(k));
      if (v && rest.slice(k).length <= 2) return v;
    }
  }
  return null;
}

function valid(y: string, m: string, d: string): string | null {
  const mm = Number(m);
  const dd = Number(d);
  if (!(mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)) return null;
  return `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

export const isChrome = (l: string) => CHROME.test(l) || l.length <= 1;

/** A line without its chrome: a 【转发】 tag in front, a file extension behind. */
export function cleanLine(l: string): string {
  return l.replace(TAG_PREFIX, '').replace(FILE_SUFFIX, '').trim();
}

export const endsLikeTitle = (l: string) => l.length >= 6 && l.length <= 90 && !/[。；！？]/.test(l) && KIND_END.test(l);

/** A line that names only bodies (a signature or an issuer mark): short, no punctuation of a sentence. */
export const isBodyLine = (l: string) => l.length >= 3 && l.length <= 60 && !/[，。：；、]/.test(l) && SIGNATURE_HEAD.test(l.replace(/\s+/g, '')) && !DATE.test(l.replace(/\s+/g, ''));

/** Where a body's name can end inside a signature line, and where the next one can start. */
const BODY_END = /(委员会|办公厅|办公室|人民政府|党组|党委|工委|总局|总署|分署|厅|局|部|署|委|办|中心)/g;
const BODY_START = /^(中共|国家|中央|国务院|[\u4e00-\u9fff]{2,3}(省|市|自治区|县|区)(?!委))/;
/** A place name opens `s` (广东省…, 雅安市…): a new body starts there. */
function startsWithPlace(s: string): boolean {
  const g = gazetteer();
  return (g.lengthsByFirst.get(s[0]) ?? []).some((len) => len >= 2 && g.forms.has(s.slice(0, len)));
}

/**
 * The bodies of one signature line: 广东省教育厅广东省发展和改革委员会 → two; 国家税务总局广东省税务局 is one
 * (a central agency's branch in a province), and so is 中共雅安市委组织部 (a part of 中共雅安市委).
 */
export function splitBodies(line: string): string[] {
  // Bodies set apart by a space (中共西安市教育局委员会 西安市教育局) are apart.
  const pieces = line.trim().split(/\s+/);
  if (pieces.length > 1 && pieces.every((p) => p.length >= 3 && SIGNATURE_HEAD.test(p))) return pieces.flatMap(splitBodies);
  const s = line.replace(/\s+/g, '');
  const out: string[] = [];
  let last = 0;
  for (const m of s.matchAll(BODY_END)) {
    const end = m.index! + m[0].length;
    const rest = s.slice(end);
    if (rest && !((BODY_START.test(rest) || startsWithPlace(rest)) && !/^(总局|总署)$/.test(m[0]))) continue;
    if (end - last >= 3) out.push(s.slice(last, end));
    last = end;
  }
  return out.length ? out : [s];
}

/**
 * The opening as lines. Text flattened out of a PDF runs the frame into one line: it is cut at
 * the frame's own joints (after 的通知, a 文号, the addressees' colon, a sentence, around a
 * signature date and a page mark), so the same reading works on both.
 */
export function frameLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.slice(0, 4000).split('\n')) {
    const l = raw.trim();
    if (!l) continue;
    if (l.length < 150) { lines.push(l); continue; }
    const cut = l
      .replace(/(的通知)(?=[^》”\s])/g, '$1\n')
      .replace(new RegExp(`(${DOC_NUMBER.source})`, 'g'), '\n$1\n')
      .replace(/([：:])\s*(?=现将|为|根据|按照|经)/g, '$1\n')
      .replace(/。/g, '。\n')
      .replace(/(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/g, '\n$1\n')
      .replace(/(—\s?\d+\s?—)/g, '\n$1\n');
    for (const piece of cut.split('\n')) if (piece.trim()) lines.push(piece.trim());
  }
  return lines;
}

export interface Frame {
  /** The document's own heading (for a notice: the attachment's heading, the instrument's title). */
  title: string | null;
  /** Only for a notice that issues an instrument whose heading follows: the notice's own title. */
  noticeTitle: string | null;
  /** Bodies of the signature block of a notice, as written, one line each. */
  signatureLines: string[];
  /** The date under that signature, or under a heading (成文日期). */
  date: string | null;
}

/** The heading that starts at line i: one line, or a line of bodies (or one ending in 关于…) and the rest of it. */
function headingAt(lines: string[], i: number): { title: string; next: number } | null {
  const l = cleanLine(lines[i] ?? '');
  if (!l || isChrome(l)) return null;
  if (endsLikeTitle(l)) return { title: l, next: i + 1 };
  const n = cleanLine(lines[i + 1] ?? '');
  // Split over two lines: 中共西安市教育局委员会 西安市教育局 / 2017年工作要点; 中共教育部党组关于… / “双带头人”培育工程的实施意见.
  if (n && endsLikeTitle(n) && !/[《》]/.test(l) && (isBodyLine(l) || /关于[^，。；]*$/.test(l)) && l.length + n.length <= 100) return { title: `${l}${isBodyLine(l) ? ' ' : ''}${n}`, next: i + 2 };
  // A heading run into its first paragraph (PDF): up to the first kind word, if no sentence starts before it.
  const run = KIND_ANY.exec(l);
  if (run && run.index + run[0].length <= 60 && run.index + run[0].length < l.length) {
    const head = l.slice(0, run.index + run[0].length);
    if (head.length >= 6 && !/[，。；：！？]/.test(head) && /^\s/.test(l.slice(head.length))) return { title: head.trim(), next: i + 1 };
  }
  return null;
}

export function readFrame(text: string): Frame {
  const lines = frameLines(text);
  const head = lines.slice(0, 40);
  const none: Frame = { title: null, noticeTitle: null, signatureLines: [], date: null };
  // A notice that passes an instrument on: its transmittal sentence comes early.
  const trans = head.findIndex((l, i) => i < 30 && TRANSMITTAL.test(l) && !endsLikeTitle(l));
  if (trans >= 0) {
    let k = trans + 1;
    while (k < head.length && (CLOSING.test(head[k]) || TRANSMITTAL.test(head[k]) || (!isBodyLine(head[k]) && !parseDateLine(head[k]) && /。$/.test(head[k]) && k < trans + 3))) k++;
    const signatureLines: string[] = [];
    let date: string | null = null;
    for (; k < head.length; k++) {
      const l = head[k].replace(/\s+(?=\d)/g, '');
      // A signature line with its date glued on (PDF): 中共河南省委高校工委河南省教育厅 2020年 3月 10日.
      const glued = /^(.*?[\u4e00-\u9fff])\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/.exec(head[k]);
      if (glued && isBodyLine(glued[1])) { signatureLines.push(glued[1]); date = parseDateLine(glued[2]); k++; break; }
      if (parseDateLine(l)) { date = parseDateLine(l); k++; break; }
      if (isBodyLine(head[k])) { signatureLines.push(head[k]); continue; }
      break;
    }
    if (date || signatureLines.length) {
      while (k < head.length && isChrome(head[k])) k++;
      // The instrument the notice names (现将《X》印发…) is what its attachment's heading says, however it is wrapped.
      const named = /《([^》]{4,90})》/.exec(head.slice(Math.max(0, trans - 1), trans + 1).join(''))?.[1] ?? null;
      const attachment = wrappedHeading(head, k, named) ?? headingAt(head, k);
      const notice = noticeTitleBefore(head, trans);
      if (attachment) return { title: attachment.title, noticeTitle: notice, signatureLines, date };
      // The attachment is cut off: the notice itself is the document.
      return { title: notice, noticeTitle: null, signatureLines, date };
    }
  }
  // No notice: the first heading among the opening lines; a fuller one soon after wins over a
  // repost's shortened headline (“双带头人”培育工程的实施意见 → 中共教育部党组关于…的实施意见).
  let found: { title: string; next: number } | null = null;
  for (let i = 0; i < Math.min(head.length, 14); i++) {
    const h = headingAt(head, i);
    if (!h) continue;
    if (!found) { found = h; i = h.next - 1; continue; }
    const a = found.title.replace(/\s+/g, '');
    const b = h.title.replace(/\s+/g, '');
    // The same heading again (the official one under a page's headline) or a fuller one: it is the document's.
    if (b.length >= a.length && b.endsWith(a)) found = h;
    break;
  }
  if (!found) return none;
  // A date standing under the heading (…实施意见 / （2017年7月28日）) is its 成文日期.
  const under = [found.next, found.next + 1, found.next + 2].map((i) => head[i] ?? '').map((l) => parseDateLine(l.replace(/^[(（]/, ''))).find(Boolean) ?? null;
  return { title: found.title, noticeTitle: null, signatureLines: [], date: under };
}

/** The heading X at line k, wrapped over up to three lines (鄂尔多斯市进一步完善医疗卫生 / 服务体系实施方案). */
function wrappedHeading(lines: string[], k: number, x: string | null): { title: string; next: number } | null {
  if (!x) return null;
  const want = x.replace(/\s+/g, '');
  let joined = '';
  for (let i = k; i < Math.min(lines.length, k + 3); i++) {
    joined += cleanLine(lines[i]).replace(/\s+/g, '');
    if (joined === want) return { title: x, next: i + 1 };
    if (!want.startsWith(joined)) return null;
  }
  return null;
}

/** The notice's own title: the 关于印发… line before the addressees, with a line of issuers above it joined on. */
function noticeTitleBefore(lines: string[], before: number): string | null {
  for (let i = Math.min(before, 12); i >= 0; i--) {
    const l = cleanLine(lines[i]);
    const m = NOTICE_TITLE.exec(l);
    // A notice cited inside the transmittal sentence (为贯彻落实《…关于印发…的通知》…) is not this notice's title.
    if (!m || l.slice(0, m.index).split('《').length > l.slice(0, m.index).split('》').length) continue;
    // The title ends at its 通知; what is glued behind (文号, date) is not part of it; what is before 关于 is its issuers.
    let t = l.slice(0, m.index + m[0].length).replace(new RegExp(`^.*${DOC_NUMBER.source}`), '');
    const prev = cleanLine(lines[i - 1] ?? '');
    if (t.startsWith('关于') && i > 0 && isBodyLine(prev) && !DOC_NUMBER.test(prev)) t = `${prev}${t}`;
    return t.replace(/\s+/g, ' ').trim();
  }
  return null;
}
