import type { DemoClock } from './clock';
import type { DemoPart } from './data';
import { COMMUNITIES, DEMO_COUNTY, UNITS, unitId } from './tables';

/** The county's communities and units, set up about two years before the demo. */
export function seedPlaces(clock: DemoClock): DemoPart {
  return {
    communities: COMMUNITIES.map((c, i) => ({ ...c, county: DEMO_COUNTY, createdAt: clock.at(730, 9, i * 5) })),
    units: UNITS.map((u, i) => ({
      _id: unitId(i),
      name: u.name,
      county: DEMO_COUNTY,
      createdAt: clock.at(725, 10, i * 2),
    })),
  };
}
