import "../components/forum-preferences.css";
import { ForumEmailSettings } from "../components/forum-email-settings.js";
import { ForumWatchingSettings } from "../components/forum-watching-settings.js";
import { SignInPrompt } from "../components/sign-in-prompt.js";
import { Link } from "../lib/link.js";
import { usePageTitle } from "../lib/page-title.js";
import { useViewer } from "../lib/viewer.js";

/** Forum notification preferences: email switches and the digest, and watching levels per category and tag. */
export function ForumPreferencesPage() {
  usePageTitle("Notification preferences");
  const { person } = useViewer();
  if (!person) return <SignInPrompt action="change your notification preferences" />;
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Notification preferences</h1>
        <Link to="/forum/notifications" className="button">
          Notifications
        </Link>
      </div>
      <ForumEmailSettings />
      <ForumWatchingSettings />
    </div>
  );
}
