// Text that remembers, for every character, which span of the source it came
// from. Every normalisation step is a rewrite of a MappedText into another, so
// evidence found in the normalised text can always be shown in the original.

export class MappedText {
  private constructor(
    readonly text: string,
    /** srcStart[i], srcEnd[i]: the source span character i was produced from. */
    private readonly srcStart: Int32Array,
    private readonly srcEnd: Int32Array,
  ) {}

  static identity(text: string): MappedText {
    const n = text.length;
    const s = new Int32Array(n);
    const e = new Int32Array(n);
    for (let i = 0; i < n; i++) { s[i] = i; e[i] = i + 1; }
    return new MappedText(text, s, e);
  }

  /**
   * Join pieces cut from a source (text nodes of an HTML page, lines of a PDF
   * text layer). A piece whose text is exactly source[start, end) maps character
   * by character (or when the caller says it is `exact`: same length, only
   * whitespace changed); one that is not (decoded entities, inserted line
   * breaks) maps every character to its whole span.
   */
  static fromPieces(source: string, pieces: { text: string; start: number; end: number; exact?: boolean }[]): MappedText {
    const n = pieces.reduce((a, p) => a + p.text.length, 0);
    const s = new Int32Array(n);
    const e = new Int32Array(n);
    let o = 0;
    for (const p of pieces) {
      const exact = p.end - p.start === p.text.length && (p.exact ?? source.startsWith(p.text, p.start));
      for (let i = 0; i < p.text.length; i++, o++) {
        s[o] = exact ? p.start + i : p.start;
        e[o] = exact ? p.start + i + 1 : p.end;
      }
    }
    return new MappedText(pieces.map((p) => p.text).join(''), s, e);
  }

  get length(): number { return this.text.length; }

  /** The source span [start, end) that the text span [start, end) was produced from. */
  toSource(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = start < this.text.length ? this.srcStart[start] : (this.text.length ? this.srcEnd[this.text.length - 1] : 0);
      return [at, at];
    }
    return [this.srcStart[start], this.srcEnd[end - 1]];
  }

  slice(start: number, end: number): MappedText {
    return new MappedText(this.text.slice(start, end), this.srcStart.slice(start, end), this.srcEnd.slice(start, end));
  }

  /**
   * Replace every match of `re` (must be global) by what `fn` returns. A
   * replacement of the same length maps character by character; otherwise
   * each new character maps to the whole matched source span.
   */
  replace(re: RegExp, fn: (m: RegExpExecArray) => string): MappedText {
    if (!re.global) throw new Error('MappedText.replace needs a global RegExp');
    const edits: { start: number; end: number; repl: string }[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const repl = fn(m);
      if (repl !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, repl });
      if (m[0].length === 0) re.lastIndex++;
    }
    return this.applyEdits(edits);
  }

  /** Apply a character-aligned conversion (e.g. Traditional → Simplified) that keeps the length. */
  mapChars(convert: (s: string) => string): MappedText {
    const out = convert(this.text);
    if (out.length === this.text.length) return new MappedText(out, this.srcStart, this.srcEnd);
    // A phrase changed length: fall back to converting line by line, then character by character.
    const edits: { start: number; end: number; repl: string }[] = [];
    const re = /[^\n]+/g;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const conv = convert(m[0]);
      if (conv === m[0]) continue;
      if (conv.length === m[0].length) { edits.push({ start: m.index, end: m.index + m[0].length, repl: conv }); continue; }
      for (let i = 0; i < m[0].length; i++) {
        const c = convert(m[0][i]);
        if (c !== m[0][i]) edits.push({ start: m.index + i, end: m.index + i + 1, repl: c });
      }
    }
    return this.applyEdits(edits);
  }

  private applyEdits(edits: { start: number; end: number; repl: string }[]): MappedText {
    if (edits.length === 0) return this;
    let parts: string[] = [];
    let len = this.text.length;
    for (const e of edits) len += e.repl.length - (e.end - e.start);
    const s = new Int32Array(len);
    const en = new Int32Array(len);
    let o = 0;
    let pos = 0;
    const copy = (from: number, to: number) => {
      parts.push(this.text.slice(from, to));
      s.set(this.srcStart.subarray(from, to), o);
      en.set(this.srcEnd.subarray(from, to), o);
      o += to - from;
    };
    for (const e of edits) {
      copy(pos, e.start);
      parts.push(e.repl);
      const same = e.repl.length === e.end - e.start;
      for (let i = 0; i < e.repl.length; i++) {
        if (same) { s[o] = this.srcStart[e.start + i]; en[o] = this.srcEnd[e.start + i]; }
        else { s[o] = this.srcStart[e.start]; en[o] = this.srcEnd[e.end - 1]; }
        o++;
      }
      pos = e.end;
    }
    copy(pos, this.text.length);
    const text = parts.join('');
    parts = [];
    return new MappedText(text, s, en);
  }
}
