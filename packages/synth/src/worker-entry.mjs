// Entry point of a generator worker thread: registers tsx (the project runs TypeScript without a
// build step) and loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
