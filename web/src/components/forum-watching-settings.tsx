import { type FormEvent, useState } from "react";
import { ErrorList } from "./error-list.js";
import { FormField } from "./form-field.js";
import { ForumWatchLevelSelect, WATCH_LEVEL_LABELS } from "./forum-watch-level-select.js";
import { useMutation } from "../lib/use-mutation.js";
import { useQuery } from "../lib/use-query.js";

const WATCHING = `query Watching {
  forumCategories { id slug name viewerWatchLevel defaultWatchLevel }
  forumTagWatches { tag level } }`;
const SET_CATEGORY = `mutation SetCategoryWatch($input: SetForumCategoryWatchLevelInput!) {
  setForumCategoryWatchLevel(input: $input) { category { id viewerWatchLevel } } }`;
const SET_TAG = `mutation SetTagWatch($input: SetForumTagWatchLevelInput!) { setForumTagWatchLevel(input: $input) { tag level } }`;

interface WatchingData {
  forumCategories: Array<{
    id: string;
    slug: string;
    name: string;
    viewerWatchLevel: string | null;
    defaultWatchLevel: string | null;
  }>;
  forumTagWatches: Array<{ tag: string; level: string }>;
}

/** The viewer's watching levels per category and per tag (a topic's own level wins over both). */
export function ForumWatchingSettings() {
  const { data, errors, reload } = useQuery<WatchingData>(WATCHING);
  const setCategory = useMutation(SET_CATEGORY);
  const setTag = useMutation(SET_TAG);
  const [tag, setTagName] = useState("");
  const [tagLevel, setTagLevel] = useState<string | null>("WATCHING");
  const addTag = async (event: FormEvent) => {
    event.preventDefault();
    const response = await setTag.run({ input: { tag, level: tagLevel } });
    if (response.errors.length === 0) {
      setTagName("");
      reload();
    }
  };
  return (
    <section aria-labelledby="watching-heading">
      <h2 id="watching-heading">Watching</h2>
      <p className="lead">
        A topic's own level wins over its tags, and tags win over categories. Muted means no notifications or
        emails at all.
      </p>
      <h3>Categories</h3>
      <ul className="forum-watch-list">
        {data?.forumCategories.map((category) => (
          <li key={category.id}>
            <ForumWatchLevelSelect
              label={category.name}
              value={category.viewerWatchLevel}
              emptyLabel={
                category.defaultWatchLevel
                  ? `Default (${WATCH_LEVEL_LABELS[category.defaultWatchLevel]})`
                  : "Default (tracking: mentions and replies)"
              }
              disabled={setCategory.pending}
              onChange={async (level) => {
                await setCategory.run({ input: { categoryId: category.id, level } });
                reload();
              }}
            />
          </li>
        ))}
      </ul>
      <h3>Tags</h3>
      <ul className="forum-watch-list">
        {data?.forumTagWatches.map((watch) => (
          <li key={watch.tag}>
            <ForumWatchLevelSelect
              label={`#${watch.tag}`}
              value={watch.level}
              emptyLabel="Remove"
              disabled={setTag.pending}
              onChange={async (level) => {
                await setTag.run({ input: { tag: watch.tag, level } });
                reload();
              }}
            />
          </li>
        ))}
      </ul>
      <form onSubmit={addTag} className="forum-watch-tag-form">
        <FormField label="Tag">
          <input
            type="text"
            value={tag}
            onChange={(event) => setTagName(event.target.value)}
            required
            maxLength={30}
          />
        </FormField>
        <ForumWatchLevelSelect label="Level" value={tagLevel} emptyLabel="None" onChange={setTagLevel} />{" "}
        <button type="submit" className="button" disabled={setTag.pending || !tagLevel}>
          Watch tag
        </button>
      </form>
      <ErrorList errors={[...errors, ...setCategory.errors, ...setTag.errors]} />
    </section>
  );
}
