export * from './api';
export * from './documents';
export * from './errors';
export * from './roles';
export * from './limits';
export * from './text';
