import { constraintError, type Token, tokenize } from './expression-lexer.js';

/** Comparison operators; a chain `a < b <= c` means `a < b && b <= c`. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** Arithmetic operators. */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '^';

/** A node of a parsed constraint. */
export type Expression =
  | { readonly kind: 'literal'; readonly value: number | string | boolean; readonly column: number }
  | { readonly kind: 'name'; readonly name: string; readonly column: number }
  | { readonly kind: 'negate' | 'not'; readonly operand: Expression; readonly column: number }
  | {
      readonly kind: 'arithmetic';
      readonly operator: ArithmeticOperator;
      readonly left: Expression;
      readonly right: Expression;
      readonly column: number;
    }
  | {
      readonly kind: 'compare';
      readonly operators: readonly ComparisonOperator[];
      readonly operands: readonly Expression[];
      readonly column: number;
    }
  | {
      readonly kind: 'logical';
      readonly operator: '&&' | '||';
      readonly left: Expression;
      readonly right: Expression;
      readonly column: number;
    }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expression[]; readonly column: number };

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end' : `"${String(token.value)}"`;
}

/**
 * Parses a constraint such as `fast < slow`, `slow - fast >= 10` or `ma == 'ema' or fast > 5`
 * into a syntax tree, by recursive descent with the usual precedence (lowest first): `||`,
 * `&&`, `!`, comparisons (chainable), `+ -`, `* / %`, unary `-`, `^` (right-associative).
 * Nothing is evaluated here and no JavaScript is ever run from the text.
 *
 * @example
 * parseExpression('slow - fast >= 10'); // { kind: 'compare', operators: ['>='], … }
 */
export function parseExpression(source: string): Expression {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): Token => tokens[position] as Token;
  const isOperator = (value: string): boolean => {
    const t = peek();
    return t.kind === 'operator' && t.value === value;
  };
  const expect = (value: string): void => {
    if (!isOperator(value))
      throw constraintError(source, peek().column, `expected "${value}", got ${describe(peek())}`);
    position++;
  };

  const logical = (operator: '&&' | '||', next: () => Expression): Expression => {
    let left = next();
    while (isOperator(operator)) {
      const column = peek().column;
      position++;
      left = { kind: 'logical', operator, left, right: next(), column };
    }
    return left;
  };
  const or = (): Expression => logical('||', and);
  const and = (): Expression => logical('&&', not);
  const not = (): Expression => {
    if (isOperator('!')) {
      const column = peek().column;
      position++;
      return { kind: 'not', operand: not(), column };
    }
    return comparison();
  };
  const comparison = (): Expression => {
    const first = additive();
    const operators: ComparisonOperator[] = [];
    const operands: Expression[] = [first];
    for (;;) {
      const t = peek();
      if (t.kind !== 'operator' || !COMPARISONS.has(t.value)) break;
      position++;
      operators.push(t.value as ComparisonOperator);
      operands.push(additive());
    }
    return operators.length === 0 ? first : { kind: 'compare', operators, operands, column: first.column };
  };
  const binary = (ops: readonly string[], next: () => Expression): (() => Expression) => {
    return () => {
      let left = next();
      for (;;) {
        const t = peek();
        if (t.kind !== 'operator' || !ops.includes(t.value)) return left;
        position++;
        left = { kind: 'arithmetic', operator: t.value as ArithmeticOperator, left, right: next(), column: t.column };
      }
    };
  };
  const unary = (): Expression => {
    const t = peek();
    if (t.kind === 'operator' && (t.value === '-' || t.value === '+')) {
      position++;
      const operand = unary();
      return t.value === '-' ? { kind: 'negate', operand, column: t.column } : operand;
    }
    return power();
  };
  const multiplicative = binary(['*', '/', '%'], unary);
  const additive = binary(['+', '-'], multiplicative);
  const power = (): Expression => {
    const base = atom();
    if (!isOperator('^')) return base;
    const column = peek().column;
    position++;
    return { kind: 'arithmetic', operator: '^', left: base, right: unary(), column };
  };
  const atom = (): Expression => {
    const t = peek();
    position++;
    switch (t.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: t.value, column: t.column };
      case 'name': {
        if (t.value === 'true' || t.value === 'false')
          return { kind: 'literal', value: t.value === 'true', column: t.column };
        if (!isOperator('(')) return { kind: 'name', name: t.value, column: t.column };
        position++;
        const args: Expression[] = [];
        if (!isOperator(')')) {
          args.push(or());
          while (isOperator(',')) {
            position++;
            args.push(or());
          }
        }
        expect(')');
        return { kind: 'call', name: t.value, args, column: t.column };
      }
      case 'operator':
        if (t.value === '(') {
          const inner = or();
          expect(')');
          return inner;
        }
        throw constraintError(source, t.column, `expected a value, got ${describe(t)}`);
      case 'end':
        throw constraintError(source, t.column, 'expected a value, got the end');
    }
  };

  const tree = or();
  if (peek().kind !== 'end') throw constraintError(source, peek().column, `unexpected ${describe(peek())}`);
  return tree;
}
