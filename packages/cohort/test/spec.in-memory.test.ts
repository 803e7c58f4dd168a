import { inMemory } from './spec/engines';
import { runSpecSuite } from './spec/suite';

runSpecSuite('the in-memory reference engine', inMemory);
