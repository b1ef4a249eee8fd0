use crate::app::Ctx;
use crate::i18n::Msg;
use crate::state::Action;
use yew::prelude::*;

/// The title bar with the language toggle.
pub fn header(ctx: &Ctx) -> Html {
    let onclick = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleLang))
    };
    html! {
        <header class="app-header">
            <div class="brand">
                <img class="brand-icon" src="/icons/icon.svg" alt="" width="36" height="36" />
                <div>
                    <h1 class="brand-name" data-testid="app-name">{ ctx.t(Msg::AppName) }</h1>
                    <p class="brand-tagline">{ ctx.t(Msg::AppTagline) }</p>
                </div>
            </div>
            // The visible text is the accessible name, in its own language; the title explains.
            <button type="button" class="lang-toggle" data-testid="lang-toggle" lang={ctx.lang.other().tag()}
                title={ ctx.t(Msg::LangToggleLabel) } {onclick}>
                { ctx.t(Msg::LangToggle) }
            </button>
        </header>
    }
}
