/**
 * The Fluent UI web components the pane uses, and only those (the bundle stays small). Registered
 * once, at start, under the `fluent-` prefix.
 */
import {
  fluentAnchor, fluentButton, fluentCard, fluentOption, fluentSelect, fluentTextArea, fluentTextField,
  provideFluentDesignSystem,
} from "@fluentui/web-components";

export function enregistrerComposants(): void {
  provideFluentDesignSystem().register(
    fluentAnchor(), fluentButton(), fluentCard(), fluentOption(), fluentSelect(), fluentTextArea(), fluentTextField(),
  );
}
