// The user button: its stylesheet, view, controller and the registry of mounts, in plain DOM
// (no framework; user text always goes in as text, never as markup). It reads the SDK only
// through the wasm `Clerk` object's JS methods, the ones a JS app calls (`state`,
// `addListener`, `signOut`, `setActive`) plus `uiConfig()` (instance settings and load
// options the resource objects do not carry) and `navigate(url)` (the SDK's router push and
// protocol allow-list). Class names, ARIA, keyboard and security rules: USERBUTTON.md.
//
// Exported for the wasm (src/ui/js.rs): `mountButton`, `unmountButton`, `mountedCount`,
// `liveListeners`, `weakRef`, `deref`. The pure rules are exported too, for the
// browser tests (src/ui/tests/rules.rs); inside the bundle an export costs nothing.
//
// Mind the bytes: the bundler shortens local names but not property names or strings.

// ── Stylesheet ────────────────────────────────────────────────────────────────────────────

// Adopted rather than inlined so a strict CSP (`style-src 'self'`, no 'unsafe-inline')
// works. Logical properties (`inset-inline-end`, `padding-inline`) so a right-to-left page
// mirrors the panel. `--cl-*` are the theme variables (see THEME_VARIABLES).
const STYLESHEET =
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

// A constructed sheet is adoptable only in the document whose window made it: one per
// document (a host in a same-origin iframe lives in another); null where constructable
// stylesheets are missing.
const sheets = new WeakMap();

// Makes the stylesheet apply to `host`: adopted by its shadow root when it lives in one, else
// by its document; a `<style>` element where constructable stylesheets are missing.
function adoptStyles(host) {
  const doc = host.ownerDocument;
  try {
    let sheet = sheets.get(doc);
    if (sheet === undefined) {
      try {
        sheet = new doc.defaultView.CSSStyleSheet();
        sheet.replaceSync(STYLESHEET);
      } catch {
        sheet = null;
      }
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
      style.textContent = STYLESHEET;
      (doc.head || doc.documentElement).append(style);
    }
  } catch {}
}

// ── Rules: what may reach the page, and what the button shows ─────────────────────────────

// Props and SDK objects come from pages: every field is read as "a string or nothing".
const str = (value) => (typeof value == "string" ? value : undefined);

// Browsers drop tabs and newlines anywhere in a URL and trim controls and spaces around it,
// so `" java\tscript:"` still runs script: URLs holding any of them are refused outright.
const hasHiddenCharacters = (url) => /[\s\0-\x1f\x7f-\x9f]/.test(url);

// A link target: relative, `http:` or `https:`; undefined for anything else. The scheme is
// what precedes the first ":" when every character before it is a scheme character, as
// browsers parse it (so "/a:b" and "?x=1:2" are relative).
export function safeLink(url) {
  if (!str(url) || hasHiddenCharacters(url)) return;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1].toLowerCase();
  return !scheme || scheme == "http" || scheme == "https" ? url : undefined;
}

// The first of `urls` that is a safe link.
export function firstLink(...urls) {
  return urls.map(safeLink).find((url) => url);
}

// `localhost`, `[::1]` or 127.0.0.0/8 written in decimal (each octet at most 255), with an
// optional port. Userinfo stays in `hostPort`, so `127.0.0.1@evil.test` is no loopback host.
const isLoopback = (hostPort) => {
  const match = /^(?:localhost|\[::1\]|127\.(\d+)\.(\d+)\.(\d+))(?::\d*)?$/i.exec(hostPort);
  return !!match && match.slice(1).every((octet) => !octet || octet <= 255);
};

