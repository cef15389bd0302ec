//! How the user button looks and what it says: [`Appearance`] and [`Localization`], given to
//! `load()` for every button of an instance (ClerkJS's load options of the same names) and to
//! each button as props. Plain data; read from JavaScript objects of ClerkJS's shapes, where
//! a field of the wrong type is ignored rather than an error.

use core::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::lenient::{Lenient, TextMap};

/// Theming: the palette, CSS variables and extra class names per part.
///
/// JS: `{baseTheme, variables: {colorPrimary: "#0a7", ...}, elements: {userButtonTrigger:
/// "my-class", ...}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "AppearanceJs")]
pub struct Appearance {
    /// Pins the light or dark palette; `None` follows the operating system
    /// (`prefers-color-scheme`).
    ///
    /// JS: `"light"` or `"dark"`, or a theme object such as `@clerk/themes`' `dark`: its
    /// `variables` and `elements` apply beneath this appearance's own (they come first in
    /// [`Appearance::variables`] and [`Appearance::elements`]), and its palette is the one
    /// its `colorBackground` calls for when that is a hex colour, `black` or `white` (a
    /// dark background pins [`BaseTheme::Dark`]).
    pub base_theme: Option<BaseTheme>,
    /// `(name, value)` pairs: `colorPrimary`, `colorBackground`, `colorText` (or
    /// `colorForeground`), `colorTextSecondary` (or `colorMutedForeground`), `colorDanger`,
    /// `fontFamily`, `fontSize`, `borderRadius`. Unknown names are ignored; a later pair
    /// overrides an earlier one.
    pub variables: Vec<(String, String)>,
    /// `(part, classes)` pairs: a part name without the `cl-` prefix (`"userButtonTrigger"`)
    /// and space-separated class names added to that part.
    pub elements: Vec<(String, String)>,
}

/// A palette to pin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseTheme {
    /// Light, whatever the operating system prefers.
    Light,
    /// Dark, whatever the operating system prefers.
    Dark,
}

/// The JS shape of an [`Appearance`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppearanceJs {
    #[serde(default)]
    base_theme: Lenient<ThemeJs>,
    #[serde(default)]
    variables: Lenient<TextMap>,
    #[serde(default)]
    elements: Lenient<TextMap>,
}

/// `baseTheme`: a palette's name, or a theme object.
#[derive(Default)]
pub(crate) struct ThemeJs {
    palette: Option<BaseTheme>,
    variables: Vec<(String, String)>,
    elements: Vec<(String, String)>,
}

impl ThemeJs {
    /// `"dark"` or `"light"` (in any case) pins that palette; any other name pins nothing.
    pub(crate) fn named(name: &str) -> Self {
        let palette = if name.eq_ignore_ascii_case("dark") {
            Some(BaseTheme::Dark)
        } else if name.eq_ignore_ascii_case("light") {
            Some(BaseTheme::Light)
        } else {
            None
        };
        Self {
            palette,
            ..Self::default()
        }
    }

    /// A theme object's `variables` and `elements`; its palette is the one its
    /// `colorBackground` calls for.
    pub(crate) fn object(
        variables: Vec<(String, String)>,
        elements: Vec<(String, String)>,
    ) -> Self {
        let background = variables
            .iter()
            .rev()
            .find(|(name, _)| name == "colorBackground");
        Self {
            palette: background.and_then(|(_, value)| palette_of_background(value)),
            variables,
            elements,
        }
    }
}

impl<'de> Deserialize<'de> for ThemeJs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ThemeVisitor)
    }
}

struct ThemeVisitor;

impl<'de> Visitor<'de> for ThemeVisitor {
    type Value = ThemeJs;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"light\", \"dark\" or a theme object")
    }

    fn visit_str<E>(self, name: &str) -> Result<ThemeJs, E> {
        Ok(ThemeJs::named(name))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ThemeJs, A::Error> {
        let (mut variables, mut elements) = (Vec::new(), Vec::new());
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "variables" => &mut variables,
                "elements" => &mut elements,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value::<Lenient<TextMap>>()?.0 .0;
        }
        Ok(ThemeJs::object(variables, elements))
    }
}

