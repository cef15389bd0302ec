// Makes sure the user button's stylesheet applies to `host`: adopted by its shadow root when
// it lives in one, else by `doc`; one constructed sheet per document (a constructed sheet is
// adoptable only in the document whose window made it); a `<style>` element where
// constructable stylesheets are missing.
const sheets = new WeakMap();
function adoptStyles(doc, host, css) {
  try {
    // A constructed sheet is adoptable only in the document whose window made it: one per
    // document (a host in a same-origin iframe lives in another).
    let sheet = sheets.get(doc);
    if (sheet === undefined) {
      try { sheet = new doc.defaultView.CSSStyleSheet(); sheet.replaceSync(css); } catch { sheet = null; }
      sheets.set(doc, sheet);
    }
    let scope = host.getRootNode();
    if (!scope.adoptedStyleSheets) scope = doc;
    if (sheet) {
      const adopted = scope.adoptedStyleSheets;
      if (!adopted.includes(sheet)) scope.adoptedStyleSheets = [...adopted, sheet];
    } else if (!doc.getElementById("cl-user-button-styles")) {
      const style = doc.createElement("style");
      style.id = "cl-user-button-styles";
      style.textContent = css;
      (doc.head || doc.documentElement).append(style);
    }
  } catch {}
}
// The user button's stylesheet, adopted rather than inlined so a strict CSP (`style-src
// 'self'`, no 'unsafe-inline') works. Logical properties (`inset-inline-end`,
// `padding-inline`) so a right-to-left page mirrors the panel.
const css =
  ".cl-userButtonBox{--cl-p:#6c47ff;--cl-bg:#fff;--cl-fg:#212126;--cl-fg2:#6b6d7c;--cl-danger:#d92d20;--cl-font:inherit;--cl-fs:.875rem;--cl-r:.5rem;--cl-line:color-mix(in srgb,var(--cl-fg) 12%,transparent);--cl-hover:color-mix(in srgb,var(--cl-fg) 6%,transparent);position:relative;display:inline-flex;vertical-align:middle;font-family:var(--cl-font);font-size:var(--cl-fs);line-height:1.4;color:var(--cl-fg);max-width:100%}" +
  "@media (prefers-color-scheme:dark){.cl-userButtonBox{--cl-p:#8f7cff;--cl-bg:#212126;--cl-fg:#f4f4f5;--cl-fg2:#a1a1aa;--cl-danger:#f97066}" +
  "}" +
  ".cl-userButtonBox *{box-sizing:border-box}" +
  ".cl-userButtonTrigger{display:inline-flex;align-items:center;gap:.5rem;min-width:2rem;min-height:2rem;max-width:100%;margin:0;padding:0;border:0;border-radius:999px;background:none;color:inherit;font:inherit;cursor:pointer}" +
  ".cl-userButtonBox :focus-visible{outline:2px solid var(--cl-p);outline-offset:2px}" +
  ".cl-userButtonOuterIdentifier{padding-inline-start:.5rem;font-weight:500}" +
  ".cl-avatarBox{flex:none;display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;border-radius:50%;overflow:hidden;background:var(--cl-p);color:#fff;font-size:.8125rem;font-weight:600;line-height:1;user-select:none}" +
  ".cl-userPreview .cl-avatarBox{width:2.75rem;height:2.75rem;font-size:1rem}" +
  ".cl-avatarImage{display:block;width:100%;height:100%;object-fit:cover}" +
  ".cl-userButtonPopoverCard{position:absolute;top:calc(100% + 8px);inset-inline-end:0;z-index:2147483000;width:20rem;max-width:calc(100vw - 16px);overflow:hidden;background:var(--cl-bg);color:var(--cl-fg);border:1px solid var(--cl-line);border-radius:calc(var(--cl-r)*1.5);box-shadow:0 12px 32px rgba(0,0,0,.18)}" +
  ".cl-userButtonPopoverCard[data-align=start]{inset-inline-end:auto;inset-inline-start:0}" +
  ".cl-userButtonPopoverCard[data-side=top]{top:auto;bottom:calc(100% + 8px)}" +
  ".cl-userPreview{display:flex;align-items:center;gap:1rem;padding:1rem 1.25rem;min-width:0}" +
  ".cl-userPreviewTextContainer{display:flex;flex-direction:column;min-width:0;flex:1;text-align:start}" +
  ".cl-userPreviewMainIdentifier{font-weight:600}" +
  ".cl-userPreviewSecondaryIdentifier{color:var(--cl-fg2)}" +
  ".cl-userPreviewMainIdentifier,.cl-userPreviewSecondaryIdentifier,.cl-userButtonOuterIdentifier,.cl-userButtonPopoverActionButtonText{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}" +
  ".cl-userButtonPopoverActions{display:flex;flex-direction:column;border-top:1px solid var(--cl-line)}" +
  ".cl-userButtonPopoverActionButton{display:flex;align-items:center;gap:.75rem;width:100%;min-height:2.5rem;margin:0;padding:.5rem 1.25rem;border:0;border-radius:0;background:none;color:inherit;font:inherit;text-align:start;text-decoration:none;cursor:pointer}" +
  ".cl-userButtonPopoverActionButton:hover{background:var(--cl-hover)}" +
  ".cl-userButtonPopoverActionButton:focus-visible{outline-offset:-2px}" +
  ".cl-userButtonPopoverActionButton__session{padding:.75rem 1.25rem}" +
  ".cl-userButtonPopoverActionButton[aria-busy=true]{opacity:.6;cursor:progress}" +
  ".cl-userButtonPopoverActionButton[aria-disabled=true]{cursor:default}" +
  ".cl-userButtonPopoverSessionsLabel{margin:0;padding:.5rem 1.25rem 0;color:var(--cl-fg2);font-size:.75rem;font-weight:500}" +
  ".cl-userButtonPopoverError{margin:0;padding:.5rem 1.25rem;color:var(--cl-danger);border-top:1px solid var(--cl-line)}" +
  ".cl-userButtonPopoverFooter{padding:.5rem 1.25rem;border-top:1px solid var(--cl-line);color:var(--cl-fg2);font-size:.75rem;text-align:center;background:color-mix(in srgb,#f59e0b 12%,transparent)}";
