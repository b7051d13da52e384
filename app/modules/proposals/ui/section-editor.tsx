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
  saveTo,
  pagePath,
  conflict: initialConflict,
  error,
}: {
  section: SectionView;
  editable: boolean;
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
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

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
        {status === "saving" ? <> · {t("proposals.saving")}</> : null}
        {status === "saved" ? <> · {t("proposals.autosaved", { time: savedAt })}</> : null}
        {status === "failed" ? <> · <span className="error-message">{t("proposals.autosaveFailed")}</span></> : null}
      </p>
    </div>
  );
}
