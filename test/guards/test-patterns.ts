import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Finds the shapes of tests that cannot fail (see docs/testing.md):
 * - `objectContaining(new Set(...))`: passes for any set;
 * - a `return` in a test's own body: the rest of the test silently does not run (skip with a reason instead);
 * - a `for ... of` loop whose body asserts, over something the test never asserted to be non-empty or of a
 *   given length: zero iterations pass. Fixed tables (literals, UPPER_CASE constants) are fine; otherwise assert
 *   the count, or say on the line above why the loop cannot be empty: `// loop runs: <why>`.
 */
export interface Finding {
  file: string;
  line: number;
  rule: "object-containing-set" | "early-return" | "unchecked-loop";
  text: string;
}

const TEST_CALLS = new Set(["it", "test"]);

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return calleeName(expression.expression);
  if (ts.isCallExpression(expression)) return calleeName(expression.expression); // it.each(...)(...)
  return undefined;
}

const isFunction = (node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression =>
  ts.isArrowFunction(node) || ts.isFunctionExpression(node);

/** Visits the nodes of a function body without entering nested functions. */
function walkOwnBody(node: ts.Node, visit: (node: ts.Node) => void) {
  node.forEachChild((child) => {
    if (isFunction(child) || ts.isFunctionDeclaration(child)) return;
    visit(child);
    walkOwnBody(child, visit);
  });
}

function containsExpect(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(child) && ts.isIdentifier(child.expression) && child.expression.text === "expect")
      found = true;
    else child.forEachChild(visit);
  };
  visit(node);
  return found;
}

/** Whether the iterated collection is fixed in the source: an array literal, or a constant bound to one. */
function isLiteralCollection(expression: ts.Expression, source: ts.SourceFile): boolean {
  let inner = expression;
  while (ts.isAsExpression(inner) || ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (ts.isArrayLiteralExpression(inner)) return true;
  // A module constant (UPPER_CASE), possibly indexed: a fixed table of the test's own.
  let root: ts.Expression = inner;
  while (ts.isElementAccessExpression(root) || ts.isPropertyAccessExpression(root)) root = root.expression;
  if (ts.isIdentifier(root) && /^[A-Z][A-Z0-9_]+$/.test(root.text)) return true;
  if (ts.isIdentifier(inner)) {
    let literal = false;
    const visit = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === inner.text &&
        node.initializer
      ) {
        literal ||= isLiteralCollection(node.initializer, source);
      }
      node.forEachChild(visit);
    };
    visit(source);
    return literal;
  }
  // Object.entries/keys/values of an object literal written in the test.
  if (
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    inner.expression.expression.getText(source) === "Object" &&
    inner.arguments[0] &&
    ts.isObjectLiteralExpression(inner.arguments[0])
  )
    return true;
  return false;
}

const COUNT_MATCHERS = /^(toHaveLength|toEqual|toStrictEqual|toBe|toBeGreaterThan|toBeGreaterThanOrEqual)$/;

/**
 * Whether the test asserts the size of the collection before or after the loop: `expect(X).toHaveLength(n)`,
 * `expect(X.length)...`, `expect(X).toEqual([...])`, or for `a.b.items` an assertion on `a.b.total`.
 */
function countAsserted(body: ts.Node, collection: string, source: ts.SourceFile): boolean {
  const names = new Set([collection, `${collection}.length`]);
  if (collection.endsWith(".items")) names.add(`${collection.slice(0, -".items".length)}.total`);
  let asserted = false;
  const visit = (node: ts.Node) => {
    if (asserted) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const matcher = node.expression.name.text;
      let target: ts.Expression = node.expression.expression;
      if (ts.isPropertyAccessExpression(target) && target.name.text === "not") target = target.expression;
      if (
        COUNT_MATCHERS.test(matcher) &&
        ts.isCallExpression(target) &&
        ts.isIdentifier(target.expression) &&
        target.expression.text === "expect" &&
        target.arguments[0] &&
        names.has(target.arguments[0].getText(source).replace(/\s+/g, ""))
      )
        asserted = true;
    }
    node.forEachChild(visit);
  };
  visit(body);
  return asserted;
}

/** `// loop runs: <why>` on the line above a loop says why it cannot run zero times (a count asserted elsewhere). */
function acknowledged(node: ts.Node, source: ts.SourceFile): boolean {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  if (line === 0) return false;
  const previous = source.text.split("\n")[line - 1] ?? "";
  return /\/\/ loop runs: \S/.test(previous);
}

export function scanTestSource(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const add = (node: ts.Node, rule: Finding["rule"]) =>
    findings.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      rule,
      text: node.getText(source).split("\n")[0]!.slice(0, 120),
    });

  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "objectContaining" &&
      node.arguments[0] &&
      ts.isNewExpression(node.arguments[0]) &&
      node.arguments[0].expression.getText(source) === "Set"
    )
      add(node, "object-containing-set");

    if (ts.isCallExpression(node) && TEST_CALLS.has(calleeName(node.expression) ?? "")) {
      const callback = node.arguments.find(isFunction);
      if (callback) {
        walkOwnBody(callback.body, (child) => {
          if (ts.isReturnStatement(child) && ts.isBlock(callback.body)) add(child, "early-return");
          if (ts.isForOfStatement(child) && containsExpect(child.statement) && !acknowledged(child, source)) {
            const collection = child.expression.getText(source).replace(/\s+/g, "");
            if (
              !isLiteralCollection(child.expression, source) &&
              !countAsserted(callback.body, collection, source)
            )
              add(child, "unchecked-loop");
          }
        });
      }
    }
    node.forEachChild(visit);
  };
  visit(source);
  return findings;
}

export function testFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (["node_modules", "dist", ".stryker-tmp", ".tools", "reports"].includes(entry.name)) continue;
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith(".test.ts")) found.push(relative);
    }
  };
  for (const dir of ["src", "test", "e2e"]) walk(dir);
  return found.sort();
}

export const scanRepository = (root: string) =>
  testFiles(root).flatMap((file) => scanTestSource(file, readFileSync(path.join(root, file), "utf8")));
