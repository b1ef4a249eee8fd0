//! Downloads: the submission file the reducer made (`Export`) handed to the browser, then the
//! reducer told (`Downloaded`). A 报送包 is made here, of the submission and the evidence
//! files' bytes this browser kept (`core::package::write`); a file it no longer has, or one
//! that changed, is said (`ExportFailed`) and nothing is downloaded.

use crate::app::browser::{drafts, files};
use crate::app::Store;
use crate::core::export::ExportError;
use crate::state::{Action, AppState, Notice};
use std::collections::BTreeMap;
use yew::prelude::*;

#[hook]
pub fn use_download(state: &AppState, dispatch: &UseReducerDispatcher<Store>) {
    let file = state.download.clone();
    let dispatch = dispatch.clone();
    use_effect_with(file, move |file| {
        let Some(file) = file.clone() else {
            return;
        };
        let Some(evidence) = file.evidence.clone() else {
            let saved = files::download(&file.name, &file.text, "application/json").is_ok();
            dispatch.dispatch(Action::Downloaded { saved });
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let mut bytes = BTreeMap::new();
            for a in &evidence {
                if !bytes.contains_key(&a.sha256) {
                    if let Some(b) = drafts::evidence(&a.sha256).await {
                        bytes.insert(a.sha256.clone(), b);
                    }
                }
            }
            match crate::core::package::write(&file.text, &evidence, &bytes, &file.exported) {
                Ok(zip) => {
                    let saved = files::download_bytes(&file.name, &zip, "application/zip").is_ok();
                    dispatch.dispatch(Action::Downloaded { saved });
                }
                Err(problem) => {
                    dispatch.dispatch(Action::Downloaded { saved: false });
                    dispatch.dispatch(Action::Notify(Notice::ExportFailed {
                        error: ExportError::Package { problem },
                    }));
                }
            }
        });
    });
}
