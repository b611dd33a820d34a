// The docs' index page: what the four APIs are, every recorded departure from
// the vendors' documents, and the bundled specs to download. Plain HTML with
// its own small stylesheet: nothing is fetched from anywhere.
import type { Deviation } from './deviations.ts';

export interface OperationSummary {
  operationId: string;
  summary: string;
  method: string;
  path: string;
  /** The version segment of the path, e.g. `v1.0`. */
  apiVersion: string;
  successStatus: string;
}

export interface ApiSummary {
  name: string;
  title: string;
  specVersion: string;
  operations: OperationSummary[];
  deviations: Deviation[];
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** Inline `code` spans of the specs' prose, as HTML. */
const prose = (text: string) => escapeHtml(text.trim()).replace(/`([^`]+)`/g, '<code>$1</code>');

/** Evidence as a link: a URL as is, `owner/repo:path` to the file on GitHub. */
function evidenceLink(source: string): string {
  const repoPath = /^([\w.-]+\/[\w.-]+):([^@\s]+)(?:@([0-9a-f]+))?$/.exec(source);
  const href = repoPath === null ? source : `https://github.com/${repoPath[1]}/blob/${repoPath[3] ?? 'HEAD'}/${repoPath[2]}`;
  return `<a href="${escapeHtml(href)}">${escapeHtml(source)}</a>`;
}

const STYLE = `
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1200px; padding: 24px; color: #1f2933; }
  h1 { margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 32px; }
  th, td { border: 1px solid #d9dee3; padding: 6px 10px; text-align: left; vertical-align: top; }
  th { background: #f1f4f7; }
  code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f1f4f7; padding: 0 3px; }
  .method { font-weight: 600; }
  td.evidence a { display: block; word-break: break-all; }
`;

export function renderIndex(apis: ApiSummary[]): string {
  const apiRows = apis.flatMap((api) =>
    api.operations.map(
      (operation) => `      <tr>
        <td>${escapeHtml(api.title)}</td>
        <td><code>${escapeHtml(operation.operationId)}</code>: ${escapeHtml(operation.summary)}</td>
        <td><span class="method">${escapeHtml(operation.method)}</span> <code>${escapeHtml(operation.path)}</code></td>
        <td>${escapeHtml(operation.apiVersion)} (spec ${escapeHtml(api.specVersion)})</td>
        <td>${escapeHtml(operation.successStatus)}</td>
        <td><a href="${api.name}.html">${escapeHtml(api.name)}.html</a></td>
      </tr>`,
    ),
  );
  const deviationRows = apis.flatMap((api) =>
    api.deviations.map(
      (deviation) => `      <tr>
        <td><a href="${api.name}.html">${escapeHtml(api.name)}</a></td>
        <td>${escapeHtml(deviation.where)}</td>
        <td>${prose(deviation.document)}</td>
        <td>${prose(deviation.service)}</td>
        <td class="evidence">${deviation.evidence.map(evidenceLink).join('')}</td>
      </tr>`,
    ),
  );
  const downloads = apis.map(
    (api) =>
      `      <li>${escapeHtml(api.title)}: <a href="openapi/${api.name}.json" download>${api.name}.json</a>, <a href="openapi/${api.name}.yaml" download>${api.name}.yaml</a></li>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Snapshot APIs</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <style>${STYLE}</style>
</head>
<body>
  <h1>Snapshot APIs</h1>
  <p>OpenAPI 3.1 descriptions of four cloud "create snapshot" APIs, held to what the services really do.</p>

  <h2>APIs</h2>
  <table id="apis">
    <thead>
      <tr><th>Service</th><th>Operation</th><th>Method and path</th><th>API version</th><th>Success</th><th>Docs</th></tr>
    </thead>
    <tbody>
${apiRows.join('\n')}
    </tbody>
  </table>

  <h2>Where the specs differ from the vendors' documents</h2>
  <p>Each row is an <code>x-doc-deviation</code> entry: the spec follows the service, on the evidence named.</p>
  <table id="deviations">
    <thead>
      <tr><th>API</th><th>Element</th><th>The document says</th><th>The service does</th><th>Evidence</th></tr>
    </thead>
    <tbody>
${deviationRows.join('\n')}
    </tbody>
  </table>

  <h2>Download the specs</h2>
  <ul id="downloads">
${downloads.join('\n')}
  </ul>
</body>
</html>
`;
}
