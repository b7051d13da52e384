// The browser's entry, as React Router's default, except for the language: the Indonesian texts
// come with the scripts, and the English ones are loaded, before hydrating, only for a page in
// English (half the texts' bytes for everyone else, on a phone over a slow line).
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { provideCatalog } from "~/i18n";

async function hydrate() {
  if (document.documentElement.lang === "en") provideCatalog("en", (await import("~/i18n/catalog.en")).en);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
}

void hydrate();
