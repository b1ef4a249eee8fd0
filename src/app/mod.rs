//! The Yew shell: turns DOM events into [`Action`]s and state into HTML. Decides nothing.

pub(crate) mod components;
mod pages;
pub mod storage;

use crate::i18n::{Lang, Msg};
use crate::state::{Action, AppState};
use std::rc::Rc;
use yew::prelude::*;

/// The reducer that owns the app state; the logic is the pure [`AppState::reduce`].
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.reduce(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}

/// What every component reads: the language and a way to dispatch.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<Store>,
}

impl Ctx {
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang)
    }
}

#[component]
pub fn App() -> Html {
    let store = use_reducer(|| Store(AppState::new(storage::load_prefs())));
    let state = &store.0;

    // Persist preferences whenever they change, and keep <html lang> true for screen readers.
    use_effect_with(state.prefs.clone(), |prefs| {
        storage::save_prefs(prefs);
        storage::set_document_lang(prefs.lang);
    });
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                storage::watch_offline_ready(move || dispatch.dispatch(Action::OfflineReady));
            move || drop(listener)
        });
    }

    let ctx = Ctx {
        lang: state.prefs.lang,
        dispatch: store.dispatcher(),
    };
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <a class="skip-link" href="#main">{ ctx.t(Msg::SkipToContent) }</a>
            <components::Header />
            <main id="main" tabindex="-1">
                <pages::Start offline_ready={state.offline_ready} />
            </main>
            <footer class="app-footer">{ ctx.t(Msg::FooterNote) }</footer>
        </ContextProvider<Ctx>>
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
