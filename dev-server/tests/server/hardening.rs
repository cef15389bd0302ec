//! Every error is FAPI-shaped (404, 405, 408, 413, 414, 431, static misses), HEAD is
//! answered like GET, typed form fields are validated, and a body that never arrives
//! does not hold a connection.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::common::*;
use crate::socket::start_with;

/// A FAPI error body with this status and code.
fn assert_fapi_error(res: &Res, status: StatusCode, code: &str) {
    assert_eq!(res.status, status, "{}", String::from_utf8_lossy(&res.body));
    assert_eq!(res.header("content-type"), Some("application/json"));
    let body = res.json();
    assert_eq!(body["errors"][0]["code"], code, "{body}");
    assert!(body["errors"][0]["message"].is_string(), "{body}");
    assert!(body["errors"][0]["long_message"].is_string(), "{body}");
    assert!(body["clerk_trace_id"].is_string(), "{body}");
}

#[tokio::test]
async fn static_misses_and_wrong_methods_are_fapi_shaped() {
    let app = server();
    let res = get("/nope.html").send(&app).await;
    assert_fapi_error(&res, StatusCode::NOT_FOUND, "resource_not_found");
    let res = get("/dist/nope.js").send(&app).await;
    assert_fapi_error(&res, StatusCode::NOT_FOUND, "resource_not_found");
    assert_eq!(res.header("access-control-allow-origin"), Some("*"));
    let res = post("/index.html").send(&app).await;
    assert_fapi_error(&res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let res = Req::new(Method::PUT, "/__avatars/ada.svg").send(&app).await;
    assert_fapi_error(&res, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let res = get("/__dev/nope").send(&app).await;
    assert_fapi_error(&res, StatusCode::NOT_FOUND, "resource_not_found");
    let res = get("/__avatars/nobody.png").send(&app).await;
    assert_fapi_error(&res, StatusCode::NOT_FOUND, "resource_not_found");
}

#[tokio::test]
async fn head_is_answered_like_get_without_a_body() {
    let app = server();
    let mut b = Browser::new(&app);
    b.sign_in("ada@example.test").await;
    for path in [
        "/v1/client",
        "/v1/environment",
        "/index.html",
        "/dist/clerk.js",
    ] {
        let got = b.send(get(path)).await;
        let head = b.send(Req::new(Method::HEAD, path).off_spec()).await;
        assert_eq!(head.status, StatusCode::OK, "{path}");
        assert_eq!(
            head.header("content-type"),
            got.header("content-type"),
            "{path}"
        );
        assert!(head.body.is_empty(), "{path}");
    }
    let res = Req::new(Method::HEAD, "/v1/nope")
        .off_spec()
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn enum_and_boolean_fields_outside_the_spec_are_422_naming_the_field() {
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let res = b
        .send(post(&format!("/v1/client/sessions/{sid}/touch")).form(&[("intent", "bogus")]))
        .await;
    assert_fapi_error(
        &res,
        StatusCode::UNPROCESSABLE_ENTITY,
        "form_param_value_invalid",
    );
    assert_eq!(res.json()["errors"][0]["meta"]["param_name"], "intent");
    for intent in ["focus", "select_session", "select_org", ""] {
        let res = b
            .send(
                post(&format!("/v1/client/sessions/{sid}/touch"))
                    .form(&[("active_organization_id", ""), ("intent", intent)]),
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "intent={intent}");
    }
    let sign_in = |transfer: &'static str| {
        post("/v1/client/sign_ins").form(&[
            ("identifier", "linus"),
            ("strategy", "password"),
            ("password", "demo-password"),
            ("transfer", transfer),
        ])
    };
    let res = b.send(sign_in("0.5")).await;
    assert_fapi_error(
        &res,
        StatusCode::UNPROCESSABLE_ENTITY,
        "form_param_value_invalid",
    );
    assert_eq!(res.json()["errors"][0]["meta"]["param_name"], "transfer");
    assert_eq!(b.send(sign_in("false")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_oversized_body_is_a_fapi_413() {
    let app = server();
    let res = post("/v1/client/sign_ins")
        .raw("application/x-www-form-urlencoded", "a".repeat(17 * 1024))
        .off_spec()
        .send(&app)
        .await;
    assert_fapi_error(
        &res,
        StatusCode::PAYLOAD_TOO_LARGE,
        "request_body_too_large",
    );
}

/// Writes `head` (and nothing more) on a fresh connection; returns all the server sent.
async fn raw_exchange(addr: std::net::SocketAddr, head: &str) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

fn json_of(response: &str) -> serde_json::Value {
    serde_json::from_str(response.split_once("\r\n\r\n").unwrap().1).unwrap()
}

#[tokio::test]
async fn a_body_that_never_arrives_gets_a_fapi_408_and_the_connection_closes() {
    let mut config = config();
    config.body_timeout = Duration::from_millis(200);
    let (addr, stop, _task) = start_with(config).await;
    // Content-Length promises ten bytes that never come; the socket stays open.
    let res = raw_exchange(
        addr,
        "POST /v1/client/sign_ins HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\n\r\n",
    )
    .await;
    assert!(res.starts_with("HTTP/1.1 408"), "{res}");
    assert_eq!(json_of(&res)["errors"][0]["code"], "request_timeout");
    stop.send(()).unwrap();
}

#[tokio::test]
async fn long_urls_and_large_heads_get_fapi_414_and_431_over_a_real_socket() {
    let (addr, stop, _task) = start_with(config()).await;
    let long = format!(
        "GET /v1/client?x={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "a".repeat(20 * 1024)
    );
    let res = raw_exchange(addr, &long).await;
    assert!(res.starts_with("HTTP/1.1 414"), "{res}");
    assert_eq!(json_of(&res)["errors"][0]["code"], "request_uri_too_long");
    let many: String = (0..150).map(|i| format!("X-Filler-{i}: {i}\r\n")).collect();
    let res = raw_exchange(
        addr,
        &format!("GET /v1/client HTTP/1.1\r\nHost: x\r\n{many}Connection: close\r\n\r\n"),
    )
    .await;
    assert!(res.starts_with("HTTP/1.1 431"), "{res}");
    let big = format!("X-Big: {}\r\n", "b".repeat(40 * 1024));
    let res = raw_exchange(
        addr,
        &format!("GET /index.html HTTP/1.1\r\nHost: x\r\n{big}Connection: close\r\n\r\n"),
    )
    .await;
    assert!(res.starts_with("HTTP/1.1 431"), "{res}");
    assert_eq!(
        json_of(&res)["errors"][0]["code"],
        "request_header_fields_too_large"
    );
    stop.send(()).unwrap();
}
