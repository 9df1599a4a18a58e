import { Text } from '@tarojs/components';
import './Tag.scss';

export type TagTone = 'red' | 'grey' | 'green' | 'amber' | 'blue' | 'purple';

/** A short label on a coloured fill, e.g. a role or a state. */
export function Tag({ text, tone = 'red' }: { text: string; tone?: TagTone }) {
  return <Text className={tone === 'grey' ? 'rb-tag' : `rb-tag rb-tag--${tone}`}>{text}</Text>;
}
