import "./forum.css";
import { Link } from "../lib/link.js";

/** A topic as lists show it. */
export interface ForumTopicSummary {
  id: string;
  title: string;
  path: string;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  likeCount: number;
  lastPostedAt: string;
  tags: string[];
  category: { slug: string; name: string };
  author: { handle: string } | null;
  viewerUnreadCount: number | null;
  acceptedAnswer: { number: number } | null;
}

export const TOPIC_SUMMARY_FIELDS = `id title path pinned locked replyCount likeCount lastPostedAt tags
  category { slug name } author { handle } viewerUnreadCount acceptedAnswer { number }`;

/** A list of topics with their category, tags, replies and activity. */
export function ForumTopicList({ topics }: { topics: readonly ForumTopicSummary[] }) {
  if (topics.length === 0) return <p className="empty">No topics here yet.</p>;
  return (
    <ul className="forum-topic-list">
      {topics.map((topic) => (
        <li key={topic.id} className="forum-topic-row">
          <div>
            <Link to={topic.path} className="forum-topic-title">
              {topic.pinned ? "📌 " : ""}
              {topic.title}
            </Link>
            {topic.locked ? <span className="badge badge-neutral">Locked</span> : null}
            {topic.acceptedAnswer ? <span className="badge badge-success">Solved</span> : null}
            <p className="card-meta">
              <Link to={`/forum?c=${topic.category.slug}`}>{topic.category.name}</Link>
              {topic.tags.map((tag) => (
                <Link key={tag} to={`/forum?tag=${tag}`} className="badge badge-neutral">
                  {tag}
                </Link>
              ))}
              {topic.author ? <span> · by @{topic.author.handle}</span> : null}
            </p>
          </div>
          <div className="forum-topic-stats">
            <span>{topic.replyCount} replies</span>
            <span>{topic.likeCount} likes</span>
            {topic.viewerUnreadCount ? (
              <span className="badge badge-tier">{topic.viewerUnreadCount} unread</span>
            ) : null}
            <time dateTime={topic.lastPostedAt}>{new Date(topic.lastPostedAt).toLocaleString()}</time>
          </div>
        </li>
      ))}
    </ul>
  );
}
