// The layout of the pages we write ourselves (the index and the guides):
// scripts/docs/layout.hbs, with the docs' one stylesheet.
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../lib/apis.ts';

const template = Handlebars.compile(readFileSync(resolve(repoRoot, 'scripts/docs/layout.hbs'), 'utf8'), { strict: true });

export interface Layout {
  title: string;
  /** The path from the page back to the docs folder: '' or '../'. */
  root: string;
  /** Links beside "All snapshot APIs" in the top bar. */
  links: { href: string; text: string }[];
  /** The class of `main`, e.g. `index` or `guide`. */
  kind: string;
  /** The page's content, as HTML. */
  content: string;
}

export const renderLayout = (page: Layout) => template(page);
