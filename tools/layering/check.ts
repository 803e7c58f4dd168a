import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importsOf, packageOf } from './imports';
import { DATABASE_DRIVERS, LAYERS, type Layer } from './layers';

/** One import the architecture does not allow, or one the importing package does not declare. */
export interface Violation {
  /** The importing file, relative to the repository root, with its line. */
  at: string;
  specifier: string;
  problem: string;
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  workspaces?: string[];
}

interface Workspace {
  dir: string;
  manifest: Manifest;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.footprint']);
const BUILTINS = new Set(builtinModules);

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The workspace folders named by the root package.json (`packages/*`, `apps/*`). */
function workspacesOf(root: string, manifest: Manifest): Workspace[] {
  const found: Workspace[] = [];
  for (const pattern of manifest.workspaces ?? []) {
    if (!pattern.endsWith('/*')) throw new Error(`unsupported workspaces pattern ${pattern}`);
    const parent = pattern.slice(0, -2);
    if (!existsSync(join(root, parent))) continue;
    for (const entry of readdirSync(join(root, parent), { withFileTypes: true })) {
      const file = join(root, parent, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(file)) found.push({ dir: `${parent}/${entry.name}`, manifest: readManifest(file) });
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (SOURCE.test(entry.name)) files.push(path);
  }
  return files;
}

/** Code is what ships: `src/` and `bin/`, without tests. Everything else (tests, benchmarks, examples, config) is tooling. */
function isCode(pathInPackage: string): boolean {
  return /^(src|bin)\//.test(pathInPackage) && !/\.test\.[cm]?[jt]sx?$/.test(pathInPackage);
}

/**
 * Checks every import of every workspace package under `root` against the layer table:
 * declared in package.json, allowed by an arrow, drivers only in engine packages, no reaching
 * into another package's files. Returns the violations (none when the code keeps its layers).
 */
export function checkLayers(root: string, layers: Readonly<Record<string, Layer>> = LAYERS): Violation[] {
  const rootManifest = readManifest(join(root, 'package.json'));
  const workspaces = workspacesOf(root, rootManifest);
  const names = new Set(workspaces.map((w) => w.manifest.name));
  const violations: Violation[] = [];

  for (const { dir, manifest } of workspaces) {
    const layer = layers[manifest.name];
    if (!layer) {
      violations.push({ at: `${dir}/package.json`, specifier: manifest.name, problem: 'is not in the layer table (tools/layering/layers.ts)' });
      continue;
    }
    if (layer.dir !== dir) violations.push({ at: `${dir}/package.json`, specifier: manifest.name, problem: `lives in ${dir}, but the layer table says ${layer.dir}` });
    const shipped = { ...manifest.peerDependencies, ...manifest.dependencies };
    const anyDeclared = { ...rootManifest.devDependencies, ...manifest.devDependencies, ...shipped };
    const packageRoot = resolve(root, dir);

    for (const file of sourceFiles(packageRoot)) {
      const inPackage = relative(packageRoot, file).split(sep).join('/');
      const code = isCode(inPackage);
      const where = code ? 'its code' : 'its tests and tooling';
      for (const imported of importsOf(file, readFileSync(file, 'utf8'))) {
        const at = `${dir}/${inPackage}:${imported.line}`;
        const report = (problem: string) => violations.push({ at, specifier: imported.specifier, problem });
        const { specifier } = imported;
        if (specifier.startsWith('.') || specifier.startsWith('/')) {
          const target = resolve(dirname(file), specifier);
          if (target !== packageRoot && !target.startsWith(packageRoot + sep)) report(`reaches outside ${dir}; import the other package by its name`);
          continue;
        }
        if (specifier.startsWith('node:') || BUILTINS.has(specifier)) continue;
        const name = packageOf(specifier);
        if (name === manifest.name) continue;
        // What ships must be in `dependencies`; types (erased at run time), tests and tooling may use devDependencies too.
        const needsShipped = code && !imported.typeOnly;
        if (!(name in (needsShipped ? shipped : anyDeclared))) report(`${manifest.name} does not declare ${name} in ${needsShipped ? 'dependencies' : 'dependencies or devDependencies'}`);
        if (names.has(name)) {
          const target = layers[name];
          const allowed = code
            ? layer.uses.includes(name) || (imported.typeOnly && (layer.usesTypes ?? []).includes(name))
            : layer.uses.includes(name) || (layer.usesTypes ?? []).includes(name) || (layer.testsUse ?? []).includes(name);
          if (!allowed) {
            const typesOnly = code && (layer.usesTypes ?? []).includes(name) ? ' (types only: use `import type`)' : '';
            report(`no arrow from ${manifest.name} to ${name} in ${where}${typesOnly}`);
          } else if (code && target?.testOnly) report(`${name} is test support; only tests may import it`);
        }
        if (code && DATABASE_DRIVERS.includes(name) && !layer.drivers) report(`${manifest.name} may not import a database driver; drivers belong in the engine classes of record, cohort and warehouse`);
      }
    }
  }
  for (const [name, layer] of Object.entries(layers)) {
    if (existsSync(join(root, layer.dir)) && !names.has(name)) violations.push({ at: layer.dir, specifier: name, problem: 'is in the layer table but is not a workspace package' });
  }
  return violations;
}

/** One line per violation, for a failing test's message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.at}: '${v.specifier}' ${v.problem}`).join('\n');
}
