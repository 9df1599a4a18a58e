import { DEFAULT_SERVICE_RULES, type ServiceRules } from '../../types';
import { docs } from './data';

/** The county's service rules: the defaults, with whatever the `settings` document `serviceRules` sets instead. */
export async function serviceRules(): Promise<ServiceRules> {
  const stored = await docs('settings').get('serviceRules');
  if (!stored) return DEFAULT_SERVICE_RULES;
  const { _id: _unused, ...overrides } = stored;
  return { ...DEFAULT_SERVICE_RULES, ...overrides };
}
