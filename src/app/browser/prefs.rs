//! Preferences in localStorage, so the first paint is already in the right language (the
//! drafts and the place to return to are in IndexedDB, see `drafts`).

use crate::state::Prefs;
use gloo::storage::{LocalStorage, Storage};

/// The saved preferences, or the defaults when none are stored or they cannot be read.
pub fn load() -> Prefs {
    LocalStorage::get(Prefs::STORAGE_KEY).unwrap_or_default()
}

/// Saves the preferences; returns whether it worked (storage may be full or disabled).
pub fn save(prefs: &Prefs) -> bool {
    LocalStorage::set(Prefs::STORAGE_KEY, prefs).is_ok()
}

/// Whether this browser keeps county settings, where county.html's first script can read it
/// before the wasm (scripts/compat.js): an officer with settings is not shown the first-visit
/// page's "未设置" while county mode loads.
const COUNTY_SETTINGS_KEY: &str = "ziping.county-settings.v1";

pub fn mark_county_settings(kept: bool) {
    if kept {
        let _ = LocalStorage::set(COUNTY_SETTINGS_KEY, true);
    } else {
        LocalStorage::delete(COUNTY_SETTINGS_KEY);
    }
}
