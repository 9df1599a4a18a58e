export default definePageConfig({
  navigationBarTitleText: '代居民点单',
});
