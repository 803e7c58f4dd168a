import { useEffect, useRef, useState } from 'react';
import type { DeliverySystemData, Item, PlaceData } from '@footprint/partnership';
import { api, ApiError } from '../../../api/client';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInput } from '../../../components/TextInput';
import { isCalendarDate } from './dates';

export type Editing = { kind: 'place'; item?: Item<PlaceData> } | { kind: 'delivery-system'; item?: Item<DeliverySystemData> };

/**
 * Changes or adds a place (a district: its name and period) or a delivery system (its name,
 * places and period). The server validates again and refuses a stale version (someone else
 * changed it since); either refusal is shown as the server says it.
 */
export function PlaceForm({ code, editing, places, onDone }: { code: string; editing: Editing; places: Item<PlaceData>[]; onDone(saved: boolean): void }) {
  const isPlace = editing.kind === 'place';
  const data = editing.item?.data;
  const [name, setName] = useState(data?.name ?? '');
  const [district, setDistrict] = useState(isPlace && editing.item ? editing.item.data.code : '');
  const [start, setStart] = useState(data?.period.start ?? '');
  const [end, setEnd] = useState(data?.period.end ?? '');
  const [source, setSource] = useState(data?.source ?? '');
  const [chosen, setChosen] = useState<string[]>(!isPlace && editing.item ? editing.item.data.places : []);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (errors.length || problem) summary.current?.focus();
  }, [errors, problem]);

  const what = isPlace ? 'place' : 'delivery system';
  const title = editing.item ? `Change ${editing.item.data.name}` : `Add a ${what}`;

  async function save() {
    const found: { field: string; message: string }[] = [];
    if (!name.trim()) found.push({ field: 'edit-name', message: `Enter the ${what}'s name` });
    if (isPlace && !/^E0[6-9]\d{6}$/.test(district.trim())) found.push({ field: 'edit-district', message: 'Enter a local authority district code, such as E08000012' });
    if (start && !isCalendarDate(start)) found.push({ field: 'edit-start', message: 'Enter the start as a date' });
    if (end && !isCalendarDate(end)) found.push({ field: 'edit-end', message: 'Enter the end as a date' });
    if (start && end && start > end) found.push({ field: 'edit-end', message: 'The end must not be before the start' });
    if (!isPlace && chosen.length === 0) found.push({ field: `edit-place-${places[0]?.data.code ?? 'none'}`, message: 'Choose at least one place' });
    if (!source.trim()) found.push({ field: 'edit-source', message: 'Say where this comes from, for example a board decision' });
    setErrors(found);
    setProblem(null);
    if (found.length) return;
    const period = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
    const body = isPlace ? { code: district.trim(), name: name.trim(), period, source: source.trim() } : { name: name.trim(), places: chosen, period, source: source.trim() };
    const base = `/partnership/footprints/${code}/${isPlace ? 'places' : 'delivery-systems'}`;
    setBusy(true);
    try {
      if (editing.item) await api(`${base}/${editing.item.id}`, { method: 'PUT', body: { data: body, ifVersion: editing.item.version } });
      else await api(base, { method: 'POST', body: { data: body } });
      onDone(true);
    } catch (error) {
      setProblem(error instanceof ApiError ? `${error.title}${error.detail ? `: ${error.detail}` : ''}` : String(error));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.field === id)?.message;
  return (
    <form
      className="footprint-register-edit nhsuk-u-margin-top-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="place-form"
    >
      <h3 ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <ErrorSummary id="place-form-errors" ref={summary} errors={errors} problem={problem} />
      <TextInput id="edit-name" label="Name" value={name} onChange={setName} error={fieldError('edit-name')} />
      {isPlace && editing.item && <p>Local authority district code: {district} (a place keeps its district; add a new place for another)</p>}
      {isPlace && !editing.item && (
        <TextInput id="edit-district" label="Local authority district code" hint="2019 code, such as E08000012 for Liverpool" value={district} onChange={setDistrict} width="nhsuk-input--width-10" error={fieldError('edit-district')} />
      )}
      {!isPlace && (
        <fieldset className={`nhsuk-fieldset nhsuk-form-group${chosen.length === 0 && errors.length ? ' nhsuk-form-group--error' : ''}`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Places it covers</legend>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {places.map((p) => (
              <div className="nhsuk-checkboxes__item" key={p.data.code}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`edit-place-${p.data.code}`}
                  type="checkbox"
                  checked={chosen.includes(p.data.code)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, p.data.code] : chosen.filter((c) => c !== p.data.code))}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`edit-place-${p.data.code}`}>
                  {p.data.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <div className="footprint-register-edit__dates">
        <TextInput id="edit-start" label="From" hint="Leave empty if not known" type="date" value={start} onChange={setStart} width="nhsuk-input--width-10" error={fieldError('edit-start')} />
        <TextInput id="edit-end" label="To" hint="Leave empty while it lasts" type="date" value={end} onChange={setEnd} width="nhsuk-input--width-10" error={fieldError('edit-end')} />
      </div>
      <TextInput id="edit-source" label="Source" hint="Where this comes from: a plan, a board decision" value={source} onChange={setSource} error={fieldError('edit-source')} />
      <div className="footprint-inline-list">
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Save
        </button>{' '}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
