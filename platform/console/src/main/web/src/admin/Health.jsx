import { health } from '../api.js';
import { t } from '../i18n.js';
import { ErrorBox, Loading, useLoad } from '../ui.jsx';

/** GET /health as the browser may see it: the platform's state and each part's UP or DOWN. */
export function Health() {
  const result = useLoad(health, []);
  const body = result.value?.body;
  return (
    <section class="pane wide" aria-labelledby="health-title">
      <h1 id="health-title">{t('health.title')}</h1>
      <button type="button" onClick={result.reload}>{t('refresh')}</button>
      <ErrorBox error={result.error} />
      <Loading when={!body && result.loading} />
      {body && (
        <>
          <p class={`overall health ${body.status}`} data-health={body.status}>{t('health.overall', { status: body.status })}</p>
          <table class="grid compact">
            <tbody>
              {Object.entries(body.components ?? {}).map(([name, part]) => (
                <tr key={name} data-component={name}>
                  <th scope="row">{name}</th>
                  <td><span class={`health ${part.status}`}>{part.status}</span></td>
                  <td>{part.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
