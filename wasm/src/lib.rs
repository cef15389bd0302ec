//! The wasm module behind the npm package and the script tag: the `clerk-wasm` SDK (whose
//! `#[wasm_bindgen]` exports come along with it) and its small allocator, linked without std.
//! A binary without std must provide its panic handler, which the SDK crate, a library, must
//! not choose for Rust apps (their std provides one); it lives here.
//!
//! Without std, a panic links no unwinding or hook machinery and no `core::fmt` code for
//! panic messages: the handler reports a fixed line and the location, then traps.
#![cfg_attr(target_arch = "wasm32", no_std)]

// Linked for its `#[wasm_bindgen]` exports; nothing here names it.
use clerk_wasm as _;

/// A panic is a bug (the code is written so none is reachable, and clippy denies the usual
/// sources): report where on the console, then trap. The message is not formatted, which
/// would link `core::fmt`.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    let file = info.location().map_or("", |l| l.file());
    let line = info.location().map_or(0, |l| l.line());
    web_sys::console::error_3(
        &"clerk-wasm panicked (please report this bug) at".into(),
        &file.into(),
        &line.into(),
    );
    core::arch::wasm32::unreachable()
}
