/** Pages the app opens from more than one place. */
export const HOME_PAGE = '/pages/index/index';
export const NOT_FOUND_PAGE = '/pages/not-found/index';
export const REGISTER_PAGE = '/pages/register/index';
export const MINE_PAGE = '/pages/mine/index';
export const MY_DATA_PAGE = '/pages/my-data/index';
