// Every action the code writes to the audit log has its sentence in the activity log: the source
// is scanned for the actions it writes, so a new one cannot ship unlabeled.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { id } from "~/i18n/catalog.id";
import { en } from "~/i18n/catalog.en";
import { translator } from "~/i18n";
import { AUDIT_ACTIONS, AUDIT_GROUPS, actionsOf, groupOf, isKnownAction } from "./actions";
import { actionText } from "./view";
import { detailsOf } from "./describe-audit.server";

const APP = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.includes(".test.") ? [{ file: path.relative(APP, p), text: fs.readFileSync(p, "utf8") }] : [];
  });
}

// Actions built from a value: each template with every value it can take (read from the code
// that builds it). A new template fails the test until its values are listed here.
const TEMPLATES: Record<string, string[]> = {
  "innovation.${opts.transition}": ["submit", "return", "publish", "unpublish"],
  "proposal.${t}": ["send", "forward", "return", "endorse", "withdraw"],
  "password.${purpose}": ["reset", "invite"],
  "assignment.${change.op}": ["add", "remove"],
  "conflict.${input.state}": ["confirmed", "dismissed"],
  "objection.${input.state}": ["upheld", "rejected"],
};

/** Whether the statement an action sits in writes a history row (the nearest call before it). */
function isHistoryRow(before: string): boolean {
  const audit = Math.max(before.lastIndexOf("recordAudit("), before.lastIndexOf("auditInsert("));
  const history = Math.max(before.lastIndexOf("History).values("), before.lastIndexOf("HistoryRow[]"), before.lastIndexOf("HISTORY_ACTION"));
  return history > audit;
}

/** The actions written anywhere in app/, as the code names them; templates expanded. */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of sources(APP)) {
    // The same search as `grep -rhoE "action: [\`\"][a-z][a-zA-Z.\${}-]+[\`\"]" app`.
    for (const m of text.matchAll(/action: [`"]([a-z][a-zA-Z.${}-]+)[`"]/g)) {
      // The register's and proposals' own histories (innovation_history, proposal_history) also
      // name their steps "action" ("created", "fileAdded", "create"): those rows are not the audit
      // log's, and each such step writes its audit row beside, under its own action.
      if (isHistoryRow(text.slice(0, m.index))) continue;
      const template = m[1];
      if (!template.includes("${")) found.set(template, file);
      else if (TEMPLATES[template]) TEMPLATES[template].forEach((v) => found.set(template.replace(/\$\{[^}]+\}/, v), file));
      else found.set(`${template} (template without listed values)`, file);
    }
    // Actions chosen by a condition, and actions kept in a constant.
    for (const m of text.matchAll(/action: (?!`)[^,\n]*\? "([a-z][\w.-]+)" : "([a-z][\w.-]+)"/g)) {
      if (!isHistoryRow(text.slice(0, m.index))) [m[1], m[2]].forEach((a) => found.set(a, file));
    }
    for (const m of text.matchAll(/action: `([a-z][\w.]*\.)\$\{[^`]*\? "([\w-]+)" : "([\w-]+)"\}`/g)) [m[2], m[3]].forEach((v) => found.set(`${m[1]}${v}`, file));
    for (const m of text.matchAll(/_ACTION = "([a-z][\w.-]+)"/g)) found.set(m[1], file);
  }
  return found;
}

describe("the activity log's actions", () => {
  it("has a sentence, in both languages, for every action the code writes", () => {
    const written = writtenActions();
    // The scan must see the app's actions (some 90), or it proves nothing.
    expect(written.size).toBeGreaterThan(80);
    const unlabeled = [...written].filter(([a]) => !isKnownAction(a)).map(([a, file]) => `${a} (${file})`);
    expect(unlabeled).toEqual([]);
    for (const a of Object.keys(AUDIT_ACTIONS)) {
      expect(id, a).toHaveProperty([`audit.action.${a}`]);
      expect(en, a).toHaveProperty([`audit.action.${a}`]);
    }
  });

  it("labels no action the code no longer writes", () => {
    const written = writtenActions();
    expect(Object.keys(AUDIT_ACTIONS).filter((a) => !written.has(a))).toEqual([]);
  });

  it("reads an action without a label as its group and code", () => {
    const t = translator("id");
    expect(actionText(t, "session.start")).toBe("Masuk ke Lumbung");
    expect(actionText(t, "innovation.archive")).toBe("Inovasi: tindakan innovation.archive");
    expect(actionText(t, "zz.unknown")).toBe("Lainnya: tindakan zz.unknown");
    expect(actionText(translator("en"), "visit.teleport")).toBe("Events and visits: action visit.teleport");
    expect(groupOf("__proto__")).toBeNull();
  });

  it("puts every action in one of the filter's groups", () => {
    expect(AUDIT_GROUPS.flatMap(actionsOf).sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
  });

  it("shows a sign-in's address and browser, never its whole User-Agent", () => {
    const ua = "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";
    const parts = detailsOf("session.start", { ip: "10.1.2.3", userAgent: ua, trustedDevice: false, secret: "abc" });
    const text = JSON.stringify(parts);
    expect(text).toContain("10.1.2.3");
    expect(text).toContain("Android");
    expect(text).not.toContain("Mozilla");
    expect(text).not.toContain("abc");
  });
});
