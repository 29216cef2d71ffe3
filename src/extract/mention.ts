import type { EntityLabel, EntityNode } from '../graph/model.js';

/** One place in a document's text where an entity is named. */
export interface Mention {
  label: EntityLabel;
  name: string; // canonical name
  form: string; // as written (quotes and 《》 removed)
  start: number; // offsets in the document's normalised text
  end: number;
  rule: string;
  confidence: number;
  scope?: string | null; // place that scopes the id (organisations, targets)
  fields?: Partial<EntityNode>;
}

/** Names compare without quotes, book-title marks or spaces (the spec's normalisation). */
export function bareName(s: string): string {
  return s.replace(/[“”"‘’'「」『』《》〈〉\s]/g, '');
}
