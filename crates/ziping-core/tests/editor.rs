//! 制作县级清单 in the core: a county's variant made by edits alone equals the published file;
//! numbers typed wrong are kept and named; the diff says what changed; the spreadsheet round
//! trip gives the same checklist, and a broken table is reported by row and column.

mod common;

use common::root;
use ziping_core::core::answers::NumberError;
use ziping_core::core::builtin::{builtin, readable};
use ziping_core::core::checklist::Checklist;
use ziping_core::core::checklist_csv::{from_csv, to_csv, Col, CsvIssue};
use ziping_core::core::checklist_diff::{diff, Change, Field, Place};
use ziping_core::core::model::{ChecklistDoc, Comparison, Op, SchoolType};
use ziping_core::i18n::Lang;
use ziping_core::state::editor::{
    ChecklistDraft, ChecklistEdit, DraftProblem, ItemField, Loc, NewItem, Node, Target,
};

const NOW: &str = "2026-11-30T10:00:00+08:00";

fn now() -> ziping_core::core::time::Timestamp {
    ziping_core::core::time::Timestamp::parse(NOW).unwrap()
}

fn hengyang() -> Checklist {
    Checklist::from_json(
        &std::fs::read_to_string(root("checklists/zlpj-school-hengyang.json")).unwrap(),
    )
    .unwrap()
}

fn loc_of(doc: &ChecklistDoc, id: &str) -> Loc {
    for (a, area) in doc.areas.iter().enumerate() {
        for (i, ind) in area.indicators.iter().enumerate() {
            if let Some(k) = ind.items.iter().position(|it| it.id == id) {
                return Loc {
                    area: a,
                    indicator: i,
                    item: k,
                };
            }
        }
    }
    panic!("no item {id}")
}

fn set(d: &mut ChecklistDraft, target: Target, value: &str) {
    d.apply(ChecklistEdit::Set(target, value.into()), &now());
}

#[test]
fn the_hengyang_variant_made_by_edits_is_the_published_file() {
    let base = builtin("zlpj-school").unwrap().doc();
    let want = hengyang();
    let w = want.doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Id, &w.id);
    for l in [Lang::Zh, Lang::En] {
        let pick = |t: &ziping_core::core::model::Text| match l {
            Lang::Zh => t.zh.clone(),
            Lang::En => t.en.clone(),
        };
        set(&mut d, Target::Title(l), &pick(&w.title));
        set(
            &mut d,
            Target::Description(l),
            &pick(w.description.as_ref().unwrap()),
        );
        set(&mut d, Target::Issuer(l), &pick(&w.issuer));
    }
    let pe = loc_of(&d.doc, "B5.1.1");
    let target_item = want.item("B5.1.1").unwrap();
    let guidance = target_item.guidance.as_ref().unwrap();
    set(
        &mut d,
        Target::Item(pe, ItemField::Guidance(Lang::Zh)),
        &guidance.zh,
    );
    set(
        &mut d,
        Target::Item(pe, ItemField::Guidance(Lang::En)),
        &guidance.en,
    );
    d.apply(
        ChecklistEdit::SetSource(pe, target_item.source.source.clone()),
        &now(),
    );
    set(
        &mut d,
        Target::Item(pe, ItemField::Clause),
        &target_item.source.clause,
    );
    for t in SchoolType::ALL {
        // Typed as a principal types: full-width digits.
        set(&mut d, Target::Item(pe, ItemField::RuleValue(t)), "９０");
    }
    assert_eq!(d.problems(&[]), vec![]);
    let made = d.finished(&[]).unwrap();
    assert_eq!(made.sha256(), want.sha256(), "the same content hash");
    assert_eq!(made.doc(), want.doc());
    assert!(d.revision > 10);

    // The differences, as the office keeps them.
    let changes = diff(&d.base, &d.doc);
    let rules: Vec<(SchoolType, Option<Comparison>, Option<Comparison>)> = changes
        .iter()
        .filter(|c| matches!(&c.place, Place::Item { id, .. } if id == "B5.1.1"))
        .filter_map(|c| match c.change {
            Change::Rule {
                school_type,
                old,
                new,
            } => Some((school_type, old, new)),
            _ => None,
        })
        .collect();
    assert_eq!(rules.len(), 3);
    assert!(rules
        .iter()
        .all(|(_, old, new)| *old == Some(Comparison::Ge { value: 60.0 })
            && *new == Some(Comparison::Ge { value: 90.0 })));
    assert!(changes.iter().any(|c| c.place == Place::Checklist
        && matches!(&c.change, Change::Changed { field: Field::Id, new, .. } if new == "zlpj-school-hengyang")));
    assert!(
        !changes.iter().any(|c| matches!(
            c.change,
            Change::Added | Change::Removed | Change::Reordered
        )),
        "{changes:?}"
    );
}

#[test]
fn a_number_typed_wrong_is_kept_as_typed_and_named_until_it_is_a_number() {
    let base = builtin("zlpj-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    let pe = loc_of(&d.doc, "B5.1.1");
    let points = Target::Item(pe, ItemField::Points);
    let before = d.item(pe).unwrap().points;
    set(&mut d, points, "3分");
    assert_eq!(d.shown(points), "3分", "kept as typed");
    assert_eq!(
        d.item(pe).unwrap().points,
        before,
        "the checklist keeps its number"
    );
    assert_eq!(
        d.problems(&[]),
        vec![DraftProblem::Number {
            path: points.path(),
            error: NumberError::NotANumber {
                text: "3分".into()
            }
        }]
    );
    // A number too large to be a threshold is named as such, not as "not a number".
    set(&mut d, points, "99999999999999999999");
    assert_eq!(
        d.problems(&[]),
        vec![DraftProblem::Number {
            path: points.path(),
            error: NumberError::TooLarge {
                text: "99999999999999999999".into()
            }
        }]
    );
    let [DraftProblem::Number { error, .. }] = &d.problems(&[])[..] else {
        unreachable!()
    };
    assert_eq!(
        ziping_core::i18n::number_error(Lang::Zh, error),
        "“99999999999999999999”太大，请核对。"
    );
    // An emptied number is said to be empty, not “”不是数字.
    set(&mut d, points, "");
    let [empty] = &d.problems(&[])[..] else {
        unreachable!()
    };
    assert_eq!(
        ziping_core::report::notice::draft_problem_text(Lang::Zh, empty),
        "此栏不能为空，请填写数字。"
    );
    set(&mut d, points, "3分");
    assert!(d.finished(&[]).is_err(), "not publishable");
    // Moving the item up keeps the text with its item.
    d.apply(ChecklistEdit::Move(Node::Item(pe), false), &now());
    let moved = Loc {
        item: pe.item + 1,
        ..pe
    };
    assert_eq!(d.item(moved).unwrap().id, "B5.1.1");
    assert_eq!(d.shown(Target::Item(moved, ItemField::Points)), "3分");
    set(&mut d, Target::Item(moved, ItemField::Points), "４");
    assert_eq!(d.item(moved).unwrap().points, 4.0);
    assert!(d.problems(&[]).is_empty(), "{:?}", d.problems(&[]));

    // An empty text is what loading the file would refuse, pointing at the field.
    set(&mut d, Target::Item(moved, ItemField::Text(Lang::Zh)), "");
    let problems = d.problems(&[]);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].path(),
        Target::Item(moved, ItemField::Text(Lang::Zh)).path()
    );
}

