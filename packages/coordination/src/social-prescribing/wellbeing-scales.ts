/**
 * The wellbeing scales a link worker can ask before and after a social prescription
 * (docs/coordination.md §5). The default is the ONS4: the Office for National Statistics' four
 * personal well-being questions, each answered 0 to 10, Crown copyright published for reuse under
 * the Open Government Licence v3.0 (ONS, Personal well-being user guidance, 2018). Its wording and
 * thresholds are held here as data. Another scale (SWEMWBS, say, whose licence asks users to
 * register with Warwick Medical School) is added as one more entry once the partnership holds
 * its licence, and chosen with FOOTPRINT_WELLBEING_SCALE.
 */
export interface WellbeingItem {
  linkId: string;
  text: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** False for an item where a lower answer is better (the ONS4's anxiety). */
  higherIsBetter: boolean;
  /** The published bands, lowest first: each band is "up to and including `upTo`". */
  bands: ReadonlyArray<{ upTo: number; label: string }>;
}

export interface WellbeingScale {
  code: string;
  name: string;
  /** The canonical URL of its Questionnaire, written on every QuestionnaireResponse. */
  questionnaire: string;
  source: string;
  licence: string;
  items: readonly WellbeingItem[];
}

const POSITIVE_BANDS = [
  { upTo: 4, label: 'Low' },
  { upTo: 6, label: 'Medium' },
  { upTo: 8, label: 'High' },
  { upTo: 10, label: 'Very high' },
] as const;
const ANXIETY_BANDS = [
  { upTo: 1, label: 'Very low' },
  { upTo: 3, label: 'Low' },
  { upTo: 5, label: 'Medium' },
  { upTo: 10, label: 'High' },
] as const;

export const ONS4: WellbeingScale = {
  code: 'ons4',
  name: 'ONS personal well-being (ONS4)',
  questionnaire: 'https://fhir.footprint.example/Questionnaire/ons4|2018',
  source: 'Office for National Statistics, Personal well-being user guidance (2018): the four questions, the 0–10 answers and the thresholds.',
  licence: 'Crown copyright, reused under the Open Government Licence v3.0.',
  items: [
    { linkId: 'life-satisfaction', text: 'Overall, how satisfied are you with your life nowadays?', min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely', higherIsBetter: true, bands: POSITIVE_BANDS },
    { linkId: 'worthwhile', text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?', min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely', higherIsBetter: true, bands: POSITIVE_BANDS },
    { linkId: 'happiness', text: 'Overall, how happy did you feel yesterday?', min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely', higherIsBetter: true, bands: POSITIVE_BANDS },
    { linkId: 'anxiety', text: 'On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?', min: 0, max: 10, minLabel: 'Not at all anxious', maxLabel: 'Completely anxious', higherIsBetter: false, bands: ANXIETY_BANDS },
  ],
};

export const WELLBEING_SCALES: readonly WellbeingScale[] = [ONS4];

/** The scale this Footprint asks (FOOTPRINT_WELLBEING_SCALE, default ons4); an unknown code is a start-up error, not a silent default. */
export function configuredScale(env: NodeJS.ProcessEnv = process.env): WellbeingScale {
  const code = env.FOOTPRINT_WELLBEING_SCALE?.trim() || ONS4.code;
  const scale = WELLBEING_SCALES.find((s) => s.code === code);
  if (!scale) throw new Error(`FOOTPRINT_WELLBEING_SCALE is "${code}", which is not one of the scales Footprint holds (${WELLBEING_SCALES.map((s) => s.code).join(', ')})`);
  return scale;
}

export const scaleByQuestionnaire = (questionnaire: string | undefined): WellbeingScale | undefined => WELLBEING_SCALES.find((s) => s.questionnaire === questionnaire);

export const bandOf = (item: WellbeingItem, value: number): string => item.bands.find((b) => value <= b.upTo)?.label ?? '';