impl From<AppearanceJs> for Appearance {
    fn from(js: AppearanceJs) -> Self {
        Self::layered(js.base_theme.0, js.variables.0 .0, js.elements.0 .0)
    }
}

impl Appearance {
    /// An appearance from its JS parts: the `baseTheme` `theme` beneath its own `variables`
    /// and `elements`.
    pub(crate) fn layered(
        theme: ThemeJs,
        variables: Vec<(String, String)>,
        elements: Vec<(String, String)>,
    ) -> Self {
        let (mut all_variables, mut all_elements) = (theme.variables, theme.elements);
        all_variables.extend(variables);
        all_elements.extend(elements);
        Self {
            base_theme: theme.palette,
            variables: all_variables,
            elements: all_elements,
        }
    }
}

/// The palette a background colour calls for: dark when it is darker than mid-grey. Read
/// from `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `black` and `white`; `None` for anything
/// else (a colour function, a CSS variable), which leaves the choice to the OS.
pub(crate) fn palette_of_background(colour: &str) -> Option<BaseTheme> {
    let colour = colour.trim();
    let (r, g, b) = if colour.eq_ignore_ascii_case("black") {
        (0, 0, 0)
    } else if colour.eq_ignore_ascii_case("white") {
        (255, 255, 255)
    } else {
        hex_rgb(colour.strip_prefix('#')?)?
    };
    // Rec. 709 luma of the encoded channels: close enough to tell dark from light.
    let luma = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    Some(if luma < 128.0 {
        BaseTheme::Dark
    } else {
        BaseTheme::Light
    })
}

/// The red, green and blue of `rgb`, `rgba`, `rrggbb` or `rrggbbaa` hex digits.
fn hex_rgb(hex: &str) -> Option<(u8, u8, u8)> {
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [r, g, b] | [r, g, b, _] => Some((r * 17, g * 17, b * 17)),
        [r1, r2, g1, g2, b1, b2] | [r1, r2, g1, g2, b1, b2, _, _] => {
            Some((r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2))
        }
        _ => None,
    }
}

/// Every string the user button shows, overridable one by one. `None` keeps the English
/// default (in quotes below). JS: the same strings under `localization.userButton`, keys in
/// brackets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "LocalizationJs")]
pub struct Localization {
    /// The closed trigger's `aria-label`: "Open user menu" (`action__openUserMenu`).
    pub open_user_menu: Option<String>,
    /// The open trigger's `aria-label`: "Close user menu" (`action__closeUserMenu`).
    pub close_user_menu: Option<String>,
    /// The dialog's `aria-label`: "Account panel" (`popoverLabel`).
    pub account_panel: Option<String>,
    /// The actions group's `aria-label`: "Account actions" (`actionsLabel`).
    pub account_actions: Option<String>,
    /// "Manage account" (`action__manageAccount`).
    pub manage_account: Option<String>,
    /// "Sign out" (`action__signOut`).
    pub sign_out: Option<String>,
    /// The session list's heading: "Active sessions" (`sessionsLabel`).
    pub active_sessions: Option<String>,
    /// "Add account" (`action__addAccount`).
    pub add_account: Option<String>,
    /// "Sign out of all accounts" (`action__signOutAll`).
    pub sign_out_all: Option<String>,
    /// The development-instance footer: "Development mode" (`developmentMode`).
    pub development_mode: Option<String>,
    /// Shown when a failed request has no message of its own: "Something went wrong. Please
    /// try again." (`actionFailed`).
    pub action_failed: Option<String>,
}

/// The JS shape of a [`Localization`]: Clerk's, strings under `userButton`.
#[derive(Deserialize)]
struct LocalizationJs {
    #[serde(default, rename = "userButton")]
    user_button: Lenient<TextMap>,
}

