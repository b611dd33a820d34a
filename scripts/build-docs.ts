// Renders the docs into generated/docs/ (gitignored): index.html, one page per
// API, a guide per service (docs/guides/), the shared Redoc script, the
// stylesheet and the bundled specs. Works offline.
import { resolve } from 'node:path';
import { repoRoot } from './lib/apis.ts';
import { buildDocs } from './lib/docs.ts';

const pages = await buildDocs(resolve(repoRoot, 'generated/docs'));
console.log(`rendered generated/docs/: ${pages.join(', ')}`);
