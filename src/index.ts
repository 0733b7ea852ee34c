// Action entry (dist/index.js): only imports and calls main (typescript-action layout).
import { main } from './main.js';

await main();
