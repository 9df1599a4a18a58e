import { charCount } from '../../../domain/text';
import { formatDate, formatTime } from '../../../domain/time';

/** 「12月8日 14:00前」: when the resident wants it done. */
export function wantedWords(at: number): string {
  return `${formatDate(at)} ${formatTime(at)}前`;
}

/** 「已输入N个字」 counts as the schemas count. */
export function chars(text: string): number {
  return charCount(text.trim());
}
