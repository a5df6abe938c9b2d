import "../components/forum-preferences.css";
import { useState } from "react";
import { ErrorList } from "../components/error-list.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { formatDateTime } from "../lib/format.js";
import { usePageTitle } from "../lib/page-title.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const MAILBOX = `query DevMailbox { forumDevMailbox(first: 50) {
  edges { node { id to subject text listUnsubscribe sentAt } } } }`;

interface MailboxData {
  forumDevMailbox: {
    edges: Array<{
      node: {
        id: string;
        to: string;
        subject: string;
        text: string;
        listUnsubscribe: string | null;
        sentAt: string;
      };
    }>;
  };
}

/**
 * The dev mailbox: outgoing forum mail of a hub without SMTP_URL, newest first. Shows the plain-text part (the
 * HTML part is the same content, sanitised); open to everyone signed in during development, to stewards otherwise.
 */
export function DevMailboxPage() {
  usePageTitle("Dev mailbox");
  const { person } = useViewer();
  const { data, errors, reload } = useQuery<MailboxData>(MAILBOX);
  const [open, setOpen] = useState<string | null>(null);
  if (!person) return <SignInPrompt action="read the dev mailbox" />;
  const messages = data?.forumDevMailbox.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Dev mailbox</h1>
          <p className="lead">Mail the hub would have sent. Set SMTP_URL to send it for real.</p>
        </div>
        <button type="button" className="button" onClick={reload}>
          Refresh
        </button>
      </div>
      <ErrorList errors={errors} />
      <ul className="dev-mailbox">
        {messages.map((message) => (
          <li key={message.id}>
            <button
              type="button"
              className="button button-ghost button-small"
              aria-expanded={open === message.id}
              onClick={() => setOpen(open === message.id ? null : message.id)}
            >
              <strong>{message.subject}</strong>
            </button>{" "}
            to {message.to} · {formatDateTime(message.sentAt)}
            {open === message.id ? (
              <pre className="dev-mailbox-body">
                {message.listUnsubscribe ? `List-Unsubscribe: ${message.listUnsubscribe}\n\n` : ""}
                {message.text}
              </pre>
            ) : null}
          </li>
        ))}
      </ul>
      {data && messages.length === 0 ? <p className="empty">No mail yet.</p> : null}
    </div>
  );
}
