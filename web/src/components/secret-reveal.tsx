import { useState } from "react";

/**
 * A secret (token or invitation link) shown once, with a copy button. The hub keeps only a hash, so the warning
 * says plainly that it will not be shown again.
 */
export function SecretReveal({ label, value, warning }: { label: string; value: string; warning: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const copy = () => {
    navigator.clipboard
      .writeText(value)
      .then(() => setCopied("copied"))
      .catch(() => setCopied("failed"));
  };
  return (
    <div className="notice notice-success secret-reveal">
      <p className="notice-title">{label}</p>
      <p className="secret-row">
        <code className="secret-value" data-testid="secret-value">
          {value}
        </code>
        <button type="button" className="button button-secondary button-small" onClick={copy}>
          {copied === "copied" ? "Copied" : "Copy"}
        </button>
      </p>
      <p className="secret-warning">{warning}</p>
      <p className="visually-hidden" aria-live="polite">
        {copied === "copied"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "Copying failed; select the text instead."
            : ""}
      </p>
    </div>
  );
}
