import { MOBILE_PHONE, type ResidentDoc } from '../../types';
import { ORDER_INPUTS } from '../../domain/schemas/order';
import { currentTime } from '../_shared/clock';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { phoneNumberFromCode } from '../_shared/sdk';
import { inTransaction } from '../_shared/transaction';
import { communitySummary } from '../_shared/views';
import { profileView } from './intake';

/** The typed phone, or the number the phone button's code stands for. */
async function resolvePhone(phone: string | undefined, phoneCode: string | undefined): Promise<string> {
  if (phone) return phone;
  const fromCode = phoneCode ? await phoneNumberFromCode(phoneCode) : null;
  if (!fromCode || !MOBILE_PHONE.test(fromCode)) throw new AppError('PHONE_CODE_INVALID');
  return fromCode;
}

/** The resident gives (or corrects) their name, phone and address, once for all their requests. */
export const saveProfile = defineAction<'order', 'saveProfile'>({
  access: 'signedIn',
  input: ORDER_INPUTS.saveProfile,
  async run(request, { openid }) {
    const community = await docs('communities').get(request.communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND', '找不到这个社区，请重新选择');
    const phone = await resolvePhone(request.phone, request.phoneCode);
    const fields = {
      name: request.name,
      phone,
      communityId: request.communityId,
      compound: request.compound,
      building: request.building,
      unit: request.unit,
      room: request.room,
    };
    const resident = await inTransaction(async (transaction): Promise<ResidentDoc> => {
      const residents = docs('residents', transaction);
      const existing = await residents.get(openid);
      const now = currentTime();
      const saved: ResidentDoc = { _id: openid, ...fields, createdAt: existing?.createdAt ?? now, updatedAt: now };
      const { _id, ...body } = saved;
      await residents.set(_id, body);
      return saved;
    });
    return { profile: profileView(resident, communitySummary(community)) };
  },
});
