// Loads the JSON data files of this folder. Kept apart from the rules that use them.
import { readFileSync } from 'node:fs';

export function loadLexicon<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;
}
