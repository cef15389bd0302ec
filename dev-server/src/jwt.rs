//! Session tokens: RS256 JWTs like Clerk's, signed with a key pair generated once per
//! process and published at `/.well-known/jwks.json`.

use std::sync::OnceLock;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde_json::{json, Value};
use sha2::Sha256;

/// Token lifetime: Clerk's session tokens live 60 seconds.
pub const TOKEN_TTL_SECS: i64 = 60;

/// The signing key and its id.
#[derive(Debug)]
pub struct Keys {
    kid: String,
    signer: SigningKey<Sha256>,
    private: RsaPrivateKey,
}

static KEYS: OnceLock<Option<Keys>> = OnceLock::new();

/// The process's key pair, generated on first use (the CLI forces it at start so the
/// first token request is not slow). `None` only if the system RNG failed.
pub fn keys() -> Option<&'static Keys> {
    KEYS.get_or_init(|| {
        let private = RsaPrivateKey::new(&mut rand::thread_rng(), 2048).ok()?;
        Some(Keys {
            kid: format!("ins_{}", crate::ids::random_token(27)),
            signer: SigningKey::<Sha256>::new(private.clone()),
            private,
        })
    })
    .as_ref()
}

/// The claims of a session token.
#[derive(Debug, Clone)]
pub struct Claims<'a> {
    /// Session id (`sid`).
    pub session_id: &'a str,
    /// User id (`sub`).
    pub user_id: &'a str,
    /// Issuer: the FAPI origin (`iss`).
    pub issuer: &'a str,
    /// Authorized party: the calling page's origin (`azp`), when known.
    pub authorized_party: Option<&'a str>,
    /// The organization the token is for (`org_id`), if any.
    pub organization_id: Option<&'a str>,
    /// Issued at, epoch seconds.
    pub now_secs: i64,
}

impl Keys {
    /// Signs a session token with Clerk's claim set.
    pub fn sign(&self, claims: &Claims<'_>) -> String {
        let mut payload = json!({
            "sid": claims.session_id,
            "sub": claims.user_id,
            "iss": claims.issuer,
            "iat": claims.now_secs,
            // Clerk back-dates nbf a little to tolerate clock skew.
            "nbf": claims.now_secs - 10,
            "exp": claims.now_secs + TOKEN_TTL_SECS,
            "v": 2,
            "sts": "active",
            "fva": [0, -1],
        });
        if let Some(obj) = payload.as_object_mut() {
            if let Some(azp) = claims.authorized_party {
                obj.insert("azp".into(), json!(azp));
            }
            if let Some(org) = claims.organization_id {
                obj.insert("org_id".into(), json!(org));
            }
        }
        self.sign_payload(&payload)
    }

    /// Signs any claim set (JWT templates build their own).
    pub fn sign_payload(&self, payload: &Value) -> String {
        let header = json!({ "alg": "RS256", "kid": self.kid, "typ": "JWT" });
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(payload.to_string())
        );
        let signature = self.signer.sign(signing_input.as_bytes()).to_vec();
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }

    /// The public key as a JWKS document.
    pub fn jwks(&self) -> Value {
        let public = self.private.to_public_key();
        json!({
            "keys": [{
                "kid": self.kid,
                "alg": "RS256",
                "use": "sig",
                "kty": "RSA",
                "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
                "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
            }]
        })
    }
}
