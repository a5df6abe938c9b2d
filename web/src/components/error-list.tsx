import type { GraphqlError } from "../lib/graphql.js";

/** Shows the hub's error messages (and nothing when there are none), announced to screen readers. */
export function ErrorList({ errors, title }: { errors: readonly GraphqlError[]; title?: string }) {
  if (errors.length === 0) return null;
  const messages = [...new Set(errors.map((error) => error.message))];
  return (
    <div className="notice notice-error" role="alert">
      {title ? <p className="notice-title">{title}</p> : null}
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
