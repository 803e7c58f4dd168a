/**
 * @footprint/statistics: numerical functions shared by the synthetic generator and insight, with no
 * dependencies, so either may import it without crossing the architecture's arrows.
 */
export { inverseNormal } from './inverse-normal';
