import type { PhoneQuickFillProps } from './PhoneQuickFill';

/** The browser build types the phone number in by hand. */
export const PhoneQuickFill: (props: PhoneQuickFillProps) => null = () => null;
