import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { initialDraft, instance, isSecret, save, toValues } from '../settings.js';
import { ErrorBox, Loading, useAction, useLoad } from '../ui.jsx';

const NUMBER_STEP = { integer: '1', long: '1', double: 'any' };

/**
 * Edits one instance (name given) or creates one (name null) with inputs generated from the form's fields. The
 * revision read here goes back with the change, so a change someone made meanwhile is refused (409), not overwritten.
 * The browser's own checks are off (noValidate): the server's per-setting messages are the ones shown.
 */
export function InstanceEditor({ form, name, onSaved, onCancel }) {
  const current = useLoad(() => (name ? instance(form.factoryPid, name) : Promise.resolve(null)), [form.factoryPid, name]);
  const [draft, setDraft] = useState(null);
  const [newName, setNewName] = useState('');
  const action = useAction();
  useEffect(() => {
    if (!current.loading && !current.error) {
      setDraft(initialDraft(form, current.value));
    }
  }, [current.value, current.loading]);
  if (!draft) {
    return <div class="editor"><ErrorBox error={current.error} /><Loading when={!current.error} /></div>;
  }
  const creating = !name;
  const fieldErrors = action.error?.code === 'invalid_settings' ? action.error.body?.fields ?? {} : {};
  const submit = async (event) => {
    event.preventDefault();
    const result = await action.run(() => save(form.factoryPid, name ?? newName.trim(), toValues(form, draft, creating),
      current.value?.revision));
    if (result.ok) {
      onSaved();
    }
  };
  const reload = () => {
    action.clear();
    setDraft(null);
    current.reload();
  };
  const idOf = (field) => `setting-${form.factoryPid}-${name ?? ''}-${field.id}`;
  return (
    <form class="editor settings-form" noValidate onSubmit={submit} data-instance={name ?? ''}
      aria-label={creating ? t('settings.newOf', { kind: form.name }) : t('settings.editOf', { name })}>
      {creating && (
        <div class="field">
          <label for={`new-${form.factoryPid}`}>{t('settings.instanceName')}</label>
          <input id={`new-${form.factoryPid}`} name="instance-name" value={newName} required pattern="[A-Za-z0-9._\-]{1,64}"
            onInput={(e) => setNewName(e.currentTarget.value)} />
          <p class="muted small">{t('settings.instanceNameHint')}</p>
        </div>
      )}
      {form.fields.map((field) => (
        <Field key={field.id} field={field} id={idOf(field)} value={draft[field.id]} error={fieldErrors[field.id]}
          isSet={current.value?.secretsSet?.includes(field.id)}
          onChange={(value) => setDraft((previous) => ({ ...previous, [field.id]: value }))} />
      ))}
      <ErrorBox error={action.error} />
      {action.error?.status === 409 && (
        <p class="error" role="alert">
          {t(creating ? 'settings.exists' : 'settings.conflict')}{' '}
          {!creating && <button type="button" onClick={reload}>{t('settings.reload')}</button>}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={action.busy}>{t(creating ? 'settings.create' : 'settings.save')}</button>
        <button type="button" onClick={onCancel}>{t('settings.cancel')}</button>
      </div>
    </form>
  );
}

/** One setting's input by its type, with its description, and the server's message for it when it refused it. */
function Field({ field, id, value, error, isSet, onChange }) {
  const secret = isSecret(field);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasHint = field.description || secret || field.multiple;
  const described = [hasHint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.id, 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined };
  let input;
  if (field.type === 'boolean' && !field.multiple) {
    input = <input type="checkbox" {...common} checked={value === 'true'} onChange={(e) => onChange(e.currentTarget.checked ? 'true' : 'false')} />;
  } else if (field.options?.length && !field.multiple) {
    input = (
      <select {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {!field.required && <option value="">—</option>}
        {field.options.map((o) => <option key={o.value} value={o.value}>{o.label || o.value}</option>)}
      </select>
    );
  } else if (field.multiple) {
    input = <textarea {...common} rows="3" value={value} onInput={(e) => onChange(e.currentTarget.value)} />;
  } else if (secret) {
    input = <input type="password" autocomplete="new-password" {...common} value={value} onInput={(e) => onChange(e.currentTarget.value)} />;
  } else if (NUMBER_STEP[field.type]) {
    input = <input type="number" step={NUMBER_STEP[field.type]} {...common} value={value} onInput={(e) => onChange(e.currentTarget.value)} />;
  } else {
    input = <input type="text" {...common} value={value} onInput={(e) => onChange(e.currentTarget.value)} />;
  }
  return (
    <div class={`field${error ? ' invalid' : ''}`} data-field={field.id}>
      <label for={id}>{field.name}{field.required ? ' *' : ''}</label>
      {input}
      {hasHint && (
        <p id={hintId} class="muted small">
          {field.description}
          {secret ? ` ${t(isSet ? 'settings.secretSet' : 'settings.secretUnset')}` : ''}
          {field.multiple ? ` ${t('settings.onePerLine')}` : ''}
        </p>
      )}
      {error && <p id={errorId} class="field-error error" data-field={field.id}>{error}</p>}
    </div>
  );
}
