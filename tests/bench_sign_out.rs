//! Benchmark: `signOut()` against the development server in headless Chromium. Asserts that
//! each sign-out sends exactly one request and prints the median time from the call to the
//! listeners being notified of the signed-out state, over 50 runs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use clerk_wasm::{AfterSignOut, SignOutOptions};
use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 50;

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
async fn sign_out_sends_one_request_and_notifies_listeners_quickly() {
    reset(false, false).await;
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
        let notified_at = Rc::new(Cell::new(None));
        let sink = notified_at.clone();
        let _listener = clerk.add_listener(move |state| {
            if !state.is_undetermined() && state.session().is_none() && sink.get().is_none() {
                sink.set(Some(now()));
            }
        });
        let started = now();
        clerk
            .sign_out_then(SignOutOptions::default(), AfterSignOut::call(|| {}))
            .await
            .unwrap();
        samples.push(notified_at.get().expect("listeners were notified") - started);
        assert_eq!(request_lines().await, ["DELETE /v1/client/sessions"]);
    }
    samples.sort_by(f64::total_cmp);
    let median = (samples[RUNS / 2 - 1] + samples[RUNS / 2]) / 2.0;
    let p90 = samples[RUNS * 9 / 10];
    web_sys::console::log_1(
        &format!(
            "BENCH signOut: {RUNS} runs, 1 request each, call→listeners median {median:.2} ms, \
             p90 {p90:.2} ms, min {:.2} ms, max {:.2} ms",
            samples[0],
            samples[RUNS - 1]
        )
        .into(),
    );
}
