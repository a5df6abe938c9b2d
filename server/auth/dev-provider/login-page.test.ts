import { describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "./demo-people.js";
import { renderLoginPage } from "./login-page.js";

const page = (overrides: Partial<Parameters<typeof renderLoginPage>[0]> = {}) =>
  renderLoginPage({
    people: DEMO_PEOPLE,
    loginAction: "/oidc/interaction/abc/login",
    cancelAction: "/oidc/interaction/abc/cancel",
    clientId: "alliance-hub",
    secondFactorChecked: true,
    mfaRequested: false,
    ...overrides,
  });

describe("Development login page", () => {
  it("offers one button per demo person", () => {
    const html = page();
    for (const person of DEMO_PEOPLE) {
      expect(html).toContain(`value="${person.sub}"`);
      expect(html).toContain(`>${person.name}</button>`);
    }
  });

  it("has one h1, a labelled second-factor box ticked by default, and a Cancel button", () => {
    const html = page();
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(
      /<input type="checkbox" id="second-factor" name="secondFactor" value="yes" checked>/,
    );
    expect(html).toContain('<label for="second-factor">Use second factor (simulated one-time code)</label>');
    expect(html).toContain('<form method="post" action="/oidc/interaction/abc/cancel">');
    expect(html).toContain(">Cancel</button>");
  });

  it("contains no script", () => {
    expect(page({ error: "x" })).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
  });

  it("leaves the box unticked and shows the error when asked to", () => {
    const html = page({ secondFactorChecked: false, error: "Needs <a second factor>", mfaRequested: true });
    expect(html).not.toContain(" checked>");
    expect(html).toContain('<p class="error" role="alert">Needs &lt;a second factor&gt;</p>');
    expect(html).toContain("step-up");
  });

  it("escapes names and actions", () => {
    const html = page({
      people: [{ ...DEMO_PEOPLE[0], name: '<img src=x onerror="alert(1)">' }],
      loginAction: '/x" onclick="y',
    });
    expect(html).not.toContain("<img");
    expect(html).toContain('action="/x&quot; onclick=&quot;y"');
  });
});
