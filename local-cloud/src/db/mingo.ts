import { Aggregator, Query, update as applyUpdate } from 'mingo';
import type { Modifier } from 'mingo/updater';
import { cloneDeep, isEqual } from 'mingo/util';
import { CloudError } from '../errors';
import { type Doc, type Value, isPlainObject } from '../ejson';

export type Resolver = (collection: string) => Doc[];

function options(resolve?: Resolver) {
  return {
    idKey: '_id',
    collectionResolver: resolve ? (name: string) => resolve(name) : undefined,
  };
}

function asCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CloudError('DATABASE_INVALID_OPERRATOR', message);
}

/** Runs mingo and reports its complaints (unknown operator, bad projection) as the cloud's operator error. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw asCloudError(error);
  }
}

export function compileQuery(query: Doc): (doc: Doc) => boolean {
  const compiled = guarded(() => new Query(query, options()));
  return (doc) => compiled.test(doc);
}

export function sortSkipLimitProject(
  docs: Doc[],
  order: Record<string, 1 | -1> | undefined,
  offset: number,
  limit: number,
  projection: Doc | undefined,
): Doc[] {
  // Nothing to sort or project: a slice is what mingo's cursor would return (the same objects), without building
  // a Query for every read.
  if (!projection && (!order || Object.keys(order).length === 0)) return docs.slice(offset, offset + limit);
  return guarded(() => {
    let cursor = new Query({}, options()).find<Doc>(docs, projection);
    if (order && Object.keys(order).length > 0) cursor = cursor.sort(order);
    return cursor.skip(offset).limit(limit).all();
  });
}

/** A deep copy made in this realm (structuredClone's copies fail mingo's equality checks under jest's sandbox). */
export function cloneDoc(doc: Doc): Doc {
  return cloneDeep(doc) as Doc;
}

/**
 * mingo rewrites $pullAll as `$pull: {$in: [...]}`, which never matches an element that is itself an array:
 * apply $pullAll here, by deep equality, as MongoDB and WeChat (U7) do.
 */
function pullAll(doc: Doc, spec: Value): void {
  if (!isPlainObject(spec)) throw new CloudError('DATABASE_INVALID_OPERRATOR', '$pullAll needs {field: [values]}');
  for (const [path, values] of Object.entries(spec)) {
    if (!Array.isArray(values)) throw new CloudError('DATABASE_INVALID_OPERRATOR', `$pullAll.${path} must be an array`);
    const keys = path.split('.');
    let parent: Value = doc;
    for (const key of keys.slice(0, -1)) {
      parent = isPlainObject(parent) || Array.isArray(parent) ? ((parent as Doc)[key] ?? null) : null;
    }
    const last = keys[keys.length - 1];
    const container = parent as Doc | null;
    const current = container && typeof container === 'object' ? container[last] : undefined;
    if (Array.isArray(current)) {
      container![last] = current.filter((item) => !values.some((value) => isEqual(item, value)));
    }
  }
}

export function runUpdate(doc: Doc, modifier: Doc): Doc {
  const copy = cloneDoc(doc);
  const { $pullAll, ...rest } = modifier;
  guarded(() => {
    if (Object.keys(rest).length > 0)
      applyUpdate(copy, rest as Modifier<Doc>, undefined, undefined, { cloneMode: 'deep' });
  });
  if ($pullAll !== undefined) pullAll(copy, $pullAll);
  return copy;
}

export function runPipeline(docs: Doc[], pipeline: Doc[], resolve: Resolver): Doc[] {
  return guarded(() => new Aggregator(pipeline, options(resolve)).run(docs) as Doc[]);
}
