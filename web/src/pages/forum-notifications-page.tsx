import { ErrorList } from "../components/error-list.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { postPath } from "../lib/forum-permalink.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const NOTIFICATIONS = `query Notifications { forumNotifications(first: 50) {
  unreadCount edges { node { id kind postNumber count read updatedAt actor { handle } topic { title path } } } } }`;
const MARK_ALL = `mutation MarkAll { markForumNotificationsRead(input: {}) { unreadCount } }`;

interface NotificationsData {
  forumNotifications: {
    unreadCount: number;
    edges: Array<{
      node: {
        id: string;
        kind: string;
        postNumber: number;
        count: number;
        read: boolean;
        updatedAt: string;
        actor: { handle: string } | null;
        topic: { title: string; path: string } | null;
      };
    }>;
  };
}

const DESCRIPTIONS: Record<string, string> = {
  MENTIONED: "mentioned you in",
  COOPERATIVE_MENTIONED: "mentioned your cooperative in",
  QUOTED: "quoted you in",
  REPLIED: "replied to you in",
  POSTED: "posted in",
  LIKED: "liked your post in",
  ACCEPTED: "accepted your answer in",
};

/** The viewer's forum notifications, newest first, with "mark all read". */
export function ForumNotificationsPage() {
  usePageTitle("Notifications");
  const { person } = useViewer();
  const { data, errors, reload } = useQuery<NotificationsData>(NOTIFICATIONS);
  const markAll = useMutation(MARK_ALL);
  if (!person) return <SignInPrompt action="see your notifications" />;
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Notifications</h1>
        <div className="actions">
          <Link to="/forum/preferences" className="button">
            Preferences
          </Link>
          <button
            type="button"
            className="button"
            onClick={async () => {
              await markAll.run({});
              reload();
            }}
          >
            Mark all read
          </button>
        </div>
      </div>
      <ErrorList errors={[...errors, ...markAll.errors]} />
      <ul className="forum-notifications">
        {data?.forumNotifications.edges.map(({ node }) => (
          <li key={node.id} className={node.read ? "read" : "unread"}>
            <strong>@{node.actor?.handle ?? "someone"}</strong>
            {node.count > 1 ? ` and ${node.count - 1} more` : ""} {DESCRIPTIONS[node.kind] ?? "acted in"}{" "}
            {node.topic ? (
              <Link to={postPath(node.topic.path, node.postNumber)}>{node.topic.title}</Link>
            ) : (
              "a topic"
            )}
          </li>
        ))}
      </ul>
      {data && data.forumNotifications.edges.length === 0 ? <p className="empty">Nothing yet.</p> : null}
    </div>
  );
}
