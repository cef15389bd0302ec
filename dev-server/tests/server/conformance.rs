//! Conformance with Clerk's FAPI spec. Every FAPI response produced by any test in this
//! binary is checked as it is received (see `common::check_against_spec`); this test
//! walks every implemented operation, success and error paths, and proves the checker
//! itself rejects what the spec forbids.

use std::sync::atomic::Ordering;

use axum::http::Method;
use serde_json::json;

use crate::common::*;
use crate::spec::{spec, spec_path};

/// The spec must be there; without it the check cannot run, which fails under CI.
fn require_spec() -> bool {
    if spec().is_some() {
        return true;
    }
    let msg = format!(
        "the FAPI spec is missing at {}: responses were NOT checked against it",
        spec_path().display()
    );
    if std::env::var_os("CI").is_some() {
        panic!("{msg}");
    }
    eprintln!("warning: {msg}");
    false
}

#[tokio::test]
async fn every_implemented_operation_answers_what_the_spec_allows() {
    if !require_spec() {
        return;
    }
    let before = SPEC_CHECKED.load(Ordering::Relaxed);
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    get("/v1/environment").send(&app).await;
    Req::new(Method::PATCH, "/v1/environment").send(&app).await;
    post("/v1/environment?_method=PATCH").send(&app).await;
    get("/.well-known/jwks.json").send(&app).await;
    b.client().await;
    b.send(Req::new(Method::PUT, "/v1/client")).await;
    b.send(post("/v1/client")).await;
    let ada = b.sign_in("ada@example.test").await;
    let linus = b.sign_in("linus").await;
    b.send(post("/v1/client/sign_ins").form(&[
        ("identifier", "linus"),
        ("strategy", "password"),
        ("password", "x"),
    ]))
    .await;
    b.send(
        post("/v1/client/sign_ins").form(&[("identifier", "linus"), ("strategy", "email_code")]),
    )
    .await;
    b.client().await;
    b.send(get(&format!("/v1/client/sessions/{ada}"))).await;
    b.send(post(&format!("/v1/client/sessions/{ada}/touch")).form(&[("intent", "select_session")]))
        .await;
    b.send(post(&format!("/v1/client/sessions/{ada}/tokens")))
        .await;
    b.send(post(&format!("/v1/client/sessions/{ada}/end")))
        .await;
    b.send(post(&format!("/v1/client/sessions/{ada}/end")))
        .await;
    b.send(post(&format!("/v1/client/sessions/{ada}/touch")))
        .await;
    b.send(post(&format!("/v1/client/sessions/{ada}/tokens")))
        .await;
    b.send(post(&format!("/v1/client/sessions/{ada}/remove")))
        .await;
    b.send(post(&format!("/v1/client/sessions/{ada}/remove")))
        .await;
    b.send(get("/v1/client/sessions/sess_unknown")).await;
    b.send(post(&format!("/v1/client/sessions/{linus}/remove")))
        .await;
    b.sign_in("grace@example.test").await;
    b.send(post("/v1/client/sessions?_method=DELETE")).await;
    b.send(post("/v1/client?_method=DELETE")).await;
    b.send(post("/v1/client?_method=DELETE")).await;
    b.send(post("/v1/client/sessions?_method=DELETE")).await;
    post("/v1/dev_browser").send(&app).await;
    get("/v1/unknown").send(&app).await;

    let dev = server_with(|c| c.dev_instance = true);
    get("/v1/environment").send(&dev).await;
    get("/v1/client").send(&dev).await;
    let token = post("/v1/dev_browser").send(&dev).await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    get(&format!("/v1/environment?__clerk_db_jwt={token}"))
        .send(&dev)
        .await;
    assert!(SPEC_CHECKED.load(Ordering::Relaxed) - before >= 30);
}

#[test]
fn the_checker_rejects_statuses_fields_types_enums_and_nulls_the_spec_forbids() {
    if !require_spec() {
        return;
    }
    let spec = spec().unwrap();
    let ok = json!({"response": null, "client": null}).to_string();
    assert!(spec.check("GET", "/v1/client", 200, ok.as_bytes()).is_ok());
    assert!(spec
        .check("GET", "/v1/client", 418, ok.as_bytes())
        .unwrap_err()
        .contains("not allowed"));
    assert!(spec
        .check("GET", "/v1/client", 200, b"{}")
        .unwrap_err()
        .contains("required field `response`"));
    let extra = json!({"response": null, "client": null, "surprise": 1}).to_string();
    assert!(spec
        .check("GET", "/v1/client", 200, extra.as_bytes())
        .is_err());
    let token = json!({"object": "token", "jwt": 5}).to_string();
    assert!(spec
        .check(
            "POST",
            "/v1/client/sessions/sess_1/tokens",
            200,
            token.as_bytes()
        )
        .is_err());
    let session = json!({"id": null, "object": "session", "status": "sleepy", "expire_at": 1, "abandon_at": 1,
        "last_active_at": 1, "last_active_organization_id": null, "public_user_data": null,
        "factor_verification_age": [], "created_at": 1, "updated_at": 1});
    let body = json!({"response": session, "client": null}).to_string();
    let err = spec
        .check("GET", "/v1/client/sessions/sess_1", 200, body.as_bytes())
        .unwrap_err();
    assert!(err.contains("sleepy"), "{err}");
    assert!(
        err.contains("$.response.id: null but not nullable"),
        "{err}"
    );
    assert!(spec.check("GET", "/v1/nope", 404, b"not json").is_err());
}
