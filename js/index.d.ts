// Type declarations for clerk-wasm (ESM entry, `clerk-wasm/inline` and `window.Clerk`).

export type ClerkStatus = "loading" | "ready" | "degraded" | "error";
export type InstanceType = "development" | "production";

export interface ClerkOptions {
  /** Absolute URL, or a path relative to the page origin, that proxies the Frontend API. */
  proxyUrl?: string;
  /** Satellite domain. */
  domain?: string;
}

export declare class Clerk {
  constructor(publishableKey: string, options?: ClerkOptions);
  readonly version: string;
  readonly publishableKey: string;
  readonly frontendApi: string;
  readonly instanceType: InstanceType;
  readonly loaded: boolean;
  readonly status: ClerkStatus;
  readonly isSignedIn: boolean;
  load(options?: object): Promise<void>;
}

export declare function isClerkAPIResponseError(err: unknown): boolean;
