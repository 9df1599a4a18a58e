export * from './api/index';
export * from './access';
export * from './collections';
export * from './documents';
export * from './errors';
export * from './roles';
export * from './limits';
