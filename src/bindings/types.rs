//! TypeScript declarations for the option objects and resources, emitted into the
//! wasm-bindgen `.d.ts` and referenced by the facade's signatures.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type ClerkStatus = "loading" | "ready" | "degraded" | "error";
// Every options object below: `undefined` or `null` (for the object or one field) means the
// default; fields not declared here are ignored; a declared field of another type throws or
// rejects with a `ClerkRuntimeError` whose `code` is `invalid_option` and whose message names
// the field (nothing is sent).
/** `new Clerk(key, options)`'s options (@clerk/types' name). */
export interface DomainOrProxyUrl {
  /** Absolute URL, or a path relative to the page origin, that proxies the Frontend API. */
  proxyUrl?: string;
  /** Satellite domain (production instances: requests go to `clerk.<domain>`). */
  domain?: string;
}
/** `clerk.load(options)`'s options (@clerk/types' `ClerkOptions`). */
export interface ClerkOptions {
  afterSignOutUrl?: string;
  afterMultiSessionSingleSignOutUrl?: string;
  signInUrl?: string;
  userProfileUrl?: string;
  /** Protocols allowed in redirects besides http: and https:, e.g. ["myapp:"]. */
  allowedRedirectProtocols?: string[];
  /** SPA navigation for same-origin targets. */
  routerPush?: (to: string) => unknown;
  appearance?: unknown;
  localization?: unknown;
  standardBrowser?: boolean;
}
export interface SignOutOptions {
  /** Sign out only this session (multi-session); otherwise every session of this browser. */
  sessionId?: string;
  redirectUrl?: string;
}
export type SignOutCallback = () => void | Promise<unknown>;
/** @deprecated Use `ClerkOptions` (@clerk/types' name for the load options). */
export type LoadOptions = ClerkOptions;
/** `buildSignInUrl` / `redirectToSignIn` options. */
export interface SignInRedirectOptions {
  /** Where the sign-in page sends the user back (`redirect_url`); default: this page. */
  redirectUrl?: string | null;
  signInForceRedirectUrl?: string | null;
  signInFallbackRedirectUrl?: string | null;
  /** Values the sign-in form starts with, e.g. `{ emailAddress }`. */
  initialValues?: Record<string, string>;
}
/** `session`: a session id or object; `null` signs out locally; left out, the current session stays. */
export interface SetActiveParams { session: string | Session | null }
export interface GetTokenOptions {
  /** A JWT template's name: that template's token (`POST .../tokens/{template}`), never the session's own. */
  template?: string;
  /** The organization the token is for; `null` is the personal account; left out, the last active one. */
  organizationId?: string | null;
  /** Fetch a new token even when a cached one is still valid. */
  skipCache?: boolean;
}
export interface EmailAddressResource {
  id: string;
  emailAddress: string;
  /** The address. */
  toString(): string;
}
export interface PhoneNumberResource {
  id: string;
  phoneNumber: string;
  /** The number. */
  toString(): string;
}
export interface Web3WalletResource { id: string; web3Wallet: string }
export interface UserResource {
  id: string;
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  username: string | null;
  imageUrl: string;
  hasImage: boolean;
  primaryEmailAddressId: string | null;
  primaryEmailAddress: EmailAddressResource | null;
  emailAddresses: EmailAddressResource[];
  primaryPhoneNumberId: string | null;
  primaryPhoneNumber: PhoneNumberResource | null;
  phoneNumbers: PhoneNumberResource[];
  primaryWeb3WalletId: string | null;
  primaryWeb3Wallet: Web3WalletResource | null;
  web3Wallets: Web3WalletResource[];
  /** Set by the backend; read-only for the user. */
  publicMetadata: Record<string, unknown>;
  /** Set by the user (never trusted by the backend). */
  unsafeMetadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}
export interface PublicUserData {
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
  hasImage: boolean;
  identifier: string;
  userId: string | null;
}
/** The data fields of a `Session` (plain properties, merged into the class declaration). */
export interface Session {
  readonly id: string;
  readonly status: "active" | "pending" | "ended" | "removed" | "revoked" | "expired" | "abandoned" | "unknown";
  /** The session's user (the same object as `clerk.user` for the current session). */
  readonly user: UserResource | null;
  readonly publicUserData: PublicUserData | null;
  /** In an impersonation session, who is impersonating (`sub`: their user id); else `null`. */
  readonly actor: ActJWTClaim | null;
  readonly lastActiveAt: Date;
  readonly expireAt: Date;
  readonly abandonAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The latest token the server sent with the session. */
  readonly lastActiveToken: { jwt: string } | null;
}
/** @clerk/types' name for a `Session`. */
export type SessionResource = Session;
/** An impersonation session's actor claims. */
export interface ActJWTClaim { sub: string; [claim: string]: unknown }
export interface ClientResource {
  id: string;
  sessions: Session[];
  signedInSessions: Session[];
  /** The `active` sessions (a `pending` one is signed in but not active). */
  activeSessions: Session[];
  lastActiveSessionId: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface Resources {
  client: ClientResource | null | undefined;
  session: Session | null | undefined;
  user: UserResource | null | undefined;
}
export type ListenerCallback = (resources: Resources) => void;
export type UnsubscribeCallback = () => void;
/** @deprecated Use `ListenerCallback` (@clerk/types' name). */
export type Listener = ListenerCallback;
/** @deprecated Use `UnsubscribeCallback` (@clerk/types' name). */
export type Unsubscribe = UnsubscribeCallback;
export interface ClerkAPIError {
  code: string;
  message: string;
  longMessage: string | null;
  meta: { paramName: string | null };
}
export interface ClerkAPIResponseError extends Error {
  name: "ClerkAPIResponseError";
  clerkError: true;
  code: string;
  longMessage: string;
  status: number;
  errors: ClerkAPIError[];
  clerkTraceId: string | null;
  retryAfter?: number;
}
export interface ClerkRuntimeError extends Error {
  name: "ClerkRuntimeError";
  clerkRuntimeError: true;
  code: string;
  longMessage: string;
}
"#;
