import { useEffect, useState } from 'preact/hooks';
import { language, setLanguage, t } from './i18n.js';
import { liveState } from './live.js';
import { href, useRoute } from './router.js';
import { hasRole, loadSession, session, signOut } from './session.js';
import { useSignal } from './state.js';
import { ErrorBox, Loading } from './ui.jsx';
import { SignIn } from './screens/SignIn.jsx';
import { Workspace } from './screens/Workspace.jsx';
import { Customers } from './screens/Customers.jsx';
import { CustomerPage } from './screens/CustomerPage.jsx';
import { Plugins } from './admin/Plugins.jsx';
import { Health } from './admin/Health.jsx';
import { Users } from './admin/Users.jsx';
import { Tokens } from './admin/Tokens.jsx';
import { DeadLetters } from './admin/DeadLetters.jsx';
import { Crm } from './admin/Crm.jsx';
import { Settings } from './admin/Settings.jsx';
import { Figures } from './admin/Figures.jsx';
import { Audit } from './admin/Audit.jsx';

const ADMIN_SCREENS = {
  plugins: { label: 'nav.plugins', role: 'admin', Screen: Plugins },
  settings: { label: 'nav.settings', role: 'admin', Screen: Settings },
  figures: { label: 'nav.figures', role: 'admin', Screen: Figures },
  audit: { label: 'nav.audit', role: 'admin', Screen: Audit },
  health: { label: 'nav.health', role: 'admin', Screen: Health },
  users: { label: 'nav.users', role: 'supervisor', Screen: Users },
  tokens: { label: 'nav.tokens', role: 'admin', Screen: Tokens },
  'dead-letters': { label: 'nav.deadLetters', role: 'supervisor', Screen: DeadLetters },
  crm: { label: 'nav.crm', role: 'supervisor', Screen: Crm },
};

export function App() {
  useSignal(language);
  const me = useSignal(session);
  const [error, setError] = useState(null);
  useEffect(() => {
    loadSession().catch(setError);
  }, []);
  if (me === undefined) {
    return <main class="center"><ErrorBox error={error} /><Loading when={!error} /></main>;
  }
  return (
    <>
      <LanguageSwitch />
      {me === null ? <SignIn /> : <Shell me={me} />}
    </>
  );
}

function LanguageSwitch() {
  const lang = useSignal(language);
  return (
    <button type="button" class="lang link" lang={lang === 'ru' ? 'en' : 'ru'} aria-label={t('lang.switch.label')}
      onClick={() => setLanguage(lang === 'ru' ? 'en' : 'ru')}>
      {t('lang.switch')}
    </button>
  );
}

function Shell({ me }) {
  const route = useRoute();
  const live = useSignal(liveState);
  const [section = 'inbox', ...rest] = route.parts;
  const adminScreens = Object.entries(ADMIN_SCREENS).filter(([, screen]) => hasRole(me, screen.role));
  const link = (target, label, active) => (
    <li><a href={target} aria-current={active ? 'page' : undefined}>{t(label)}</a></li>
  );
  return (
    <div class="shell">
      <header class="top">
        <strong class="brand">{t('app.title')}</strong>
        <nav aria-label={t('nav.main')}>
          <ul>
            {link(href('inbox'), 'nav.inbox', section === 'inbox')}
            {link(href('customers'), 'nav.customers', section === 'customers')}
          </ul>
        </nav>
        {adminScreens.length > 0 && (
          <nav aria-label={t('nav.admin')}>
            <ul>
              {adminScreens.map(([key, screen]) => link(href('admin', key), screen.label, section === 'admin' && rest[0] === key))}
            </ul>
          </nav>
        )}
        <span class={`live ${live}`} title={t(live === 'on' ? 'live.on' : 'live.off')}>
          {live === 'on' ? '●' : '○'} <span class="sr-only">{t(live === 'on' ? 'live.on' : 'live.off')}</span>
        </span>
        <span class="whoami" data-role={me.role}>{t('whoami', { user: me.username, role: t(`role.${me.role}`) })}</span>
        <button type="button" onClick={() => signOut()}>{t('signout')}</button>
      </header>
      <main class="content">
        <Section me={me} section={section} rest={rest} params={route.params} />
      </main>
    </div>
  );
}

function Section({ me, section, rest, params }) {
  if (section === 'customers') {
    return rest[0] ? <CustomerPage me={me} id={rest[0]} /> : <Customers q={params.get('q') ?? ''} />;
  }
  if (section === 'admin') {
    // Hidden from the navigation for lesser roles; reached anyway, the API's 403 is what they see.
    const screen = ADMIN_SCREENS[rest[0]] ?? ADMIN_SCREENS.plugins;
    return <screen.Screen me={me} params={params} />;
  }
  return <Workspace me={me} conversationId={rest[0] ?? null} />;
}
