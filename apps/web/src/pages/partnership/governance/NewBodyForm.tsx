import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { GovernanceOptions, Stamp } from '@footprint/partnership';
import { useApi } from '../../../api/useApi';
import { Field, FormCard, FormErrors, SelectField, TextArea, useSave } from './form-fields';

/** Adds a governance body (partnership-edit only); it opens the new body's page to add members and meetings. */
export function NewBodyForm({ onCreated }: { onCreated(): void }) {
  const options = useApi<GovernanceOptions>('/partnership/governance/options');
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [type, setType] = useState('committee');
  const [purpose, setPurpose] = useState('');
  const [chair, setChair] = useState('');
  const [established, setEstablished] = useState('');
  const form = useSave({ name: 'body-name', type: 'body-type', purpose: 'body-purpose', chair: 'body-chair', established: 'body-established' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.fail([...(name.trim() ? [] : [{ field: 'body-name', message: 'Enter the body’s name' }]), ...(purpose.trim() ? [] : [{ field: 'body-purpose', message: 'Say what the body is for' }])])) return;
    const created = await form.save<Stamp>('POST', '/partnership/governance/bodies', { name, type, purpose, chair, established });
    if (created) {
      onCreated();
      void navigate(`/partnership/governance/bodies/${encodeURIComponent(created.id)}`);
    }
  }
  const types = options.status === 'ready' ? options.data.vocabulary.bodyTypes : [];
  return (
    <FormCard title="Add a governance body" testId="new-body-form">
      <form onSubmit={submit} noValidate>
        <FormErrors id="new-body-errors" errors={form.errors} problem={form.problem} ref={form.summary} />
        <Field id="body-name" label="Name" value={name} onChange={setName} error={form.errorFor('body-name')} />
        <SelectField id="body-type" label="Kind of body" value={type} onChange={setType} options={types.map((t) => ({ value: t.code, label: t.label }))} error={form.errorFor('body-type')} />
        <TextArea id="body-purpose" label="Purpose" value={purpose} onChange={setPurpose} rows={3} error={form.errorFor('body-purpose')} />
        <Field id="body-chair" label="Chair (role title)" hint="For example, Independent Chair" value={chair} onChange={setChair} error={form.errorFor('body-chair')} />
        <Field id="body-established" label="Established" type="date" value={established} onChange={setEstablished} error={form.errorFor('body-established')} />
        <button className="nhsuk-button" type="submit" disabled={form.busy}>
          Add the body
        </button>
      </form>
    </FormCard>
  );
}
