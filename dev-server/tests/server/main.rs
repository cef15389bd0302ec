//! The development server's tests: handlers through `oneshot`, a real socket, the real
//! binary, and a check of every FAPI response against Clerk's OpenAPI spec.

#[cfg(test)]
mod bounds;
#[cfg(test)]
mod cli;
#[cfg(test)]
mod client_api;
#[cfg(test)]
mod common;
#[cfg(test)]
mod compression;
#[cfg(test)]
mod conformance;
#[cfg(test)]
mod dev_controls;
#[cfg(test)]
mod hardening;
#[cfg(test)]
mod http_surface;
#[cfg(test)]
mod sessions;
#[cfg(test)]
mod socket;
#[cfg(test)]
mod spec;
#[cfg(test)]
mod templates;
#[cfg(test)]
mod tokens;
