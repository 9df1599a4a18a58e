import { defineFunction } from '../_shared/handler';
import { get } from './get';
import { lines } from './lines';

export const main = defineFunction<'card'>({ get, lines });