// The user button's DOM, built from a view model `m` (computed by `mountButton` below), read
// by position: 0-4 labels (open menu, close menu, panel, actions group, sessions heading),
// 5 the development footer ("" none), 6 the failure message, 7 the trigger's name (showName),
// 8 close the panel ("" no, "1" focus stays, "2" focus the trigger, "3" the trigger if focus
// was inside), 9 the user (a person), 10 the actions group, 11 the other sessions, 12 "Add
// account" and "Sign out of all accounts", 13 appearance.elements (part, classes, ...), 14
// appearance.variables (custom property, value, ...). This renders, keeps the open state,
// focus and keyboard, and reports "action <key> chosen" through `act(key)` ("close" when the
// panel closed here). Returns `update(model)`: a model renders it, `null` renders nothing,
// no argument unmounts for good. User text goes in as text, never as markup.
let live = 0, panels = 0;
export function liveListeners() { return live; }
function view(host, act) {
  const doc = host.ownerDocument, root = doc.createElement("div"), id = "cl-userButtonPanel-" + ++panels;
  let m = null, open = false, panel, extra, offDoc = [];
  const failed = new Set(), trigger = doc.createElement("button");
  const on = (target, kind, f, capture) => {
    target.addEventListener(kind, f, capture);
    live++;
    return () => { target.removeEventListener(kind, f, capture); live--; };
  };
  const set = (n, name, value) => n.setAttribute(name, value);
  // A part: its stable classes, each followed by its appearance extras.
  const classes = (cls) => cls + cls.split(" ").map((c) => extra[c] || "").join("");
  const el = (tag, cls, parent, text) => {
    const n = doc.createElement(tag);
    n.className = classes(cls);
    if (text != null) n.textContent = text;
    parent?.append(n);
    return n;
  };
  const line = (parent, cls, text, titled) => {
    const n = el("span", cls, parent, text);
    set(n, "dir", "auto");
    if (titled) n.title = text;
  };
  // p: a person (see `person` below).
  const avatar = (parent, p, kind) => {
    const box = el("span", `cl-avatarBox cl-${kind}AvatarBox`, parent);
    set(box, "aria-hidden", "true");
    if (p.imageUrl && !failed.has(p.imageUrl)) {
      const img = el("img", `cl-avatarImage cl-${kind}AvatarImage`, box);
      img.alt = "";
      img.src = p.imageUrl;
    } else box.textContent = p.initials;
  };
  const person = (parent, p) => {
    avatar(parent, p, "userPreview");
    const texts = el("span", "cl-userPreviewTextContainer", parent);
    line(texts, "cl-userPreviewMainIdentifier", p.title, 1);
    if (p.subtitle) line(texts, "cl-userPreviewSecondaryIdentifier", p.subtitle, 1);
  };
  // a: [key, label, href, state ("" | "1" disabled | "2" disabled and busy), person?]
  const action = (parent, a) => {
    const [key, label, href, state] = a, kind = key.split(":")[0], base = "cl-userButtonPopoverActionButton";
    const custom = href || kind == "custom" ? " cl-userButtonPopoverCustomItemButton" : "";
    const n = el(href ? "a" : "button", base + (href ? "" : ` ${base}__${kind}`) + custom, parent);
    if (href) n.href = href;
    else {
      n.type = "button";
      set(n, "data-cl-action", key);
      if (state) set(n, "aria-disabled", "true");
      if (state == "2") set(n, "aria-busy", "true");
    }
    if (label) line(n, "cl-userButtonPopoverActionButtonText", label);
    if (a[4]) person(n, a[4]);
  };
  const group = (cls, items) => {
    const g = el("div", "cl-userButtonPopoverActions" + cls, panel);
    items.forEach((a) => action(g, a));
    return g;
  };
  const focusables = () => [...panel.querySelectorAll("button,a[href]")];
  const cycle = (active, step) => {
    const items = focusables(), n = items.length, i = items.indexOf(active);
    items[i < 0 ? (step > 0 ? 0 : n - 1) : (i + n + step) % n]?.focus();
  };
  const active = () => root.getRootNode().activeElement;
  // keep: focus stays on the same action (by key) when it was inside the button.
  const render = (keep) => {
    const a = active(), key = root.contains(a) && a.getAttribute("data-cl-action");
    panel?.remove();
    panel = null;
    if (!m) return root.remove();
    extra = {};
    for (let i = 0; i < m[13].length; i += 2) extra["cl-" + m[13][i]] = (extra["cl-" + m[13][i]] || "") + " " + m[13][i + 1];
    for (let i = 0; i < m[14].length; i += 2) root.style.setProperty(m[14][i], m[14][i + 1]);
    root.className = classes("cl-userButtonBox cl-rootBox");
    // The trigger is one node for the mount's life, updated in place.
    trigger.className = classes("cl-userButtonTrigger");
    trigger.textContent = "";
    set(trigger, "aria-label", m[+open]);
    set(trigger, "aria-expanded", open);
    open ? set(trigger, "aria-controls", id) : trigger.removeAttribute("aria-controls");
    if (m[7]) line(trigger, "cl-userButtonOuterIdentifier", m[7], 1);
    avatar(trigger, m[9], "userButton");
    if (root.parentNode != host) host.append(root);
    if (open) {
      panel = el("div", "cl-userButtonPopoverCard", root);
      panel.id = id;
      set(panel, "role", "dialog");
      set(panel, "aria-label", m[2]);
      person(el("div", "cl-userPreview cl-userButtonPopoverUserPreview", panel), m[9]);
      const actions = group("", m[10]);
      set(actions, "role", "group");
      set(actions, "aria-label", m[3]);
      if (m[11].length) {
        const sessions = group(" cl-userButtonPopoverSessions", []);
        set(sessions, "role", "group");
        set(sessions, "aria-labelledby", id + "-sessions");
        el("p", "cl-userButtonPopoverSessionsLabel", sessions, m[4]).id = id + "-sessions";
        m[11].forEach((a) => action(sessions, a));
      }
      if (m[12].length) group(" cl-userButtonPopoverActions__multiSession", m[12]);
      if (m[6]) set(el("p", "cl-userButtonPopoverError", panel, m[6]), "role", "alert");
      if (m[5]) el("div", "cl-userButtonPopoverFooter", panel, m[5]);
      // Inside the viewport: flip the alignment or the side (attributes, no inline style).
      const r = panel.getBoundingClientRect();
      if (r.left < 0 || r.right > innerWidth) set(panel, "data-align", "start");
      if (r.bottom > innerHeight && trigger.getBoundingClientRect().top - 8 >= r.height) set(panel, "data-side", "top");
    }
    if (keep && key) {
      const same = [trigger, ...(panel ? focusables() : [])].find((n) => n.getAttribute("data-cl-action") == key);
      same ? same.focus() : panel ? cycle(null, 1) : trigger.focus();
    }
  };
  const onKey = (e) => {
    if (e.defaultPrevented || e.isComposing) return;
    const k = e.key, step = k == "Tab" ? (e.shiftKey ? -1 : 1) : k == "ArrowDown" ? 1 : k == "ArrowUp" ? -1 : 0;
    if (k == "Escape") {
      e.preventDefault();
      toggle(false, 1, 1);
    } else if (step && panel) {
      // Arrow keys belong to the page unless focus is in the panel.
      const a = active();
      if (k[0] == "A" && !panel.contains(a)) return;
      e.preventDefault();
      cycle(a, step);
    }
  };
  // A press outside closes (capture phase: even if the page stops propagation).
  const onDown = (e) => e.composedPath().includes(root) || toggle(false, 1, 1);
  // focus: 1 the trigger, 2 the trigger if focus was inside; tell: report "close" to Rust.
  const toggle = (o, focus, tell) => {
    if (o == open || (o && !m)) return;
    open = o;
    offDoc.forEach((off) => off());
    offDoc = o ? [on(doc, "keydown", onKey), on(doc, "pointerdown", onDown, true)] : [];
    const inside = root.contains(active());
    render(0);
    if (o) cycle(null, 1);
    else if (focus == 1 || (focus == 2 && inside)) trigger.focus();
    if (tell && !o) act("close");
  };
  const offRoot = [
    on(root, "click", (e) => {
      const n = e.target.closest?.("[data-cl-action]");
      if (!n || !root.contains(n)) return;
      const key = n.getAttribute("data-cl-action");
      key == "toggle" ? toggle(!open, 1, 1) : act(key);
    }),
    // Image failures (no bubbling: captured): initials from then on.
    on(root, "error", (e) => {
      const src = e.target.getAttribute?.("src");
      if (src && !failed.has(src)) failed.add(src), render(1);
    }, true),
  ];
  trigger.type = "button";
  set(trigger, "data-cl-action", "toggle");
  set(trigger, "aria-haspopup", "dialog");
  root.append(trigger);
  adoptStyles(doc, host, css);
  let last;
  return (model) => {
    if (model === undefined) offRoot.forEach((off) => off());
    // The same model again (a state change that does not concern the button): no re-render.
    const json = JSON.stringify(model);
    if (json == last) return;
    last = json;
    m = model;
    if (!m) return toggle(false), root.remove();
    // m[8]: close the panel ("1" focus stays, "2" focus the trigger, "3" the trigger if focus was inside)
    if (m[8] && open) toggle(false, +m[8] - 1);
    else render(1);
  };
}
// The user button's controller: what the view shows and what its actions do, read through the
// same surface a JS app has (`state`, `addListener`, `signOut`, `setActive`) plus `uiConfig()`
// (instance settings and load options the JS objects do not carry) and `navigate(url)` (the
// SDK's router push and protocol allow-list).
const EN = {
  action__openUserMenu: "Open user menu", action__closeUserMenu: "Close user menu",
  popoverLabel: "Account panel", actionsLabel: "Account actions", sessionsLabel: "Active sessions",
  developmentMode: "Development mode", action__manageAccount: "Manage account",
  action__signOut: "Sign out", action__addAccount: "Add account",
  action__signOutAll: "Sign out of all accounts", actionFailed: "Something went wrong. Please try again.",
};
const VARS = {
  colorPrimary: "--cl-p", colorBackground: "--cl-bg", colorText: "--cl-fg", colorTextSecondary: "--cl-fg2",
  colorDanger: "--cl-danger", fontFamily: "--cl-font", fontSize: "--cl-fs", borderRadius: "--cl-r",
};
// load({appearance, localization}) per publishable key.
const defaults = {};
export function uiDefaults(key, appearance, localization) { defaults[key] = [appearance, localization]; }
// A theme value is a colour, length or font list: one that could fetch something (`url(`,
// `image(`) or end its declaration or rule is refused.
export function isSafeThemeValue(v) {
  return !!str(v) && /^[^;{}\\<]{1,200}$/.test(v) && !/url\(|image/i.test(v);
}
const str = (v) => (typeof v == "string" ? v : undefined);
// Browsers drop tabs/newlines and trim controls in URLs: such URLs are refused outright.
const hidden = (u) => /[\s\0-\x1f\x7f-\x9f]/.test(u);
// Links: relative, http: or https: only.
// The scheme is what precedes the first ":" when every character before it is a scheme
// character, as browsers parse it (so "/a:b" and "?x=1:2" are relative).
export function safeLink(u) {
  if (!str(u) || !u || hidden(u)) return;
  const s = /^([a-z][a-z\d+.-]*):/i.exec(u)?.[1].toLowerCase();
  return !s || s == "http" || s == "https" ? u : undefined;
}
// The first of `urls` that is a safe link.
export function firstLink(...urls) { return urls.map(safeLink).find((u) => u); }
// `localhost`, `[::1]` or 127.0.0.0/8 written in decimal (each octet at most 255), with an
// optional port. Userinfo stays in `hostPort`, so `127.0.0.1@evil.test` is no loopback host.
const isLoopback = (hostPort) => {
  const m = /^(?:localhost|\[::1\]|127\.(\d+)\.(\d+)\.(\d+))(?::\d*)?$/i.exec(hostPort);
  return !!m && m.slice(1).every((octet) => !octet || octet <= 255);
};
// Avatars: https:, http: on a loopback host (the development server), or data:image/;
// anything else (undefined) falls back to initials.
export function safeImage(u) {
  if (!str(u) || hidden(u)) return;
  if (/^https:\/\/./i.test(u) || /^data:image\//i.test(u)) return u;
  if (/^http:\/\//i.test(u) && isLoopback(u.slice(7).split(/[/?#\\]/)[0])) return u;
}
let seg;
// The first grapheme cluster of `s` (an accented letter, a whole emoji or flag, a letter
// with its vowel marks), after trimming; "" for blank text. Code points where
// Intl.Segmenter is missing.
export function firstGrapheme(s) {
  s = s.trim();
  if (!s) return "";
  try { seg ??= new Intl.Segmenter(); return seg.segment(s)[Symbol.iterator]().next().value.segment; } catch { return [...s][0]; }
}
// The first letters of the first and last name, else of the identifier, uppercased.
export function initials(first, last, identifier) {
  return (firstGrapheme(first) + firstGrapheme(last) || firstGrapheme(identifier)).toUpperCase();
}
// Who a session object is, as the button shows them: `title` (the full name, else the
// identifier), `subtitle` (the identifier under a full name, else ""), `initials` and
// `imageUrl` (a safe avatar URL or undefined).
export function person(s) {
  const u = s.user, p = u || s.publicUserData || {}, f = (str(p.firstName) || "").trim(), l = (str(p.lastName) || "").trim();
  const id = (u ? u.username || u.primaryEmailAddress?.emailAddress || u.primaryPhoneNumber?.phoneNumber ||
    u.primaryWeb3Wallet?.web3Wallet : p.identifier) || "";
  const full = [f, l].filter((x) => x).join(" ");
  return { title: full || id, subtitle: full && id, initials: initials(f, l, id), imageUrl: safeImage(p.imageUrl) };
}
// An action key, as the view's `data-cl-action` attributes carry it: `toggle`, `close`,
// `manageAccount`, `signOut`, `signOutAll`, `addAccount`, `session:<id>` or `custom:<index
// in customMenuItems>`. Returns `{kind, arg}`; undefined for anything else.
export function parseAction(key) {
  const [, kind, arg] = /^(\w+)(?::(.+))?$/s.exec(key) || [];
  if (arg == null ? /^(toggle|close|manageAccount|signOut|signOutAll|addAccount)$/.test(kind)
    : kind == "session" || (kind == "custom" && /^\d{1,9}$/.test(arg))) return { kind, arg };
}
const mounts = new Map();
let observer;
export function deref(w) { return w?.deref?.(); }
export function weakRef(o) { try { return new WeakRef(o); } catch {} }
export function mountedCount() { return mounts.size; }
const check = (host, name) => {
  if (host?.nodeType != 1) throw Error(name + "UserButton expects a DOM element");
};
export function unmountButton(host) {
  check(host, "unmount");
  const e = mounts.get(host);
  e?.stop();
  return !!e;
}
// Mounts a user button for `clerk` (a wasm `Clerk` object) in `host` with `props` (a JS props object); returns its handle: `h()` unmounts, `h(1)` says whether it is still mounted.
export function mountButton(host, clerk, props) {
  check(host, "mount");
  unmountButton(host);
  props = Object(props);
  const items = Array.isArray(props.customMenuItems) ? props.customMenuItems.filter((i) => str(i?.label)) : [];
  let busy, error = "", shown, cfg, base, sessionId, to = {};
  const text = (k) => str(props.localization?.userButton?.[k]) ?? str(base[1]?.userButton?.[k]) ?? EN[k];
  const model = (close) => {
    if (!shown) return null;
    const c = cfg, s = shown.session, multi = !c[0];
    base = defaults[c[9]] || [];
    const signIn = str(props.signInUrl) ?? c[4];
    to = {
      manageAccount: firstLink(props.userProfileUrl, c[2], c[3]),
      addAccount: firstLink(signIn, c[5]),
      switch: firstLink(props.afterSwitchSessionUrl, c[6]),
      single: firstLink(c[7], signIn && signIn + '#/choose', c[8]),
    };
    sessionId = s.id;
    const action = (list, key, label) => {
      const a = [key, label, "", busy == key ? "2" : busy && !/^(m|a|c)/.test(key) ? "1" : ""];
      list.push(a);
      return a;
    };
    const me = person(s), actions = [], others = [], more = [], classes = [], vars = [];
    const builtin = (k) => k == "manageAccount" ? to.manageAccount && action(actions, k, text("action__manageAccount")) : action(actions, k, text("action__signOut"));
    const bare = (i) => i.href == null && i.onClick == null && /^(manageAccount|signOut)$/.test(i.label) && i.label;
    if (!items.some((i) => bare(i) == "manageAccount")) builtin("manageAccount");
    items.forEach((i, n) => {
      const b = bare(i), href = safeLink(i.href);
      if (b) builtin(b);
      else if (typeof i.onClick == "function") action(actions, "custom:" + n, i.label);
      else if (href) actions.push(["", i.label, href, ""]);
    });
    if (!items.some((i) => bare(i) == "signOut")) builtin("signOut");
    if (multi) {
      const rest = (shown.client?.signedInSessions || []).filter((o) => o.id != s.id);
      rest.forEach((o) => action(others, "session:" + o.id, "").push(person(o)));
      if (to.addAccount) action(more, "addAccount", text("action__addAccount"));
      if (rest.length) action(more, "signOutAll", text("action__signOutAll"));
    }
    for (const a of [base[0], props.appearance]) {
      for (const [k, v] of Object.entries(Object(a?.elements))) if (str(v)) classes.push(k, v);
      for (const [k, v] of Object.entries(Object(a?.variables)))
        if (VARS[k] && isSafeThemeValue(v)) vars.push(VARS[k], v);
    }
    return [text("action__openUserMenu"), text("action__closeUserMenu"), text("popoverLabel"), text("actionsLabel"),
      text("sessionsLabel"), c[1] ? text("developmentMode") : "", error, props.showName ? me.title : "", close, me,
      actions, others, more, classes, vars];
  };
  let dead;
  const send = (close = "") => dead || update(model(close));
  const act = (key) => {
    const { kind: k, arg } = parseAction(key) || {}, target = to[key];
    if (k == "close") error = "", send();
    else if (k == "manageAccount" || k == "addAccount") { error = ""; send("1"); target && clerk.navigate(target); }
    else if (k == "custom") {
      error = "";
      send("2");
      try { items[arg]?.onClick(); } catch (e) { console.error("Clerk: a customMenuItems onClick threw", e); }
    } else if (k && !busy) {
      const id = arg, then = to.switch;
      busy = key;
      error = "";
      send();
      (k == "session" ? clerk.setActive({ session: id })
        : k == "signOut" && !cfg[0] ? clerk.signOut({ sessionId, redirectUrl: to.single })
        : clerk.signOut()).then(() => {
        busy = null;
        if (k == "session") { error = ""; send("3"); dead || (then && clerk.navigate(then)); }
        else send();
      }, (e) => {
        busy = null;
        error = str(e?.longMessage)?.trim() ? e.longMessage : text("actionFailed");
        send();
      });
    }
  };
  const update = view(host, act);
  const refresh = () => {
    const s = clerk.state;
    // While a sign-out or switch is under way the state has no user: keep the last view.
    if (s.user === undefined && shown) return;
    cfg = clerk.uiConfig();
    shown = s.loaded && s.session ? s : null;
    if (!shown) busy = null, error = "";
    send();
  };
  const off = clerk.addListener(refresh);
  const entry = { seen: host.isConnected };
  entry.stop = () => {
    if (dead) return;
    dead = 1;
    off();
    update();
    mounts.delete(host);
    if (!mounts.size) observer?.disconnect(), observer = null;
  };
  mounts.set(host, entry);
  // A host that leaves the document (after having been in it) releases its button.
  try {
    observer ??= new MutationObserver(() => mounts.forEach((e, h) => h.isConnected ? (e.seen = 1) : e.seen && e.stop()));
    observer.observe(host.ownerDocument, { childList: true, subtree: true });
  } catch {}
  refresh();
  return (q) => (q ? !dead : entry.stop());
}
