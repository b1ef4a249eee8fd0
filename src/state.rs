//! The app's state and its reducer: pure, no browser crates, tested natively.
//!
//! One reducer owns the state; every user change is an [`Action`]. The Yew shell wraps
//! [`AppState::reduce`] in `Reducible` and persists [`Prefs`] in an effect.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Preferences kept across visits (the language), as stored in the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub lang: Lang,
}

impl Prefs {
    /// The storage key; the suffix is the format version of the stored value.
    pub const STORAGE_KEY: &'static str = "ziping.prefs.v1";
}

/// Everything the app shows is derived from this.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    pub prefs: Prefs,
    /// Set once the service worker controls the page: the app then opens offline.
    pub offline_ready: bool,
}

/// Every change to [`AppState`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    ToggleLang,
    OfflineReady,
}

impl AppState {
    pub fn new(prefs: Prefs) -> Self {
        AppState {
            prefs,
            offline_ready: false,
        }
    }

    /// The state after `action`. Never fails: an action that changes nothing returns an equal state.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.prefs.lang = lang,
            Action::ToggleLang => next.prefs.lang = self.prefs.lang.other(),
            Action::OfflineReady => next.offline_ready = true,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_twice_returns_to_chinese() {
        let s = AppState::default();
        let once = s.reduce(Action::ToggleLang);
        assert_eq!(once.prefs.lang, Lang::En);
        assert_eq!(once.reduce(Action::ToggleLang).prefs.lang, Lang::Zh);
    }

    #[test]
    fn set_lang_and_offline_ready() {
        let s = AppState::default()
            .reduce(Action::SetLang(Lang::En))
            .reduce(Action::OfflineReady);
        assert_eq!(s.prefs.lang, Lang::En);
        assert!(s.offline_ready);
    }

    #[test]
    fn prefs_round_trip_as_stored() {
        let p = Prefs { lang: Lang::En };
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(text, r#"{"lang":"en"}"#);
        assert_eq!(serde_json::from_str::<Prefs>(&text).unwrap(), p);
    }
}
