//! JWT templates (`POST /v1/client/sessions/{id}/tokens/{template}`) and organization tokens.

use axum::http::StatusCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

use crate::common::*;

fn claims(res: &Res) -> Value {
    let body = res.json();
    let jwt = body["jwt"].as_str().unwrap();
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

#[tokio::test]
async fn a_template_token_carries_the_template_s_claims_and_not_the_default_token_s() {
    // `iss` is the configured origin, never the Host header.
    let app = server_with(|c| c.origin = "http://127.0.0.1:4000".into());
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let res = b
        .send(
            post(&format!("/v1/client/sessions/{sid}/tokens/demo"))
                .header("host", "127.0.0.1:4000"),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["object"], "token");
    let c = claims(&res);
    assert_eq!(c["aud"], "demo");
    assert_eq!(c["email"], "ada@example.test", "the shortcode is filled in");
    assert_eq!(c["sub"], "user_2demoAdaLovelace0000000001");
    assert_eq!(c["iss"], "http://127.0.0.1:4000");
    assert!(
        c.get("sid").is_none(),
        "template tokens carry no session id"
    );
    assert!(c["exp"].as_i64().unwrap() > c["iat"].as_i64().unwrap());
    let session = b
        .send(get(&format!("/v1/client/sessions/{sid}")))
        .await
        .json();
    // The session's own token (minted when the session is read) is never the template's.
    assert_ne!(
        session["response"]["last_active_token"]["jwt"],
        res.json()["jwt"],
        "a template token is not the session's token"
    );
}

#[tokio::test]
async fn an_unknown_template_is_the_spec_s_404() {
    let app = server();
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let res = b
        .send(post(&format!("/v1/client/sessions/{sid}/tokens/nope")))
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.error_code(), "resource_not_found");
    assert!(String::from_utf8_lossy(&res.body).contains("No JWT template exists with name: nope"));
    let other = b
        .send(post("/v1/client/sessions/sess_other/tokens/demo"))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn templates_come_from_the_flags() {
    let app = server_with(|c| {
        c.jwt_templates =
            vec![
                clerk_dev_server::fapi::JwtTemplate::parse(r#"hasura={"role":"{{user.id}}"}"#)
                    .unwrap(),
            ];
    });
    let mut b = Browser::new(&app);
    let sid = b.sign_in("grace@example.test").await;
    let res = b
        .send(post(&format!("/v1/client/sessions/{sid}/tokens/hasura")))
        .await;
    assert_eq!(claims(&res)["role"], "user_2demoGraceHopper000000002");
    let demo = b
        .send(post(&format!("/v1/client/sessions/{sid}/tokens/demo")))
        .await;
    assert_eq!(
        demo.status,
        StatusCode::NOT_FOUND,
        "the flags replace the built-in template"
    );
}

#[tokio::test]
async fn an_organization_token_names_the_organization_only_for_a_member() {
    let app = server();
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let path = format!("/v1/client/sessions/{sid}/tokens");
    let member = b
        .send(post(&path).form(&[("organization_id", "org_2demoAnalyticalEngine0001")]))
        .await;
    assert_eq!(member.status, StatusCode::OK);
    assert_eq!(claims(&member)["org_id"], "org_2demoAnalyticalEngine0001");
    let personal = b.send(post(&path).form(&[("organization_id", "")])).await;
    assert!(claims(&personal).get("org_id").is_none());
    let stranger = b
        .send(post(&path).form(&[("organization_id", "org_someone_else")]))
        .await;
    assert_eq!(stranger.status, StatusCode::FORBIDDEN);
    assert_eq!(stranger.error_code(), "not_a_member_in_organization");
}

#[test]
fn the_jwt_template_flag_replaces_the_built_in_template_and_a_bad_one_is_refused() {
    let args = |list: &[&str]| {
        clerk_dev_server::cli::parse(list.iter().map(|s| s.to_string()))
            .unwrap()
            .config("127.0.0.1:4000".parse().unwrap())
    };
    let config = args(&["--jwt-template", "a", "--jwt-template", r#"b={"x":1}"#]).unwrap();
    let names: Vec<&str> = config
        .jwt_templates
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["a", "b"]);
    assert_eq!(config.jwt_templates[1].claims["x"], 1);
    assert!(args(&["--jwt-template", "c={"]).is_err());
    assert_eq!(args(&[]).unwrap().jwt_templates[0].name, "demo");
}
