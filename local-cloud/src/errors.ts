/**
 * Error codes the WeChat cloud's admin API answers with. The SDK turns `code` into its numeric errCode
 * (DATABASE_COLLECTION_NOT_EXIST → -502005, DATABASE_PERMISSION_DENIED → -502003, …) and retries a
 * transaction only on DATABASE_TRANSACTION_CONFLICT.
 */
export type CloudErrorCode =
  | 'SYS_ERR'
  | 'INVALID_PARAM'
  | 'INVALID_ENV'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_PERMISSION_DENIED'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'STORAGE_REQUEST_FAIL'
  | 'STORAGE_FILE_NONEXIST'
  | 'STORAGE_SIGN_PARAM_INVALID'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
  | 'FUNCTION_NOT_FOUND'
  | 'ACTION_NOT_SUPPORTED';

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** A unique index (or `_id`) refused a write; MongoDB's E11000 text, which the cloud passes on. */
export const duplicateKey = (coll: string, index: string, key: string): CloudError =>
  new CloudError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${key}`,
  );

export const duplicateId = (coll: string, id: string): CloudError => duplicateKey(coll, '_id_', `{ _id: "${id}" }`);

export const collectionMissing = (name: string): CloudError =>
  new CloudError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}. database collection not exists`);
