import type { UnitDoc } from '../../types';
import { docs } from '../_shared/data';
import { AppError } from '../_shared/errors';

/** The unit a unit admin's grant names, refused (UNIT_NOT_FOUND) when it is gone. */
export async function adminUnit(unitId: string): Promise<UnitDoc> {
  const unit = await docs('units').get(unitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  return unit;
}
