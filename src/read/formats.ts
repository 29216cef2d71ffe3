// Format-specific text extraction. Plain text and Markdown pass through (the
// normaliser strips Markdown marks so offsets stay exact).
export function toPlainText(_file: string, decoded: string): string {
  return decoded;
}
