import { Aggregator, Query, update as applyUpdate } from 'mingo';
import type { Modifier } from 'mingo/updater';
import { CloudError } from '../errors';
import type { Doc } from '../ejson';

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
  return guarded(() => {
    let cursor = new Query({}, options()).find<Doc>(docs, projection);
    if (order && Object.keys(order).length > 0) cursor = cursor.sort(order);
    return cursor.skip(offset).limit(limit).all();
  });
}

export function runUpdate(doc: Doc, modifier: Doc): Doc {
  const copy = structuredClone(doc);
  guarded(() => applyUpdate(copy, modifier as Modifier<Doc>, undefined, undefined, { cloneMode: 'deep' }));
  return copy;
}

export function runPipeline(docs: Doc[], pipeline: Doc[], resolve: Resolver): Doc[] {
  return guarded(() => new Aggregator(pipeline, options(resolve)).run(docs) as Doc[]);
}
