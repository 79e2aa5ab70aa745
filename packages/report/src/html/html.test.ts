import { describe, expect, it } from 'vitest';
import { Html, html, trustedHtml } from './html.js';

describe('the html template tag', () => {
  it('escapes interpolated strings and keeps its own markup', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<h1 title="${name}">${name}</h1>`.text).toBe(
      '<h1 title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</h1>',
    );
  });

  it('inserts fragments as they are, joins arrays and leaves out null and undefined', () => {
    const items = ['a&b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}</ul>`.text).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
    expect(html`${trustedHtml('<b>x</b>')} ${3.5}`.text).toBe('<b>x</b> 3.5');
  });

  it('makes fragments that print as their markup', () => {
    expect(String(html`<p>${'<'}</p>`)).toBe('<p>&lt;</p>');
    expect(html`x` instanceof Html).toBe(true);
  });
});
