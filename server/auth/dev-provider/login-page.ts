import type { DemoPerson } from "./demo-people.js";
import { escapeHtml, htmlPage } from "./html-page.js";
import { LOGIN_FIELDS } from "./login-decision.js";

/** Everything the login page shows. */
export interface LoginPageInput {
  people: readonly DemoPerson[];
  /** Where the chosen person is posted. */
  loginAction: string;
  /** Where "Cancel" is posted; the client then receives `access_denied`. */
  cancelAction: string;
  /** The client that asked, shown so testers see which app they are signing in to. */
  clientId: string;
  secondFactorChecked: boolean;
  /** True when the request demanded the MFA context class. */
  mfaRequested: boolean;
  error?: string;
}

function personItem(person: DemoPerson): string {
  const descriptionId = `person-${escapeHtml(person.sub)}`;
  return `<li><button type="submit" class="person" name="${LOGIN_FIELDS.subject}" value="${escapeHtml(person.sub)}" aria-describedby="${descriptionId}">${escapeHtml(person.name)}</button>
<span id="${descriptionId}">${escapeHtml(person.description)} (${escapeHtml(person.email)})</span></li>`;
}

/**
 * The development provider's sign-in page: one button per demo person and a simulated second factor. Server
 * rendered without scripts; every control has a visible label or text.
 */
export function renderLoginPage(input: LoginPageInput): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : "";
  const mfaNote = input.mfaRequested
    ? `<p class="note">This sign-in asks for a second factor (step-up): keep the box ticked.</p>`
    : "";
  const checked = input.secondFactorChecked ? " checked" : "";
  return htmlPage(
    "Sign in",
    `<h1>Sign in to Alliance Hub</h1>
<p class="note">Development identity provider for <strong>${escapeHtml(input.clientId)}</strong>. Choose a demo person; no password is needed. Never use this in production.</p>
${error}${mfaNote}
<form method="post" action="${escapeHtml(input.loginAction)}">
<p><input type="checkbox" id="second-factor" name="${LOGIN_FIELDS.secondFactor}" value="yes"${checked}>
<label for="second-factor">Use second factor (simulated one-time code)</label></p>
<fieldset>
<legend>Sign in as</legend>
<ul>
${input.people.map(personItem).join("\n")}
</ul>
</fieldset>
</form>
<form method="post" action="${escapeHtml(input.cancelAction)}">
<p><button type="submit">Cancel</button></p>
</form>`,
  );
}