impl From<LocalizationJs> for Localization {
    fn from(js: LocalizationJs) -> Self {
        let mut l = Self::default();
        for (key, text) in js.user_button.0 .0 {
            let field = match key.as_str() {
                "action__openUserMenu" => &mut l.open_user_menu,
                "action__closeUserMenu" => &mut l.close_user_menu,
                "popoverLabel" => &mut l.account_panel,
                "actionsLabel" => &mut l.account_actions,
                "action__manageAccount" => &mut l.manage_account,
                "action__signOut" => &mut l.sign_out,
                "sessionsLabel" => &mut l.active_sessions,
                "action__addAccount" => &mut l.add_account,
                "action__signOutAll" => &mut l.sign_out_all,
                "developmentMode" => &mut l.development_mode,
                "actionFailed" => &mut l.action_failed,
                _ => continue,
            };
            *field = Some(text);
        }
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn appearance(value: serde_json::Value) -> Appearance {
        serde_json::from_value::<Lenient<Appearance>>(value)
            .unwrap()
            .0
    }

    #[test]
    fn variables_and_elements_keep_their_string_entries() {
        let a = appearance(json!({
            "variables": {"colorPrimary": "#0a7", "colorText": 7},
            "elements": {"userButtonTrigger": "mine", "userButtonBox": ["x"]},
            "unknown": true
        }));
        assert_eq!(a.variables, [("colorPrimary".into(), "#0a7".into())]);
        assert_eq!(a.elements, [("userButtonTrigger".into(), "mine".into())]);
        assert_eq!(a.base_theme, None);
    }

    #[test]
    fn base_theme_names_pin_a_palette_and_anything_else_follows_the_os() {
        assert_eq!(
            appearance(json!({"baseTheme": "dark"})).base_theme,
            Some(BaseTheme::Dark)
        );
        assert_eq!(
            appearance(json!({"baseTheme": "Light"})).base_theme,
            Some(BaseTheme::Light)
        );
        for other in [json!("auto"), json!(3), json!(null), json!([1])] {
            assert_eq!(appearance(json!({ "baseTheme": other })).base_theme, None);
        }
    }

    #[test]
    fn a_theme_object_like_clerk_themes_dark_pins_dark_and_layers_beneath() {
        // The shape of `@clerk/themes`' `dark`: variables, style objects, a type tag.
        let dark = json!({
            "__type": "prebuilt_appearance",
            "variables": {"colorBackground": "#19191A", "colorText": "white"},
            "elements": {"providerIcon__github": {"filter": "invert(1)"}}
        });
        let a = appearance(json!({"baseTheme": dark, "variables": {"colorText": "#eee"}}));
        assert_eq!(a.base_theme, Some(BaseTheme::Dark));
        assert_eq!(
            a.variables,
            [
                ("colorBackground".into(), "#19191A".into()),
                ("colorText".into(), "white".into()),
                ("colorText".into(), "#eee".into()),
            ]
        );
        assert!(a.elements.is_empty(), "style objects are not class names");
        let light = json!({"variables": {"colorBackground": "#fafafa"}});
        assert_eq!(
            appearance(json!({ "baseTheme": light })).base_theme,
            Some(BaseTheme::Light)
        );
        let unknown = json!({"variables": {"colorBackground": "var(--card)"}});
        assert_eq!(appearance(json!({ "baseTheme": unknown })).base_theme, None);
    }

    #[test]
    fn background_colours_are_judged_dark_or_light() {
        for dark in ["#000", "#212126", "#19191A", "#3f3c77", "black", "#123c"] {
            assert_eq!(palette_of_background(dark), Some(BaseTheme::Dark), "{dark}");
        }
        for light in ["#fff", "#FAFAFA", "white", "#ffffff80", " #e0e0e0 "] {
            assert_eq!(
                palette_of_background(light),
                Some(BaseTheme::Light),
                "{light}"
            );
        }
        for unknown in ["", "#12", "#ggg", "rgb(0,0,0)", "hsl(0 0% 0%)", "#1234567"] {
            assert_eq!(palette_of_background(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn localization_reads_clerks_user_button_keys_and_ignores_other_types() {
        let l: Localization = serde_json::from_value::<Lenient<Localization>>(json!({
            "userButton": {"action__signOut": "Log out", "popoverLabel": 5,
                           "action__addAccount": null, "action__openUserMenu": "Menu"}
        }))
        .unwrap()
        .0;
        assert_eq!(l.sign_out.as_deref(), Some("Log out"));
        assert_eq!(l.open_user_menu.as_deref(), Some("Menu"));
        assert_eq!(l.account_panel, None);
        assert_eq!(l.add_account, None);
        let none = serde_json::from_value::<Lenient<Localization>>(json!("x")).unwrap();
        assert_eq!(none.0, Localization::default());
    }
}
