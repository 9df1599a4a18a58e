const config = defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/posts/index',
    'pages/orders/index',
    'pages/mine/index',
    'pages/check-in/index',
    'pages/register/index',
    'pages/my-data/index',
    'pages/not-found/index',
  ],
  subPackages: [
    {
      root: 'subpackages/service',
      name: 'service',
      pages: ['activities/index', 'sign-in/index', 'report/index', 'card/index', 'records/index'],
    },
    {
      root: 'subpackages/staff',
      name: 'staff',
      pages: [
        'community-qr/index',
        'home/index',
        'post-edit/index',
        'activity-edit/index',
        'activity-code/index',
        'attendance/index',
        'queue/index',
        'members/index',
        'orders/index',
        'escalated/index',
        'order-on-behalf/index',
      ],
    },
    {
      root: 'subpackages/orders',
      name: 'orders',
      pages: ['profile/index', 'post/index', 'detail/index', 'done/index', 'open/index', 'taken/index', 'board/index'],
    },
    { root: 'subpackages/unit-admin', name: 'unitAdmin', pages: ['members/index', 'not-checked-in/index'] },
    { root: 'subpackages/county', name: 'county', pages: ['overdue/index', 'ledger/index'] },
  ],
  // The sign-in page asks for the location as evidence (never required): WeChat refuses getLocation unless declared.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '签到时核对您是否在活动地点' } },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '红袖章',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/posts/index',
        text: '岗位',
        iconPath: 'assets/tab/posts.png',
        selectedIconPath: 'assets/tab/posts-active.png',
      },
      {
        pagePath: 'pages/orders/index',
        text: '点单',
        iconPath: 'assets/tab/orders.png',
        selectedIconPath: 'assets/tab/orders-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
});

// The mini-program runs on WeChat cloud (`cloud` is not in Taro's AppConfig type).
export default process.env.TARO_ENV === 'weapp' ? ({ ...config, cloud: true } as typeof config) : config;
