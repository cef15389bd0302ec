//! The wasm module behind the npm package and the script tag: the `clerk-wasm` SDK (whose
//! `#[wasm_bindgen]` exports come along with it) and its small allocator, linked without std.
//! A binary without std must provide its panic handler, which the SDK crate, a library, must
//! not choose for Rust apps (their std provides one); it lives here.
//!
//! Without std, a panic links no unwinding or hook machinery and no `core::fmt` code for
//! panic messages: the handler reports a fixed line with a stack trace, then traps.
#![cfg_attr(target_arch = "wasm32", no_std)]

// Linked for its `#[wasm_bindgen]` exports; nothing here names it.
use clerk_wasm as _;

/// A panic is a bug (the code is written so none is reachable, and clippy denies the usual
/// sources): report it on the console, then trap. The message is not formatted, which would
/// link `core::fmt`.
///
/// The report is the message and a JS `Error`, whose stack names the wasm functions by index
/// (`wasm-function[538]`); the build writes their names to `dist/clerk_wasm_bg.symbols`, and
/// `node scripts/symbolicate.mjs` puts them into a reported stack. The panic location is not
/// used: its file paths and line tables cost 1.3 KB gzip of every page's download.
/// `JsError` (JS `Error(message)`) and a two-argument `console.error`, as the SDK's own
/// reports use: `js_sys::Error::new` and a one-argument `console.error` were two more imports.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    let report: wasm_bindgen::JsValue = wasm_bindgen::JsError::new("panic").into();
    web_sys::console::error_2(
        &wasm_bindgen::JsValue::from_str(concat!(
            "clerk-wasm ",
            env!("CARGO_PKG_VERSION"),
            " panicked: please report this bug with this stack trace"
        )),
        &report,
    );
    core::arch::wasm32::unreachable()
}
