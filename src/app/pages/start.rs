use crate::app::components::ChecklistList;
use crate::app::Ctx;
use crate::i18n::Msg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub offline_ready: bool,
}

/// The start page: what ziping is for, for each of its two kinds of user.
#[component]
pub fn Start(props: &StartProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let offline = if props.offline_ready {
        Msg::OfflineReady
    } else {
        Msg::OfflinePending
    };
    html! {
        <section class="start" data-testid="start-page" aria-labelledby="start-heading">
            <h2 id="start-heading">{ ctx.t(Msg::StartHeading) }</h2>
            <p class="lead">{ ctx.t(Msg::StartIntro) }</p>
            <div class="roles">
                <article class="card" data-testid="role-principal">
                    <h3>{ ctx.t(Msg::RolePrincipal) }</h3>
                    <p>{ ctx.t(Msg::RolePrincipalText) }</p>
                </article>
                <article class="card" data-testid="role-county">
                    <h3>{ ctx.t(Msg::RoleCounty) }</h3>
                    <p>{ ctx.t(Msg::RoleCountyText) }</p>
                </article>
            </div>
            <ChecklistList />
            <p class="status" role="status" aria-live="polite" data-testid="offline-status"
                data-ready={ props.offline_ready.to_string() }>
                { ctx.t(offline) }
            </p>
            <p class="privacy">{ ctx.t(Msg::PrivacyNote) }</p>
        </section>
    }
}
