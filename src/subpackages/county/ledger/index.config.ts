export default definePageConfig({
  navigationBarTitleText: '记录核验',
});