/// A grade items cap the grade at (or a group rule holds it at) is not removed: the draft it
/// left (13 items naming a grade that is gone, none of them editable in the form) could not
/// be saved or mended. Once nothing names it, it goes.
#[test]
fn a_grade_in_use_is_not_removed() {
    let base = builtin("yzjh-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c3".into(), base, &now());
    let mostly = d.doc.grades.iter().position(|g| g.id == "mostly").unwrap();
    let users = ziping_core::state::editor::grade_users(&d.doc, "mostly");
    assert!(users.contains(&"G1".to_string()), "{users:?}");
    d.apply(ChecklistEdit::RemoveGrade(mostly), &now());
    assert!(d.doc.grades.iter().any(|g| g.id == "mostly"), "still there");
    // A grade nothing names: added in order, above the grade from 0 and halfway to the one
    // above (at the end from 0 it was out of order, and the form cannot move a grade).
    let before = d.doc.grades.len();
    d.apply(ChecklistEdit::AddGrade, &now());
    let added = before - 1;
    let lines: Vec<f64> = d.doc.grades.iter().map(|g| g.min_percent).collect();
    assert_eq!(lines, [95.0, 85.0, 43.0, 0.0]);
    set(&mut d, Target::Version, "2026.6-x");
    set(&mut d, Target::GradeLabel(added, Lang::Zh), "待改进");
    assert_eq!(d.problems(&[]), vec![]);
    assert!(
        ziping_core::state::editor::grade_users(&d.doc, &d.doc.grades[added].id.clone()).is_empty()
    );
    d.apply(ChecklistEdit::RemoveGrade(added), &now());
    assert_eq!(d.doc.grades.len(), before);
}

#[test]
fn items_are_added_removed_and_rules_changed_in_words() {
    let base = builtin("yzjh-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c2".into(), base, &now());
    let r1 = loc_of(&d.doc, "R1");
    // Removing an item of the resource rule takes it out of the rule too.
    d.apply(ChecklistEdit::Remove(Node::Item(r1)), &now());
    assert!(!d.doc.group_rules[0].items.contains(&"R1".to_string()));
    // A new number item in the first indicator: its rule per school type.
    d.apply(ChecklistEdit::AddItem(0, 0, NewItem::Number), &now());
    let new = Loc {
        area: 0,
        indicator: 0,
        item: d.doc.areas[0].indicators[0].items.len() - 1,
    };
    let id = d.item(new).unwrap().id.clone();
    set(
        &mut d,
        Target::Item(new, ItemField::Text(Lang::Zh)),
        "每百名学生拥有心理健康教师数",
    );
    set(&mut d, Target::Item(new, ItemField::Clause), "县文件第3条");
    set(&mut d, Target::Item(new, ItemField::Unit), "人");
    d.apply(
        ChecklistEdit::SetOp(new, SchoolType::Junior, Some(Op::Between)),
        &now(),
    );
    set(
        &mut d,
        Target::Item(new, ItemField::RuleMax(SchoolType::Junior)),
        "2",
    );
    set(
        &mut d,
        Target::Item(new, ItemField::RuleValue(SchoolType::Junior)),
        "0.5",
    );
    let item = d.item(new).unwrap();
    match &item.kind {
        ziping_core::core::model::ItemKind::Number { rule, .. } => {
            assert_eq!(
                rule.junior,
                Some(Comparison::Between { min: 0.5, max: 2.0 })
            );
            assert_eq!(rule.primary, Some(Comparison::Ge { value: 0.0 }));
        }
        other => panic!("{other:?}"),
    }
    assert!(d.problems(&[]).is_empty(), "{:?}", d.problems(&[]));
    let changes = diff(&d.base, &d.doc);
    assert!(changes.iter().any(
        |c| matches!(&c.place, Place::Item { id: i, .. } if *i == id) && c.change == Change::Added
    ));
    assert!(changes
        .iter()
        .any(|c| matches!(&c.place, Place::Item { id, .. } if id == "R1")
            && c.change == Change::Removed));
}

#[test]
fn every_checklist_goes_to_a_spreadsheet_and_back_unchanged() {
    let mut all = readable().unwrap();
    all.push(hengyang());
    for c in &all {
        let csv = to_csv(c.doc());
        assert!(csv.starts_with('\u{feff}'));
        let back = from_csv(c.doc(), &csv).unwrap_or_else(|e| panic!("{}: {e:?}", c.doc().id));
        assert_eq!(&back, c.doc(), "{} {}", c.doc().id, c.doc().version);
    }
}

