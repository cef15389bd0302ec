// `clerk-wasm/react`: @clerk/clerk-react's provider, components and hooks, a thin layer over the
// `Clerk` of `clerk-wasm` (./index.js, left external by the build, so an app that imports both
// has one copy and the wasm is fetched once). React is a peer dependency, never bundled.
// Nothing runs at import time. On a server (no `window`) the provider's `Clerk` is inert, the
// state is "loading" and the user button renders nothing; the client mounts it after hydration.
import {
  Children,
  cloneElement,
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from "react";
import { Clerk } from "./index.js";

const ClerkContext = createContext(null);

// The state on the server and while hydrating: loading.
const LOADING = { loaded: false };

// One `Clerk` per key and Frontend API options in a page, as @clerk/clerk-react keeps one
// instance: providers that remount (StrictMode, routes) or repeat share it and its state.
const instances = new Map();

function clerkFor(publishableKey, proxyUrl, domain) {
  const create = () => new Clerk(publishableKey, { proxyUrl, domain });
  // A server renders many requests in one process: a fresh (inert) instance per render.
  if (typeof window === "undefined") return create();
  const id = JSON.stringify([publishableKey, proxyUrl, domain]);
  let clerk = instances.get(id);
  if (!clerk) instances.set(id, (clerk = create()));
  return clerk;
}

// Per `Clerk`: the latest state, which every hook reads through useSyncExternalStore (so one
// render never mixes two states), and one SDK listener that updates it. The listener stays for
// the page's life, as the instance does, so a component mounted later reads the state at once.
const stores = new WeakMap();

function storeOf(clerk) {
  let store = stores.get(clerk);
  if (store) return store;
  let state = LOADING;
  let listening = false;
  const subscribers = new Set();
  store = {
    get: () => state,
    subscribe(onChange) {
      subscribers.add(onChange);
      if (!listening) {
        listening = true;
        clerk.addListener(({ client, session, user }) => {
          state = { loaded: clerk.loaded, client, session, user };
          for (const notify of subscribers) notify();
        });
      }
      return () => subscribers.delete(onChange);
    },
  };
  stores.set(clerk, store);
  return store;
}

const loading = new WeakSet();

/**
 * Creates (once per key) and loads a `Clerk`, and provides it. `proxyUrl` and `domain` go to the
 * constructor; every other prop (`afterSignOutUrl`, `appearance`, `localization`, `signInUrl`,
 * `routerPush`, ...) is a load option.
 */
export function ClerkProvider({ children, publishableKey, proxyUrl, domain, ...options }) {
  const clerk = useMemo(() => clerkFor(publishableKey, proxyUrl, domain), [publishableKey, proxyUrl, domain]);
  useEffect(() => {
    if (loading.has(clerk)) return;
    loading.add(clerk);
    clerk.load(options).catch((e) => console.error("clerk-wasm: load failed:", e));
    // Loaded once per instance, with the options of the provider that loaded it (as ClerkJS).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clerk]);
  return createElement(ClerkContext.Provider, { value: clerk }, children);
}

/** The `Clerk` of the nearest `<ClerkProvider>`. */
export function useClerk() {
  const clerk = useContext(ClerkContext);
  if (!clerk) throw new Error("clerk-wasm/react: useClerk can only be used within the <ClerkProvider /> component.");
  return clerk;
}

function useClerkState() {
  const clerk = useClerk();
  const store = storeOf(clerk);
  return [clerk, useSyncExternalStore(store.subscribe, store.get, () => LOADING)];
}

// ClerkJS's three states of a resource: `undefined` loading (or switching), `null` none.
function status(value, name) {
  if (value === undefined) return { isLoaded: false, isSignedIn: undefined, [name]: undefined };
  return { isLoaded: true, isSignedIn: value !== null, [name]: value };
}

/** `{ isLoaded, isSignedIn, user }`. */
export function useUser() {
  return status(useClerkState()[1].user, "user");
}

/** `{ isLoaded, isSignedIn, session }`. */
export function useSession() {
  return status(useClerkState()[1].session, "session");
}

// A promise that settles once `clerk` has loaded.
function whenLoaded(clerk) {
  if (clerk.loaded) return Promise.resolve();
  return new Promise((resolve) => {
    const off = clerk.addListener(() => {
      if (!clerk.loaded) return;
      resolve();
      queueMicrotask(() => off());
    });
  });
}

/** `{ isLoaded, isSignedIn, userId, sessionId, signOut, getToken }`. */
export function useAuth() {
  const [clerk, { session, user }] = useClerkState();
  // Waits for the load, then the current session's token (`null` without one), as Clerk's.
  const getToken = useCallback(
    (options) => whenLoaded(clerk).then(() => clerk.session?.getToken(options) ?? null),
    [clerk],
  );
  const common = { signOut: clerk.signOut, getToken };
  if (session === undefined || user === undefined)
    return { isLoaded: false, isSignedIn: undefined, userId: undefined, sessionId: undefined, ...common };
  const userId = user?.id ?? null;
  const sessionId = session?.id ?? null;
  return { isLoaded: true, isSignedIn: !!(userId && sessionId), userId, sessionId, ...common };
}

/** Its children when a user is signed in. */
export function SignedIn({ children }) {
  return useAuth().isSignedIn ? children : null;
}

/** Its children when loaded and no user is signed in. */
export function SignedOut({ children }) {
  return useAuth().isSignedIn === false ? children : null;
}

/** Its children once Clerk has loaded. */
export function ClerkLoaded({ children }) {
  return useClerkState()[1].loaded ? children : null;
}

/** Its children until Clerk has loaded (also on the server). */
export function ClerkLoading({ children }) {
  return useClerkState()[1].loaded ? null : children;
}

// What the button shows: its props as data. A parent that re-renders with equal props (a new
// `appearance` object, a new arrow function) changes nothing. Props that are not data (a cycle)
// get a new key each render: passed on every time, which is still no remount.
const propsKey = (props) => {
  try {
    return JSON.stringify(props, (_, v) => (typeof v === "function" ? "ƒ" : v));
  } catch {
    return {};
  }
};

// The props handed to the SDK: menu items' `onClick` call the latest props' callback.
const withLatest = (props, latest) => {
  const items = props.customMenuItems?.map((item, i) =>
    typeof item?.onClick === "function" ? { ...item, onClick: () => latest.current.customMenuItems?.[i]?.onClick?.() } : item,
  );
  return items ? { ...props, customMenuItems: items } : props;
};

/**
 * The user button: a `<div>` that `mountUserButton` renders into once Clerk has loaded,
 * unmounted with the component; changed props reach it in place (no remount).
 */
export function UserButton({ children: _children, ...props }) {
  const [clerk, { loaded }] = useClerkState();
  const host = useRef(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    clerk.mountUserButton(el, withLatest(props, latest));
    return () => clerk.unmountUserButton(el);
    // Mounted with the props of its first render; the effect below passes on later ones.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clerk, loaded]);
  const key = propsKey(props);
  useEffect(() => {
    if (host.current) clerk.__unstable__updateProps({ node: host.current, props: withLatest(props, latest) });
    // `key` stands for `props`' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clerk, key]);
  return loaded ? createElement("div", { ref: host }) : null;
}

/**
 * Signs out on click: wraps its one child element (its own `onClick` runs first), or renders a
 * `<button>` with its text (default "Sign out"). Other props go to the child.
 */
export function SignOutButton({ children, redirectUrl, sessionId, signOutOptions, ...rest }) {
  const clerk = useClerk();
  const child =
    children && typeof children !== "string" ? Children.only(children) : createElement("button", null, children || "Sign out");
  const onClick = async (e) => {
    await child.props.onClick?.(e);
    return clerk.signOut({ redirectUrl, sessionId, ...signOutOptions });
  };
  return cloneElement(child, { ...rest, onClick });
}
