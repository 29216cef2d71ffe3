// The same policy text written in every format and encoding the reader takes
// must read to the same normalised text and metadata, with offsets that point
// at the right characters of each source.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { decodeHTML } from 'entities';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPolicyFile, type ReadResult } from '../../src/read/index.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const text = readFileSync(`${FIXTURES}policy.txt`, 'utf8');
const paragraphs = text.split('\n').filter((l) => l.trim());
const dir = mkdtempSync(join(tmpdir(), 'policy-kg-formats-'));

const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于实施攀登计划的通知_江南教育网</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script><style>.nav{color:red}</style></head>
<body><div class="top-nav"><a href="/">首页</a> | <a href="/xw">新闻中心</a> | <a href="/gk">信息公开</a></div>
<header><h2>江南市教育局门户网站</h2></header>
<div class="breadcrumb">当前位置：首页 &gt; 通知公告</div>
<div class="main"><div class="article-content">
${paragraphs.map((p, i) => (i === 0 ? `<h1>\n  ${p}\n</h1>` : `<p>\n    ${p.replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;')}</p>`)).join('\n')}
</div>
<div class="pager"><a href="1.html">上一篇：关于做好寒假安全工作的通知</a><a href="3.html">下一篇：2022年工作要点</a></div>
<div class="tags">推荐访问：<a>攀登计划</a> <a>党建工作</a> <a>工作要点</a></div></div>
<footer>版权所有：江南市教育局 备案号：江ICP备12345678号</footer></body></html>`;

async function docx(): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return Packer.toBuffer(doc);
}

/** Each paragraph cut into lines of 48 columns, as text copied out of a printed PDF comes. */
function hardWrap(t: string): string {
  return t.split('\n').filter((l) => l.trim()).map((p) => {
    const out: string[] = [];
    let line = '';
    let w = 0;
    for (const c of p) {
      const cw = c.charCodeAt(0) < 0x2e80 ? 1 : 2;
      if (w + cw > 48) { out.push(line); line = ''; w = 0; }
      line += c;
      w += cw;
    }
    return [...out, line].join('\n');
  }).join('\n');
}

const VARIANTS: Record<string, () => Promise<Buffer | string>> = {
  'utf8.txt': async () => text,
  'utf8-bom.txt': async () => `\ufeff${text}`,
  'gbk.txt': async () => iconv.encode(text, 'gbk'),
  'gb18030.md': async () => iconv.encode(`# ${text.replace(/“攀登计划”/, '**“攀登计划”**')}`, 'gb18030'),
  'utf16le.txt': async () => iconv.encode(text, 'utf-16le', { addBOM: true }),
  'utf16be.txt': async () => iconv.encode(text, 'utf-16be', { addBOM: true }),
  'hard-wrapped.txt': async () => hardWrap(text),
  'traditional-crlf.txt': async () => OpenCC.Converter({ from: 'cn', to: 'tw' })(text).replace(/\n/g, '\r\n'),
  'page.html': async () => html,
  'page-gbk.htm': async () => iconv.encode(html.replace('utf-8', 'gbk'), 'gbk'),
  'word.docx': docx,
  'print.pdf': async () => readFileSync(`${FIXTURES}policy.pdf`),
};

const reads: Record<string, ReadResult> = {};
beforeAll(async () => {
  for (const [name, make] of Object.entries(VARIANTS)) {
    writeFileSync(join(dir, name), await make());
    reads[name] = await readPolicyFile(join(dir, name));
  }
});

const lines = (r: ReadResult) => r.documents.flatMap((d) => d.text.text.split('\n')).filter(Boolean);

describe('every format and encoding reads to the same text', () => {
  it.each(Object.keys(VARIANTS))('%s', (name) => {
    const r = reads[name];
    expect(r.documents).toHaveLength(1);
    expect(lines(r)).toEqual(lines(reads['utf8.txt']));
    const meta = r.documents[0].meta;
    expect(meta.title).toBe('中共江南市委教育工作委员会关于实施基层党组织“攀登计划”的通知');
    expect(meta.docNumber).toBe('江教委〔2022〕7号');
    expect(meta.date).toBe('2022-03-15');
  });

  it('reports what it decoded', () => {
    expect(reads['gbk.txt'].encoding).toBe('GB18030');
    expect(reads['utf16be.txt'].encoding).toBe('UTF-16BE');
    expect(reads['word.docx'].encoding).toBe('docx');
    expect(reads['traditional-crlf.txt'].traditional).toBe(true);
    expect(reads['utf8.txt'].traditional).toBe(false);
  });

  it('keeps the article of an HTML page and drops its chrome', () => {
    const t = reads['page.html'].documents[0].text.text;
    for (const chrome of ['首页', '当前位置', '上一篇', '推荐访问', '版权所有', '统计代码', '江南市教育局门户网站', '_江南教育网']) expect(t).not.toContain(chrome);
  });

  it.each(['page.html', 'print.pdf', 'word.docx', 'gbk.txt'])('%s: evidence offsets point at the same words in the source', (name) => {
    const r = reads[name];
    const d = r.documents[0];
    for (const word of ['攀登计划', '江教委〔2022〕7号', '新建改扩建12所幼儿园', '2022年3月15日']) {
      const at = d.text.text.indexOf(word);
      const [s, e] = d.text.toSource(at, at + word.length);
      // A word wrapped by the PDF layout has the line break inside its source span.
      expect(r.source.slice(s, e).replace(/\s/g, '')).toBe(word);
    }
    const quoted = '实施基层党组织“攀登计划”';
    const at = d.text.text.lastIndexOf(quoted);
    const [s, e] = d.text.toSource(at, at + quoted.length);
    expect(decodeHTML(r.source.slice(s, e)).replace(/\s/g, '')).toBe(quoted);
  });
});

describe('bad files get a clear error of their own', () => {
  const cases: [string, Buffer | string, RegExp][] = [
    ['empty.txt', '', /empty file/],
    ['binary.txt', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 0, 1]), /binary|encoding/],
    ['truncated.docx', Buffer.from('PK\u0003\u0004 not really a zip'), /not a readable \.docx/],
    ['broken.pdf', '%PDF-1.7\n1 0 obj <<>> garbage', /not a readable PDF|no text layer/],
    ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), /unsupported format \.png/],
    ['chrome-only.html', '<html><body><nav>首页 新闻</nav></body></html>', /no document text/],
  ];
  it.each(cases)('%s', async (name, bytes, message) => {
    writeFileSync(join(dir, name), bytes);
    await expect(readPolicyFile(join(dir, name))).rejects.toThrow(message);
  });
});