#[test]
fn a_table_edited_in_excel_comes_back_with_its_changes() {
    let base = builtin("zlpj-school").unwrap().doc();
    let csv = to_csv(base);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |c: Col| headers.iter().position(|h| h == c.header()).unwrap();
    let mut rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let pe = rows
        .iter()
        .position(|r| &r[col(Col::Id)] == "B5.1.1")
        .unwrap();
    let mut row: Vec<String> = rows[pe].iter().map(str::to_string).collect();
    row[col(Col::Primary)] = "≥90".into();
    row[col(Col::Junior)] = ">= 90".into();
    row[col(Col::NineYear)] = "≥ ９０".into();
    rows[pe] = csv::StringRecord::from(row);
    // A row moved to the end of its indicator; an item deleted.
    let gone = rows
        .iter()
        .position(|r| &r[col(Col::Id)] == "B5.1.14")
        .unwrap();
    rows.remove(gone);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&headers).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let doc = from_csv(base, &text).unwrap();
    let c = Checklist::try_from(doc.clone()).unwrap();
    match &c.item("B5.1.1").unwrap().kind {
        ziping_core::core::model::ItemKind::Number { rule, .. } => {
            for r in [rule.primary, rule.junior, rule.nine_year] {
                assert_eq!(r, Some(Comparison::Ge { value: 90.0 }));
            }
        }
        other => panic!("{other:?}"),
    }
    assert!(c.item("B5.1.14").is_none());
    // What a row cannot say is kept: the computed item's formula.
    assert_eq!(
        c.item("B5.1.7").unwrap().kind,
        base_item(base, "B5.1.7").kind
    );
}

fn base_item(doc: &ChecklistDoc, id: &str) -> ziping_core::core::model::Item {
    let l = loc_of(doc, id);
    doc.areas[l.area].indicators[l.indicator].items[l.item].clone()
}

/// The cells of one line of a table (a row without line breaks in its cells).
fn cells_of(line: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect()
}

/// `line` with the cell at `column` set to `value`, written as a spreadsheet would (quoted
/// where the value needs it).
fn edit_cell(line: &str, column: usize, value: &str) -> String {
    let mut cells = cells_of(line);
    cells[column] = value.into();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&cells).unwrap();
    String::from_utf8(w.into_inner().unwrap())
        .unwrap()
        .trim_end()
        .to_string()
}

#[test]
fn a_broken_table_is_reported_by_row_and_column() {
    let base = builtin("zlpj-school").unwrap().doc();
    let csv = to_csv(base);
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    let header: Vec<&str> = lines[0].trim_start_matches('\u{feff}').split(',').collect();
    let at = |c: Col| header.iter().position(|h| *h == c.header()).unwrap();
    let (points, primary, kind) = (at(Col::Points), at(Col::Primary), at(Col::Kind));
    // Row 2 (the first item): points "三"; the B5.1.1 row: rule "大于90"; B5.1.7 (computed)
    // made a yes/no item; the first row again (a duplicate id).
    let edit = edit_cell;
    let find = |lines: &[String], id: &str| {
        lines
            .iter()
            .position(|l| l.contains(&format!(",{id},")))
            .unwrap()
    };
    lines[1] = edit(&lines[1], points, "三");
    let pe = find(&lines, "B5.1.1");
    lines[pe] = edit(&lines[pe], primary, "大于90");
    let myopia = find(&lines, "B5.1.7");
    lines[myopia] = edit(&lines[myopia], kind, "是否");
    let first = lines[1].clone();
    lines.push(first);
    let problems = from_csv(base, &lines.join("\n")).unwrap_err();
    let got: Vec<(usize, Option<Col>)> = problems.iter().map(|p| (p.row, p.column)).collect();
    assert!(got.contains(&(2, Some(Col::Points))), "{problems:?}");
    assert!(got.contains(&(pe + 1, Some(Col::Primary))), "{problems:?}");
    assert!(got.contains(&(myopia + 1, Some(Col::Kind))), "{problems:?}");
    assert!(got.contains(&(lines.len(), Some(Col::Id))), "{problems:?}");
    assert!(problems.iter().any(|p| p.issue
        == CsvIssue::BadRule {
            text: "大于90".into()
        }));

    // Worded for the officer: the row as the spreadsheet numbers it, the column's header.
    let pe_problem = problems.iter().find(|p| p.row == pe + 1).unwrap();
    assert_eq!(
        ziping_core::i18n::csv_problem(Lang::Zh, pe_problem),
        format!("第 {} 行“小学标准”列：“大于90”不是达标线：写成 ≥ 60、> 0、≤ 90、< 5 或 1 ~ 2，空白表示不适用", pe + 1)
    );
    assert!(
        ziping_core::i18n::csv_problem(Lang::En, pe_problem).starts_with(&format!(
            "row {}, column “小学标准”: “大于90” is not a threshold",
            pe + 1
        ))
    );

    // A table that is not this template: the headers are named.
    let problems = from_csv(base, "名称,分数\n体育,3\n").unwrap_err();
    assert!(problems.iter().any(|p| p.issue
        == CsvIssue::UnknownColumn {
            header: "名称".into()
        }));
    assert!(problems
        .iter()
        .any(|p| p.column == Some(Col::Id) && p.issue == CsvIssue::MissingColumn));
}

/// A quote typed at the start of a cell and never closed takes every row after it into that
/// cell: in the last column (依据条款) the row still looked whole, and the items after it were
/// gone without a word.
#[test]
fn a_quote_never_closed_is_said_at_its_row_and_column() {
    let base = builtin("zlpj-school").unwrap().doc();
    let csv = to_csv(base);
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    let header: Vec<String> = lines[0]
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(
        header.last().map(String::as_str),
        Some(Col::Clause.header())
    );
    // The second item row's clause, opened with a quote typed by hand and never closed.
    let cut = lines[2].rfind(',').unwrap() + 1;
    lines[2].insert(cut, '"');
    let problems = from_csv(base, &lines.join("\n")).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].row, problems[0].column),
        (3, Some(Col::Clause))
    );
    assert!(matches!(problems[0].issue, CsvIssue::UnclosedQuote { .. }));
    let said = ziping_core::i18n::csv_problem(Lang::Zh, &problems[0]);
    assert!(
        said.starts_with(&format!("第 3 行“{}”列：引号未配对", Col::Clause.header())),
        "{said}"
    );
    // A line break of the officer's own, in 说明 or in an item's words (条目 is several lines
    // in the editor), stays, in any row.
    let guidance = header
        .iter()
        .position(|h| *h == Col::GuidanceZh.header())
        .unwrap();
    let text_zh = header
        .iter()
        .position(|h| *h == Col::TextZh.header())
        .unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    let last = lines.len() - 1;
    lines[1] = edit_cell(&lines[1], guidance, "第一行\n第二行");
    let words = format!("{}\n（续）", cells_of(&lines[last])[text_zh]);
    lines[last] = edit_cell(&lines[last], text_zh, &words);
    assert!(from_csv(base, &lines.join("\n")).is_ok());
}

