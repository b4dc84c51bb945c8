import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { forms, instances, remove } from '../settings.js';
import { ErrorBox, Loading, Notice, useAction, useLoad } from '../ui.jsx';
import { InstanceEditor } from './InstanceEditor.jsx';

/**
 * Plugin instances configured through the forms each plugin's metatype describes (GET /settings). Reached from the
 * plugins screen with ?plugin=<id> to show that plugin's forms only.
 */
export function Settings({ params }) {
  const plugin = params?.get('plugin') ?? '';
  const all = useLoad(forms, []);
  const shown = (all.value?.forms ?? []).filter((form) => !plugin || form.pluginId === plugin);
  return (
    <section class="pane wide" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {plugin && <p class="muted">{t('settings.ofPlugin', { plugin })} <a href="#/admin/settings">{t('settings.allPlugins')}</a></p>}
      <ErrorBox error={all.error} />
      <Loading when={!all.value && all.loading} />
      {all.value && shown.length === 0 && <p class="muted">{t('settings.none')}</p>}
      {shown.map((form) => <FormInstances key={form.factoryPid} form={form} />)}
    </section>
  );
}

/** One kind of instance: its instances, each editable, and a new one. */
function FormInstances({ form }) {
  const list = useLoad(() => instances(form.factoryPid), [form.factoryPid]);
  const [editing, setEditing] = useState(null);
  const action = useAction();
  const done = () => {
    setEditing(null);
    list.reload();
  };
  const removeInstance = (item) => window.confirm(t('settings.confirmRemove', { name: item.name }))
    && action.run(async () => {
      await remove(form.factoryPid, item.name, item.revision);
      done();
    }, t('settings.removed', { name: item.name }));
  const items = list.value?.instances ?? [];
  return (
    <article class="card settings-kind" data-factory-pid={form.factoryPid} aria-labelledby={`kind-${form.factoryPid}`}>
      <h2 id={`kind-${form.factoryPid}`}>{form.name}</h2>
      {form.description && <p class="muted">{form.description}</p>}
      <p class="muted small"><code>{form.factoryPid}</code></p>
      <ErrorBox error={list.error || action.error} />
      {action.error?.status === 409 && <button type="button" onClick={() => { action.clear(); list.reload(); }}>{t('settings.reload')}</button>}
      <Notice text={action.done} />
      <Loading when={!list.value && list.loading} />
      {list.value && items.length === 0 && <p class="muted">{t('settings.noInstances')}</p>}
      <ul class="plain instances">
        {items.map((item) => (
          <li key={item.name} data-instance={item.name}>
            <strong>{item.name}</strong>{' '}
            <button type="button" onClick={() => setEditing(item.name)}>{t('settings.edit')}</button>{' '}
            <button type="button" class="danger" disabled={action.busy} onClick={() => removeInstance(item)}>{t('settings.remove')}</button>
            {editing === item.name && (
              <InstanceEditor form={form} name={item.name} onSaved={() => done()} onCancel={() => setEditing(null)} />
            )}
          </li>
        ))}
      </ul>
      {editing === '' ? (
        <InstanceEditor form={form} name={null} onSaved={() => done()} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing('')}>{t('settings.new')}</button>
      )}
    </article>
  );
}
