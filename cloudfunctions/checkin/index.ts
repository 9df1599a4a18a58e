import { defineFunction } from '../_shared/handler';
import { checkIn } from './check-in';
import { getMine } from './get-mine';

export const main = defineFunction<'checkin'>({ checkIn, getMine });
