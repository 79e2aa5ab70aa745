import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from './escape.js';

describe('escapeHtml', () => {
  it('turns markup characters into character references', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('leaves ordinary text as it is', () => {
    expect(escapeHtml('sma-crossover 1.0.0 — ORCL.SIM')).toBe('sma-crossover 1.0.0 — ORCL.SIM');
  });
});

describe('jsonForScript', () => {
  it('cannot close its script element and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- & \u2028 -->' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
