import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FORBIDDEN_PACKAGES = [
  /^fastify($|\/)/,
  /^@fastify\//,
  /^@mikro-orm\//,
  /^@temporalio\//,
  /^tsyringe($|\/)/,
];
const OUTER_LAYERS = ['src/adapters', 'src/bootstrap'];

// Every module specifier in a source text: static and type imports, re-exports, import() and require().
export function specifiersIn(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ''));
}

// Why `specifier`, imported by the file at `file` (relative to the repository root), breaks the rule
// that arrows point inward; undefined if it does not.
export function violation(file: string, specifier: string): string | undefined {
  const inDomain = file.startsWith('src/domain/');
  if (!specifier.startsWith('.')) {
    // Not even node: builtins, which Temporal's workflow sandbox refuses, should a workflow use the domain.
    if (inDomain) return 'domain/ imports no package';
    return FORBIDDEN_PACKAGES.some((pattern) => pattern.test(specifier)) ? 'a framework package' : undefined;
  }
  const target = relative(ROOT, resolve(ROOT, dirname(file), specifier))
    .split(sep)
    .join('/');
  if (OUTER_LAYERS.some((layer) => target === layer || target.startsWith(`${layer}/`)))
    return 'an outer layer';
  if (inDomain && !target.startsWith('src/domain/')) return 'outside domain/';
  return undefined;
}
