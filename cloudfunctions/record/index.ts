import { defineFunction } from '../_shared/handler';
import { confirm } from './confirm';
import { correct } from './correct';
import { listMine } from './list-mine';
import { overdue } from './overdue';
import { queue } from './queue';
import { reject } from './reject';
import { report } from './report';
import { verifyLedger } from './verify-ledger';

export const main = defineFunction<'record'>({
  report,
  listMine,
  queue,
  confirm,
  reject,
  correct,
  overdue,
  verifyLedger,
});
