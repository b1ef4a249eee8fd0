//! Autosave: an effect on the state. The reducer decides when a save starts (`Flush`) and
//! holds the draft being written (`saving`); this hook runs the timer, flushes when the page
//! is hidden, and performs the write it is given.

use crate::app::browser::{clock, drafts, page};
use crate::app::Store;
use crate::state::{Action, AppState};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long after the first unsaved change a save starts (again after each save while typing
/// goes on). Short: a page that goes writes a rescue of what waits, but a browser closed
/// 0.3 s after the last keystroke lost it one time in three (the rescue's transaction not
/// always kept when the whole browser goes), while with the save under way by then it was
/// kept every time.
const DELAY_MS: u32 = 150;

#[hook]
pub fn use_autosave(store: &UseReducerHandle<Store>, dispatch: &UseReducerDispatcher<Store>) {
    let state: &AppState = &store.0;
    // The state as it is now, for the listeners below (made once).
    let latest = use_mut_ref(|| store.clone());
    *latest.borrow_mut() = store.clone();
    // The timer: restarted when a save finishes, not by each keystroke.
    {
        let dispatch = dispatch.clone();
        use_effect_with(
            (state.wants_save(), state.saver.stored()),
            move |&(wants, _)| {
                let timer =
                    wants.then(|| Timeout::new(DELAY_MS, move || dispatch.dispatch(Action::Flush)));
                move || drop(timer)
            },
        );
    }
    // Going, hidden or closed: what waits is written at once beside the draft (a rescue the
    // next load applies, in case the page is gone before the save below finishes), and saved.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            // The revision rescued last: a page going fires several of these events, and a tab
            // switched away from and back to fires them again with nothing new.
            let rescued = std::cell::RefCell::new(None::<(String, u64)>);
            let listeners = page::on_hide(move || {
                if let Some((draft, base, summary)) = latest.borrow().0.unsaved() {
                    let this = Some((draft.id.clone(), draft.revision));
                    if *rescued.borrow() != this && drafts::rescue(draft, base, &summary) {
                        *rescued.borrow_mut() = this;
                    }
                }
                dispatch.dispatch(Action::Flush);
            });
            move || drop(listeners)
        });
    }
    // The write the reducer asked for, once per draft revision.
    let key = state.saving.as_ref().map(|d| (d.id.clone(), d.revision));
    let job = state
        .saving
        .clone()
        .zip(state.saving_summary())
        .map(|(draft, summary)| (draft, state.saver.stored(), summary));
    let dispatch = dispatch.clone();
    use_effect_with(key, move |_| {
        if let Some((draft, base, summary)) = job {
            wasm_bindgen_futures::spawn_local(async move {
                match drafts::save(&draft, base, &summary).await {
                    drafts::SaveOutcome::Saved => {
                        dispatch.dispatch(Action::Saved {
                            revision: draft.revision,
                            at: clock::clock_now(),
                        });
                        dispatch.dispatch(Action::DraftsListed(drafts::list().await));
                    }
                    drafts::SaveOutcome::Newer(theirs) => {
                        dispatch.dispatch(Action::Conflict { theirs })
                    }
                    drafts::SaveOutcome::Gone => dispatch.dispatch(Action::SaveFoundDeleted),
                    drafts::SaveOutcome::Failed => dispatch.dispatch(Action::SaveFailed),
                }
            });
        }
    });
}
