import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { signIn } from '../session.js';
import { ErrorBox } from '../ui.jsx';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (failure) {
      setError(failure);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="center">
      <form class="card signin" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signin.title')}</h1>
        <label for="signin-username">{t('signin.username')}</label>
        <input id="signin-username" name="username" autocomplete="username" required autofocus
          value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        <label for="signin-password">{t('signin.password')}</label>
        <input id="signin-password" name="password" type="password" autocomplete="current-password" required
          value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        {error?.status === 429 && error.retryAfter
          ? <p class="error" role="alert" data-status="429">{t('signin.throttled', { seconds: error.retryAfter })}</p>
          : <ErrorBox error={error} />}
        <button type="submit" class="primary" disabled={busy}>{busy ? t('signin.busy') : t('signin.submit')}</button>
      </form>
    </main>
  );
}
