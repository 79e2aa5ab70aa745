/**
 * Returns text safe inside HTML element content and double-quoted attribute values: `&`, `<`,
 * `>`, `"` and `'` become character references. Every string that comes from user data
 * (strategy names, tags, file names, parameters) goes through here before it reaches a page.
 *
 * @example
 * escapeHtml('<script>'); // '&lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Returns JSON that can sit inside a `<script type="application/json">` element: `<`, `>` and
 * `&` are written as `\u003c` … so no string in the data can close the element or open a
 * comment, and U+2028/U+2029 are escaped for older parsers. `JSON.parse` reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
