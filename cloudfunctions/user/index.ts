import { defineFunction } from '../_shared/handler';
import { getMe } from './get-me';
import { register } from './register';

export const main = defineFunction<'user'>({ getMe, register });
