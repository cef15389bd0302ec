// Type declarations for `clerk-wasm/react` (React >= 18, a peer dependency).
import type { ReactElement, ReactNode } from "react";
import type {
  Appearance,
  Clerk,
  ClerkOptions,
  DomainOrProxyUrl,
  GetTokenOptions,
  Localization,
  Session,
  SignOutOptions,
  UserButtonProps,
  UserResource,
} from "./index.js";

export type { UserButtonProps } from "./index.js";

// The constructor's options (`proxyUrl`, `domain`) and the load options (@clerk/types'
// `ClerkOptions`), as @clerk/clerk-react's provider takes them.
export interface ClerkProviderProps extends DomainOrProxyUrl, Omit<ClerkOptions, "appearance" | "localization"> {
  /** Throws a `ClerkRuntimeError` (`code: "invalid_publishable_key"`) on a malformed key. */
  publishableKey: string;
  appearance?: Appearance;
  localization?: Localization;
  children?: ReactNode;
}

/**
 * Creates (one per key in a page) and loads a `Clerk`, and provides it to the hooks and
 * components below. `proxyUrl` and `domain` go to the constructor, the other props to `load()`.
 */
export declare function ClerkProvider(props: ClerkProviderProps): ReactElement;

/** The `Clerk` of the nearest `<ClerkProvider>`; its methods are bound (`const { signOut } = useClerk()`). */
export declare function useClerk(): Clerk;

export type UseUserReturn =
  | { isLoaded: false; isSignedIn: undefined; user: undefined }
  | { isLoaded: true; isSignedIn: false; user: null }
  | { isLoaded: true; isSignedIn: true; user: UserResource };
export declare function useUser(): UseUserReturn;

export type UseSessionReturn =
  | { isLoaded: false; isSignedIn: undefined; session: undefined }
  | { isLoaded: true; isSignedIn: false; session: null }
  | { isLoaded: true; isSignedIn: true; session: Session };
export declare function useSession(): UseSessionReturn;

export interface UseAuthActions {
  signOut: Clerk["signOut"];
  /** Waits for the load; the current session's token, or `null` without a session. */
  getToken(options?: GetTokenOptions): Promise<string | null>;
}
export type UseAuthReturn = UseAuthActions &
  (
    | { isLoaded: false; isSignedIn: undefined; userId: undefined; sessionId: undefined }
    | { isLoaded: true; isSignedIn: false; userId: null; sessionId: null }
    | { isLoaded: true; isSignedIn: true; userId: string; sessionId: string }
  );
export declare function useAuth(): UseAuthReturn;

/** Its children when a user is signed in. */
export declare function SignedIn(props: { children?: ReactNode }): ReactNode;
/** Its children when loaded and no user is signed in. */
export declare function SignedOut(props: { children?: ReactNode }): ReactNode;
/** Its children once Clerk has loaded. */
export declare function ClerkLoaded(props: { children?: ReactNode }): ReactNode;
/** Its children until Clerk has loaded (also on the server). */
export declare function ClerkLoading(props: { children?: ReactNode }): ReactNode;

/** Renders nothing on the server or before the load; then the user button, in a `<div>`. */
export declare function UserButton(props: UserButtonProps): ReactElement | null;

export interface SignOutButtonProps {
  redirectUrl?: string;
  sessionId?: string;
  signOutOptions?: SignOutOptions;
  /** One element to wrap (its `onClick` runs first), or the text of the button (default "Sign out"). */
  children?: ReactNode;
  [prop: string]: unknown;
}
/** Signs out on click (`clerk.signOut({ redirectUrl, sessionId, ...signOutOptions })`). */
export declare function SignOutButton(props: SignOutButtonProps): ReactElement;
