import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "./router.js";

/** Props of `Link`: an anchor whose `href` is a path of the web app. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
  to: string;
}

/**
 * An anchor that navigates inside the app. Modified clicks (new tab, download) keep the browser's behaviour,
 * so every link still works as a plain link.
 */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
