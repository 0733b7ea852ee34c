// Action entry: only imports and calls run (typescript-action layout).
import { run } from './main.js';

await run();
