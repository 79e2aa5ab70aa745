import { escapeHtml } from './escape.js';

/**
 * A piece of markup that is already safe to place in a page. Only {@link html} (which escapes
 * what it interpolates) and {@link trustedHtml} (for the report's own constants) make one, so
 * user data cannot reach a page unescaped by accident.
 */
export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What {@link html} accepts between its literal parts. */
export type HtmlValue = Html | string | number | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Html) return value.text;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/**
 * Tagged template for markup: strings are escaped, numbers printed, `Html` inserted as is,
 * arrays joined, null and undefined left out.
 *
 * @example
 * html`<h1>${definition.name}</h1>`; // a strategy named "<script>" shows as text
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] as string);
  return new Html(out);
}

/** Wraps markup the report itself wrote (styles, inlined scripts) without escaping it. */
export function trustedHtml(text: string): Html {
  return new Html(text);
}
