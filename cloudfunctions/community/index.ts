import { defineFunction } from '../_shared/handler';
import { get } from './get';
import { getQrCode } from './get-qr-code';
import { list } from './list';
import { listCheckedIn } from './list-checked-in';
import { staffHome } from './staff-home';

export const main = defineFunction<'community'>({ list, get, getQrCode, staffHome, listCheckedIn });
