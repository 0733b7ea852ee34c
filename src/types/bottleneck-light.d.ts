// bottleneck ships types for its full build only; the light build (what
// @octokit/plugin-throttling uses) has the same API without clustering.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
