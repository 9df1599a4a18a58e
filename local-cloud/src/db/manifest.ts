import { readFileSync } from 'node:fs';
import { z } from 'zod';

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'a field name or dot path');

export const indexSpecSchema = z.object({
  name: z.string().min(1).max(64),
  keys: z.record(fieldName, z.union([z.literal(1), z.literal(-1)])).refine((k) => Object.keys(k).length > 0, {
    message: 'an index needs at least one key',
  }),
  unique: z.boolean().optional(),
  /** Leave out documents that lack every key field, as MongoDB's sparse indexes do. */
  sparse: z.boolean().optional(),
});

export const collectionSpecSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a collection name: letters, digits, _ and -'),
  description: z.string().optional(),
  indexes: z.array(indexSpecSchema).default([]),
  /** Refuse every write with DATABASE_PERMISSION_DENIED (e.g. reference data that only a deployment changes). */
  readOnly: z.boolean().optional(),
});

/**
 * The list of collections and indexes: the local cloud creates and enforces them, and a deployment script reads the
 * same file to create them in WeChat's cloud.
 */
export const manifestSchema = z.object({
  collections: z.array(collectionSpecSchema),
});

export type IndexSpec = z.infer<typeof indexSpecSchema>;
export type CollectionSpec = z.infer<typeof collectionSpecSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(input: unknown): Manifest {
  const manifest = manifestSchema.parse(input);
  const seen = new Set<string>();
  for (const collection of manifest.collections) {
    if (seen.has(collection.name)) throw new Error(`manifest lists collection ${collection.name} twice`);
    seen.add(collection.name);
  }
  return manifest;
}

export function loadManifest(path: string): Manifest {
  return parseManifest(JSON.parse(readFileSync(path, 'utf8')));
}
