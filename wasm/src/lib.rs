//! The wasm module behind the npm package and the script tag: the `clerk-wasm` SDK (whose
//! `#[wasm_bindgen]` exports come along with it), its small allocator, and a panic hook.
//! Both are choices a library must not make for the Rust apps that link it, so they live
//! here, in the binary.

// Linked for its `#[wasm_bindgen]` exports; nothing here names it.
use clerk_wasm as _;

/// Runs when the module is instantiated: a panic (a bug: the code is written so none is
/// reachable, and clippy denies the usual sources) is reported on the console with its
/// message and location, and a JS `Error` whose stack names the wasm functions by index
/// (`wasm-function[538]`); the build writes their names to `dist/clerk_wasm_bg.symbols`,
/// and `node scripts/symbolicate.mjs` puts them into a reported stack.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let report: wasm_bindgen::JsValue = wasm_bindgen::JsError::new(&info.to_string()).into();
        web_sys::console::error_2(
            &wasm_bindgen::JsValue::from_str(concat!(
                "clerk-wasm ",
                env!("CARGO_PKG_VERSION"),
                " panicked: please report this bug with this stack trace"
            )),
            &report,
        );
    }));
}
