import { waitingText } from './hours';

test('waiting time in hours, then days and hours', () => {
  expect(waitingText(5.7)).toBe('5小时');
  expect(waitingText(50)).toBe('2天2小时');
  expect(waitingText(96)).toBe('4天');
});
