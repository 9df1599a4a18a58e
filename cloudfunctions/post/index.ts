import { defineFunction } from '../_shared/handler';
import { claim } from './claim';
import { close } from './close';
import { leave } from './leave';
import { list } from './list';
import { save } from './save';

export const main = defineFunction<'post'>({ list, save, close, claim, leave });
