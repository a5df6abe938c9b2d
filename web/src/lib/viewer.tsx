import { createContext, type ReactNode, useContext } from "react";
import type { GraphqlError } from "./graphql.js";
import { useQuery } from "./use-query.js";

/** The signed-in person as the layout and pages need them. */
export interface ViewerPerson {
  id: string;
  handle: string;
  name: string;
  email: string | null;
  hubRoles: string[];
}

/** What every page knows about the viewer. `person` is null when anonymous (or while loading). */
export interface ViewerState {
  person: ViewerPerson | null;
  hasRecentSecondFactor: boolean;
  isSteward: boolean;
  loading: boolean;
  errors: GraphqlError[];
  reload: () => void;
}

const VIEWER_QUERY = `query Viewer { viewer { hasRecentSecondFactor person { id handle name email hubRoles } } }`;

interface ViewerData {
  viewer: { hasRecentSecondFactor: boolean; person: ViewerPerson } | null;
}

const ViewerContext = createContext<ViewerState>({
  person: null,
  hasRecentSecondFactor: false,
  isSteward: false,
  loading: true,
  errors: [],
  reload: () => {},
});

/** Loads the viewer once for the whole app. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data, errors, loading, reload } = useQuery<ViewerData>(VIEWER_QUERY);
  const person = data?.viewer?.person ?? null;
  const state: ViewerState = {
    person,
    hasRecentSecondFactor: data?.viewer?.hasRecentSecondFactor ?? false,
    isSteward: person?.hubRoles.includes("STEWARD") ?? false,
    loading,
    errors,
    reload,
  };
  return <ViewerContext.Provider value={state}>{children}</ViewerContext.Provider>;
}

/** The viewer of the current page. */
export const useViewer = (): ViewerState => useContext(ViewerContext);

/** The sign-in link for the current page, so the person comes back where they were. */
export function signInHref(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
