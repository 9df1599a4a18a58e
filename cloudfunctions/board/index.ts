import { defineFunction } from '../_shared/handler';
import { get } from './get';

export const main = defineFunction<'board'>({
  get,
});