/// A table that would leave the draft with problems is refused whole (README: the draft stays
/// as it was): points of -3 imported and only then listed as a problem; and a column deleted
/// in Excel is missing, not a column of blanks (the 九年一贯制 thresholds, the vetoes, the
/// units all went silently).
#[test]
fn a_table_that_would_break_the_draft_is_refused_and_a_deleted_column_is_missing() {
    let base = builtin("yzjh-school").unwrap().doc();
    let d = ChecklistDraft::new("c4".into(), base, &now());
    let csv = to_csv(base);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |c: Col| headers.iter().position(|h| h == c.header()).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let write = |headers: &csv::StringRecord, rows: &[csv::StringRecord]| {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(headers).unwrap();
        for r in rows {
            w.write_record(r).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    };
    // Points of -3 on one row.
    let mut bad = rows.clone();
    let mut row: Vec<String> = bad[0].iter().map(str::to_string).collect();
    row[col(Col::Points)] = "-3".into();
    bad[0] = csv::StringRecord::from(row);
    let doc = from_csv(base, &write(&headers, &bad)).expect("a table that reads");
    let problems = d.import_problems(&doc, &[]);
    assert!(!problems.is_empty(), "refused, with its problems");
    // The table as exported: nothing new to say.
    let same = from_csv(base, &csv).unwrap();
    assert!(d.import_problems(&same, &[]).is_empty());
    // The 九年一贯制 column deleted.
    let drop = col(Col::NineYear);
    let cut = |r: &csv::StringRecord| {
        csv::StringRecord::from(
            r.iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, c)| c)
                .collect::<Vec<_>>(),
        )
    };
    let rows_cut: Vec<csv::StringRecord> = rows.iter().map(cut).collect();
    let problems = from_csv(base, &write(&cut(&headers), &rows_cut)).unwrap_err();
    assert!(problems
        .iter()
        .any(|p| p.column == Some(Col::NineYear) && p.issue == CsvIssue::MissingColumn));
}

/// The publish gate knows the checklists known here: a changed checklist under a known id and
/// version is a problem of the draft itself, at its version field (the page once added this
/// check on its own, so `finished()` said yes to a checklist the page refused).
#[test]
fn a_changed_checklist_under_a_known_id_and_version_is_refused_beside_it() {
    use ziping_core::core::checklist_path::PlaceField;
    use ziping_core::state::editor::DraftProblem;
    let base = builtin("zlpj-school").unwrap();
    let known = vec![base.clone(), hengyang()];
    let mut d = ChecklistDraft::new("c1".into(), base.doc(), &now());
    // Unchanged: the same checklist, no clash.
    assert!(d.finished(&known).is_ok());
    let pe = loc_of(&d.doc, "B5.1.1");
    set(
        &mut d,
        Target::Item(pe, ItemField::RuleValue(SchoolType::Primary)),
        "90",
    );
    let problems = d.problems(&known);
    assert!(
        matches!(&problems[..], [DraftProblem::Clash(c)] if c.id == "zlpj-school"),
        "{problems:?}"
    );
    assert_eq!(
        problems[0].place().field,
        Some(PlaceField::Target(Target::Version))
    );
    assert!(d.finished(&known).is_err());
    assert!(d.finished(&[]).is_ok(), "alone it is a valid checklist");
    // A new version is a new checklist.
    set(&mut d, Target::Version, "2026.5-1");
    assert!(d.finished(&known).is_ok());
}

#[test]
fn the_changes_read_as_the_office_records_them() {
    use ziping_core::i18n::{diff_change, diff_place};
    let base = builtin("zlpj-school").unwrap().doc();
    let changes = diff(base, hengyang().doc());
    let lines: Vec<String> = changes
        .iter()
        .map(|c| {
            format!(
                "{} | {}",
                diff_place(Lang::Zh, &c.place),
                diff_change(Lang::Zh, &c.change)
            )
        })
        .collect();
    for t in ["小学", "初中", "九年一贯制"] {
        assert!(
            lines.contains(&format!(
                "项目 B5.1.1 学生每天在校体育活动时间 | {t}达标线：≥ 60 → ≥ 90"
            )),
            "{lines:#?}"
        );
    }
    assert!(lines.contains(&"清单 | 编号：zlpj-school → zlpj-school-hengyang".to_string()));
    assert!(lines.iter().any(
        |l| l.starts_with("项目 B5.1.1 学生每天在校体育活动时间 | 条款：")
            && l.ends_with("→ 任务1(3)")
    ));
    let english = diff_change(
        Lang::En,
        &changes
            .iter()
            .find(|c| matches!(c.change, Change::Rule { .. }))
            .unwrap()
            .change,
    );
    assert_eq!(english, "Primary threshold: ≥ 60 → ≥ 90");
}

