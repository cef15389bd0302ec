//! Session tokens: Clerk's claims, RS256, verifiable with the published JWKS.

use axum::http::StatusCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use rsa::{BigUint, RsaPublicKey};
use serde_json::Value;
use sha2::Sha256;

use crate::common::*;

fn decode(part: &str) -> Value {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

#[tokio::test]
async fn a_session_token_carries_clerks_claims_and_verifies_against_the_jwks() {
    let app = server_with(|c| c.origin = "http://127.0.0.1:4000".into());
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let res = b
        .send(post(&format!("/v1/client/sessions/{sid}/tokens")))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let body = res.json();
    assert_eq!(body["object"], "token");
    let jwt = body["jwt"].as_str().unwrap();
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3);
    let header = decode(parts[0]);
    let claims = decode(parts[1]);
    assert_eq!(header["alg"], "RS256");
    assert_eq!(claims["sid"], sid.as_str());
    assert_eq!(claims["sub"], "user_2demoAdaLovelace0000000001");
    assert_eq!(claims["iss"], "http://127.0.0.1:4000");
    assert_eq!(claims["azp"], PAGE_ORIGIN);
    let (iat, nbf, exp) = (
        claims["iat"].as_i64().unwrap(),
        claims["nbf"].as_i64().unwrap(),
        claims["exp"].as_i64().unwrap(),
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!((iat - now).abs() <= 5, "iat is now in seconds");
    assert!(nbf <= iat && exp > iat);

    let jwks = get("/.well-known/jwks.json").send(&app).await.json();
    let key = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == header["kid"])
        .unwrap();
    let n = BigUint::from_bytes_be(&URL_SAFE_NO_PAD.decode(key["n"].as_str().unwrap()).unwrap());
    let e = BigUint::from_bytes_be(&URL_SAFE_NO_PAD.decode(key["e"].as_str().unwrap()).unwrap());
    let verifier = VerifyingKey::<Sha256>::new(RsaPublicKey::new(n, e).unwrap());
    let signature =
        Signature::try_from(URL_SAFE_NO_PAD.decode(parts[2]).unwrap().as_slice()).unwrap();
    let signed = format!("{}.{}", parts[0], parts[1]);
    verifier
        .verify(signed.as_bytes(), &signature)
        .expect("signature verifies with the JWKS key");
    let tampered = signed.replace(
        parts[1],
        &URL_SAFE_NO_PAD.encode(b"{\"sub\":\"user_evil\"}"),
    );
    assert!(verifier.verify(tampered.as_bytes(), &signature).is_err());

    let session = b
        .send(get(&format!("/v1/client/sessions/{sid}")))
        .await
        .json();
    assert_eq!(session["response"]["last_active_token"]["jwt"], jwt);
}

#[tokio::test]
async fn every_signed_in_session_read_carries_a_current_token_and_a_signed_out_one_none() {
    let app = server();
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let client = b.client().await;
    let jwt = client["sessions"][0]["last_active_token"]["jwt"]
        .as_str()
        .expect("an active session's last_active_token, as FAPI sends it")
        .to_owned();
    let claims = decode(jwt.split('.').nth(1).unwrap());
    assert_eq!(claims["sid"], sid.as_str());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(claims["exp"].as_i64().unwrap() - now >= 30, "{claims}");
    // Read again at once: the same token (not a signature per read).
    assert_eq!(
        b.client().await["sessions"][0]["last_active_token"]["jwt"],
        jwt.as_str()
    );

    let res = b.send(post("/v1/client/sessions?_method=DELETE")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.json()["response"]["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["last_active_token"].is_null()));
}

#[tokio::test]
async fn iss_is_the_configured_origin_and_azp_only_an_allowed_origin_whatever_the_headers_say() {
    let app = server_with(|c| c.origin = "http://127.0.0.1:4000".into());
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let claims = |res: Res| {
        decode(
            res.json()["jwt"]
                .as_str()
                .unwrap()
                .split('.')
                .nth(1)
                .unwrap(),
        )
    };
    let forged = b
        .send(
            post(&format!("/v1/client/sessions/{sid}/tokens"))
                .header("host", "evil.test")
                .header("origin", "http://evil.test"),
        )
        .await;
    let forged = claims(forged);
    assert_eq!(forged["iss"], "http://127.0.0.1:4000");
    assert!(forged.get("azp").is_none(), "{forged}");
    let allowed = b
        .send(post(&format!("/v1/client/sessions/{sid}/tokens")).header("host", "evil.test"))
        .await;
    let allowed = claims(allowed);
    assert_eq!(allowed["iss"], "http://127.0.0.1:4000");
    assert_eq!(allowed["azp"], PAGE_ORIGIN);
}
