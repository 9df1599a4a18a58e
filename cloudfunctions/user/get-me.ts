import { USER_INPUTS } from '../../domain/schemas/user';
import { rolesOf } from '../_shared/access';
import { docs } from '../_shared/data';
import { defineAction } from '../_shared/handler';
import { grantViews } from './grant-views';
import { memberProfile } from './member-profile';

export const getMe = defineAction<'user', 'getMe'>({
  access: 'signedIn',
  input: USER_INPUTS.getMe,
  async run(_input, { openid }) {
    const [user, member] = await Promise.all([docs('users').get(openid), docs('members').get(openid)]);
    const [profile, grants] = await Promise.all([
      member ? memberProfile(member) : null,
      grantViews(user?.grants ?? []),
    ]);
    return { roles: rolesOf(user, member), name: member?.name ?? user?.name ?? null, member: profile, grants };
  },
});
