// Small HTML helpers shared by the docs pages we write ourselves: the index,
// the guides and the deviation callouts inside the API pages.

export const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** The specs' prose as one line of HTML: white space collapsed, `code` spans kept. */
export const prose = (text: string) =>
  escapeHtml(text.trim().replace(/\s+/g, ' ')).replace(/`([^`]+)`/g, (_match, code: string) => `<code>${code}</code>`);

/**
 * JSON that can sit inside a `<script type="application/json">` element:
 * `<` is written as `\u003c`, so no `</script>` in a string can end the element.
 */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
