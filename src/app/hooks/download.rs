//! Downloads: the submission file the reducer made (`Export`) handed to the browser, then the
//! reducer told (`Downloaded`).

use crate::app::browser::files;
use crate::app::Store;
use crate::state::{Action, AppState};
use yew::prelude::*;

#[hook]
pub fn use_download(state: &AppState, dispatch: &UseReducerDispatcher<Store>) {
    let file = state.download.clone();
    let dispatch = dispatch.clone();
    use_effect_with(file, move |file| {
        if let Some(file) = file {
            let (name, text) = &**file;
            let saved = files::download(name, text, "application/json").is_ok();
            dispatch.dispatch(Action::Downloaded { saved });
        }
    });
}
