import "./forum-preferences.css";
import { ErrorList } from "./error-list.js";
import { ForumWatchLevelSelect, WATCH_LEVEL_LABELS } from "./forum-watch-level-select.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";
import { useViewer } from "../lib/viewer.js";

const CATEGORY = `query CategoryWatch($slug: String!) {
  forumCategory(slug: $slug) { id name viewerWatchLevel defaultWatchLevel } }`;
const SET_MINE = `mutation SetCategoryWatch($input: SetForumCategoryWatchLevelInput!) {
  setForumCategoryWatchLevel(input: $input) { category { id viewerWatchLevel } } }`;
const SET_DEFAULT = `mutation SetCategoryDefault($input: SetForumCategoryDefaultWatchLevelInput!) {
  setForumCategoryDefaultWatchLevel(input: $input) { category { id defaultWatchLevel } } }`;

interface CategoryWatchData {
  forumCategory: {
    id: string;
    name: string;
    viewerWatchLevel: string | null;
    defaultWatchLevel: string | null;
  } | null;
}

/**
 * The viewer's watching level on a category (on the category's topic list), and for moderators and stewards the
 * category's default for everyone who did not choose.
 */
export function ForumCategoryWatchControl({ slug }: { slug: string }) {
  const { person } = useViewer();
  const { data, errors, reload } = useQuery<CategoryWatchData>(CATEGORY, { slug });
  const setMine = useMutation(SET_MINE);
  const setDefault = useMutation(SET_DEFAULT);
  const category = data?.forumCategory;
  if (!person || !category) return null;
  const moderates = person.hubRoles.some((role) => role === "moderator" || role === "steward");
  const defaultLabel = category.defaultWatchLevel
    ? `Category default (${WATCH_LEVEL_LABELS[category.defaultWatchLevel]})`
    : "Category default (tracking: mentions and replies)";
  return (
    <div className="forum-category-watch">
      <ForumWatchLevelSelect
        label={`Notifications for ${category.name}`}
        value={category.viewerWatchLevel}
        emptyLabel={defaultLabel}
        disabled={setMine.pending}
        onChange={async (level) => {
          await setMine.run({ input: { categoryId: category.id, level } });
          reload();
        }}
      />
      {moderates ? (
        <ForumWatchLevelSelect
          label="Default for everyone"
          value={category.defaultWatchLevel}
          emptyLabel="No default"
          disabled={setDefault.pending}
          onChange={async (level) => {
            await setDefault.run({ input: { categoryId: category.id, level } });
            reload();
          }}
        />
      ) : null}
      <ErrorList errors={[...errors, ...setMine.errors, ...setDefault.errors]} />
    </div>
  );
}
