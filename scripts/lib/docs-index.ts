// The docs' index page: what the APIs are, each operation linked to its place
// on its API page, a guide per service, every recorded departure from the
// vendors' documents linked to its callout, and the bundled specs to download.
// Plain HTML in the docs' layout: nothing is fetched from anywhere.
import { evidenceLink, evidenceReach } from '../docs/callouts.ts';
import { isPublished } from '../docs/guides.ts';
import { escapeHtml, prose } from '../docs/html.ts';
import { renderLayout } from '../docs/layout.ts';
import type { Deviation } from './deviations.ts';

export interface OperationSummary {
  operationId: string;
  summary: string;
  method: string;
  path: string;
  successStatus: string;
}

export interface ApiSummary {
  name: string;
  title: string;
  specVersion: string;
  operations: OperationSummary[];
  deviations: Deviation[];
  /** The guide's page and title, when the API has a guide; `pending` says why it is not published yet. */
  guide?: { page: string; title: string; pending?: string };
}

export function renderIndex(apis: ApiSummary[]): string {
  // One row per operation; the service's cell spans its rows, so the table fits a screen.
  const apiRows = apis.flatMap((api) => {
    const guide = isPublished(api.guide) ? `<br><a href="${escapeHtml(api.guide.page)}">guide</a>` : '';
    return api.operations.map((operation, index) => {
      const service =
        index > 0
          ? ''
          : `
        <th scope="rowgroup" rowspan="${api.operations.length}">${escapeHtml(api.title)}<br><span class="spec-version">spec ${escapeHtml(api.specVersion)}</span><br><a href="${api.name}.html">${escapeHtml(api.name)}.html</a>${guide}</th>`;
      return `      <tr>${service}
        <td><a href="${api.name}.html#operation/${encodeURIComponent(operation.operationId)}"><code>${escapeHtml(operation.operationId)}</code></a>: ${escapeHtml(operation.summary)}</td>
        <td><span class="method">${escapeHtml(operation.method)}</span> <code>${escapeHtml(operation.path)}</code></td>
        <td>${escapeHtml(operation.successStatus)}</td>
      </tr>`;
    });
  });
  const guides = apis.flatMap(({ guide, title }) => {
    if (guide === undefined) return [];
    if (guide.pending !== undefined)
      return [`      <li>${escapeHtml(guide.title)} (${escapeHtml(title)}): not published yet; ${escapeHtml(guide.pending)}</li>`];
    return [`      <li><a href="${escapeHtml(guide.page)}">${escapeHtml(guide.title)}</a> (${escapeHtml(title)})</li>`];
  });
  const deviationRows = apis.flatMap((api) =>
    api.deviations.map(
      (deviation) => `      <tr>
        <td>${escapeHtml(api.name)}</td>
        <td><a href="${api.name}.html#${escapeHtml(deviation.anchor)}">${escapeHtml(deviation.where)}</a></td>
        <td>${prose(deviation.document)}</td>
        <td>${prose(deviation.service)}</td>
        <td>${deviation.releases === undefined ? '' : prose(deviation.releases)}</td>
        <td class="evidence">${deviation.evidence.map(evidenceLink).join('')}<span class="deviation-directness">${evidenceReach(deviation)}</span></td>
      </tr>`,
    ),
  );
  const downloads = apis.map(
    (api) =>
      `      <li>${escapeHtml(api.title)}: <a href="openapi/${api.name}.json" download>${api.name}.json</a>, <a href="openapi/${api.name}.yaml" download>${api.name}.yaml</a></li>`,
  );
  const content = `  <h1>Snapshot APIs</h1>
  <p>OpenAPI 3.1 descriptions of the snapshot APIs of four cloud services, from creation to deletion, held to what the services really do.</p>

  <h2>APIs</h2>
  <table id="apis">
    <thead>
      <tr><th>Service</th><th>Operation</th><th>Method and path</th><th>Success</th></tr>
    </thead>
    <tbody>
${apiRows.join('\n')}
    </tbody>
  </table>

  <h2>Guides: a snapshot from creation to deletion</h2>
  <ul id="guides">
${guides.join('\n')}
  </ul>

  <h2>Where the specs differ from the vendors' documents</h2>
  <p>Each row is an <code>x-doc-deviation</code> entry: the spec follows the service, on the evidence named. The element links to its callout on the API page.</p>
  <table id="deviations">
    <thead>
      <tr><th>API</th><th>Element</th><th>The document says</th><th>The service does</th><th>Releases</th><th>Evidence</th></tr>
    </thead>
    <tbody>
${deviationRows.join('\n')}
    </tbody>
  </table>

  <h2>Download the specs</h2>
  <ul id="downloads">
${downloads.join('\n')}
  </ul>`;
  return renderLayout({ title: 'Snapshot APIs', root: '', links: [], kind: 'index', content });
}
