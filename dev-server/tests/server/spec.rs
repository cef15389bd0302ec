//! A validator for responses against Clerk's FAPI OpenAPI spec
//! (`../shared/spec/clerk-fapi-2026-05-12.yml`): the status must be one the operation
//! declares, and a JSON body must satisfy the declared schema (types, `required`,
//! `enum`, `nullable`, `additionalProperties`, `allOf`, `oneOf`, `anyOf`, `items`).
//! `pattern` and `format` are not checked.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

/// Where the spec is: `CLERK_FAPI_SPEC`, else `../shared/spec/...` from the project root.
pub fn spec_path() -> PathBuf {
    std::env::var_os("CLERK_FAPI_SPEC").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../shared/spec/clerk-fapi-2026-05-12.yml")
        },
        PathBuf::from,
    )
}

/// The parsed spec, or `None` when the file is missing (the conformance test reports it).
pub fn spec() -> Option<&'static Spec> {
    static SPEC: OnceLock<Option<Spec>> = OnceLock::new();
    SPEC.get_or_init(|| {
        let text = std::fs::read_to_string(spec_path()).ok()?;
        let doc: Value = serde_yaml::from_str(&text).expect("the spec is valid YAML");
        Some(Spec { doc })
    })
    .as_ref()
}

/// The spec document.
pub struct Spec {
    doc: Value,
}

impl Spec {
    fn resolve<'a>(&'a self, mut schema: &'a Value) -> &'a Value {
        while let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let pointer = r.trim_start_matches('#');
            schema = self
                .doc
                .pointer(pointer)
                .unwrap_or_else(|| panic!("dangling $ref {r}"));
        }
        schema
    }

    /// The operation for a concrete path: literal segments beat `{templates}`.
    fn operation(&self, method: &str, path: &str) -> Option<&Value> {
        let paths = self.doc.get("paths")?.as_object()?;
        let segs: Vec<&str> = path.split('/').collect();
        paths
            .iter()
            .filter_map(|(template, item)| {
                let t: Vec<&str> = template.split('/').collect();
                if t.len() != segs.len() {
                    return None;
                }
                let mut wildcards = 0;
                for (a, b) in t.iter().zip(&segs) {
                    if a.starts_with('{') && a.ends_with('}') && !b.is_empty() {
                        wildcards += 1;
                    } else if a != b {
                        return None;
                    }
                }
                Some((wildcards, item.get(method.to_ascii_lowercase())?))
            })
            .min_by_key(|(w, _)| *w)
            .map(|(_, op)| op)
    }

    /// Checks one response. Requests to operations the spec does not have (unknown
    /// routes) must answer a `ClerkErrors` body.
    pub fn check(&self, method: &str, path: &str, status: u16, body: &[u8]) -> Result<(), String> {
        let Some(op) = self.operation(method, path) else {
            let errors = self.doc.pointer("/components/schemas/ClerkErrors").unwrap();
            return self.check_json(
                errors,
                body,
                &format!("{method} {path} (no such operation)"),
            );
        };
        let responses = op.get("responses").ok_or("operation without responses")?;
        let response = responses
            .get(status.to_string())
            .or_else(|| responses.get("default"))
            .ok_or_else(|| {
                let allowed: Vec<&String> = responses.as_object().unwrap().keys().collect();
                format!("{method} {path}: status {status} is not allowed (spec allows {allowed:?})")
            })?;
        let response = self.resolve(response);
        let Some(schema) = response.pointer("/content/application~1json/schema") else {
            return Ok(()); // No body declared (e.g. POST /v1/dev_browser).
        };
        self.check_json(schema, body, &format!("{method} {path} {status}"))
    }

    fn check_json(&self, schema: &Value, body: &[u8], what: &str) -> Result<(), String> {
        let value: Value =
            serde_json::from_slice(body).map_err(|e| format!("{what}: body is not JSON ({e})"))?;
        let mut errors = Vec::new();
        self.validate(schema, &value, "$", &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!("{what}: {}", errors.join("; ")))
        }
    }

    /// Appends every violation of `schema` by `value` (at JSON path `at`) to `errors`.
    pub fn validate(&self, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
        let schema = self.resolve(schema);
        if value.is_null() {
            if schema.get("nullable").and_then(Value::as_bool) == Some(true) {
                return;
            }
            if schema.get("type").is_some() || schema.get("enum").is_some() {
                errors.push(format!("{at}: null but not nullable"));
                return;
            }
        }
        if let Some(t) = schema.get("type").and_then(Value::as_str) {
            let ok = match t {
                "string" => value.is_string(),
                "integer" => value.is_i64() || value.is_u64(),
                "number" => value.is_number(),
                "boolean" => value.is_boolean(),
                "array" => value.is_array(),
                "object" => value.is_object(),
                _ => true,
            };
            if !ok {
                errors.push(format!("{at}: expected {t}, got {value}"));
                return;
            }
        }
        if let Some(options) = schema.get("enum").and_then(Value::as_array) {
            if !options.contains(value) {
                errors.push(format!("{at}: {value} is not one of {options:?}"));
            }
        }
        for sub in schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.validate(sub, value, at, errors);
        }
        if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
            let matching = options
                .iter()
                .filter(|s| self.matches(s, value, at))
                .count();
            if matching != 1 {
                errors.push(format!(
                    "{at}: matches {matching} of oneOf (exactly 1 required)"
                ));
            }
        }
        if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
            if !options.iter().any(|s| self.matches(s, value, at)) {
                errors.push(format!("{at}: matches none of anyOf"));
            }
        }
        if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
            for (i, item) in array.iter().enumerate() {
                self.validate(items, item, &format!("{at}[{i}]"), errors);
            }
        }
        if let Some(object) = value.as_object() {
            self.validate_object(schema, object, at, errors);
        }
    }

    fn validate_object(
        &self,
        schema: &Value,
        object: &serde_json::Map<String, Value>,
        at: &str,
        errors: &mut Vec<String>,
    ) {
        let props = schema.get("properties").and_then(Value::as_object);
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap();
            if !object.contains_key(name) {
                errors.push(format!("{at}: required field `{name}` is missing"));
            }
        }
        for (key, v) in object {
            match props.and_then(|p| p.get(key)) {
                Some(prop) => self.validate(prop, v, &format!("{at}.{key}"), errors),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        errors.push(format!("{at}: field `{key}` is not allowed"));
                    }
                    Some(extra @ Value::Object(_)) => {
                        self.validate(extra, v, &format!("{at}.{key}"), errors);
                    }
                    _ => {}
                },
            }
        }
    }

    fn matches(&self, schema: &Value, value: &Value, at: &str) -> bool {
        let mut errors = Vec::new();
        self.validate(schema, value, at, &mut errors);
        errors.is_empty()
    }
}
