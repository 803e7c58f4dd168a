import { duckdb } from './spec/engines';
import { runSpecSuite } from './spec/suite';

runSpecSuite('DuckDB', duckdb);
