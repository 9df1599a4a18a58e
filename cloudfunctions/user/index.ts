import { defineFunction } from '../_shared/handler';
import { deleteMyData } from './delete-my-data';
import { getMe } from './get-me';
import { getMyData } from './get-my-data';
import { register } from './register';

export const main = defineFunction<'user'>({ getMe, register, getMyData, deleteMyData });
