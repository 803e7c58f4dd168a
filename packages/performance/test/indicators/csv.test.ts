import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCsvProblem, importIndicatorCsv, IndicatorCsvError, indicatorValuesCsv, IndicatorValueStore, INDICATOR_CSV_COLUMNS, parseIndicatorCsv, performanceMigrationSets } from '../../src';

const HEADER = INDICATOR_CSV_COLUMNS.join(',');
const GOOD = [
  HEADER,
  'ae-four-hour-performance,E54000008,footprint,2024-01,,72.5,7250,10000,71.6,73.4,71.1,73.9,,false',
  'ae-four-hour-performance,E54000008,footprint,2024-02,,73,7300,10000,72.1,73.9,71.6,74.3,,false',
  'ae-four-hour-performance,E08000012,place,2024-01,,,,,,,,,"Not published: data quality",false',
  'rtt-18-weeks,E92000001,england,2024-01,imd_quintile:1,58.25,5825,10000,57.28,59.21,56.7,59.8,"A note, with a comma",true',
].join('\n');

function problemsOf(text: string): string[] {
  return parseIndicatorCsv(text).problems.map(describeCsvProblem);
}

describe('the long-format indicator values CSV', () => {
  it('reads good rows into values', () => {
    const { values, problems } = parseIndicatorCsv(GOOD);
    expect(problems).toEqual([]);
    expect(values).toHaveLength(4);
    expect(values[0]).toEqual({
      indicatorId: 'ae-four-hour-performance',
      areaCode: 'E54000008',
      areaType: 'footprint',
      period: '2024-01',
      breakdown: '',
      value: 72.5,
      numerator: 7250,
      denominator: 10000,
      lower95: 71.6,
      upper95: 73.4,
      lower998: 71.1,
      upper998: 73.9,
      note: null,
      synthetic: false,
    });
    expect(values[2]).toMatchObject({ value: null, note: 'Not published: data quality' });
    expect(values[3]).toMatchObject({ breakdown: 'imd_quintile:1', note: 'A note, with a comma', synthetic: true });
  });

  it('writes the same columns and reads back exactly', () => {
    const { values } = parseIndicatorCsv(GOOD);
    const csv = indicatorValuesCsv(values);
    expect(csv.split('\n')[0]).toBe(HEADER);
    expect(parseIndicatorCsv(csv)).toEqual({ values, problems: [] });
    expect(indicatorValuesCsv(parseIndicatorCsv(csv).values)).toBe(csv);
  });

  it('reports every problem of every row, by row and column', () => {
    const bad = [
      HEADER,
      'no-such-indicator,E54000008,footprint,2024-01,,50,,,,,,,,',
      'ae-four-hour-performance,E54000008,practice,2024-13,,72.5,7250,10000,71.6,73.4,71.1,73.9,,yes',
      'ae-four-hour-performance,E54000008,county,2024-02,bad breakdown,abc,12000,10000,74,73.4,,,,false',
      'ae-four-hour-performance,E54000008,footprint,2024-03,,,,,,,,,,false',
      'ae-four-hour-performance,E54000008,footprint,2024-04,,72.5,,,71.6,,,,,false',
      'ae-four-hour-performance,E54000008,footprint,2024-05,,80,,,81,79,,,=cmd,false',
      'ae-four-hour-performance,E54000008,footprint,2024-06,,72.5,,,,,,,,false',
      'ae-four-hour-performance,E54000008,footprint,2024-06,,72.6,,,,,,,,false',
      'ae-four-hour-performance,E54000008,footprint,2024-07,,Infinity,,,,,,,,false',
      'ae-four-hour-performance,E54000008,footprint,2024-08,,1',
    ].join('\n');
    expect(problemsOf(bad)).toEqual([
      "row 2, column indicator_id: unknown indicator 'no-such-indicator' (see footprint indicators list)",
      "row 3, column area_type: ae-four-hour-performance has no values for area type 'practice' (only england, footprint, place)",
      "row 3, column period: '2024-13' is not a month YYYY-MM (such as 2024-03)",
      "row 3, column synthetic: 'yes' is not true, false or blank",
      "row 4, column area_type: 'county' is not an area type (one of england, footprint, place, practice)",
      "row 4, column breakdown: 'bad breakdown' is not a breakdown: leave it blank for everyone, or write dimension:group such as imd_quintile:1",
      "row 4, column value: 'abc' is not a number",
      'row 4, column lower_95: the lower limit 74 is above the upper limit 73.4',
      'row 4, column numerator: the numerator 12000 is above the denominator 10000 (ae-four-hour-performance is a proportion)',
      'row 5, column value: a value is needed, or a note saying why there is none',
      'row 6, column upper_95: lower_95 and upper_95 are given together or not at all',
      'row 7, column note: a note must not start with =, + or @ (a spreadsheet would read it as a formula)',
      'row 7, column lower_95: the lower limit 81 is above the upper limit 79',
      'row 7, column lower_95: the lower limit 81 is above the value 80',
      'row 7, column upper_95: the upper limit 79 is below the value 80',
      "row 9, column period: a second value for ae-four-hour-performance, area E54000008, breakdown '', period 2024-06 (the first is row 8)",
      "row 10, column value: 'Infinity' is not a number",
      'row 11, column (row): the row has 6 cells where the header has 14',
    ]);
    expect(parseIndicatorCsv(bad).values).toEqual([]);
  });

  it('names unknown and missing header columns', () => {
    const header = [...INDICATOR_CSV_COLUMNS.filter((c) => c !== 'note' && c !== 'synthetic'), 'count'].join(',');
    expect(problemsOf(`${header}\n`)).toEqual([
      'row 1, column count: unknown column (the columns are indicator_id,area_code,area_type,period,breakdown,value,numerator,denominator,lower_95,upper_95,lower_99_8,upper_99_8,note,synthetic)',
      'row 1, column note: missing column',
      'row 1, column synthetic: missing column',
    ]);
    expect(problemsOf('')).toEqual([`row 1, column (header): the CSV is empty: it needs the header ${HEADER}`]);
    expect(problemsOf(HEADER)).toEqual(['row 2, column (file): the CSV has a header but no values']);
    expect(problemsOf(`${HEADER}\n"unclosed`)[0]).toMatch(/^row \d+, column \(file\): the CSV cannot be read/);
  });
});

