import { CloudError } from '../errors';
import { type Doc, type Value, isPlainObject } from '../ejson';

const OUTSIDE = '\u0000outside-every-bucket';

/**
 * `$bucket` as WeChat documents it (A9): `_id` is the lower boundary of `[lower, next)`, `default` collects the rest,
 * without `output` each bucket counts its records, and empty buckets are not output. mingo's own $bucket puts a value
 * equal to a boundary in the bucket below and outputs empty buckets, so it is rewritten as $group + $sort.
 */
export function rewriteBucket(spec: Value): Doc[] {
  if (!isPlainObject(spec) || !Array.isArray(spec.boundaries) || spec.boundaries.length < 2) {
    throw new CloudError('DATABASE_INVALID_OPERRATOR', '$bucket needs groupBy and at least two boundaries');
  }
  const { groupBy, boundaries, output } = spec;
  const fallback = spec.default === undefined ? OUTSIDE : spec.default;
  const branches: Doc[] = boundaries.slice(0, -1).map((lower, i) => {
    const atLeast: Doc = { $gte: [groupBy, lower] };
    const below: Doc = { $lt: [groupBy, boundaries[i + 1]] };
    return { case: { $and: [atLeast, below] }, then: lower };
  });
  const accumulators = isPlainObject(output) ? output : { count: { $sum: 1 } };
  const stages: Doc[] = [
    { $group: { _id: { $switch: { branches, default: fallback } }, ...accumulators } },
    { $sort: { _id: 1 } },
  ];
  if (fallback === OUTSIDE) stages.push({ $match: { _id: { $ne: OUTSIDE } } });
  return stages;
}