// An avatar URL: `https:`, `http:` on a loopback host (the development server), or
// `data:image/`; undefined for anything else, which shows initials instead.
export function safeImage(url) {
  if (!str(url) || hasHiddenCharacters(url)) return;
  if (/^https:\/\/./i.test(url) || /^data:image\//i.test(url)) return url;
  if (/^http:\/\//i.test(url) && isLoopback(url.slice(7).split(/[/?#\\]/)[0])) return url;
}

let segmenter;

// The first grapheme cluster of `text` (an accented letter, a whole emoji or flag, a letter
// with its vowel marks), after trimming; "" for blank text. The first code point where
// `Intl.Segmenter` is missing.
export function firstGrapheme(text) {
  text = text.trim();
  if (!text) return "";
  try {
    segmenter ??= new Intl.Segmenter();
    return segmenter.segment(text)[Symbol.iterator]().next().value.segment;
  } catch {
    return [...text][0];
  }
}

// The first letters of the first and last name, else of the identifier, uppercased.
export function initials(first, last, identifier) {
  return (firstGrapheme(first) + firstGrapheme(last) || firstGrapheme(identifier)).toUpperCase();
}

// Who a session object is, as the button shows them: `title` (the full name, else the
// identifier), `subtitle` (the identifier under a full name, else ""), `initials` and
// `imageUrl` (a safe avatar URL, or undefined). Another session may carry only
// `publicUserData`.
export function person(session) {
  const user = session.user, data = user || session.publicUserData || {};
  const first = (str(data.firstName) || "").trim(), last = (str(data.lastName) || "").trim();
  const identifier = (user
    ? user.username || user.primaryEmailAddress?.emailAddress || user.primaryPhoneNumber?.phoneNumber ||
      user.primaryWeb3Wallet?.web3Wallet
    : data.identifier) || "";
  const fullName = [first, last].filter((part) => part).join(" ");
  return {
    title: fullName || identifier,
    subtitle: fullName && identifier,
    initials: initials(first, last, identifier),
    imageUrl: safeImage(data.imageUrl),
  };
}

// `appearance.variables` names → the stylesheet's custom properties.
const THEME_VARIABLES = {
  colorPrimary: "--cl-p", colorBackground: "--cl-bg", colorText: "--cl-fg", colorTextSecondary: "--cl-fg2",
  colorDanger: "--cl-danger", fontFamily: "--cl-font", fontSize: "--cl-fs", borderRadius: "--cl-r",
};

// A theme value is a colour, a length or a font list: one that could fetch something
// (`url(`, `image(`) or end its declaration or rule is refused.
export function isSafeThemeValue(value) {
  return !!str(value) && /^[^;{}\\<]{1,200}$/.test(value) && !/url\(|image/i.test(value);
}

// An action key, as the view's `data-cl-action` attributes carry it: `toggle`, `close`,
// `manageAccount`, `signOut`, `signOutAll`, `addAccount`, `session:<id>` or
// `custom:<index in customMenuItems>`. Returns `{kind, arg}`; undefined for anything else.
export function parseAction(key) {
  const [, kind, arg] = /^(\w+)(?::(.+))?$/s.exec(key) || [];
  const known = arg == null
    ? /^(toggle|close|manageAccount|signOut|signOutAll|addAccount)$/.test(kind)
    : kind == "session" || (kind == "custom" && /^\d{1,9}$/.test(arg));
  if (known) return { kind, arg };
}

// ── View: the DOM, open state, focus and keyboard ─────────────────────────────────────────

// Where focus goes when the controller closes the panel (see `update` in createView):
// nowhere (the page is about to navigate), to the trigger, or to the trigger only when focus
// was inside the button (a switch that finished while the user was elsewhere keeps it there).
const FOCUS_STAYS = 0, FOCUS_TRIGGER = 1, FOCUS_TRIGGER_IF_INSIDE = 2;

let listenerCount = 0, panelCount = 0;

// How many DOM listeners the views hold right now (for leak tests).
export function liveListeners() {
  return listenerCount;
}

// Adds a DOM listener, counted; returns the function that removes it.
function listen(target, type, listener, capture) {
  target.addEventListener(type, listener, capture);
  listenerCount++;
  return () => {
    target.removeEventListener(type, listener, capture);
    listenerCount--;
  };
}

// The user button's DOM in `host`, drawn from a view model (see `viewModel` in mountButton):
// `{labels, name, user, actions, sessions, multiSessionActions, error, footer, extraClasses,
// variables}`. It keeps the open state, focus and keyboard, and reports each action chosen
// as `onAction(key)` ("close" when the panel closed here). Returns `update(model, focus)`:
// a model draws it (closing the panel first when `focus` says where focus goes then), null
// draws nothing, no argument unmounts for good.
function createView(host, onAction) {
  const doc = host.ownerDocument;
  const root = doc.createElement("div");
  const trigger = doc.createElement("button");
  const panelId = "cl-userButtonPanel-" + ++panelCount;
  const failedImages = new Set();
  let model = null, drawn, open = false, panel = null, whileOpen = [];

  const attr = (node, name, value) => node.setAttribute(name, value);
  // A part's stable class names, each followed by its `appearance.elements` extras.
  const classes = (names) => names + names.split(" ").map((name) => model.extraClasses[name] || "").join("");
  const element = (tag, names, parent, text) => {
    const node = doc.createElement(tag);
    node.className = classes(names);
    if (text != null) node.textContent = text;
    parent?.append(node);
    return node;
  };
  // One line of user text: its own direction (a Hebrew name in an English page), and a
  // tooltip where it may be cut off with an ellipsis.
  const textLine = (parent, names, text, withTitle) => {
    const node = element("span", names, parent, text);
    attr(node, "dir", "auto");
    if (withTitle) node.title = text;
  };
  const avatar = (parent, who, part) => {
    const box = element("span", `cl-avatarBox cl-${part}AvatarBox`, parent);
    attr(box, "aria-hidden", "true");
    if (who.imageUrl && !failedImages.has(who.imageUrl)) {
      const image = element("img", `cl-avatarImage cl-${part}AvatarImage`, box);
      image.alt = "";
      image.src = who.imageUrl;
    } else box.textContent = who.initials;
  };
  const preview = (parent, who) => {
    avatar(parent, who, "userPreview");
    const texts = element("span", "cl-userPreviewTextContainer", parent);
    textLine(texts, "cl-userPreviewMainIdentifier", who.title, true);
    if (who.subtitle) textLine(texts, "cl-userPreviewSecondaryIdentifier", who.subtitle, true);
  };
  // item: `{key, label, busy, disabled, person?}` for a button, `{label, href}` for a link.
  const actionItem = (parent, item) => {
    const { key, label, href } = item, base = "cl-userButtonPopoverActionButton";
    const kind = key?.split(":")[0], custom = " cl-userButtonPopoverCustomItemButton";
    const names = href ? base + custom : `${base} ${base}__${kind}` + (kind == "custom" ? custom : "");
    const node = element(href ? "a" : "button", names, parent);
    if (href) node.href = href;
    else {
      node.type = "button";
      attr(node, "data-cl-action", key);
      if (item.disabled) attr(node, "aria-disabled", "true");
      if (item.busy) attr(node, "aria-busy", "true");
    }
    if (label) textLine(node, "cl-userButtonPopoverActionButtonText", label);
    if (item.person) preview(node, item.person);
  };
  const actionGroup = (names, items) => {
    const group = element("div", "cl-userButtonPopoverActions" + names, panel);
    items.forEach((item) => actionItem(group, item));
    return group;
  };
  const focusables = () => [...panel.querySelectorAll("button,a[href]")];
  // Moves focus `step` items on from `from` (wrapping), or to the first/last from outside.
  const moveFocus = (from, step) => {
    const items = focusables(), count = items.length, at = items.indexOf(from);
    items[at < 0 ? (step > 0 ? 0 : count - 1) : (at + count + step) % count]?.focus();
  };
  const focusedElement = () => root.getRootNode().activeElement;

  const drawTrigger = () => {
    trigger.className = classes("cl-userButtonTrigger");
    trigger.textContent = "";
    attr(trigger, "aria-label", open ? model.labels.closeMenu : model.labels.openMenu);
    attr(trigger, "aria-expanded", open);
    if (open) attr(trigger, "aria-controls", panelId);
    else trigger.removeAttribute("aria-controls");
    if (model.name) textLine(trigger, "cl-userButtonOuterIdentifier", model.name, true);
    avatar(trigger, model.user, "userButton");
  };
  const drawPanel = () => {
    const { labels } = model;
    panel = element("div", "cl-userButtonPopoverCard", root);
    panel.id = panelId;
    attr(panel, "role", "dialog");
    attr(panel, "aria-label", labels.panel);
    preview(element("div", "cl-userPreview cl-userButtonPopoverUserPreview", panel), model.user);
    const actions = actionGroup("", model.actions);
    attr(actions, "role", "group");
    attr(actions, "aria-label", labels.actions);
    if (model.sessions.length) {
      const sessions = actionGroup(" cl-userButtonPopoverSessions", []);
      attr(sessions, "role", "group");
      attr(sessions, "aria-labelledby", panelId + "-sessions");
      element("p", "cl-userButtonPopoverSessionsLabel", sessions, labels.sessions).id = panelId + "-sessions";
      model.sessions.forEach((item) => actionItem(sessions, item));
    }
    if (model.multiSessionActions.length)
      actionGroup(" cl-userButtonPopoverActions__multiSession", model.multiSessionActions);
    if (model.error) attr(element("p", "cl-userButtonPopoverError", panel, model.error), "role", "alert");
    if (model.footer) element("div", "cl-userButtonPopoverFooter", panel, model.footer);
    keepInViewport();
  };
  // Flips the panel's alignment or side to keep it inside the viewport, through attributes
  // the stylesheet reads (an inline style would break a strict CSP).
  const keepInViewport = () => {
    const box = panel.getBoundingClientRect();
    if (box.left < 0 || box.right > innerWidth) attr(panel, "data-align", "start");
    const roomAbove = trigger.getBoundingClientRect().top - 8;
    if (box.bottom > innerHeight && roomAbove >= box.height) attr(panel, "data-side", "top");
  };
  // keepFocus: when focus was on an action, it stays on the action with the same key (or
  // the nearest sensible place when that action is gone).
  const draw = (keepFocus) => {
    const focused = focusedElement();
    const focusedKey = root.contains(focused) && focused.getAttribute("data-cl-action");
    panel?.remove();
    panel = null;
    if (!model) return root.remove();
    for (const [name, value] of model.variables) root.style.setProperty(name, value);
    root.className = classes("cl-userButtonBox cl-rootBox");
    // The trigger is one node for the mount's life, updated in place (focus stays on it).
    drawTrigger();
    if (root.parentNode != host) host.append(root);
    if (open) drawPanel();
    if (keepFocus && focusedKey) {
      const candidates = [trigger, ...(panel ? focusables() : [])];
      const same = candidates.find((node) => node.getAttribute("data-cl-action") == focusedKey);
      if (same) same.focus();
      else if (panel) moveFocus(null, 1);
      else trigger.focus();
    }
  };

  const openPanel = () => {
    if (open || !model) return;
    open = true;
    whileOpen = [listen(doc, "keydown", onKeyDown), listen(doc, "pointerdown", onPointerDown, true)];
    draw(false);
    moveFocus(null, 1);
  };
  // focus: FOCUS_*; byUser: closed here (Escape, outside, the trigger), which the controller
  // hears as the action "close".
  const closePanel = (focus, byUser) => {
    if (!open) return;
    open = false;
    whileOpen.forEach((remove) => remove());
    whileOpen = [];
    const hadFocus = root.contains(focusedElement());
    draw(false);
    if (focus == FOCUS_TRIGGER || (focus == FOCUS_TRIGGER_IF_INSIDE && hadFocus)) trigger.focus();
    if (byUser) onAction("close");
  };

  // On the document while the panel is open: Escape closes it; Tab and Shift+Tab cycle
  // through its items (it is a dialog), and so do the arrow keys while focus is inside it.
  const onKeyDown = (event) => {
    // Another handler took the key, or an input method is composing text with it.
    if (event.defaultPrevented || event.isComposing) return;
    const { key } = event;
    if (key == "Escape") {
      event.preventDefault();
      return closePanel(FOCUS_TRIGGER, true);
    }
    const step =
      key == "Tab" ? (event.shiftKey ? -1 : 1) : key == "ArrowDown" ? 1 : key == "ArrowUp" ? -1 : 0;
    const focused = focusedElement();
    // Arrow keys belong to the page unless focus is in the panel.
    if (!step || !panel || (key != "Tab" && !panel.contains(focused))) return;
    event.preventDefault();
    moveFocus(focused, step);
  };
  // A press outside closes the panel. Capture phase: it must work even when the page stops
  // propagation; the composed path sees through shadow roots.
  const onPointerDown = (event) => event.composedPath().includes(root) || closePanel(FOCUS_TRIGGER, true);
  const onClick = (event) => {
    const node = event.target.closest?.("[data-cl-action]");
    if (!node || !root.contains(node)) return;
    const key = node.getAttribute("data-cl-action");
    if (key != "toggle") onAction(key);
    else if (open) closePanel(FOCUS_TRIGGER, true);
    else openPanel();
  };
  // An image that fails to load shows initials from then on. Load errors do not bubble:
  // this listens in the capture phase.
  const onImageError = (event) => {
    const src = event.target.getAttribute?.("src");
    if (src && !failedImages.has(src)) {
      failedImages.add(src);
      draw(true);
    }
  };
  const removeRootListeners = [listen(root, "click", onClick), listen(root, "error", onImageError, true)];

  trigger.type = "button";
  attr(trigger, "data-cl-action", "toggle");
  attr(trigger, "aria-haspopup", "dialog");
  root.append(trigger);
  adoptStyles(host);

  return (next, focus) => {
    if (next === undefined) removeRootListeners.forEach((remove) => remove());
    if (focus != null) closePanel(focus);
    // The same model again (a state change that does not concern the button): nothing to do.
    const json = JSON.stringify(next);
    if (json == drawn) return;
    drawn = json;
    model = next;
    if (model) draw(true);
    else {
      closePanel();
      root.remove();
    }
  };
}

// ── Controller: what the button shows and what its actions do ─────────────────────────────

// Clerk's `localization.userButton` keys, with the English defaults.
const ENGLISH = {
  action__openUserMenu: "Open user menu", action__closeUserMenu: "Close user menu",
  popoverLabel: "Account panel", actionsLabel: "Account actions", sessionsLabel: "Active sessions",
  developmentMode: "Development mode", action__manageAccount: "Manage account",
  action__signOut: "Sign out", action__addAccount: "Add account",
  action__signOutAll: "Sign out of all accounts", actionFailed: "Something went wrong. Please try again.",
};

// Where the actions lead: the first safe link among the props, the load options and the
// instance's settings (`config` is `uiConfig()`).
function targetsOf(props, config) {
  const signInUrl = str(props.signInUrl) ?? config.signInUrl;
  return {
    manageAccount: firstLink(props.userProfileUrl, config.userProfileUrl, config.instanceUserProfileUrl),
    addAccount: firstLink(signInUrl, config.instanceSignInUrl),
    afterSwitch: firstLink(props.afterSwitchSessionUrl, config.instanceAfterSwitchSessionUrl),
    // Signing out of one session of several lands on ClerkJS's account chooser.
    afterSignOutOne: firstLink(config.afterMultiSessionSingleSignOutUrl, signInUrl && signInUrl + "#/choose",
      config.instanceAfterSignOutOneUrl),
  };
}

// The `appearance.elements` extras by class name (`cl-<part>` → " classes") and the theme
// custom properties (`[name, value]`), from each appearance in turn (later ones win).
function appearanceOf(appearances) {
  const extraClasses = {}, variables = [];
  for (const appearance of appearances) {
    for (const [part, names] of Object.entries(Object(appearance?.elements)))
      if (str(names)) extraClasses["cl-" + part] = (extraClasses["cl-" + part] || "") + " " + names;
    for (const [name, value] of Object.entries(Object(appearance?.variables)))
      if (THEME_VARIABLES[name] && isSafeThemeValue(value)) variables.push([THEME_VARIABLES[name], value]);
  }
  return { extraClasses, variables };
}

// A bare custom item labelled "manageAccount" or "signOut" (no href, no onClick) places that
// built-in action at its position; returns that label, else undefined.
const builtInAt = (item) =>
  item.href == null && item.onClick == null && /^(manageAccount|signOut)$/.test(item.label)
    ? item.label
    : undefined;

// Mounts a user button for `clerk` (a wasm `Clerk` object) in `host` with `props` (the JS props
// object), replacing any button there. Returns its handle: `handle()` unmounts,
// `handle(true)` says whether it is still mounted.
export function mountButton(host, clerk, props) {
  assertElement(host, "mount");
  unmountButton(host);
  props = Object(props);
  const items = Array.isArray(props.customMenuItems)
    ? props.customMenuItems.filter((item) => str(item?.label))
    : [];
  // shown: the state on screen (null: nothing is); config: `uiConfig()` (instance settings and
  // load options); defaults: the load options, for their `appearance` and `localization`;
  // busyKey: the action whose request runs.
  let shown = null, config, defaults = {}, targets = {}, busyKey = null, error = "", unmounted = false;

  const text = (key) =>
    str(props.localization?.userButton?.[key]) ?? str(defaults.localization?.userButton?.[key]) ?? ENGLISH[key];
  // While a sign-out or switch runs, the actions that would start another are disabled;
  // navigating and custom items stay usable.
  const button = (key, label, who) => ({
    key, label, person: who,
    busy: key == busyKey,
    disabled: busyKey != null && (key == busyKey || !/^(manageAccount|addAccount|custom)/.test(key)),
  });
  const menu = () => {
    const builtIns = items.map(builtInAt), actions = [];
    const builtIn = (kind) =>
      kind == "signOut" ? actions.push(button(kind, text("action__signOut")))
        : targets.manageAccount && actions.push(button(kind, text("action__manageAccount")));
    if (!builtIns.includes("manageAccount")) builtIn("manageAccount");
    items.forEach((item, index) => {
      const href = safeLink(item.href);
      if (builtIns[index]) builtIn(builtIns[index]);
      else if (typeof item.onClick == "function") actions.push(button("custom:" + index, item.label));
      else if (href) actions.push({ label: item.label, href });
    });
    if (!builtIns.includes("signOut")) builtIn("signOut");
    return actions;
  };
  const viewModel = () => {
    if (!shown) return null;
    const { singleSession } = config, current = shown.session;
    const others = singleSession
      ? []
      : (shown.client?.signedInSessions || []).filter((session) => session.id != current.id);
    const multiSessionActions = [];
    if (!singleSession && targets.addAccount)
      multiSessionActions.push(button("addAccount", text("action__addAccount")));
    if (others.length) multiSessionActions.push(button("signOutAll", text("action__signOutAll")));
    const user = person(current);
    return {
      labels: {
        openMenu: text("action__openUserMenu"), closeMenu: text("action__closeUserMenu"),
        panel: text("popoverLabel"), actions: text("actionsLabel"), sessions: text("sessionsLabel"),
      },
      name: props.showName ? user.title : "",
      user,
      actions: menu(),
      sessions: others.map((session) => button("session:" + session.id, "", person(session))),
      multiSessionActions,
      error,
      footer: config.development ? text("developmentMode") : "",
      ...appearanceOf([defaults.appearance, props.appearance]),
    };
  };
  // focus: close the panel first, focus going there (FOCUS_*).
  const send = (focus) => unmounted || update(viewModel(), focus);

  // Sign-outs and switches: one at a time, the button busy until the SDK settles.
  // "Sign out" with several sessions signs out of the current one only.
  const request = (kind, sessionId) => {
    if (kind == "session") return clerk.setActive({ session: sessionId });
    if (kind == "signOut" && !config.singleSession)
      return clerk.signOut({ sessionId: shown.session.id, redirectUrl: targets.afterSignOutOne });
    return clerk.signOut();
  };
  const startRequest = (key, kind, sessionId) => {
    const afterSwitch = targets.afterSwitch;
    busyKey = key;
    error = "";
    send();
    request(kind, sessionId).then(() => {
      busyKey = null;
      if (kind != "session") return send();
      send(FOCUS_TRIGGER_IF_INSIDE);
      if (!unmounted && afterSwitch) clerk.navigate(afterSwitch);
    }, (e) => {
      busyKey = null;
      // Clerk's error contract: `longMessage` is written for users.
      error = str(e?.longMessage)?.trim() ? e.longMessage : text("actionFailed");
      send();
    });
  };
  const onAction = (key) => {
    const { kind, arg } = parseAction(key) || {};
    if (kind == "close") {
      error = "";
      send();
    } else if (kind == "manageAccount" || kind == "addAccount") {
      error = "";
      send(FOCUS_STAYS);
      if (targets[kind]) clerk.navigate(targets[kind]);
    } else if (kind == "custom") {
      error = "";
      send(FOCUS_TRIGGER);
      // The page's callback throwing is the page's bug: reported, and the button goes on.
      try { items[arg]?.onClick(); } catch (e) { console.error("Clerk: a customMenuItems onClick threw", e); }
    } else if (/^(signOut|signOutAll|session)$/.test(kind) && busyKey == null) startRequest(key, kind, arg);
  };
  const update = createView(host, onAction);

  const refresh = () => {
    const state = clerk.state;
    // While a sign-out or switch is under way the state has no user: keep the last view.
    if (state.user === undefined && shown) return;
    config = clerk.uiConfig();
    targets = targetsOf(props, config);
    defaults = Object(config.loadDefaults);
    shown = state.loaded && state.session ? state : null;
    if (!shown) {
      busyKey = null;
      error = "";
    }
    send();
  };
  const removeListener = clerk.addListener(refresh);
  const mount = { wasConnected: host.isConnected };
  mount.stop = () => {
    if (unmounted) return;
    unmounted = true;
    removeListener();
    update();
    mounts.delete(host);
    if (!mounts.size) {
      hostObserver?.disconnect();
      hostObserver = null;
    }
  };
  mounts.set(host, mount);
  watchHosts(host.ownerDocument);
  refresh();
  return (isMountedQuery) => (isMountedQuery ? !unmounted : mount.stop());
}

// ── Registry: the mounted buttons, by host element ────────────────────────────────────────

const mounts = new Map();
// One observer for every mount while any is mounted.
let hostObserver = null;

// A host that leaves the document (after having been in it) releases its button. A host
// mounted while detached is kept until it has been connected and leaves again.
function watchHosts(doc) {
  try {
    hostObserver ??= new MutationObserver(() =>
      mounts.forEach((mount, host) => {
        if (host.isConnected) mount.wasConnected = true;
        else if (mount.wasConnected) mount.stop();
      }));
    hostObserver.observe(doc, { childList: true, subtree: true });
  } catch {}
}

function assertElement(host, verb) {
  if (host?.nodeType != 1) throw Error(verb + "UserButton expects a DOM element");
}

// Unmounts the button in `host`; whether there was one. Throws when `host` is no element.
export function unmountButton(host) {
  assertElement(host, "unmount");
  const mount = mounts.get(host);
  mount?.stop();
  return !!mount;
}

// How many buttons are mounted (all instances together).
export function mountedCount() {
  return mounts.size;
}

// `new WeakRef(value)`; undefined where WeakRef is missing. The wasm keeps the `Clerk` object
// its buttons share through one, so the object does not keep its instance alive.
export function weakRef(value) {
  try {
    return new WeakRef(value);
  } catch {}
}

// `weak.deref()`; undefined for anything but a live WeakRef.
export function deref(weak) {
  return weak?.deref?.();
}
