// The browser build swaps every *.server module (and @remix-run/node) for an empty stub, so a
// component that reads a value from one gets `undefined` once JavaScript runs, while the page
// rendered fine on the server: "/admin/outbox" died on `OUTBOX_STATUSES.map`, /search said
// "Recordings NaN–NaN". The compiler does not complain, so this test does: it follows, with
// TypeScript's own name resolution, everything a route's browser exports (the component, meta,
// ErrorBoundary…) and every isomorphic module can reach, and lists the server values it meets.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// What Remix keeps out of the browser build of a route module.
const SERVER_ONLY_EXPORTS = new Set(["loader", "action", "headers"]);
const SERVER_MODULE = /\.server(\.[jt]sx?)?$|^@remix-run\/node$/;

function browserModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : browserModules(file);
    return /\.tsx?$/.test(name) && !/\.(server|test)\.tsx?$/.test(name) ? [file] : [];
  });
}

function isRouteModule(file: string) {
  if (path.relative(ROOT, file) === path.join("app", "root.tsx")) return true;
  const relative = path.relative(path.join(ROOT, "app/routes"), file).split(path.sep);
  return relative[0] !== ".." && (relative.length === 1 || (relative.length === 2 && /^route\.tsx?$/.test(relative[1]!)));
}

/** "name from module" for each server value that code running in the browser reads in `file`. */
function serverValuesReadInBrowser(checker: ts.TypeChecker, sf: ts.SourceFile, isRoute: boolean): string[] {
  const serverImports = new Map<ts.Symbol, string>();
  const declarations = new Map<ts.Symbol, ts.Node>();
  const roots: ts.Node[] = [];
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const clause = statement.importClause;
      if (!SERVER_MODULE.test(from) || !clause || clause.isTypeOnly) continue;
      const names: ts.Identifier[] = clause.name ? [clause.name] : [];
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if (!e.isTypeOnly) names.push(e.name);
      for (const name of names) serverImports.set(checker.getSymbolAtLocation(name)!, `${name.text} from ${from}`);
      continue;
    }
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) continue;
    const names: ts.Identifier[] = [];
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) names.push(statement.name);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        ts.forEachChild(d, function collect(n) {
          if (ts.isIdentifier(n) && n === d.name) names.push(n);
          else if (ts.isBindingElement(n) && ts.isIdentifier(n.name)) names.push(n.name);
          else if (n === d.name || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) ts.forEachChild(n, collect);
        });
      }
    }
    for (const name of names) declarations.set(checker.getSymbolAtLocation(name)!, statement);
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(statement)) {
      if (!statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const e of statement.exportClause.elements) if (!isRoute || !SERVER_ONLY_EXPORTS.has(e.name.text)) roots.push(e);
      }
    } else if (ts.isExportAssignment(statement) || names.length === 0) {
      roots.push(statement); // the default export, or code that runs when the module loads
    } else if (exported && (!isRoute || names.some((n) => !SERVER_ONLY_EXPORTS.has(n.text)))) {
      roots.push(statement);
    }
  }
  if (serverImports.size === 0) return [];
  const found = new Set<string>();
  const seen = new Set<ts.Node>();
  const pending = [...roots];
  while (pending.length) {
    const node = pending.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    ts.forEachChild(node, function visit(child) {
      // Types vanish from the build: `typeof loader` reads nothing.
      if (ts.isTypeNode(child) && !ts.isExpressionWithTypeArguments(child)) return;
      if (ts.isIdentifier(child)) {
        const symbol = ts.isShorthandPropertyAssignment(child.parent) ? checker.getShorthandAssignmentValueSymbol(child.parent) : checker.getSymbolAtLocation(child);
        const imported = symbol && serverImports.get(symbol);
        if (imported) found.add(imported);
        const declaration = symbol && declarations.get(symbol);
        if (declaration && !seen.has(declaration)) pending.push(declaration);
      }
      ts.forEachChild(child, visit);
    });
  }
  return [...found].sort();
}

it("no component, meta or shared module reads a value from a server module", () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const files = browserModules(path.join(ROOT, "app"));
  // Names are resolved inside each file only (an import is its own local symbol), so the program
  // needs neither the imported modules nor the libraries: much faster, same answer.
  const program = ts.createProgram(files, { ...config!.options, noResolve: true, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  const offenders: Record<string, string[]> = {};
  for (const file of files) {
    const found = serverValuesReadInBrowser(checker, program.getSourceFile(file)!, isRouteModule(file));
    if (found.length) offenders[path.relative(ROOT, file)] = found;
  }
  expect(files.length).toBeGreaterThan(50);
  expect(offenders).toEqual({});
}, 60_000);
