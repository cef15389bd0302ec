//! `/__dev/` test controls: reset, clients, faults, request log.

use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::*;

#[tokio::test]
async fn the_test_controls_do_not_exist_without_the_faults_flag() {
    let app = server_with(|c| c.faults = false);
    for req in [
        post("/__dev/reset"),
        get("/__dev/requests"),
        post("/__dev/faults").json(&json!({"path": "/v1/client"})),
    ] {
        assert_eq!(req.send(&app).await.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn reset_forgets_every_client_and_switches_modes() {
    let app = server();
    let mut b = Browser::new(&app);
    b.sign_in("ada@example.test").await;
    let res = post("/__dev/reset")
        .json(&json!({"multi_session": true}))
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(b.client().await, Value::Null);
    let env = get("/v1/environment").send(&app).await.json();
    assert_eq!(env["auth_config"]["single_session_mode"], false);
    // No body: back to the CLI defaults.
    assert_eq!(
        post("/__dev/reset").send(&app).await.status,
        StatusCode::NO_CONTENT
    );
    let env = get("/v1/environment").send(&app).await.json();
    assert_eq!(env["auth_config"]["single_session_mode"], true);
    post("/__dev/reset")
        .json(&json!({"dev_instance": true}))
        .send(&app)
        .await;
    let res = get("/v1/client").send(&app).await;
    assert_eq!(res.error_code(), "dev_browser_unauthenticated");
}

#[tokio::test]
async fn a_client_made_for_a_test_is_signed_in_through_its_cookie() {
    let app = server();
    let res = post("/__dev/clients")
        .json(&json!({"identifiers": ["ada@example.test", "linus"]}))
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let made = res.json();
    let cookie = made["cookie"].as_str().unwrap();
    assert!(cookie.starts_with("__client="));
    let ids = made["session_ids"].as_array().unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(made["last_active_session_id"], ids[1]);
    let client = get("/v1/client").cookie(cookie).send(&app).await.json()["response"].clone();
    assert_eq!(client["id"], made["client_id"]);
    assert_eq!(client["last_active_session_id"], ids[1]);
    assert_eq!(client["sessions"][0]["user"]["first_name"], "Ada");
    assert_eq!(client["sessions"][1]["user"]["username"], "linus");

    let listed = get("/__dev/clients").send(&app).await.json();
    assert_eq!(listed[0]["id"], made["client_id"]);
    assert_eq!(listed[0]["sessions"][1]["status"], "active");
    let info = get(&format!("/__dev/sessions/{}", ids[0].as_str().unwrap()))
        .send(&app)
        .await
        .json();
    assert_eq!(info["client_id"], made["client_id"]);
    assert_eq!(info["user_id"], "user_2demoAdaLovelace0000000001");
    assert_eq!(
        get("/__dev/sessions/sess_unknown").send(&app).await.status,
        StatusCode::NOT_FOUND
    );
    let res = post("/__dev/clients")
        .json(&json!({"identifiers": ["nobody"]}))
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn add_fault(app: &axum::Router, fault: Value) {
    let res = post("/__dev/faults").json(&fault).send(app).await;
    assert_eq!(
        res.status,
        StatusCode::NO_CONTENT,
        "{}",
        String::from_utf8_lossy(&res.body)
    );
}

#[tokio::test]
async fn a_status_fault_answers_a_fapi_error_for_as_many_times_as_asked() {
    let app = server();
    add_fault(
        &app,
        json!({"path": "/v1/client", "status": 500, "times": 2}),
    )
    .await;
    for _ in 0..2 {
        let res = get("/v1/client").off_spec().send(&app).await;
        assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(res.error_code(), "internal_clerk_error");
    }
    assert_eq!(get("/v1/client").send(&app).await.status, StatusCode::OK);
    add_fault(
        &app,
        json!({"path": "/v1/client", "status": 429, "retry_after": 7, "code": "rate_limited"}),
    )
    .await;
    for _ in 0..3 {
        let res = get("/v1/client").off_spec().send(&app).await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.header("retry-after"), Some("7"));
        assert_eq!(res.error_code(), "rate_limited");
    }
}

#[tokio::test]
async fn a_fault_matches_the_effective_method_and_the_exact_path_only() {
    let app = server();
    add_fault(
        &app,
        json!({"method": "DELETE", "path": "/v1/client/sessions", "status": 503}),
    )
    .await;
    let res = post("/v1/client/sessions?_method=DELETE")
        .off_spec()
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    // Another method or path is untouched; so are the controls themselves.
    assert_eq!(
        get("/v1/client/sessions").send(&app).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get("/v1/client").send(&app).await.status, StatusCode::OK);
    add_fault(&app, json!({"path": "/__dev/requests", "status": 500})).await;
    assert_eq!(
        get("/__dev/requests").send(&app).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn broken_bodies_are_served_as_asked() {
    let app = server();
    add_fault(
        &app,
        json!({"path": "/v1/environment", "status": 502, "body": "non_json", "times": 1}),
    )
    .await;
    let res = get("/v1/environment").off_spec().send(&app).await;
    assert_eq!(res.status, StatusCode::BAD_GATEWAY);
    assert!(res.header("content-type").unwrap().starts_with("text/html"));
    assert!(serde_json::from_slice::<Value>(&res.body).is_err());
    add_fault(
        &app,
        json!({"path": "/v1/environment", "status": 500, "body": "malformed_json", "times": 1}),
    )
    .await;
    let res = get("/v1/environment").off_spec().send(&app).await;
    assert_eq!(res.header("content-type"), Some("application/json"));
    assert!(serde_json::from_slice::<Value>(&res.body).is_err());
    assert_eq!(
        get("/v1/environment").send(&app).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_latency_fault_delays_and_then_answers_normally() {
    let app = server();
    add_fault(
        &app,
        json!({"path": "/v1/client", "latency_ms": 250, "times": 1}),
    )
    .await;
    let start = Instant::now();
    let res = get("/v1/client").send(&app).await;
    assert!(start.elapsed() >= Duration::from_millis(250));
    assert_eq!(res.status, StatusCode::OK);
    let start = Instant::now();
    get("/v1/client").send(&app).await;
    assert!(start.elapsed() < Duration::from_millis(250));
}

#[tokio::test]
async fn invalid_faults_are_refused() {
    let app = server();
    for bad in [
        json!({"path": "/v1/client", "status": 200}),
        json!({"path": "v1"}),
        json!({"path": "/v1/client", "times": 0}),
        json!({"nope": 1}),
    ] {
        let res = post("/__dev/faults").json(&bad).send(&app).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let res = post("/__dev/faults")
        .raw("application/json", "{not json")
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_request_log_shows_exactly_what_was_sent_including_faulted_requests() {
    let app = server();
    let mut b = Browser::new(&app);
    b.sign_in("linus").await;
    add_fault(
        &app,
        json!({"path": "/v1/client/sessions", "status": 500, "times": 1}),
    )
    .await;
    b.send(post("/v1/client/sessions?_method=DELETE&__clerk_api_version=2026-05-12").off_spec())
        .await;
    get("/index.html").send(&app).await;
    let log = get("/__dev/requests").send(&app).await.json();
    assert_eq!(
        log,
        json!([
            {"method": "POST", "effective_method": "POST", "path": "/v1/client/sign_ins", "query": {}, "has_client_cookie": false},
            {"method": "POST", "effective_method": "DELETE", "path": "/v1/client/sessions",
             "query": {"_method": "DELETE", "__clerk_api_version": "2026-05-12"}, "has_client_cookie": true},
        ])
    );
    let res = Req::new(Method::DELETE, "/__dev/requests").send(&app).await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(get("/__dev/requests").send(&app).await.json(), json!([]));
}

#[tokio::test]
async fn a_session_revoked_or_expired_by_the_controls_is_signed_out_for_good() {
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    let ada = b.sign_in("ada@example.test").await;
    let linus = b.sign_in("linus").await;
    let res = post(&format!("/__dev/sessions/{linus}/revoke"))
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let client = b.client().await;
    assert_eq!(client["last_active_session_id"], ada.as_str());
    let res = post(&format!("/__dev/sessions/{ada}/expire"))
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let client = b.client().await;
    assert_eq!(
        statuses(&client),
        vec![
            (ada.clone(), "expired".into()),
            (linus.clone(), "revoked".into())
        ]
    );
    assert_eq!(client["last_active_session_id"], Value::Null);
    let res = b
        .send(post(&format!("/v1/client/sessions/{linus}/touch")))
        .await;
    assert_eq!(res.error_code(), "session_not_active");
    let res = post(&format!("/__dev/sessions/{ada}/revoke"))
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let res = post("/__dev/sessions/sess_unknown/expire").send(&app).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}
