import "./forum.css";

/** A moderation note in a topic's stream, as the topic page asks for it. */
export interface ForumSmallActionData {
  kind: "SPLIT_TO" | "SPLIT_FROM" | "MERGED_INTO" | "MERGED_FROM";
  postCount: number;
  otherTopic: { title: string; path: string } | null;
}

export const SMALL_ACTION_FIELDS = "smallAction { kind postCount otherTopic { title path } }";

const SENTENCES: Record<ForumSmallActionData["kind"], string> = {
  SPLIT_TO: "moved {n} to a new topic:",
  SPLIT_FROM: "split {n} from",
  MERGED_INTO: "merged {n} into",
  MERGED_FROM: "merged {n} from",
};

/** A one-line note ("@mod moved 2 posts to a new topic: …") in place of a post. */
export function ForumSmallActionNote(props: {
  number: number;
  author: string;
  createdAt: string;
  action: ForumSmallActionData;
}) {
  const { action } = props;
  const count = action.postCount === 1 ? "1 post" : `${action.postCount} posts`;
  return (
    <p id={`post-${props.number}`} className="forum-small-action">
      @{props.author} {SENTENCES[action.kind].replace("{n}", count)}{" "}
      {action.otherTopic ? (
        <a href={action.otherTopic.path}>{action.otherTopic.title}</a>
      ) : (
        "a topic you cannot see"
      )}{" "}
      · <time dateTime={props.createdAt}>{new Date(props.createdAt).toLocaleString()}</time>
    </p>
  );
}