for (const kind of postgresKinds()) {
  describe(`importing indicator values (${kind})`, () => {
    let record: OpenRecord;
    let store: IndicatorValueStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'performance_csv', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...performanceMigrationSets] }));
      store = new IndicatorValueStore(record.sql);
    });
    afterAll(async () => record?.close());

    it('writes a good file in one go, nothing of a bad one, and replaces when asked', async () => {
      const first = await importIndicatorCsv(store, GOOD);
      expect(first).toEqual({ written: 4, indicators: ['ae-four-hour-performance', 'rtt-18-weeks'], replaced: false });
      expect(indicatorValuesCsv(await store.list())).toBe(indicatorValuesCsv(parseIndicatorCsv(GOOD).values.sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.areaType.localeCompare(b.areaType) || a.areaCode.localeCompare(b.areaCode) || a.period.localeCompare(b.period))));

      const bad = `${HEADER}\nae-four-hour-performance,E54000008,footprint,2024-03,,74,,,,,,,,false\nae-four-hour-performance,E54000008,footprint,2024-04,,x,,,,,,,,false\n`;
      const error = await importIndicatorCsv(store, bad).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(IndicatorCsvError);
      expect((error as IndicatorCsvError).problems).toEqual([{ row: 3, column: 'value', message: "'x' is not a number" }]);
      expect(await store.list({ indicatorId: 'ae-four-hour-performance' })).toHaveLength(3);

      const update = `${HEADER}\nae-four-hour-performance,E54000008,footprint,2024-01,,70,,,,,,,,false\n`;
      await importIndicatorCsv(store, update);
      expect((await store.series('ae-four-hour-performance', 'E54000008')).map((v) => v.value)).toEqual([70, 73]);
      const replaced = await importIndicatorCsv(store, update, { replace: true });
      expect(replaced.replaced).toBe(true);
      expect((await store.list({ indicatorId: 'ae-four-hour-performance' })).map((v) => v.period)).toEqual(['2024-01']);
      expect(await store.list({ indicatorId: 'rtt-18-weeks' })).toHaveLength(1);
    });
  });
}
