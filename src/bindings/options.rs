//! JS option objects → typed Rust, through serde: each object is a `#[derive(Deserialize)]`
//! struct with ClerkJS's camelCase names, filled by `serde_wasm_bindgen`.
//!
//! The rules, the same for every object:
//! - `undefined` or `null` for the whole object, or for one field, means the default.
//! - Unknown fields are ignored: ClerkJS takes many options this SDK does not implement
//!   (`standardBrowser`, `signUpUrl`, `getToken`'s `leewayInSeconds`, ...), and an app written for
//!   ClerkJS passes them.
//! - A field this SDK reads that has the wrong type is an `invalid_option`
//!   [`ClerkError::InvalidOption`] naming the field (ClerkJS would fail later, or silently
//!   do something else, such as sign out every session for a numeric `sessionId`). So is
//!   an options argument that is not an object. The exceptions are the user button's
//!   `appearance` and `localization`, read as ClerkJS reads them: a field of the wrong type
//!   in them is ignored (see [`Lenient`]).

use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::options::lenient::{Lenient, TextMap};
use crate::options::{Appearance, Localization, ThemeJs};
use crate::{ClerkError, ClerkOptions, GetTokenOptions, LoadOptions, SignOutOptions};

/// A field's JS name and what its value must be (the `reason` of the error).
type Field = (&'static str, &'static str);

const STRING: &str = "it must be a string";

/// Reads the options object `value` into `T`: see the module's rules. `what` names the
/// argument when it is not an object at all; `fields` names the fields `T` reads, every one
/// of them optional.
fn read<T: DeserializeOwned + Default>(
    value: &JsValue,
    what: &'static str,
    fields: &[Field],
) -> Result<T, ClerkError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let read = |value| serde_wasm_bindgen::from_value::<T>(value);
    read(value.clone()).map_err(|_| culprit(value, what, fields, &|alone| read(alone).is_err()))
}

/// The error naming the field of `value` that `fails` to read. serde's error does not say
/// which one it was; every field is optional, so it is the first that fails alone.
/// (`serde_path_to_error` would name it for any struct, but cost 2.3 KB gzip more of wasm:
/// 69,701 B against 67,420 B of script-tag payload.)
fn culprit(
    value: &JsValue,
    what: &'static str,
    fields: &[Field],
    fails: &dyn Fn(JsValue) -> bool,
) -> ClerkError {
    let alone = |name: &str| {
        let object = Object::new();
        let _ = Reflect::set(&object, &name.into(), &crate::browser::prop(value, name));
        object.into()
    };
    let field = fields.iter().find(|(name, _)| fails(alone(name)));
    let (name, reason) = field.copied().unwrap_or((what, "it must be an object"));
    ClerkError::InvalidOption { name, reason }
}

/// A JS function, or `None` for `undefined`/`null` (kept as is: serde has no function type).
fn optional_function<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Function>, D::Error> {
    let value: JsValue = serde_wasm_bindgen::preserve::deserialize(de)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into()
        .map(Some)
        .map_err(|_| D::Error::custom("expected a function"))
}

/// `new Clerk(key, { proxyUrl, domain })`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ClerkOptionsJs {
    proxy_url: Option<String>,
    domain: Option<String>,
}

pub(crate) fn clerk_options(value: &JsValue) -> Result<ClerkOptions, ClerkError> {
    let fields = [("proxyUrl", STRING), ("domain", STRING)];
    let options: ClerkOptionsJs = read(value, "new Clerk(key, options)", &fields)?;
    Ok(ClerkOptions {
        proxy_url: options.proxy_url,
        domain: options.domain,
    })
}

/// `clerk.load(options)`: the options the core reads (see the module docs for the others).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct LoadOptionsJs {
    after_sign_out_url: Option<String>,
    after_multi_session_single_sign_out_url: Option<String>,
    sign_in_url: Option<String>,
    user_profile_url: Option<String>,
    allowed_redirect_protocols: Option<Vec<String>>,
    #[serde(default, deserialize_with = "optional_function")]
    router_push: Option<Function>,
    // The user button's two options, read here with the rest in one pass over the object
    // (a second pass of their own cost 247 B gzip more of script-tag payload).
    #[serde(default)]
    appearance: Lenient<AppearanceJs>,
    #[serde(default)]
    localization: Lenient<Localization>,
}

pub(crate) fn load_options(value: &JsValue) -> Result<LoadOptions, ClerkError> {
    let fields = [
        ("afterSignOutUrl", STRING),
        ("afterMultiSessionSingleSignOutUrl", STRING),
        ("signInUrl", STRING),
        ("userProfileUrl", STRING),
        ("allowedRedirectProtocols", "it must be an array of strings"),
        ("routerPush", "it must be a function"),
    ];
    let options: LoadOptionsJs = read(value, "load(options)", &fields)?;
    Ok(LoadOptions {
        after_sign_out_url: options.after_sign_out_url,
        after_multi_session_single_sign_out_url: options.after_multi_session_single_sign_out_url,
        sign_in_url: options.sign_in_url,
        user_profile_url: options.user_profile_url,
        allowed_redirect_protocols: options.allowed_redirect_protocols.unwrap_or_default(),
        router_push: options.router_push.map(router_push),
        appearance: options.appearance.0.into(),
        localization: options.localization.0,
    })
}

