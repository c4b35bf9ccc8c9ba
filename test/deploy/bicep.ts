import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { packageRoot } from '../../src/config.js';

export const deployDir = path.join(packageRoot, 'deploy');

export interface BicepFile {
  /** Path relative to deploy/, such as `modules/cosmos.bicep`. */
  name: string;
  root: Node;
}

export interface BicepResource {
  file: string;
  symbol: string;
  type: string;
  apiVersion: string;
  /** The body object (inside `if (...)` or `[for ...]` when there is one). */
  body: Node | null;
}

let parser: Promise<Parser> | undefined;

/** One parser for the process; initialising web-tree-sitter twice at once corrupts it. */
function bicepParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const wasm = createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
    const created = new Parser();
    created.setLanguage(await Language.load(wasm));
    return created;
  })();
  return parser;
}

export function bicepFileNames(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(deployDir, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.bicep')) found.push(relative);
    }
  };
  walk('.');
  return found.sort();
}

export async function parseBicep(source: string): Promise<Node> {
  const tree = (await bicepParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree.rootNode;
}

export async function loadTemplates(): Promise<BicepFile[]> {
  return Promise.all(
    bicepFileNames().map(async (name) => ({ name, root: await parseBicep(readFileSync(path.join(deployDir, name), 'utf8')) })),
  );
}

/** Every ERROR or MISSING node, as `line:column kind`. */
export function syntaxProblems(root: Node): string[] {
  return descendants(root)
    .filter((node) => node.isError || node.isMissing)
    .map((node) => `${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? `missing ${node.type}` : 'syntax error'}`);
}

export function descendants(node: Node): Node[] {
  const all: Node[] = [];
  const cursor = node.walk();
  const visit = (): void => {
    do {
      all.push(cursor.currentNode);
      if (cursor.gotoFirstChild()) {
        visit();
        cursor.gotoParent();
      }
    } while (cursor.gotoNextSibling());
  };
  visit();
  return all;
}

/** The value of a string literal without interpolations, or null. */
export function stringValue(node: Node): string | null {
  if (node.type !== 'string') return null;
  if (node.namedChildren.some((child) => child?.type !== 'string_content')) return null;
  return node.namedChildren.map((child) => child?.text ?? '').join('');
}

/** An object property's key as written (identifier or quoted string). */
export function propertyKey(property: Node): string {
  const key = property.namedChild(0);
  if (!key) throw new Error(`property without a key at line ${property.startPosition.row + 1}`);
  return key.type === 'string' ? (stringValue(key) ?? key.text) : key.text;
}

export function propertyValue(property: Node): Node | null {
  return property.namedChild(1);
}

/** The direct properties of an object literal, by key. */
export function objectProperties(object: Node): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const child of object.namedChildren) {
    if (child?.type !== 'object_property') continue;
    const value = propertyValue(child);
    if (value) found.set(propertyKey(child), value);
  }
  return found;
}

/** Follows a path of property names through nested object literals. */
export function propertyAt(object: Node | null, ...keys: string[]): Node | null {
  let current = object;
  for (const key of keys) {
    if (current?.type !== 'object') return null;
    current = objectProperties(current).get(key) ?? null;
  }
  return current;
}

function declarationBody(declaration: Node): Node | null {
  const value = declaration.namedChildren.at(-1) ?? null;
  if (!value) return null;
  if (value.type === 'object') return value;
  if (value.type === 'if_statement' || value.type === 'for_statement') {
    return value.namedChildren.find((child) => child?.type === 'object') ?? null;
  }
  return null;
}

export function resources(files: readonly BicepFile[]): BicepResource[] {
  return files.flatMap((file) =>
    descendants(file.root)
      .filter((node) => node.type === 'resource_declaration')
      .map((node) => {
        const symbol = node.namedChild(0)?.text ?? '';
        const typeNode = node.namedChild(1);
        const typeAndVersion = typeNode ? stringValue(typeNode) : null;
        if (!typeAndVersion) throw new Error(`${file.name}: resource ${symbol} has no literal type`);
        const [type = '', apiVersion = ''] = typeAndVersion.split('@');
        return { file: file.name, symbol, type, apiVersion, body: declarationBody(node) };
      }),
  );
}

export function declarations(root: Node, type: 'output_declaration' | 'parameter_declaration' | 'variable_declaration' | 'module_declaration'): Node[] {
  return root.namedChildren.filter((child): child is Node => child?.type === type);
}

export function declarationName(declaration: Node): string {
  return declaration.namedChild(0)?.text ?? '';
}

/** Parameters marked `@secure()`: the decorators node sits just before the declaration. */
export function secureParameters(root: Node): string[] {
  return declarations(root, 'parameter_declaration')
    .filter((param) => {
      const previous = param.previousNamedSibling;
      return previous?.type === 'decorators' && /@secure\(\)/.test(previous.text);
    })
    .map(declarationName);
}

export function moduleBody(declaration: Node): Node | null {
  return declarationBody(declaration);
}

export function fileNamed(files: readonly BicepFile[], name: string): BicepFile {
  const file = files.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`deploy/${name} is missing`);
  return file;
}
