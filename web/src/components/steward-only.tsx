import type { ReactNode } from "react";
import { useViewer } from "../lib/viewer.js";
import { SignInPrompt } from "./sign-in-prompt.js";

/** Renders its children for stewards only; others are told why they see nothing. */
export function StewardOnly({ title, children }: { title: string; children: ReactNode }) {
  const { person, isSteward, loading } = useViewer();
  if (loading && !person) return <p className="muted">Loading…</p>;
  if (isSteward) return <>{children}</>;
  return (
    <section className="page narrow">
      <h1>{title}</h1>
      {person ? (
        <p className="notice notice-info">This page is for the stewards of the alliance.</p>
      ) : (
        <SignInPrompt action="continue" />
      )}
    </section>
  );
}