/// `appearance` (a load option and a user button prop), read as [`Appearance`]'s own
/// `Deserialize` reads it, except that `baseTheme`, a palette's name or a theme object, is
/// told apart on its `JsValue` instead of by serde's `deserialize_any`: serde-wasm-bindgen's
/// instance of that (every JS type: BigInts, Maps, byte arrays...) cost 1,099 B gzip more
/// of script-tag payload (110,010 B against 108,911 B).
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AppearanceJs {
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    base_theme: JsValue,
    #[serde(default)]
    variables: Lenient<TextMap>,
    #[serde(default)]
    elements: Lenient<TextMap>,
}

/// The fields of a theme object this SDK reads (`@clerk/themes`' `dark` has these).
#[derive(Deserialize)]
struct ThemeObjectJs {
    #[serde(default)]
    variables: Lenient<TextMap>,
    #[serde(default)]
    elements: Lenient<TextMap>,
}

impl From<AppearanceJs> for Appearance {
    fn from(js: AppearanceJs) -> Self {
        let theme = match js.base_theme.as_string() {
            Some(name) => ThemeJs::named(&name),
            None if js.base_theme.is_object() => {
                serde_wasm_bindgen::from_value::<ThemeObjectJs>(js.base_theme)
                    .map(|t| ThemeJs::object(t.variables.0 .0, t.elements.0 .0))
                    .unwrap_or_default()
            }
            None => ThemeJs::default(),
        };
        Self::layered(theme, js.variables.0 .0, js.elements.0 .0)
    }
}

/// The app's `routerPush` as the core calls it. What it returns (perhaps a promise) is not
/// awaited, as in ClerkJS; a throw is reported on the console.
fn router_push(push: Function) -> Rc<dyn Fn(&str)> {
    Rc::new(move |to: &str| {
        if let Err(err) = push.call1(&JsValue::NULL, &JsValue::from_str(to)) {
            crate::browser::report("Clerk: routerPush threw", &err);
        }
    })
}

/// `signOut`'s options object.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SignOutOptionsJs {
    session_id: Option<String>,
    redirect_url: Option<String>,
}

/// `signOut(a?, b?)` → options and an optional callback: `signOut()`, `signOut(callback)`,
/// `signOut(options)`, `signOut(callback, options)`. After an options object, a second
/// argument is taken as the callback if it is a function and ignored otherwise.
pub(crate) fn sign_out_args(
    a: &JsValue,
    b: &JsValue,
) -> Result<(SignOutOptions, Option<Function>), ClerkError> {
    let (callback, options) = match a.dyn_ref::<Function>() {
        Some(callback) => (Some(callback.clone()), b),
        None => (b.dyn_ref::<Function>().cloned(), a),
    };
    let fields = [("sessionId", STRING), ("redirectUrl", STRING)];
    let options: SignOutOptionsJs = read(options, "signOut(options)", &fields)?;
    let options = SignOutOptions {
        session_id: options.session_id,
        redirect_url: options.redirect_url,
    };
    Ok((options, callback))
}

/// What `setActive({ session })` asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SessionChoice {
    /// Make this session current.
    Id(String),
    /// `session: null`: sign out locally, without a request.
    SignedOut,
    /// `session` left out: the current session stays (ClerkJS's `session === undefined`
    /// means the current one; the organization it would switch does not exist here).
    Current,
}

#[derive(Deserialize, Default)]
struct SetActiveParamsJs {
    /// A session id, a session object or `null`: a union serde-derive cannot tell apart
    /// without buffering, so it is taken as is and read by [`set_active_params`].
    #[serde(
        default,
        deserialize_with = "serde_wasm_bindgen::preserve::deserialize"
    )]
    session: JsValue,
}

/// An object with a session's `id` (a `Session` object, or any `{ id }`).
#[derive(Deserialize)]
struct SessionRef {
    id: String,
}

pub(crate) fn set_active_params(value: &JsValue) -> Result<SessionChoice, ClerkError> {
    const SESSION: Field = (
        "session",
        "it must be a session id, a session object or null",
    );
    let params: SetActiveParamsJs = read(value, "setActive(params)", &[SESSION])?;
    let session = params.session;
    if session.is_undefined() {
        return Ok(SessionChoice::Current);
    }
    if session.is_null() {
        return Ok(SessionChoice::SignedOut);
    }
    let id = match session.as_string() {
        Some(id) => Some(id),
        None if session.is_object() => serde_wasm_bindgen::from_value::<SessionRef>(session)
            .ok()
            .map(|s| s.id),
        None => None,
    };
    let (name, reason) = SESSION;
    id.map(SessionChoice::Id)
        .ok_or(ClerkError::InvalidOption { name, reason })
}

/// `session.getToken({ template, organizationId, skipCache })`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct GetTokenOptionsJs {
    template: Option<String>,
    /// `null` is the personal account, as in ClerkJS; left out, the last active one.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    organization_id: JsValue,
    skip_cache: Option<bool>,
}

/// `getToken(options)`'s options.
pub(crate) fn get_token_options(value: &JsValue) -> Result<GetTokenOptions, ClerkError> {
    const ORG: Field = ("organizationId", "it must be a string or null");
    let fields = [
        ("template", STRING),
        ORG,
        ("skipCache", "it must be a boolean"),
    ];
    let options: GetTokenOptionsJs = read(value, "getToken(options)", &fields)?;
    let org = &options.organization_id;
    let organization_id = match org.as_string() {
        _ if org.is_undefined() => None,
        _ if org.is_null() => Some(String::new()),
        Some(id) => Some(id),
        None => {
            return Err(ClerkError::InvalidOption {
                name: ORG.0,
                reason: ORG.1,
            })
        }
    };
    Ok(GetTokenOptions {
        template: options.template,
        organization_id,
        skip_cache: options.skip_cache.unwrap_or(false),
    })
}
