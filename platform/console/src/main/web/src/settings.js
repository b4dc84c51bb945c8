// Instance settings as the form edits them and as PUT /settings/{factoryPid}/{name} takes them. The form keeps
// every value as text (a boolean as true/false, a list one value per line); the server checks types and says what
// is wrong per setting.
import { del, enc, get, api, query } from './api.js';

export const forms = () => get('/settings');
export const instances = (factoryPid) => get(`/settings/${enc(factoryPid)}`);
export const instance = (factoryPid, name) => get(`/settings/${enc(factoryPid)}/${enc(name)}`);

export function save(factoryPid, name, values, revision) {
  return api('PUT', `/settings/${enc(factoryPid)}/${enc(name)}`, revision ? { values, revision } : { values });
}

/** Whether a setting is a secret: the server never sends its value, and an empty input keeps it. */
export const isSecret = (field) => Boolean(field.secret) || field.type === 'password';

export function remove(factoryPid, name, revision) {
  return del(`/settings/${enc(factoryPid)}/${enc(name)}${query({ revision })}`);
}

/** What the inputs start with: the instance's values, or the form's defaults for a new one; secrets always empty. */
export function initialDraft(form, current) {
  const draft = {};
  form.fields.forEach((field) => {
    const values = isSecret(field) ? [] : (current ? current.values?.[field.id] ?? [] : field.defaults ?? []);
    draft[field.id] = field.multiple ? values.join('\n') : (values[0] ?? '');
  });
  return draft;
}

/**
 * The body's values from the draft. An empty secret is left out (the server keeps it); on a change, an emptied
 * setting is sent as null to clear it; on creation an empty one is left out.
 */
export function toValues(form, draft, creating) {
  const values = {};
  form.fields.forEach((field) => {
    const text = draft[field.id] ?? '';
    if (field.multiple) {
      const list = text.split('\n').map((v) => v.trim()).filter(Boolean);
      if (list.length > 0) {
        values[field.id] = list;
      } else if (!creating) {
        values[field.id] = null;
      }
      return;
    }
    if (text.trim() === '') {
      if (!creating && !isSecret(field)) {
        values[field.id] = null;
      }
      return;
    }
    values[field.id] = text;
  });
  return values;
}
