import { defineFunction } from '../_shared/handler';
import { get } from './get';
import { getQrCode } from './get-qr-code';
import { list } from './list';

export const main = defineFunction<'community'>({ list, get, getQrCode });
