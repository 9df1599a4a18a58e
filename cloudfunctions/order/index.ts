import { defineFunction } from '../_shared/handler';
import { cancel } from './cancel';
import { confirmDone } from './confirm-done';
import { deleteProfile } from './delete-profile';
import { escalated } from './escalated';
import { get } from './get';
import { getProfile } from './get-profile';
import { listForStaff } from './list-for-staff';
import { listMine } from './list-mine';
import { listOpen } from './list-open';
import { listTaken } from './list-taken';
import { markDone } from './mark-done';
import { merge } from './merge';
import { post } from './post';
import { postOnBehalf } from './post-on-behalf';
import { publish } from './publish';
import { rate } from './rate';
import { reject } from './reject';
import { release } from './release';
import { saveProfile } from './save-profile';
import { take } from './take';

export const main = defineFunction<'order'>({
  getProfile,
  saveProfile,
  deleteProfile,
  post,
  postOnBehalf,
  listMine,
  get,
  cancel,
  listForStaff,
  publish,
  merge,
  reject,
  escalated,
  listOpen,
  listTaken,
  take,
  release,
  markDone,
  rate,
  confirmDone,
});
