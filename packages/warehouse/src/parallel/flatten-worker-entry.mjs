// Entry point of a warehouse flattening worker: registers tsx (the project runs TypeScript without
// a build step) and loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./flatten-worker.ts');
