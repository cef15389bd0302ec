//! `dist/` and `www/` as a CDN serves them: compressed as `Accept-Encoding` asks, with
//! validators and cache headers.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use clerk_dev_server::app;
use http_body_util::BodyExt;
use tower::{Layer, ServiceExt};
use tower_http::decompression::DecompressionLayer;

use crate::common::*;

/// A server whose `dist/big.js` and `www/big.html` are worth compressing; their text.
fn server_with_big_files() -> (axum::Router, String) {
    let c = config();
    let text = "export const greeting = \"hello from the dist directory\";\n".repeat(200);
    std::fs::write(c.dist_dir.join("big.js"), &text).unwrap();
    std::fs::write(c.www_dir.join("big.html"), &text).unwrap();
    (app(&c), text)
}

/// The body as a browser sees it, decoded by tower-http's decompression.
async fn decoded(app: &axum::Router, path: &str, accept: &str) -> String {
    let req = Request::get(path)
        .header(header::ACCEPT_ENCODING, accept)
        .body(Body::empty())
        .unwrap();
    let res = DecompressionLayer::new()
        .layer(app.clone())
        .oneshot(req)
        .await
        .unwrap();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn dist_and_www_are_compressed_as_accept_encoding_asks() {
    let (app, text) = server_with_big_files();
    for path in ["/dist/big.js", "/big.html"] {
        for (accept, expected) in [
            ("gzip, deflate, br, zstd", Some("br")),
            ("gzip", Some("gzip")),
            ("br;q=0.5, gzip;q=1", Some("gzip")),
            ("identity", None),
        ] {
            let res = get(path).header("accept-encoding", accept).send(&app).await;
            assert_eq!(res.status, StatusCode::OK);
            assert_eq!(res.header("content-encoding"), expected, "{path} {accept}");
            assert!(res
                .header("vary")
                .unwrap()
                .to_lowercase()
                .contains("accept-encoding"));
            match expected {
                Some(_) => assert!(res.body.len() < text.len() / 4, "{path} {accept}"),
                None => assert_eq!(res.body, text.as_bytes()),
            }
            assert_eq!(decoded(&app, path, accept).await, text, "{path} {accept}");
        }
        let res = get(path).send(&app).await;
        assert_eq!(res.header("content-encoding"), None, "no Accept-Encoding");
    }
}

#[tokio::test]
async fn static_files_carry_validators_and_revalidate_with_304() {
    let c = config();
    std::fs::write(c.dist_dir.join("app.js"), "export const version = 1;").unwrap();
    let app = app(&c);
    let res = get("/dist/app.js").send(&app).await;
    assert_eq!(
        res.header("cache-control"),
        Some("public, max-age=0, must-revalidate")
    );
    assert!(res.header("last-modified").is_some());
    let etag = res.header("etag").unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    let res = get("/dist/app.js")
        .header("if-none-match", &etag)
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::NOT_MODIFIED);
    assert!(res.body.is_empty());
    assert_eq!(res.header("etag"), Some(etag.as_str()));
    std::fs::write(c.dist_dir.join("app.js"), "export const version = 22;").unwrap();
    let res = get("/dist/app.js")
        .header("if-none-match", &etag)
        .send(&app)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_ne!(res.header("etag"), Some(etag.as_str()));
    let res = get("/index.html").send(&app).await;
    assert!(res.header("etag").is_some());
    assert_eq!(
        res.header("cache-control"),
        Some("public, max-age=0, must-revalidate")
    );
}

#[tokio::test]
async fn a_compressed_file_is_kept_until_it_changes_and_then_compressed_afresh() {
    let c = config();
    let path = c.dist_dir.join("lib.js");
    let v1 = "export const version = 1; // padding padding padding\n".repeat(100);
    std::fs::write(&path, &v1).unwrap();
    let app = app(&c);
    let first = get("/dist/lib.js")
        .header("accept-encoding", "br")
        .send(&app)
        .await;
    let second = get("/dist/lib.js")
        .header("accept-encoding", "br")
        .send(&app)
        .await;
    assert_eq!(second.header("content-encoding"), Some("br"));
    assert_eq!(first.body, second.body);
    assert_eq!(decoded(&app, "/dist/lib.js", "br").await, v1);
    let v2 = "export const version = 22; // padding padding padding\n".repeat(100);
    std::fs::write(&path, &v2).unwrap();
    assert_eq!(decoded(&app, "/dist/lib.js", "br").await, v2);
    assert_eq!(decoded(&app, "/dist/lib.js", "gzip").await, v2);
}
