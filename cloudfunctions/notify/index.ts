import { defineFunction } from '../_shared/handler';
import { digest } from './digest';
import { mine } from './mine';
import { subscribe } from './subscribe';

export const main = defineFunction<'notify'>(
  {
    subscribe,
    mine,
  },
  { dailyDigest: digest },
);
