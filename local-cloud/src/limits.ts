/** What the local cloud refuses before any work; each request is checked against its route's limit. */
export interface CloudLimits {
  /** How deeply a function's event may nest objects and arrays (runner, functions.invokeFunction, /_dev invoke). */
  eventDepth: number;
  /** The body of `POST /_dev/functions/<name>/invoke`. */
  devBodyBytes: number;
  /** The body of `POST /admin` (JSON or multipart): MongoDB's document limit, so that any document fits. */
  adminBodyBytes: number;
  /** How deeply the admin API's JSON body nests (the SDK sends documents and queries as EJSON strings inside it). */
  adminBodyDepth: number;
  /** One file uploaded to storage. */
  uploadBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: CloudLimits = {
  eventDepth: 32,
  devBodyBytes: MB,
  adminBodyBytes: 16 * MB,
  adminBodyDepth: 32,
  uploadBytes: 50 * MB,
};
