//! A button's resolved appearance: the instance's (`appearance` load option) with the
//! button's own on top. Variables become the stylesheet's custom properties, `elements` add
//! class names to parts, and `base_theme` pins a palette.

use crate::options::{Appearance, BaseTheme};

/// `appearance.variables` names → the custom property each sets on `.cl-userButtonBox`
/// (see `styles.rs`). `colorForeground` and `colorMutedForeground` are Clerk's newer names.
const VARIABLES: [(&str, &str); 10] = [
    ("colorPrimary", "--cl-p"),
    ("colorBackground", "--cl-bg"),
    ("colorText", "--cl-fg"),
    ("colorForeground", "--cl-fg"),
    ("colorTextSecondary", "--cl-fg2"),
    ("colorMutedForeground", "--cl-fg2"),
    ("colorDanger", "--cl-danger"),
    ("fontFamily", "--cl-font"),
    ("fontSize", "--cl-fs"),
    ("borderRadius", "--cl-r"),
];

/// What a button's appearance resolves to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Theme {
    /// The pinned palette; `None` follows `prefers-color-scheme`.
    pub(crate) palette: Option<BaseTheme>,
    /// `(custom property, value)`, in order: a later one overrides an earlier one.
    pub(crate) properties: Vec<(&'static str, String)>,
    /// `(part, classes)`: extra classes for `cl-<part>`, in order.
    extras: Vec<(String, String)>,
}

impl Theme {
    /// The instance's appearance, then the button's own over it.
    pub(crate) fn resolve(instance: &Appearance, own: &Appearance) -> Self {
        let mut theme = Self::default();
        for layer in [instance, own] {
            if layer.base_theme.is_some() {
                theme.palette = layer.base_theme;
            }
            for (name, value) in &layer.variables {
                let property = VARIABLES.iter().find(|(n, _)| n == name);
                if let Some((_, property)) = property.filter(|_| is_safe_value(value)) {
                    theme.properties.push((property, value.clone()));
                }
            }
            theme.extras.extend(layer.elements.iter().cloned());
        }
        theme
    }

    /// `classes` (`"cl-a cl-b"`) followed by the `appearance.elements` classes of each of
    /// those parts, as one `class` attribute value.
    pub(crate) fn classes(&self, classes: &str) -> String {
        let mut out = String::from(classes);
        for part in classes.split(' ').filter_map(|c| c.strip_prefix("cl-")) {
            for (_, extra) in self.extras.iter().filter(|(p, _)| p == part) {
                out.push(' ');
                out.push_str(extra);
            }
        }
        out
    }

    /// The `data-cl-theme` value pinning the palette, if any.
    pub(crate) fn palette_attribute(&self) -> Option<&'static str> {
        self.palette.map(|p| match p {
            BaseTheme::Light => "light",
            BaseTheme::Dark => "dark",
        })
    }
}

/// A theme value is a colour, a length or a font list: one that could fetch something
/// (`url(`, `image(`) or end its declaration or rule is refused.
fn is_safe_value(value: &str) -> bool {
    let has = |needle: &[u8]| {
        (value.as_bytes().windows(needle.len())).any(|w| w.eq_ignore_ascii_case(needle))
    };
    !value.is_empty()
        && value.len() <= 200
        && !has(b"url(")
        && !has(b"image")
        && !value.contains([';', '{', '}', '\\', '<'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn theme_values_that_could_fetch_or_escape_are_refused() {
        for ok in ["#6c47ff", "rgb(1, 2, 3)", "Inter, system-ui", "0.5rem"] {
            assert!(is_safe_value(ok), "{ok}");
        }
        for bad in [
            "URL(https://x.test)",
            "image-set(a)",
            "red; color: blue",
            "}",
            "",
            "a\\62",
        ] {
            assert!(!is_safe_value(bad), "{bad}");
        }
    }

    #[test]
    fn the_buttons_own_appearance_layers_over_the_instances() {
        let instance = Appearance {
            base_theme: Some(BaseTheme::Dark),
            variables: pairs(&[("colorPrimary", "#111"), ("colorText", "url(x)")]),
            elements: pairs(&[("userButtonTrigger", "a")]),
        };
        let own = Appearance {
            base_theme: None,
            variables: pairs(&[
                ("colorPrimary", "#222"),
                ("nope", "1"),
                ("colorForeground", "#eee"),
            ]),
            elements: pairs(&[("userButtonTrigger", "b c"), ("userButtonBox", "d")]),
        };
        let theme = Theme::resolve(&instance, &own);
        assert_eq!(theme.palette_attribute(), Some("dark"));
        assert_eq!(
            theme.properties,
            [
                ("--cl-p", "#111".to_owned()),
                ("--cl-p", "#222".to_owned()),
                ("--cl-fg", "#eee".to_owned()),
            ]
        );
        assert_eq!(
            theme.classes("cl-userButtonTrigger"),
            "cl-userButtonTrigger a b c"
        );
        assert_eq!(
            theme.classes("cl-userButtonBox cl-rootBox"),
            "cl-userButtonBox cl-rootBox d"
        );
        let light = Appearance {
            base_theme: Some(BaseTheme::Light),
            ..Appearance::default()
        };
        assert_eq!(
            Theme::resolve(&instance, &light).palette_attribute(),
            Some("light")
        );
        assert_eq!(Theme::resolve(&Appearance::default(), &own).palette, None);
    }
}
