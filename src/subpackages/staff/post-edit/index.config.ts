export default definePageConfig({
  navigationBarTitleText: '发布岗位',
});
