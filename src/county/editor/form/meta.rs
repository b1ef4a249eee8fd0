//! 制作县级清单's form of the checklist's own fields: id, version, titles, sources, grades,
//! group rules, the 九年一贯制 split.

use super::*;

pub(super) fn meta_form(kit: &Kit) -> Html {
    let (ctx, props, doc) = (kit.ctx, kit.props, kit.doc);
    let sources = doc.sources.iter().enumerate().map(|(s, src)| {
        html! {
            <fieldset class="ed-group" key={src.id.clone()}>
                <legend>{ &src.id }</legend>
                <div class="form-grid">
                    { kit.field(Target::SourceTitle(s), ctx.t(Msg::EditorSourceTitle).into(), &format!("ed-source-title-{s}"), false) }
                    { kit.field(Target::SourceDocNo(s), ctx.t(Msg::EditorSourceDocNo).into(), &format!("ed-source-docno-{s}"), false) }
                </div>
            </fieldset>
        }
    });
    let grades = doc.grades.iter().enumerate().map(|(g, band)| {
        // A grade items cap at cannot go (the draft would name a grade that is gone): why.
        let users = crate::state::editor::grade_users(doc, &band.id);
        let why = format!("ed-grade-used-{g}");
        html! {
            <fieldset class="ed-group" key={band.id.clone()}>
                <legend>{ &band.id }</legend>
                <div class="form-grid">
                    { kit.both(&|l| Target::GradeLabel(g, l), Msg::EditorGradeLabel, &format!("ed-grade-label-{g}"), false) }
                    { kit.field(Target::GradeMin(g), ctx.t(Msg::EditorGradeMin).into(), &format!("ed-grade-min-{g}"), false) }
                </div>
                <button type="button" class="danger" data-testid={format!("ed-grade-remove-{g}")} disabled={!users.is_empty()}
                    aria-describedby={(!users.is_empty()).then(|| why.clone())}
                    onclick={kit.edit_and_choose(ChecklistEdit::RemoveGrade(g), None)}>{ ctx.t(Msg::EditorRemoveGrade) }</button>
                if !users.is_empty() {
                    <p class="muted" id={why}>{ ctx.say(say::EditorGradeInUse { ids: &users.join(ctx.t(Msg::ListSeparator)), count: &users.len().to_string() }) }</p>
                }
            </fieldset>
        }
    });
    let groups = doc.group_rules.iter().enumerate().map(|(g, rule)| {
        html! {
            <fieldset class="ed-group" key={rule.id.clone()}>
                <legend>{ &rule.id }</legend>
                <div class="form-grid">
                    { kit.both(&|l| Target::GroupTitle(g, l), Msg::EditorGroupTitle, &format!("ed-group-title-{g}"), false) }
                    { kit.field(Target::GroupItems(g), ctx.t(Msg::EditorGroupItems).into(), &format!("ed-group-items-{g}"), false) }
                    { kit.field(Target::GroupMinPass(g), ctx.t(Msg::EditorGroupMinPass).into(), &format!("ed-group-min-{g}"), false) }
                    { kit.field(Target::GroupFloor(g), ctx.t(Msg::EditorGroupFloor).into(), &format!("ed-group-floor-{g}"), false) }
                    <div class="input-field">
                        <label for={format!("ed-group-source-{g}")}>{ ctx.t(Msg::EditorItemSource) }</label>
                        <select id={format!("ed-group-source-{g}")} data-testid={format!("ed-group-source-{g}")} onchange={{
                            let on_edit = props.on_edit.clone();
                            Callback::from(move |e: Event| on_edit.emit(ChecklistEdit::SetGroupSource(g, selected(&e))))
                        }}>
                            { for doc.sources.iter().map(|s| html! {
                                <option value={s.id.clone()} selected={s.id == rule.source.source}>{ format!("{} {}", s.title, s.doc_no.clone().unwrap_or_default()) }</option>
                            }) }
                        </select>
                    </div>
                    { kit.field(Target::GroupClause(g), ctx.t(Msg::EditorItemClause).into(), &format!("ed-group-clause-{g}"), false) }
                </div>
                <p>
                    <label class="choice" for={format!("ed-group-spread-{g}")}>
                        <input id={format!("ed-group-spread-{g}")} type="checkbox" data-testid={format!("ed-group-spread-{g}")} checked={rule.spread} onchange={{
                            let on_edit = props.on_edit.clone();
                            Callback::from(move |e: Event| {
                                let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                                on_edit.emit(ChecklistEdit::SetGroupSpread(g, checked))
                            })
                        }} />
                        { ctx.t(Msg::EditorGroupSpread) }
                    </label>
                </p>
                <button type="button" class="danger" data-testid={format!("ed-remove-group-{g}")} onclick={kit.edit_and_choose(ChecklistEdit::RemoveGroupRule(g), None)}>{ ctx.t(Msg::EditorRemoveGroup) }</button>
            </fieldset>
        }
    });
    let add = |e: ChecklistEdit, then: Option<Node>| kit.edit_and_choose(e, then);
    html! {
        <>
            { kit.heading(ctx.t(Msg::EditorMeta).into()) }
            <div class="form-grid">
                { kit.field(Target::Id, ctx.t(Msg::EditorFieldId).into(), "ed-id", false) }
                { kit.field(Target::Version, ctx.t(Msg::EditorFieldVersion).into(), "ed-version", false) }
                { kit.both(&Target::Title, Msg::EditorFieldTitle, "ed-title", false) }
                { kit.both(&Target::Issuer, Msg::EditorFieldIssuer, "ed-issuer", false) }
            </div>
            { kit.both(&Target::Description, Msg::EditorFieldDescription, "ed-description", true) }
            <div class="form-grid">{ kit.both(&Target::VetoGrade, Msg::EditorFieldVetoGrade, "ed-veto-grade", false) }</div>
            <h4>{ ctx.t(Msg::EditorSources) }</h4>
            { for sources }
            <button type="button" data-testid="ed-add-source" onclick={add(ChecklistEdit::AddSource, None)}>{ ctx.t(Msg::EditorAddSource) }</button>
            <h4>{ ctx.t(Msg::EditorGrades) }</h4>
            { for grades }
            <button type="button" data-testid="ed-add-grade" onclick={add(ChecklistEdit::AddGrade, None)}>{ ctx.t(Msg::EditorAddGrade) }</button>
            <h4>{ ctx.t(Msg::EditorGroups) }</h4>
            <p class="muted">{ ctx.t(Msg::EditorGroupsNote) }</p>
            { for groups }
            <button type="button" data-testid="ed-add-group" onclick={add(ChecklistEdit::AddGroupRule, None)}>{ ctx.t(Msg::EditorAddGroup) }</button>
            if doc.split.is_some() {
                <h4>{ ctx.t(Msg::EditorSplit) }</h4>
                <div class="form-grid">
                    { kit.field(Target::SplitPrimary, ctx.t(Msg::EditorSplitPrimary).into(), "ed-split-primary", false) }
                    { kit.field(Target::SplitJunior, ctx.t(Msg::EditorSplitJunior).into(), "ed-split-junior", false) }
                </div>
            }
            <div class="page-actions">
                <button type="button" data-testid="ed-add-area" onclick={add(ChecklistEdit::AddArea, Some(Node::Area(doc.areas.len())))}>{ ctx.t(Msg::EditorAddArea) }</button>
            </div>
        </>
    }
}
