import "./forum.css";
import { Link } from "../lib/link.js";
import { useLocation } from "../lib/router.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const UNREAD = `query UnreadNotifications { forumNotifications(first: 0, unreadOnly: true) { unreadCount } }`;

/** The header's notifications entry with the unread count; refreshed on every navigation. */
export function ForumNotificationsLink() {
  const { person } = useViewer();
  const location = useLocation();
  if (!person) return null;
  return <UnreadCount key={location} />;
}

function UnreadCount() {
  const { data } = useQuery<{ forumNotifications: { unreadCount: number } }>(UNREAD);
  const count = data?.forumNotifications.unreadCount ?? 0;
  return (
    <Link
      to="/forum/notifications"
      className="forum-notifications-link"
      aria-label={`Notifications: ${count} unread`}
    >
      Notifications {count > 0 ? <span className="badge badge-danger">{count}</span> : null}
    </Link>
  );
}
