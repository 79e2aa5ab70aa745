import { assertNever } from '@alphintra/core';
import type { Dimension, ParameterSet, ParameterSpace, ParameterValue } from '../space/dimension.js';
import { constraintError } from './expression-lexer.js';
import { type Expression, parseExpression } from './expression-parser.js';

/** A checked, compiled constraint between parameters. */
export interface Constraint {
  /** The text as written. */
  readonly source: string;
  /** Returns whether a parameter set satisfies the constraint. */
  readonly holds: (parameters: ParameterSet) => boolean;
}

type ValueType = 'number' | 'string' | 'boolean';
type Compiled = (parameters: ParameterSet) => ParameterValue;

/** Functions the language knows, with their arities (min, max). */
const FUNCTIONS: Readonly<Record<string, readonly [number, number, (...xs: number[]) => number]>> = {
  abs: [1, 1, Math.abs],
  min: [1, 16, Math.min],
  max: [1, 16, Math.max],
  floor: [1, 1, Math.floor],
  ceil: [1, 1, Math.ceil],
  round: [1, 1, Math.round],
  sqrt: [1, 1, Math.sqrt],
  log: [1, 1, Math.log],
};

function typeOfDimension(dimension: Dimension): ValueType {
  const sample: ParameterValue =
    dimension.kind === 'fixed'
      ? dimension.value
      : dimension.kind === 'numeric'
        ? 0
        : (dimension.values[0] as ParameterValue);
  return typeof sample as ValueType;
}

const compareNumbers = (op: string, a: number, b: number): boolean =>
  op === '<'
    ? a < b
    : op === '<='
      ? a <= b
      : op === '>'
        ? a > b
        : op === '>='
          ? a >= b
          : op === '=='
            ? a === b
            : a !== b;

/**
 * Parses, type-checks and compiles a constraint against a search space. Names are the space's
 * parameters; numbers, quoted strings, `true`/`false`; arithmetic `+ - * / % ^`; comparisons
 * `< <= > >= == !=` (chainable: `5 <= fast < slow`); `&&`/`and`, `||`/`or`, `!`/`not`; and the
 * functions abs, min, max, floor, ceil, round, sqrt, log. The whole must be true or false.
 * Evaluation walks the compiled tree; no text is ever handed to `eval` or `Function`.
 *
 * @example
 * const c = compileConstraint('slow - fast >= 10', space);
 * c.holds({ fast: 10, slow: 15 }); // false
 */
export function compileConstraint(source: string, space: ParameterSpace): Constraint {
  const tree = parseExpression(source);
  const types = new Map(space.dimensions.map((d) => [d.name, typeOfDimension(d)]));
  const fail = (column: number, message: string): never => {
    throw constraintError(source, column, message);
  };
  const want = (node: Expression, type: ValueType, what: string): Compiled => {
    const [actual, run] = compile(node);
    if (actual !== type)
      fail(node.column, `expected ${type === 'number' ? 'a number' : `a ${type}`} ${what}, got a ${actual}`);
    return run;
  };
  const compile = (node: Expression): [ValueType, Compiled] => {
    switch (node.kind) {
      case 'literal': {
        const value = node.value;
        return [typeof value as ValueType, () => value];
      }
      case 'name': {
        const type = types.get(node.name);
        if (type === undefined)
          return fail(node.column, `unknown parameter ${node.name} (parameters: ${[...types.keys()].join(', ')})`);
        const name = node.name;
        return [type, (p) => p[name] as ParameterValue];
      }
      case 'negate': {
        const run = want(node.operand, 'number', 'after -');
        return ['number', (p) => -(run(p) as number)];
      }
      case 'not': {
        const run = want(node.operand, 'boolean', 'after not');
        return ['boolean', (p) => !(run(p) as boolean)];
      }
      case 'arithmetic': {
        const left = want(node.left, 'number', `before ${node.operator}`);
        const right = want(node.right, 'number', `after ${node.operator}`);
        const op = node.operator;
        const apply = (a: number, b: number): number =>
          op === '+'
            ? a + b
            : op === '-'
              ? a - b
              : op === '*'
                ? a * b
                : op === '/'
                  ? a / b
                  : op === '%'
                    ? a % b
                    : a ** b;
        return ['number', (p) => apply(left(p) as number, right(p) as number)];
      }
      case 'compare': {
        const parts = node.operands.map((operand) => compile(operand));
        node.operators.forEach((op, i) => {
          const a = (parts[i] as [ValueType, Compiled])[0];
          const b = (parts[i + 1] as [ValueType, Compiled])[0];
          const ordered = op !== '==' && op !== '!=';
          if (ordered && (a !== 'number' || b !== 'number'))
            fail(
              node.operands[i]?.column ?? node.column,
              `expected numbers on both sides of ${op}, got a ${a} and a ${b}`,
            );
          if (a !== b) fail(node.operands[i]?.column ?? node.column, `cannot compare a ${a} with a ${b} using ${op}`);
        });
        const runs = parts.map(([, run]) => run);
        const ops = node.operators;
        return [
          'boolean',
          (p) => {
            let left = (runs[0] as Compiled)(p);
            for (let i = 0; i < ops.length; i++) {
              const right = (runs[i + 1] as Compiled)(p);
              const op = ops[i] as string;
              const ok =
                typeof left === 'number' && typeof right === 'number'
                  ? compareNumbers(op, left, right)
                  : op === '=='
                    ? left === right
                    : left !== right;
              if (!ok) return false;
              left = right;
            }
            return true;
          },
        ];
      }
      case 'logical': {
        const left = want(node.left, 'boolean', `before ${node.operator}`);
        const right = want(node.right, 'boolean', `after ${node.operator}`);
        return node.operator === '&&'
          ? ['boolean', (p) => (left(p) as boolean) && (right(p) as boolean)]
          : ['boolean', (p) => (left(p) as boolean) || (right(p) as boolean)];
      }
      case 'call': {
        const fn = FUNCTIONS[node.name];
        if (fn === undefined)
          return fail(node.column, `unknown function ${node.name} (functions: ${Object.keys(FUNCTIONS).join(', ')})`);
        const [least, most, apply] = fn;
        if (node.args.length < least || node.args.length > most)
          fail(
            node.column,
            `expected ${least === most ? least : `${least} to ${most}`} arguments for ${node.name}, got ${node.args.length}`,
          );
        const args = node.args.map((a) => want(a, 'number', `as an argument of ${node.name}`));
        return ['number', (p) => apply(...args.map((a) => a(p) as number))];
      }
      default:
        return assertNever(node);
    }
  };
  const run = want(tree, 'boolean', 'as the result (a constraint must be true or false)');
  return { source, holds: (parameters) => run(parameters) === true };
}

/** Returns whether a parameter set satisfies every constraint. */
export function satisfiesAll(constraints: readonly Constraint[], parameters: ParameterSet): boolean {
  for (const c of constraints) if (!c.holds(parameters)) return false;
  return true;
}
