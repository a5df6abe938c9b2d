import { ErrorList } from "../components/error-list.js";
import { ForumCategoryWatchControl } from "../components/forum-category-watch-control.js";
import { ForumNewTopicForm } from "../components/forum-new-topic-form.js";
import {
  ForumTopicList,
  type ForumTopicSummary,
  TOPIC_SUMMARY_FIELDS,
} from "../components/forum-topic-list.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { queryParameter } from "../lib/router.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const FORUM_QUERY = `query Forum($order: ForumTopicOrder, $filter: ForumTopicFilter) {
  forumCategories { id slug name description kind topicCount viewerCanPost }
  forumTopics(first: 50, order: $order, filter: $filter) { edges { node { ${TOPIC_SUMMARY_FIELDS} } } }
}`;

interface ForumData {
  forumCategories: Array<{
    id: string;
    slug: string;
    name: string;
    description: string;
    kind: string;
    topicCount: number;
    viewerCanPost: boolean;
  }>;
  forumTopics: { edges: Array<{ node: ForumTopicSummary }> };
}

const ORDERS = [
  ["LATEST", "Latest"],
  ["UNREAD", "Unread"],
  ["TOP", "Top"],
] as const;

/** The forum: categories, topic lists (latest, unread, top) filtered by category or tag, and the new-topic form. */
export function ForumPage({ location }: { location: string }) {
  usePageTitle("Forum");
  const { person } = useViewer();
  const category = queryParameter(location, "c");
  const tag = queryParameter(location, "tag");
  const order = queryParameter(location, "order") || "LATEST";
  const { data, errors, loading } = useQuery<ForumData>(FORUM_QUERY, {
    order: person || order === "LATEST" || order === "TOP" ? order : "LATEST",
    filter: { categorySlug: category || null, tag: tag || null },
  });
  const address = (changes: Record<string, string>) => {
    const query = new URLSearchParams({
      ...(category ? { c: category } : {}),
      ...(tag ? { tag } : {}),
      order,
      ...changes,
    });
    return `/forum?${query.toString()}`;
  };
  const postable = data?.forumCategories.filter((entry) => entry.viewerCanPost) ?? [];

  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Forum</h1>
          <p className="lead">Questions, incident reports and decisions between the cooperatives.</p>
        </div>
        <div className="actions">
          {person?.hubRoles.some((role) => ["moderator", "steward"].includes(role.toLowerCase())) ? (
            <Link to="/forum/review" className="button">
              Review queue
            </Link>
          ) : null}
          <a href="/forum/latest.rss" className="button">
            RSS
          </a>
        </div>
      </div>
      <ErrorList errors={errors} />
      <nav aria-label="Categories" className="forum-categories">
        <Link to="/forum" aria-current={!category ? "page" : undefined}>
          All categories
        </Link>
        {data?.forumCategories.map((entry) => (
          <Link
            key={entry.id}
            to={`/forum?c=${entry.slug}`}
            aria-current={category === entry.slug ? "page" : undefined}
          >
            {entry.name} ({entry.topicCount})
          </Link>
        ))}
      </nav>
      {category ? <ForumCategoryWatchControl key={category} slug={category} /> : null}
      <nav aria-label="Topic order" className="forum-orders">
        {ORDERS.filter(([value]) => person || value !== "UNREAD").map(([value, label]) => (
          <Link
            key={value}
            to={address({ order: value })}
            aria-current={order === value ? "page" : undefined}
          >
            {label}
          </Link>
        ))}
        {tag ? <span className="badge badge-neutral">Tag: {tag}</span> : null}
      </nav>
      {loading && !data ? (
        <p>Loading…</p>
      ) : (
        <ForumTopicList topics={data?.forumTopics.edges.map((edge) => edge.node) ?? []} />
      )}
      {person && postable.length > 0 ? <ForumNewTopicForm categories={postable} /> : null}
    </div>
  );
}
