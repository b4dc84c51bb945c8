import { useRef } from 'preact/hooks';
import { api, enc, get, post, del } from '../api.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { ErrorBox, Loading, Notice, useAction, useLoad } from '../ui.jsx';

/** Deployed plugins with their instances; admins deploy (multipart upload), stop, start and remove them. */
export function Plugins() {
  const plugins = useLoad(() => get('/plugins'), []);
  const action = useAction();
  const file = useRef(null);
  const act = (fn, done) => action.run(async () => {
    await fn();
    plugins.reload();
  }, done);
  const upload = (event) => {
    event.preventDefault();
    const jar = file.current.files[0];
    if (!jar) {
      return;
    }
    const form = new FormData();
    form.append('file', jar, jar.name);
    act(async () => {
      await api('POST', '/plugins', form);
      file.current.value = '';
    }, t('plugins.deployed', { name: jar.name }));
  };
  const items = plugins.value?.items ?? [];
  return (
    <section class="pane wide" aria-labelledby="plugins-title">
      <h1 id="plugins-title">{t('plugins.title')}</h1>
      <form class="card row" onSubmit={upload} aria-label={t('plugins.upload')}>
        <label for="plugin-file">{t('plugins.file')}</label>
        <input id="plugin-file" ref={file} type="file" name="file" accept=".jar,application/java-archive" required />
        <button type="submit" class="primary" disabled={action.busy}>{t('plugins.deploy')}</button>
      </form>
      <ErrorBox error={action.error || plugins.error} />
      <Notice text={action.done} />
      <Loading when={!plugins.value && plugins.loading} />
      {plugins.value && items.length === 0 && <p class="muted">{t('plugins.none')}</p>}
      {items.length > 0 && (
        <table class="grid plugins">
          <thead>
            <tr>
              <th scope="col">{t('plugins.name')}</th><th scope="col">{t('plugins.kind')}</th>
              <th scope="col">{t('plugins.version')}</th><th scope="col">{t('plugins.state')}</th>
              <th scope="col">{t('plugins.health')}</th><th scope="col">{t('plugins.instances')}</th>
              <th scope="col">{t('plugins.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-plugin={p.id}>
                <th scope="row">{p.name}<div class="muted small">{p.id}</div></th>
                <td>{p.kind}</td>
                <td>{p.version}</td>
                <td>{p.state}</td>
                <td><span class={`health ${p.health}`}>{p.health}</span></td>
                <td>
                  <ul class="plain">
                    {(p.instances ?? []).map((i) => (
                      <li key={i.name}><span class={`health ${i.health}`}>{i.health}</span> {i.name}{i.detail ? ` — ${i.detail}` : ''}</li>
                    ))}
                  </ul>
                </td>
                <td class="actions">
                  <a href={`${href('admin', 'settings')}?plugin=${enc(p.id)}`}>{t('plugins.settings')}</a>
                  {p.state === 'ACTIVE'
                    ? <button type="button" disabled={action.busy} onClick={() => act(() => post(`/plugins/${enc(p.id)}/stop`))}>{t('plugins.stop')}</button>
                    : <button type="button" disabled={action.busy} onClick={() => act(() => post(`/plugins/${enc(p.id)}/start`))}>{t('plugins.start')}</button>}
                  <button type="button" class="danger" disabled={action.busy}
                    onClick={() => window.confirm(t('plugins.confirmRemove', { name: p.name })) && act(() => del(`/plugins/${enc(p.id)}`))}>
                    {t('plugins.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
