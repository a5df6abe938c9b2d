import { useEffect } from "react";

const SITE_NAME = "Alliance Hub";

/** Sets the document title to `<page> · Alliance Hub`, so tabs and history entries say where they lead. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  }, [title]);
}