#[test]
fn a_new_area_and_indicator_need_names_before_the_checklist_is_published() {
    let base = builtin("zlpj-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Version, "2026.5-x");
    d.apply(ChecklistEdit::AddArea, &now());
    let a = d.doc.areas.len() - 1;
    let paths: Vec<String> = d
        .problems(&[])
        .iter()
        .map(|p| p.path().to_string())
        .collect();
    assert!(paths.contains(&format!("areas[{a}].title.zh")), "{paths:?}");
    assert!(
        paths.contains(&format!("areas[{a}].indicators[0].title.zh")),
        "{paths:?}"
    );
    set(&mut d, Target::AreaTitle(a, Lang::Zh), "县本特色");
    set(&mut d, Target::IndicatorTitle(a, 0, Lang::Zh), "劳动教育");
    d.apply(ChecklistEdit::AddItem(a, 0, NewItem::YesNo), &now());
    let item = Loc {
        area: a,
        indicator: 0,
        item: 0,
    };
    set(
        &mut d,
        Target::Item(item, ItemField::Text(Lang::Zh)),
        "每周劳动课不少于1课时",
    );
    set(&mut d, Target::Item(item, ItemField::Clause), "县任务2");
    assert_eq!(d.problems(&[]), vec![]);
    // The checklist's own title too.
    set(&mut d, Target::Title(Lang::Zh), " ");
    let paths: Vec<String> = d
        .problems(&[])
        .iter()
        .map(|p| p.path().to_string())
        .collect();
    assert_eq!(paths, vec!["title.zh".to_string()]);
}

#[test]
fn a_levels_item_keeps_its_levels_in_proportion_and_each_level_is_edited() {
    let base = builtin("zlpj-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Version, "2026.5-x");
    let at = loc_of(&d.doc, "B1.1.1");
    let levels = |d: &ChecklistDraft| match &d.item(at).unwrap().kind {
        ziping_core::core::model::ItemKind::Levels { levels, .. } => {
            levels.iter().map(|l| l.points).collect::<Vec<f64>>()
        }
        _ => panic!("B1.1.1 is a levels item"),
    };
    let before = levels(&d);
    let best = before[0];
    assert_eq!(d.item(at).unwrap().points, best);
    // Points 0 on the way to 0.5: the levels keep their proportions, nothing is lost.
    set(&mut d, Target::Item(at, ItemField::Points), "0");
    set(&mut d, Target::Item(at, ItemField::Points), "0.5");
    let after: Vec<f64> = levels(&d);
    let want: Vec<f64> = before.iter().map(|p| p / best * 0.5).collect();
    assert_eq!(after, want);
    set(
        &mut d,
        Target::Item(at, ItemField::Points),
        &best.to_string(),
    );
    assert_eq!(levels(&d), before);
    assert_eq!(d.problems(&[]), vec![]);

    // A level's name, criteria and points.
    set(
        &mut d,
        Target::Item(at, ItemField::LevelLabel(1, Lang::Zh)),
        "基本落实",
    );
    set(
        &mut d,
        Target::Item(at, ItemField::LevelDescription(1, Lang::Zh)),
        "有制度，记录不全。",
    );
    set(&mut d, Target::Item(at, ItemField::LevelPoints(1)), "1");
    assert_eq!(d.shown(Target::Item(at, ItemField::LevelPoints(1))), "1");
    assert_eq!(d.problems(&[]), vec![]);
    // The best level must earn the item's points: named until it does.
    set(&mut d, Target::Item(at, ItemField::LevelPoints(0)), "3");
    assert!(d
        .problems(&[])
        .iter()
        .any(|p| p.path() == format!("{}.kind.levels", at.path())));
    set(
        &mut d,
        Target::Item(at, ItemField::LevelPoints(0)),
        &best.to_string(),
    );
    assert_eq!(d.problems(&[]), vec![]);

    let changes = diff(&d.base, &d.doc);
    let level_changes: Vec<&Change> = changes
        .iter()
        .filter(|c| matches!(&c.place, Place::Level { item, id, .. } if item == "B1.1.1" && id == &base_level_id(base, "B1.1.1", 1)))
        .map(|c| &c.change)
        .collect();
    assert!(
        level_changes.iter().any(
            |c| matches!(c, Change::Changed { field: Field::Label, new, .. } if new == "基本落实")
        ),
        "{changes:?}"
    );
    assert!(
        level_changes
            .iter()
            .any(|c| matches!(c, Change::Changed { field: Field::Points, new, .. } if new == "1")),
        "{changes:?}"
    );
    assert!(
        level_changes.iter().any(|c| matches!(
            c,
            Change::Changed {
                field: Field::Description,
                ..
            }
        )),
        "{changes:?}"
    );
}

fn base_level_id(doc: &ChecklistDoc, item: &str, k: usize) -> String {
    let at = loc_of(doc, item);
    match &doc.areas[at.area].indicators[at.indicator].items[at.item].kind {
        ziping_core::core::model::ItemKind::Levels { levels, .. } => levels[k].id.clone(),
        _ => panic!("{item} is a levels item"),
    }
}

#[test]
fn which_schools_an_item_applies_to_is_chosen_per_type() {
    use ziping_core::i18n::diff_change;
    let base = builtin("yzjh-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Version, "2026.3-x");
    let r1 = loc_of(&d.doc, "R1");
    assert!(d.applies(r1, SchoolType::Junior));
    // Not for 初中: listed without it; its rule is kept (nothing typed is lost).
    d.apply(
        ChecklistEdit::SetApplies(r1, SchoolType::Junior, false),
        &now(),
    );
    assert!(!d.applies(r1, SchoolType::Junior));
    assert_eq!(
        d.item(r1).unwrap().applies_to,
        Some(vec![SchoolType::Primary, SchoolType::NineYear])
    );
    assert_eq!(d.problems(&[]), vec![]);
    let change = diff(&d.base, &d.doc)
        .into_iter()
        .find(|c| {
            matches!(
                c.change,
                Change::Changed {
                    field: Field::AppliesTo,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(
        diff_change(Lang::Zh, &change.change),
        "适用学校：全部 → 小学、九年一贯制"
    );
    // Back for every type: no list at all, as the built-in has it.
    d.apply(
        ChecklistEdit::SetApplies(r1, SchoolType::Junior, true),
        &now(),
    );
    assert_eq!(d.item(r1).unwrap().applies_to, None);
    assert_eq!(d.doc, d.base.clone().tap_version("2026.3-x"));
    // For no type at all: named.
    for t in SchoolType::ALL {
        d.apply(ChecklistEdit::SetApplies(r1, t, false), &now());
    }
    assert!(d
        .problems(&[])
        .iter()
        .any(|p| p.path() == format!("{}.applies_to", r1.path())));
}

trait TapVersion {
    fn tap_version(self, v: &str) -> Self;
}

impl TapVersion for ChecklistDoc {
    fn tap_version(mut self, v: &str) -> Self {
        self.version = v.into();
        self
    }
}

#[test]
fn a_county_adds_a_group_rule_of_its_own_and_removes_one() {
    let base = builtin("zlpj-school").unwrap().doc();
    assert!(base.group_rules.is_empty());
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Version, "2026.5-x");
    d.apply(ChecklistEdit::AddGroupRule, &now());
    assert_eq!(d.doc.group_rules.len(), 1);
    // A new rule names what it still needs: a name, items, a clause.
    let paths: Vec<String> = d
        .problems(&[])
        .iter()
        .map(|p| p.path().to_string())
        .collect();
    assert!(
        paths.iter().any(|p| p.starts_with("group_rules[0]")),
        "{paths:?}"
    );
    set(
        &mut d,
        Target::GroupTitle(0, Lang::Zh),
        "体育与健康至少2项达标",
    );
    set(&mut d, Target::GroupItems(0), "B5.1.1、B5.1.4，B5.1.5");
    set(&mut d, Target::GroupMinPass(0), "2");
    set(&mut d, Target::GroupFloor(0), "85");
    d.apply(ChecklistEdit::SetGroupSource(0, "seed000".into()), &now());
    set(&mut d, Target::GroupClause(0), "县任务5");
    assert_eq!(d.problems(&[]), vec![]);
    let rule = &d.doc.group_rules[0];
    assert_eq!(rule.items, vec!["B5.1.1", "B5.1.4", "B5.1.5"]);
    assert_eq!((rule.min_pass, rule.floor_ratio), (2, 0.85));
    assert_eq!(rule.source.source, "seed000");
    assert_eq!(d.shown(Target::GroupClause(0)), "县任务5");
    assert!(diff(&d.base, &d.doc).iter().any(
        |c| matches!(&c.place, Place::GroupRule { id } if id == &rule.id)
            && c.change == Change::Added
    ));
    // A county's own rule is no 资源配置 rule: no 差异系数 for its items, written as such.
    assert!(!rule.spread);
    let published = d.finished(&[]).expect("no problem left");
    assert!(published.spread_items().is_empty());
    assert!(serde_json::to_string(published.doc())
        .unwrap()
        .contains("\"spread\":false"));

    // The 6-of-7 rule of 优质均衡: its clause changed, and the changes say so; it stays the
    // 资源配置 rule (not written: the built-in's content and hash are as before).
    let yzjh = builtin("yzjh-school").unwrap().doc();
    assert!(yzjh.group_rules[0].spread);
    assert!(!serde_json::to_string(yzjh).unwrap().contains("spread"));
    let mut y = ChecklistDraft::new("c2".into(), yzjh, &now());
    set(&mut y, Target::GroupClause(0), "县文件第2条");
    assert!(diff(&y.base, &y.doc).iter().any(|c| matches!(&c.change, Change::Changed { field: Field::Clause, new, .. } if new == "县文件第2条")));
    y.apply(ChecklistEdit::SetGroupSpread(0, false), &now());
    assert!(diff(&y.base, &y.doc).iter().any(|c| matches!(&c.change, Change::Changed { field: Field::Spread, old, new, .. } if old == "✓" && new == "✗")));
    // A number typed wrong in a second rule stays with that rule when the first goes.
    d.apply(ChecklistEdit::AddGroupRule, &now());
    set(&mut d, Target::GroupMinPass(1), "两");
    // A floor typed in % is quoted in %, as typed (it said “数值 1.2 超出允许范围（应大于 0
    // 且不超过 1）” of a field that asks for %).
    set(&mut d, Target::GroupFloor(0), "120");
    let floor = d
        .problems(&[])
        .into_iter()
        .find(|p| p.path() == Target::GroupFloor(0).path())
        .expect("120 % is refused");
    assert_eq!(
        ziping_core::report::notice::draft_problem_text(Lang::Zh, &floor),
        "“120%”超出允许范围：应大于 0%、不超过 100%"
    );
    set(&mut d, Target::GroupFloor(0), "85");
    // A number that is no count of items (2.5, -1) is named as such, not as "not a number".
    set(&mut d, Target::GroupMinPass(0), "2.5");
    let whole = d
        .problems(&[])
        .into_iter()
        .find(|p| p.path() == Target::GroupMinPass(0).path())
        .expect("2.5 is refused");
    assert_eq!(
        whole,
        DraftProblem::NotWhole {
            path: Target::GroupMinPass(0).path(),
            text: "2.5".into()
        }
    );
    set(&mut d, Target::GroupMinPass(0), "2");
    d.apply(ChecklistEdit::RemoveGroupRule(0), &now());
    assert_eq!(d.doc.group_rules.len(), 1);
    assert_eq!(d.shown(Target::GroupMinPass(0)), "两");
    d.apply(ChecklistEdit::RemoveGroupRule(0), &now());
    assert!(d.doc.group_rules.is_empty());
    assert!(d.typed.is_empty());
    assert_eq!(d.problems(&[]), vec![]);
}

#[test]
fn the_preview_test_school_is_complete_and_valid_for_every_checklist_and_type() {
    use ziping_core::core::score::assess;
    use ziping_core::sample::test_school;
    use ziping_core::state::check::{attention, Tally};
    let mut all = readable().unwrap();
    all.push(hengyang());
    for c in &all {
        for &t in &c.doc().school_types {
            let answers = test_school(c, t);
            let a = assess(c, t, &answers);
            let tally = Tally::of(&attention(c, t, &answers, &a));
            assert!(
                tally.is_complete(),
                "{} {t:?}: {tally:?} invalid {:?} missing {:?}",
                c.doc().id,
                a.invalid,
                a.missing
            );
        }
    }
}

/// The preview's test school is a school an officer recognises: no 数据合理性提醒, and every
/// computed indicator at its threshold or just past it (met, and a stricter rule would fail
/// it), so a changed threshold shows in the preview.
#[test]
fn the_preview_test_school_is_plausible_and_sits_at_the_thresholds() {
    use ziping_core::core::model::{Comparison, ItemKind};
    use ziping_core::core::plausible::notes;
    use ziping_core::core::score::{assess, Outcome};
    use ziping_core::sample::test_school;
    let mut all = readable().unwrap();
    all.push(hengyang());
    for c in &all {
        for &t in &c.doc().school_types {
            let answers = test_school(c, t);
            assert_eq!(notes(c, t, &answers), [], "{} {t:?}", c.doc().id);
            let a = assess(c, t, &answers);
            for ((_, item), r) in c.items().zip(&a.items) {
                if !matches!(item.kind, ItemKind::Computed { .. }) || !r.applicable {
                    continue;
                }
                for p in &r.parts {
                    let (Some(v), Some(rule)) = (p.value, p.rule) else {
                        continue;
                    };
                    assert_eq!(
                        p.outcome,
                        Outcome::Met,
                        "{} {t:?} {}: {v}",
                        c.doc().id,
                        item.id
                    );
                    // Within a whole person or room of it (6 teachers exchanged, 1.2 of them
                    // backbone, is 2: 33 % against 20 %).
                    let near = |th: f64| v >= th && v <= th * 1.7 + 1.0;
                    let at = match rule {
                        Comparison::Ge { value } | Comparison::Gt { value } => near(value),
                        // A ceiling (school size ≤ 2000): well under it is what a school is.
                        Comparison::Le { .. } | Comparison::Lt { .. } => true,
                        Comparison::Between { min, max } => v >= min && v <= max,
                    };
                    assert!(
                        at,
                        "{} {t:?} {}: {v} is far from {rule:?}",
                        c.doc().id,
                        item.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_met_or_not_item_becomes_a_number_item_and_back() {
    use ziping_core::core::model::ItemKind;
    use ziping_core::i18n::diff_change;
    let base = builtin("zlpj-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Version, "2026.5-x");
    let at = loc_of(&d.doc, "B5.1.2");
    assert!(matches!(d.item(at).unwrap().kind, ItemKind::YesNo { .. }));
    d.apply(ChecklistEdit::SetKind(at, NewItem::Number), &now());
    assert!(matches!(d.item(at).unwrap().kind, ItemKind::Number { .. }));
    set(&mut d, Target::Item(at, ItemField::Unit), "节/周");
    for t in SchoolType::ALL {
        set(&mut d, Target::Item(at, ItemField::RuleValue(t)), "3");
    }
    assert_eq!(d.problems(&[]), vec![]);
    let kind = diff(&d.base, &d.doc)
        .into_iter()
        .find(|c| {
            matches!(
                c.change,
                Change::Changed {
                    field: Field::Kind,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(
        diff_change(Lang::Zh, &kind.change),
        "类型：达标/未达标 → 数值"
    );
    // A number typed wrong in its rule goes with the rule.
    set(
        &mut d,
        Target::Item(at, ItemField::RuleValue(SchoolType::Junior)),
        "三",
    );
    d.apply(ChecklistEdit::SetKind(at, NewItem::YesNo), &now());
    assert!(matches!(d.item(at).unwrap().kind, ItemKind::YesNo { .. }));
    assert!(d.typed.is_empty());
    assert_eq!(d.problems(&[]), vec![]);
    // A computed item keeps its formula: not a kind a form changes.
    let computed = loc_of(&d.doc, "B5.1.5");
    let before = d.revision;
    d.apply(ChecklistEdit::SetKind(computed, NewItem::YesNo), &now());
    assert_eq!(d.revision, before);
}

/// 制作县级清单: a threshold no school can meet (≥ 120 %, ≤ −1) is named on its field, and
/// the checklist cannot be published with it.
#[test]
fn a_threshold_no_school_can_meet_is_named_on_its_field() {
    let base = builtin("yzjh-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Version, "2026.6-x");
    let g11 = loc_of(&d.doc, "G11");
    let value = Target::Item(g11, ItemField::RuleValue(SchoolType::Primary));
    set(&mut d, value, "120");
    let problems = d.problems(&[]);
    let [DraftProblem::Check(issue)] = &problems[..] else {
        panic!("{problems:?}")
    };
    assert_eq!(issue.path, value.path(), "on the field typed");
    assert_eq!(
        ziping_core::i18n::checklist_problem(Lang::Zh, &issue.problem),
        "没有学校能达到这条达标线：这一项的值在 0 到 100 之间"
    );
    // A computed percentage of a part of its whole (G7: trained ÷ full-time teachers) too.
    let g7 = loc_of(&d.doc, "G7");
    set(
        &mut d,
        Target::Item(g7, ItemField::RuleValue(SchoolType::Primary)),
        "120",
    );
    assert!(
        d.problems(&[]).iter().any(|p| p.path() == Target::Item(g7, ItemField::RuleValue(SchoolType::Primary)).path()),
        "{:?}",
        d.problems(&[])
    );
    assert!(d.finished(&[]).is_err());
    set(
        &mut d,
        Target::Item(g7, ItemField::RuleValue(SchoolType::Primary)),
        "100",
    );
    set(&mut d, value, "100");
    assert_eq!(d.problems(&[]), vec![]);
    let g6 = loc_of(&d.doc, "G6");
    set(
        &mut d,
        Target::Item(g6, ItemField::RuleValue(SchoolType::Junior)),
        "-1",
    );
    assert_eq!(d.problems(&[]).len(), 1, "{:?}", d.problems(&[]));
}

/// An item renamed key by key (G3 → G3x): the 资源配置-style rule that lists it follows it, so
/// no problem is left naming the old id; renamed onto another item's id, nothing merges.
#[test]
fn renaming_an_item_carries_the_group_rules_that_list_it() {
    let base = builtin("yzjh-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c1".into(), base, &now());
    set(&mut d, Target::Version, "2026.6-x");
    d.apply(ChecklistEdit::AddGroupRule, &now());
    set(
        &mut d,
        Target::GroupTitle(1, Lang::Zh),
        "功能教室至少3项达标",
    );
    set(&mut d, Target::GroupItems(1), "G1、G2、G3、G4");
    set(&mut d, Target::GroupMinPass(1), "3");
    set(&mut d, Target::GroupClause(1), "县文件第3条");
    assert_eq!(d.problems(&[]), vec![]);
    let g3 = loc_of(&d.doc, "G3");
    let id = Target::Item(g3, ItemField::Id);
    for typed in ["G", "G3", "G3x"] {
        set(&mut d, id, typed);
    }
    assert_eq!(d.doc.group_rules[1].items, ["G1", "G2", "G3x", "G4"]);
    assert_eq!(d.problems(&[]), vec![], "nothing names G3 any more");
    // Onto G4, another item's id: a clash said on the field, the rule's list untouched.
    set(&mut d, id, "G4");
    assert_eq!(d.doc.group_rules[1].items, ["G1", "G2", "G3x", "G4"]);
    assert!(!d.problems(&[]).is_empty());
    // Typed on through it (G4 on the way to G45): the list follows once the id is its own.
    set(&mut d, id, "G45");
    assert_eq!(d.doc.group_rules[1].items, ["G1", "G2", "G45", "G4"]);
    assert_eq!(d.problems(&[]), vec![]);
    // Through an existing id key by key from the start (G45 → G1 → G12): the same.
    for typed in ["G", "G1", "G12"] {
        set(&mut d, id, typed);
    }
    assert_eq!(d.doc.group_rules[1].items, ["G1", "G2", "G12", "G4"]);
    assert_eq!(d.problems(&[]), vec![]);
}

/// A computed sum of percentages a school enters (体质健康合格率, B5.1.5) is at most 100: “≥ 120”
/// on it is named (sums were bounded only below).
#[test]
fn a_sum_of_percentages_cannot_be_asked_above_100() {
    let base = builtin("zlpj-school").unwrap().doc();
    let mut d = ChecklistDraft::new("c9".into(), base, &now());
    set(&mut d, Target::Version, "2026.7-x");
    let b515 = loc_of(&d.doc, "B5.1.5");
    let value = Target::Item(b515, ItemField::RuleValue(SchoolType::Primary));
    set(&mut d, value, "120");
    assert!(
        d.problems(&[]).iter().any(|p| p.path() == value.path()),
        "{:?}",
        d.problems(&[])
    );
    set(&mut d, value, "100");
    assert_eq!(d.problems(&[]), vec![]);
}

/// The item `id` of a checklist as JSON.
fn at<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    v["areas"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|a| a["indicators"].as_array_mut().unwrap().iter_mut())
        .flat_map(|i| i["items"].as_array_mut().unwrap().iter_mut())
        .find(|it| it["id"] == id)
        .unwrap()
}

/// A school can send its county a checklist it edited: which of its changes make the
/// checklist easier to meet is told from those that tighten it or only reword it, so county
/// mode can ask before the officer adopts it.
#[test]
fn a_change_that_eases_a_checklist_is_told_from_one_that_tightens_or_rewords_it() {
    let text = std::fs::read_to_string(root("checklists/yzjh-school.json")).unwrap();
    let base = Checklist::from_json(&text).unwrap();
    let variant = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
        let c = Checklist::from_json(&v.to_string()).unwrap();
        diff(base.doc(), c.doc())
    };
    type Edit = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Edit, bool)> = vec![
        (
            "R1 小学 ≥ 4.2 → ≥ 1",
            Box::new(|v| at(v, "R1")["kind"]["rule"]["primary"]["value"] = 1.into()),
            true,
        ),
        (
            "R1 小学 ≥ 4.2 → ≥ 5",
            Box::new(|v| at(v, "R1")["kind"]["rule"]["primary"]["value"] = 5.into()),
            false,
        ),
        (
            "R1 小学 ≥ → >",
            Box::new(|v| at(v, "R1")["kind"]["rule"]["primary"]["op"] = "gt".into()),
            false,
        ),
        (
            "R1 小学 ≥ → ≤",
            Box::new(|v| at(v, "R1")["kind"]["rule"]["primary"]["op"] = "le".into()),
            true,
        ),
        (
            "G5 ≤ 2000 → ≤ 3000",
            Box::new(|v| at(v, "G5")["kind"]["rule"]["primary"]["value"] = 3000.into()),
            true,
        ),
        (
            "G5 ≤ 2000 → ≤ 1500",
            Box::new(|v| at(v, "G5")["kind"]["rule"]["primary"]["value"] = 1500.into()),
            false,
        ),
        (
            "V1 no veto",
            Box::new(|v| at(v, "V1")["veto"] = false.into()),
            true,
        ),
        (
            "V1 removed",
            Box::new(|v| {
                for a in v["areas"].as_array_mut().unwrap() {
                    for i in a["indicators"].as_array_mut().unwrap() {
                        i["items"]
                            .as_array_mut()
                            .unwrap()
                            .retain(|it| it["id"] != "V1");
                    }
                }
            }),
            true,
        ),
        (
            "6 of 7 → 5 of 7",
            Box::new(|v| v["group_rules"][0]["min_pass"] = 5.into()),
            true,
        ),
        (
            "6 of 7 → 7 of 7",
            Box::new(|v| v["group_rules"][0]["min_pass"] = 7.into()),
            false,
        ),
        (
            "85% → 80%",
            Box::new(|v| v["group_rules"][0]["floor_ratio"] = 0.8.into()),
            true,
        ),
        (
            "reworded",
            Box::new(|v| at(v, "R1")["text"]["zh"] = "改写的指标".into()),
            false,
        ),
        (
            "near items no longer score",
            Box::new(|v| v["group_rules"][0]["near_scores"] = false.into()),
            false,
        ),
        (
            "no 差异系数 for the group",
            Box::new(|v| v["group_rules"][0]["spread"] = false.into()),
            true,
        ),
        (
            "V1 for 小学 only",
            Box::new(|v| at(v, "V1")["applies_to"] = serde_json::json!(["primary"])),
            true,
        ),
    ];
    for (what, edit, eases) in cases {
        let changes = variant(&*edit);
        assert!(!changes.is_empty(), "{what}: a change");
        assert_eq!(
            changes.iter().any(|d| d.eases()),
            eases,
            "{what}: {changes:?}"
        );
    }
    // Four eased: three named, and "等" says there are more.
    let changes = variant(&|v| {
        for id in ["R1", "R2", "R3", "R4"] {
            at(v, id)["kind"]["rule"]["primary"]["value"] = 0.5.into();
        }
    });
    let (count, list) = ziping_core::i18n::eased(Lang::Zh, &changes);
    assert_eq!(count, 4);
    assert!(
        list.contains("R3") && !list.contains("R4") && list.ends_with("；等"),
        "{list}"
    );
}
