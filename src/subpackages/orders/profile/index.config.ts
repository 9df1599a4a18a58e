export default definePageConfig({
  navigationBarTitleText: '我的居民资料',
});
