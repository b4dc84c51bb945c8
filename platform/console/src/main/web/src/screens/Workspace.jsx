import { t } from '../i18n.js';
import { Inbox } from './Inbox.jsx';
import { Conversation } from './Conversation.jsx';

/** The agent's screen: the inbox beside the open conversation (and its customer). */
export function Workspace({ me, conversationId }) {
  return (
    <div class="workspace">
      <Inbox me={me} selected={conversationId} />
      {conversationId
        ? <Conversation key={conversationId} me={me} id={conversationId} />
        : <section class="pane placeholder"><p class="muted">{t('inbox.select')}</p></section>}
    </div>
  );
}
