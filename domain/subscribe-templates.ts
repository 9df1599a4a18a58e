import type { SubscribeTemplates } from '../types/notifications';
import configured from '../config/subscribe-messages.json';

/** The account's subscribe-message templates (config/subscribe-messages.json), checked against the contract. */
export const SUBSCRIBE_TEMPLATES: SubscribeTemplates = configured;

/** The template ids of `keys`, for WeChat's subscription prompt. */
export function templateIdsOf(keys: ReadonlyArray<keyof SubscribeTemplates>): string[] {
  return keys.map((key) => SUBSCRIBE_TEMPLATES[key].templateId);
}

/**
 * A value cut to what its template field accepts (WeChat refuses the whole message otherwise): the field's type is the
 * letters of its key (`thing1` is a thing). Lengths count characters as people do.
 */
export function fitField(field: string, value: string): string {
  const type = field.replace(/\d+$/, '');
  const chars = [...value];
  const cut = (max: number) => (chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value);
  switch (type) {
    case 'thing':
      return cut(20);
    case 'name':
      return chars.length > 10 ? chars.slice(0, 10).join('') : value;
    case 'phrase':
      return chars.slice(0, 5).join('');
    case 'number':
      return value.replace(/[^\d.]/g, '').slice(0, 32) || '0';
    case 'character_string':
    case 'letter':
      return value.slice(0, 32);
    case 'phone_number':
      return value.slice(0, 17);
    default:
      return value;
  }
}
