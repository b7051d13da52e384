// One section of a proposal: its text box with the live word count and limit, autosave when
// JavaScript runs (and an explicit Save button when it does not), and, when someone else saved
// the section meanwhile, both versions and their difference, so nobody is overwritten silently.
import { useEffect, useRef, useState } from "react";
import { diffWords } from "diff";
import { fieldId } from "~/components/forms";
import { useRoot, useT } from "~/lib/use-i18n";
import { countWords } from "../words";
import { formatTime } from "~/i18n";
import type { AutosaveReply, Conflict } from "../autosave";

export type { Conflict } from "../autosave";

export type SectionView = {
  code: string;
  title: string;
  guidance: string;
  wordLimit: number;
  weight: number;
  body: string;
  version: number;
  evidenceRequired: boolean;
};

// Long enough to let a sentence finish, short enough that little is at risk.
const AUTOSAVE_AFTER_MS = 1500;
// After a failed save (the server busy or gone, the session ended), the next try waits longer:
// thousands of pages retrying every second and a half would deepen a rush, not ride it out.
const RETRY_AFTER_MS = 10_000;

// Text typed and not yet stored by the server is also kept in the browser (localStorage), so
// that it outlives the page: on a slow or failing connection near a deadline, a phone that
// closes the tab to free memory, a browser that crashes or a person who closes the page would
// otherwise lose what the autosave had not yet sent. Opened again, the page puts it back and
// saves it; if someone else saved the section meanwhile, it is shown as any other conflict.
// Kept a week at most; removed once the server has it.
type Draft = { body: string; version: number; at: number };
const DRAFT_DAYS = 7;

function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.body !== "string" || typeof d.version !== "number" || typeof d.at !== "number" || Date.now() - d.at > DRAFT_DAYS * 86_400_000) {
      window.localStorage.removeItem(key);
      return null;
    }
    return d as Draft;
  } catch {
    return null; // storage switched off (a private window) or unreadable: nothing to restore
  }
}

function keepDraft(key: string, draft: Draft | null) {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or switched off: the text is still in the box and the autosave goes on.
  }
}

export function Difference({ theirs, mine }: { theirs: string; mine: string }) {
  const t = useT();
  return (
    <p className="diff" aria-label={`${t("proposals.conflictTheirs")} → ${t("proposals.conflictMine")}`}>
      {diffWords(theirs, mine).map((part, i) =>
        part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>,
      )}
    </p>
  );
}

