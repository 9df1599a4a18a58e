import { defineFunction } from '../_shared/handler';
import { attendance } from './attendance';
import { get } from './get';
import { getCodeKey } from './get-code-key';
import { holdCode } from './hold-code';
import { list } from './list';
import { recordAttendance } from './record-attendance';
import { save } from './save';
import { scan } from './scan';
import { signUp } from './sign-up';

export const main = defineFunction<'activity'>({
  list,
  get,
  save,
  signUp,
  getCodeKey,
  scan,
  holdCode,
  attendance,
  recordAttendance,
});
