import type { Locator, Page } from "playwright-core";

const SCREENSHOTS = "docs/screenshots";

/**
 * What a person does on the sandbox page, as the browser tests do it: switch persona, open a
 * channel, type in the composer, find a message, a modal and its fields. `page` is read on each
 * call, so the helpers can be made before beforeAll opens the page.
 */
export function sandboxPage(page: () => Page) {
  const modal = () => page().locator("#overlay .modal");
  return {
    modal,
    messages: (text: string) => page().locator("#pane .message", { hasText: text }),
    /** An input of the open modal, found by its label as a person finds it. */
    field: (label: string): Locator =>
      modal()
        .locator(".block-input")
        .filter({ has: page().locator(".input-label", { hasText: new RegExp(`^${label}`) }) }),
    actAs: async (name: string): Promise<void> => {
      await page().click("[data-switcher-toggle]");
      await page().locator(".switcher-menu .persona", { hasText: name }).click();
      await page().locator("[data-testid=acting-as]", { hasText: name }).waitFor();
    },
    openChannel: async (name: string): Promise<void> => {
      await page().locator("#nav [data-nav-channel]", { hasText: name }).click();
      await page()
        .locator(".pane-title", { hasText: `# ${name}` })
        .waitFor();
    },
    /** Types into the composer and sends it (a message, or a slash command). */
    type: async (text: string): Promise<void> => {
      await page().fill("#composer-input", text);
      await page().press("#composer-input", "Enter");
    },
    /** Screenshots for the README (docs/screenshots/<name>.png): the pointer rests where it highlights nothing. */
    screenshot: async (name: string): Promise<void> => {
      await page().mouse.move(1275, 795);
      await page().screenshot({ path: `${SCREENSHOTS}/${name}.png` });
    },
  };
}