export function SectionEditor({
  section,
  editable,
  draftKey,
  saveTo,
  pagePath,
  conflict: initialConflict,
  error,
}: {
  section: SectionView;
  editable: boolean;
  /** Where this person's unsaved text of this section is kept in the browser. */
  draftKey: string;
  /** The autosave endpoint of this proposal (autosavePath). */
  saveTo: string;
  /** The proposal's page, which shows the stored text when loaded again. */
  pagePath: string;
  conflict?: Conflict;
  error?: string;
}) {
  const t = useT();
  const { csrfToken, locale, zone } = useRoot();
  const id = fieldId(`section.${section.code}`);
  // After a refused save without JavaScript, the box holds the person's own text again.
  const [text, setText] = useState(initialConflict?.mine ?? section.body);
  const [version, setVersion] = useState(initialConflict?.version ?? section.version);
  const [savedText, setSavedText] = useState(initialConflict ? initialConflict.mine : section.body);
  const [conflict, setConflict] = useState<Conflict | undefined>(initialConflict);
  const [status, setStatus] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const [savedAt, setSavedAt] = useState<string>("");
  // Text put back from this browser's copy, not yet saved again.
  const [restored, setRestored] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Once, after the page is shown: the copy this browser kept of text never saved. Restored
  // after hydration, so the server's page and the first render agree.
  useEffect(() => {
    if (!editable || initialConflict) return;
    const draft = readDraft(draftKey);
    if (!draft) return;
    if (draft.body === section.body) return keepDraft(draftKey, null);
    setText(draft.body);
    setRestored(true);
    // Someone saved the section after this text was begun: both versions, the person chooses.
    if (draft.version !== section.version) setConflict({ code: section.code, theirs: section.body, mine: draft.body, version: section.version });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // The copy follows the box: kept while it differs from what the server has, gone when equal.
  useEffect(() => {
    if (!editable) return;
    keepDraft(draftKey, text === savedText ? null : { body: text, version, at: Date.now() });
  }, [text, savedText, version, editable, draftKey]);

  // Leaving with text the server does not have yet: the browser asks first.
  useEffect(() => {
    if (!editable || text === savedText) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [text, savedText, editable]);

  const words = countWords(text);
  const over = words > section.wordLimit;

  // One save in flight at a time; its reply gives the new version, and if more was typed
  // meanwhile the effect below saves again (no keystroke lost).
  const save = async (body: string, asVersion = version) => {
    setStatus("saving");
    let reply: AutosaveReply | null = null;
    try {
      const res = await fetch(saveTo, {
        method: "POST",
        headers: { "x-csrf-token": csrfToken },
        body: new URLSearchParams({ _csrf: csrfToken, code: section.code, body, version: String(asVersion) }),
      });
      if (res.ok || res.status === 409) reply = (await res.json()) as AutosaveReply;
    } catch {
      reply = null; // offline or the server gone: the text stays in the box, and is tried again
    }
    if (!mounted.current) return;
    const saved = reply?.saved.find((s) => s.code === section.code);
    const refused = reply?.conflicts.find((c) => c.code === section.code);
    if (saved) {
      setVersion(saved.version);
      setSavedText(body);
      setRestored(false);
      setStatus("saved");
      setSavedAt(formatTime(locale, new Date(), zone));
    } else if (refused) {
      setConflict(refused);
      setStatus("idle");
    } else setStatus("failed");
  };

  useEffect(() => {
    if (!editable || conflict || text === savedText || status === "saving") return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(text), status === "failed" ? RETRY_AFTER_MS : AUTOSAVE_AFTER_MS);
    return () => clearTimeout(timer.current);
  }, [text, savedText, editable, conflict, status]); // eslint-disable-line react-hooks/exhaustive-deps

  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={error || conflict ? "field field-error section-editor" : "field section-editor"}>
      <label htmlFor={id}>
        {section.title} {section.weight ? <span className="muted">({t("competitions.weightShort", { n: section.weight })})</span> : null}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {section.guidance}
        {section.evidenceRequired ? <> {t("proposals.evidenceRequired")}</> : null}
      </p>
      {error ? <p className="error-message" id={`${id}-error`}>{error}</p> : null}
      {conflict ? (
        <div className="conflict" role="alert">
          <h3>{t("proposals.conflictTitle")}</h3>
          <p>{t("proposals.conflictBody", { section: section.title })}</p>
          <h4>{t("proposals.conflictTheirs")}</h4>
          <blockquote className="theirs">{conflict.theirs || "—"}</blockquote>
          <Difference theirs={conflict.theirs} mine={text} />
          {/* Without JavaScript the choice still works: keeping one's own text saves the whole
              form (this section now carries the stored version, so it goes through), and taking
              the stored one reloads the page (the other sections were saved with the refusal). */}
          <div className="conflict-actions">
            <button
              type="submit"
              name="_intent"
              value="save"
              className="button"
              onClick={(e) => {
                e.preventDefault();
                setConflict(undefined);
                setVersion(conflict.version);
                void save(text, conflict.version);
              }}
            >
              {t("proposals.conflictKeepMine")}
            </button>{" "}
            <a
              href={pagePath}
              className="button secondary"
              onClick={(e) => {
                e.preventDefault();
                setText(conflict.theirs);
                setSavedText(conflict.theirs);
                setVersion(conflict.version);
                setConflict(undefined);
              }}
            >
              {t("proposals.conflictTakeTheirs")}
            </a>
          </div>
        </div>
      ) : null}
      <textarea
        id={id}
        name={`section.${section.code}`}
        rows={Math.min(20, Math.max(5, Math.ceil(section.wordLimit / 40)))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        readOnly={!editable}
        aria-describedby={describedBy}
        aria-invalid={error || over ? true : undefined}
      />
      <input type="hidden" name={`version.${section.code}`} value={version} />
      <p id={`${id}-count`} className={over ? "word-count over" : "word-count"} aria-live="polite">
        {t(over ? "proposals.wordsOver" : "proposals.words", { words, limit: section.wordLimit })}
        {restored ? <> · {t("proposals.restoredDraft")}</> : null}
        {status === "saving" ? <> · {t("proposals.saving")}</> : null}
        {status === "saved" ? <> · {t("proposals.autosaved", { time: savedAt })}</> : null}
        {status === "failed" ? <> · <span className="error-message">{t("proposals.autosaveFailed")}</span></> : null}
      </p>
    </div>
  );
}
