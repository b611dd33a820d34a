// An x-doc-deviation entry as a reader meets it on the API page: a short
// callout under the description of its field, parameter, response or
// operation. It is HTML inside the element's Markdown description (Redoc
// renders HTML there), on consecutive lines, so Markdown keeps it one block.
import { evidenceUrl, type Deviation } from '../lib/deviations.ts';
import { escapeHtml, prose } from './html.ts';

/** A piece of evidence as a link to its source. */
export const evidenceLink = (source: string) => `<a href="${escapeHtml(evidenceUrl(source))}">${escapeHtml(source)}</a>`;

/** How far the evidence carries, in words (HTML), e.g. `direct: about this very call and field`. */
export function evidenceReach({ directness, caveat }: Deviation): string {
  if (directness === 'direct') return `direct: ${prose(caveat ?? 'about this very call and field')}`;
  if (directness === 'indirect') return `indirect: ${prose(caveat ?? 'about a neighbouring call or field')}`;
  return caveat === undefined ? '' : prose(caveat);
}

/**
 * The callout. `data-section-id` is what Redoc scrolls to when the page's
 * address ends in `#<anchor>` and no menu item has that ID, so the index can
 * link to the callout itself.
 */
export function deviationCallout(deviation: Deviation): string {
  const line = (label: string, text: string) => `<p><strong>${label}:</strong> ${text}</p>`;
  const reach = evidenceReach(deviation);
  return [
    `<div class="deviation" data-section-id="${escapeHtml(deviation.anchor)}" data-deviation="${escapeHtml(deviation.anchor)}">`,
    '<p class="deviation-title">Differs from the vendor\u2019s document</p>',
    line('The document says', prose(deviation.document)),
    line('The service does', prose(deviation.service)),
    ...(deviation.releases === undefined ? [] : [line('Releases', prose(deviation.releases))]),
    `<p><strong>Evidence</strong>${reach === '' ? '' : ` <span class="deviation-directness">(${reach})</span>`}:</p>`,
    `<ul class="deviation-evidence">${deviation.evidence.map((source) => `<li>${evidenceLink(source)}</li>`).join('')}</ul>`,
    '</div>',
  ].join('\n');
}
