import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AreaMessages } from './defineMessages.ts';

/**
 * Each screen adds its message areas itself (addMessages at the top of a module), so the console
 * does not download the other screens' words. A chunk that renders a key of an area nobody added
 * before it would show the bare key: this reads the web app's sources as the bundler splits them —
 * the entry, and every module loaded with `import()` with what it imports statically — and checks
 * that the areas a chunk's code uses are added in that chunk, in the entry, or in every chunk that
 * loads it.
 */

const webRoot = path.resolve(import.meta.dirname, '..');
const entry = path.join(webRoot, 'main.tsx');

function listSources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(directory, item.name);
    if (item.isDirectory()) return listSources(full);
    return /\.tsx?$/.test(item.name) && !/\.test\.tsx?$/.test(item.name) && !item.name.endsWith('.d.ts')
      ? [full]
      : [];
  });
}

const sources = new Map(listSources(webRoot).map((file) => [file, readFileSync(file, 'utf8')]));

const messagesDirectory = path.join(webRoot, 'i18n/messages');

/** Every area (each file of i18n/messages), by the name of its exported catalogue (`consoleMessages`). */
const areaByExport = new Map<string, AreaMessages<string>>();
for (const file of readdirSync(messagesDirectory)) {
  const module: Record<string, unknown> = await import(path.join(messagesDirectory, file));
  for (const [name, value] of Object.entries(module)) {
    if (isAreaMessages(value)) areaByExport.set(name, value);
  }
}
const areas = [...areaByExport.values()];
const areaNames = areas.map((area) => area.area);
const keys = new Set(areas.flatMap((area) => Object.keys(area.ko)));

function isAreaMessages(value: unknown): value is AreaMessages<string> {
  return typeof value === 'object' && value !== null && 'area' in value && 'ko' in value && 'en' in value;
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(from), specifier);
  return sources.has(target) ? target : null;
}

type ModuleFacts = {
  staticImports: string[];
  dynamicImports: string[];
  usedAreas: Set<string>;
  addedAreas: Set<string>;
};

function readModule(file: string): ModuleFacts {
  const text = sources.get(file) ?? '';
  // Type-only imports load nothing at run time.
  const staticImports = [
    ...text.matchAll(/^(?:import|export)(?!\s+type\s)[^;]*?\sfrom\s+'([^']+)'/gms),
    ...text.matchAll(/^import\s+'([^']+)'/gm),
  ]
    .map((match) => resolveImport(file, match[1] ?? ''))
    .filter((target) => target !== null);
  const dynamicImports = [...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)]
    .map((match) => resolveImport(file, match[1] ?? ''))
    .filter((target) => target !== null);
  const inMessages = path.dirname(file) === path.join(webRoot, 'i18n/messages');
  const usedAreas = new Set<string>();
  if (!inMessages) {
    // A key in a string, or the start of one in a template literal (`transfers.status.${status}`);
    // other dotted strings are not keys, nor is a property name on a line of its own (a stored
    // code such as the access log's 'login.failed': …, mapped to its message).
    const code = text.replace(/^(\s*)'[\w.-]+'(\s*:)/gm, '$1_$2');
    for (const match of code.matchAll(/'([\w.-]+)'|`([\w.-]+)\$\{/g)) {
      const [, whole, prefix] = match;
      const isKey = whole
        ? keys.has(whole)
        : prefix !== undefined && [...keys].some((key) => key.startsWith(prefix));
      if (isKey) usedAreas.add((whole ?? prefix ?? '').split('.')[0] ?? '');
    }
  }
  const addedAreas = new Set<string>();
  for (const call of text.matchAll(/addMessages\(([^)]*)\)/g)) {
    for (const name of (call[1] ?? '').split(',').map((part) => part.trim())) {
      const area = areaByExport.get(name);
      if (area) addedAreas.add(area.area);
    }
  }
  return { staticImports, dynamicImports, usedAreas, addedAreas };
}

const modules = new Map([...sources.keys()].map((file) => [file, readModule(file)]));

function staticClosure(root: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of modules.get(file)?.staticImports ?? []) visit(imported);
  };
  visit(root);
  return seen;
}

const chunkRoots = [entry, ...new Set([...modules.values()].flatMap((facts) => facts.dynamicImports))];
const closures = new Map(chunkRoots.map((root) => [root, staticClosure(root)]));

function areasAddedIn(files: Iterable<string>): Set<string> {
  return new Set([...files].flatMap((file) => [...(modules.get(file)?.addedAreas ?? [])]));
}

/** The areas surely added once a chunk has loaded: its own, and those of every way it is reached. */
const available = new Map<string, Set<string>>();
function availableAreas(root: string, visiting: Set<string> = new Set()): Set<string> {
  const known = available.get(root);
  if (known) return known;
  const own = areasAddedIn(closures.get(root) ?? []);
  if (root === entry) {
    available.set(root, own);
    return own;
  }
  visiting.add(root);
  const parents = chunkRoots.filter(
    (parent) =>
      !visiting.has(parent) &&
      [...(closures.get(parent) ?? [])].some((file) => modules.get(file)?.dynamicImports.includes(root)),
  );
  // Added whichever way it was reached: those every parent chunk has.
  const fromParents = parents.map((parent) => availableAreas(parent, visiting));
  const inherited = (fromParents[0] ? [...fromParents[0]] : []).filter((area) =>
    fromParents.every((areas) => areas.has(area)),
  );
  visiting.delete(root);
  const result = new Set([...own, ...areasAddedIn(closures.get(entry) ?? []), ...inherited]);
  available.set(root, result);
  return result;
}

describe('message areas', () => {
  it('finds the areas and the chunks to check', () => {
    expect(areaNames).toContain('common');
    expect(areaNames).toContain('console');
    expect(chunkRoots.map((root) => path.relative(webRoot, root))).toContain('scenes/ConsoleScene.tsx');
    expect(chunkRoots.map((root) => path.relative(webRoot, root))).toContain('console/callViews.ts');
  });

  it('are added by every chunk that uses them, before its first render', () => {
    const missing: string[] = [];
    for (const root of chunkRoots) {
      const areas = availableAreas(root);
      for (const file of closures.get(root) ?? []) {
        for (const area of modules.get(file)?.usedAreas ?? []) {
          if (!areas.has(area))
            missing.push(
              `${path.relative(webRoot, file)} uses '${area}' in chunk ${path.relative(webRoot, root)}`,
            );
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
