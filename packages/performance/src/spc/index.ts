/** Statistical process control (XmR charts): docs/performance.md §3. */
export { spc } from './spc';
export { SpcInputError } from './errors';
export { SPC_PROFILE_SETTINGS, LIMIT_FACTOR, TWO_SIGMA_FACTOR, SCREEN_FACTOR, SHORT_GROUP_THRESHOLD, MIN_FIX_AFTER, type SpcProfile } from './profiles';
export { groupLimits, type GroupLimits } from './limits';
export { assuranceOf, variationIconOf, pointTypeOf } from './assurance';
export { groupRules, type RuleHit } from './rules';
export { spcCsv, parseSpcCsv, spcResultCsv } from './csv';
