export default definePageConfig({
  navigationBarTitleText: '待督办需求',
});
