//! CORS, static files, CSP, avatars, Secure cookies.

use axum::http::{Method, StatusCode};

use crate::common::*;

#[tokio::test]
async fn loopback_origins_get_their_exact_origin_with_credentials_and_never_a_wildcard() {
    let app = server();
    for origin in [
        "http://127.0.0.1:5173",
        "http://localhost:3000",
        "http://[::1]:8080",
    ] {
        let res = get("/v1/client").header("origin", origin).send(&app).await;
        assert_eq!(res.header("access-control-allow-origin"), Some(origin));
        assert_eq!(res.header("access-control-allow-credentials"), Some("true"));
    }
    let res = get("/v1/client")
        .header("origin", "http://evil.test")
        .send(&app)
        .await;
    assert_eq!(res.header("access-control-allow-origin"), None);
    assert_eq!(res.header("access-control-allow-credentials"), None);
}

#[tokio::test]
async fn a_configured_allow_list_replaces_the_loopback_default() {
    let app = server_with(|c| c.allowed_origins = Some(vec!["https://app.example.test".into()]));
    let res = get("/v1/client")
        .header("origin", "https://app.example.test")
        .send(&app)
        .await;
    assert_eq!(
        res.header("access-control-allow-origin"),
        Some("https://app.example.test")
    );
    let res = get("/v1/client")
        .header("origin", "http://127.0.0.1:5173")
        .send(&app)
        .await;
    assert_eq!(res.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn preflights_are_answered_for_fapi_and_control_routes() {
    let app = server();
    for path in ["/v1/client/sessions", "/__dev/reset"] {
        let res = Req::new(Method::OPTIONS, path)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send(&app)
            .await;
        assert_eq!(res.status, StatusCode::NO_CONTENT);
        assert_eq!(res.header("access-control-allow-origin"), Some(PAGE_ORIGIN));
        assert_eq!(res.header("access-control-allow-credentials"), Some("true"));
        assert!(res
            .header("access-control-allow-methods")
            .unwrap()
            .contains("POST"));
        assert_eq!(
            res.header("access-control-allow-headers"),
            Some("content-type")
        );
    }
    let res = Req::new(Method::OPTIONS, "/v1/client")
        .header("origin", "http://evil.test")
        .header("access-control-request-method", "POST")
        .send(&app)
        .await;
    assert_eq!(res.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn dist_is_served_like_a_cdn_with_a_wildcard_origin_and_no_credentials() {
    let app = server();
    let res = get("/dist/clerk_bg.wasm")
        .header("origin", "http://elsewhere.test")
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("content-type"), Some("application/wasm"));
    assert_eq!(res.header("access-control-allow-origin"), Some("*"));
    assert_eq!(res.header("access-control-allow-credentials"), None);
    let res = get("/dist/clerk.js").send(&app).await;
    assert!(res.header("content-type").unwrap().contains("javascript"));
    let res = Req::new(Method::OPTIONS, "/dist/clerk.js")
        .header("access-control-request-method", "GET")
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert_eq!(res.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn www_is_served_at_the_root() {
    let app = server();
    let res = get("/").send(&app).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.header("content-type").unwrap().starts_with("text/html"));
    assert!(String::from_utf8_lossy(&res.body).contains("<title>demo</title>"));
    assert_eq!(res.header("content-security-policy"), None);
}

#[tokio::test]
async fn path_traversal_never_reaches_files_outside_www_or_dist() {
    let app = server();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/dist/../secret.txt",
        "/dist/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/dist/..%2f..%2fsecret.txt",
    ] {
        let res = get(path).send(&app).await;
        assert!(
            !String::from_utf8_lossy(&res.body).contains("outside www"),
            "{path} leaked"
        );
        assert_ne!(res.status, StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn the_csp_flag_puts_the_policy_on_demo_pages() {
    let policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
    let app = server_with(|c| c.csp = Some(policy.into()));
    let res = get("/index.html").send(&app).await;
    assert_eq!(res.header("content-security-policy"), Some(policy));
}

#[tokio::test]
async fn unknown_avatars_are_404() {
    let app = server();
    assert_eq!(
        get("/__avatars/default.svg").send(&app).await.status,
        StatusCode::OK
    );
    assert_eq!(
        get("/__avatars/../users.json").send(&app).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get("/__avatars/nobody.png").send(&app).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_client_cookie_is_secure_when_the_server_is_reached_over_https() {
    let app = server();
    let res = post("/v1/client")
        .header("x-forwarded-proto", "https")
        .send(&app)
        .await;
    assert!(res.header("set-cookie").unwrap().contains("; Secure"));
}
