import { AlphintraError } from '@alphintra/core';

/** A token of the constraint language. */
export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly column: number }
  | { readonly kind: 'string'; readonly value: string; readonly column: number }
  | { readonly kind: 'name'; readonly value: string; readonly column: number }
  | { readonly kind: 'operator'; readonly value: string; readonly column: number }
  | { readonly kind: 'end'; readonly column: number };

/** Operators, longest first so that `<=` wins over `<`. */
const OPERATORS = [
  '**',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '<',
  '>',
  '=',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '(',
  ')',
  ',',
];

/** Words that read as operators. */
const WORD_OPERATORS: Readonly<Record<string, string>> = { and: '&&', or: '||', not: '!' };

/** Returns an error about a constraint, pointing at a one-based column. */
export function constraintError(source: string, column: number, message: string): AlphintraError {
  return new AlphintraError('INVALID_ARGUMENT', `in constraint "${source}" at column ${column}: ${message}`);
}

/**
 * Splits a constraint into tokens: numbers (`10`, `0.5`, `1e-3`), quoted strings, names,
 * operators (`=` and `**` are read as `==` and `^`; `and`, `or`, `not` as `&&`, `||`, `!`).
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const column = i + 1;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const numberMatch = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (numberMatch !== null) {
      tokens.push({ kind: 'number', value: Number(numberMatch[0]), column });
      i += numberMatch[0].length;
      continue;
    }
    const nameMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (nameMatch !== null) {
      const word = nameMatch[0];
      const operator = WORD_OPERATORS[word];
      tokens.push(
        operator === undefined ? { kind: 'name', value: word, column } : { kind: 'operator', value: operator, column },
      );
      i += word.length;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = source.indexOf(c, i + 1);
      if (close < 0) throw constraintError(source, column, `expected a closing ${c}`);
      tokens.push({ kind: 'string', value: source.slice(i + 1, close), column });
      i = close + 1;
      continue;
    }
    const operator = OPERATORS.find((op) => source.startsWith(op, i));
    if (operator === undefined) throw constraintError(source, column, `unexpected character "${c}"`);
    const value = operator === '=' ? '==' : operator === '**' ? '^' : operator;
    tokens.push({ kind: 'operator', value, column });
    i += operator.length;
  }
  tokens.push({ kind: 'end', column: source.length + 1 });
  return tokens;
}
