import { describe } from 'vitest';
import type { SuiteOptions } from './suite/context';
import { crudTests } from './suite/crud';
import { searchTests } from './suite/search';
import { pagingTests } from './suite/paging';
import { accessTests } from './suite/access';
import { accessTermTests } from './suite/access-terms';
import { auditTests } from './suite/audit';
import { transactionTests } from './suite/transactions';
import { correctionTests } from './suite/corrections';
import { relationshipTests } from './suite/relationships';

/**
 * The storage conformance suite (Hono's `runTest({ implementation })` shape): every backing
 * of the Repository runs the same behaviour tests. Each area opens its own fresh record.
 */
export function runRecordSuite(options: SuiteOptions): void {
  describe(`record storage on ${options.name}`, () => {
    crudTests(options);
    searchTests(options);
    pagingTests(options);
    accessTests(options);
    accessTermTests(options);
    auditTests(options);
    transactionTests(options);
    correctionTests(options);
    relationshipTests(options);
  });
}
