//! The built-in checklists against their sources: every threshold, written here by hand
//! from ../shared/reference/standards.md and the seeds, must equal the data (a typo in either
//! fails), and a complete example school of every type scores without a warning.

mod common;

use common::{example_school, root};
use std::collections::BTreeSet;
use ziping_core::core::answers::{Part, Slot, Value};
use ziping_core::core::builtin::builtins;
use ziping_core::core::checklist::Checklist;
use ziping_core::core::model::{Comparison, ItemKind, SchoolType};
use ziping_core::core::score::{assess, Outcome};

/// (checklist, item, rule key, op, value, unit) — from the sources, not from the data.
const THRESHOLDS: &[(&str, &str, &str, &str, f64, &str)] = &[
    // 教督〔2017〕6号 资源配置 (standards.md §1.1): minimums, "以上" = ≥.
    ("yzjh-school", "R1", "primary", "ge", 4.2, "人"),
    ("yzjh-school", "R1", "junior", "ge", 5.3, "人"),
    ("yzjh-school", "R2", "primary", "ge", 1.0, "人"),
    ("yzjh-school", "R2", "junior", "ge", 1.0, "人"),
    ("yzjh-school", "R3", "primary", "ge", 0.9, "人"),
    ("yzjh-school", "R3", "junior", "ge", 0.9, "人"),
    ("yzjh-school", "R4", "primary", "ge", 4.5, "㎡"),
    ("yzjh-school", "R4", "junior", "ge", 5.8, "㎡"),
    ("yzjh-school", "R5", "primary", "ge", 7.5, "㎡"),
    ("yzjh-school", "R5", "junior", "ge", 10.2, "㎡"),
    ("yzjh-school", "R6", "primary", "ge", 2000.0, "元"),
    ("yzjh-school", "R6", "junior", "ge", 2500.0, "元"),
    ("yzjh-school", "R7", "primary", "ge", 2.3, "间"),
    ("yzjh-school", "R7", "junior", "ge", 2.4, "间"),
    // §1.2 政府保障程度, school-checkable.
    ("yzjh-school", "G1", "primary", "ge", 1.0, "间/12班"),
    ("yzjh-school", "G1", "junior", "ge", 1.0, "间/12班"),
    ("yzjh-school", "G1", "nine_year", "ge", 1.0, "间/12班"),
    ("yzjh-school", "G2", "primary", "ge", 1.0, "间/12班"),
    ("yzjh-school", "G2", "junior", "ge", 1.0, "间/12班"),
    ("yzjh-school", "G2", "nine_year", "ge", 1.0, "间/12班"),
    ("yzjh-school", "G3", "primary", "ge", 96.0, "㎡"),
    ("yzjh-school", "G3", "junior", "ge", 96.0, "㎡"),
    ("yzjh-school", "G3", "nine_year", "ge", 96.0, "㎡"),
    ("yzjh-school", "G4", "primary", "ge", 90.0, "㎡"),
    ("yzjh-school", "G4", "junior", "ge", 90.0, "㎡"),
    ("yzjh-school", "G4", "nine_year", "ge", 90.0, "㎡"),
    ("yzjh-school", "G5", "primary", "le", 2000.0, "人"),
    ("yzjh-school", "G5", "junior", "le", 2000.0, "人"),
    ("yzjh-school", "G5", "nine_year", "le", 2500.0, "人"),
    ("yzjh-school", "G6", "primary", "le", 45.0, "人"),
    ("yzjh-school", "G6", "junior", "le", 50.0, "人"),
    ("yzjh-school", "G7", "primary", "ge", 100.0, "%"),
    ("yzjh-school", "G7", "junior", "ge", 100.0, "%"),
    ("yzjh-school", "G8", "primary", "ge", 10.0, "%"),
    ("yzjh-school", "G8", "junior", "ge", 10.0, "%"),
    ("yzjh-school", "G8", "nine_year", "ge", 10.0, "%"),
    ("yzjh-school", "G9", "primary", "ge", 20.0, "%"),
    ("yzjh-school", "G9", "junior", "ge", 20.0, "%"),
    ("yzjh-school", "G9", "nine_year", "ge", 20.0, "%"),
    ("yzjh-school", "G10", "primary", "ge", 100.0, "%"),
    ("yzjh-school", "G10", "junior", "ge", 100.0, "%"),
    // 就近入学比例: 小学 100%, 初中 ≥ 95% (the 办法, 政府保障程度; a county rate the school contributes to).
    ("yzjh-school", "G11", "primary", "ge", 100.0, "%"),
    ("yzjh-school", "G11", "junior", "ge", 95.0, "%"),
    // §1.3 教育质量 and §1.4 社会认可度.
    ("yzjh-school", "Q1", "junior", "ge", 95.0, "%"),
    ("yzjh-school", "Q3", "primary", "ge", 5.0, "%"),
    ("yzjh-school", "Q3", "junior", "ge", 5.0, "%"),
    ("yzjh-school", "Q3", "nine_year", "ge", 5.0, "%"),
    ("yzjh-school", "S1", "primary", "ge", 85.0, "%"),
    ("yzjh-school", "S1", "junior", "ge", 85.0, "%"),
    ("yzjh-school", "S1", "nine_year", "ge", 85.0, "%"),
    // 办学质量: seeds 000, 002, 003 and 教基〔2017〕9号 (standards.md §3, §5).
    ("zlpj-school", "B2.2.1", "primary", "ge", 100.0, "%"),
    ("zlpj-school", "B2.2.1", "junior", "ge", 100.0, "%"),
    ("zlpj-school", "B2.2.1", "nine_year", "ge", 100.0, "%"),
    ("zlpj-school", "B2.3.2", "primary", "le", 60.0, "分钟"),
    ("zlpj-school", "B2.3.2", "junior", "le", 90.0, "分钟"),
    ("zlpj-school", "B3.2.1", "primary", "ge", 5.0, "%"),
    ("zlpj-school", "B3.2.1", "junior", "ge", 5.0, "%"),
    ("zlpj-school", "B3.2.1", "nine_year", "ge", 5.0, "%"),
    ("zlpj-school", "B4.2.1", "primary", "ge", 1000.0, "Mbps"),
    ("zlpj-school", "B4.2.1", "junior", "ge", 1000.0, "Mbps"),
    ("zlpj-school", "B4.2.1", "nine_year", "ge", 1000.0, "Mbps"),
    ("zlpj-school", "B4.2.2", "primary", "ge", 100.0, "Mbps"),
    ("zlpj-school", "B4.2.2", "junior", "ge", 100.0, "Mbps"),
    ("zlpj-school", "B4.2.2", "nine_year", "ge", 100.0, "Mbps"),
    ("zlpj-school", "B4.3.1", "primary", "ge", 100.0, "%"),
    ("zlpj-school", "B4.3.1", "junior", "ge", 100.0, "%"),
    ("zlpj-school", "B4.3.2", "primary", "ge", 2.0, "次"),
    ("zlpj-school", "B4.3.2", "junior", "ge", 2.0, "次"),
    ("zlpj-school", "B4.3.2", "nine_year", "ge", 2.0, "次"),
    ("zlpj-school", "B5.1.1", "primary", "ge", 60.0, "分钟"),
    ("zlpj-school", "B5.1.1", "junior", "ge", 60.0, "分钟"),
    ("zlpj-school", "B5.1.1", "nine_year", "ge", 60.0, "分钟"),
    ("zlpj-school", "B5.1.4", "primary", "ge", 2.0, "次"),
    ("zlpj-school", "B5.1.4", "junior", "ge", 2.0, "次"),
    ("zlpj-school", "B5.1.4", "nine_year", "ge", 2.0, "次"),
    ("zlpj-school", "B5.1.5", "primary", "ge", 95.0, "%"),
    ("zlpj-school", "B5.1.5", "junior", "ge", 95.0, "%"),
    ("zlpj-school", "B5.1.5", "nine_year", "ge", 95.0, "%"),
    ("zlpj-school", "B5.1.6", "primary", "ge", 50.0, "%"),
    ("zlpj-school", "B5.1.6", "junior", "ge", 50.0, "%"),
    ("zlpj-school", "B5.1.6", "nine_year", "ge", 50.0, "%"),
    ("zlpj-school", "B5.1.7", "primary", "ge", 0.5, "个百分点"),
    ("zlpj-school", "B5.1.7", "junior", "ge", 0.5, "个百分点"),
    ("zlpj-school", "B5.1.7", "nine_year", "ge", 0.5, "个百分点"),
    // 篇三 第8项: the fitness rates "并逐年提高": this year above last year.
    ("zlpj-school", "B5.1.16", "primary", "gt", 0.0, "个百分点"),
    ("zlpj-school", "B5.1.16", "junior", "gt", 0.0, "个百分点"),
    ("zlpj-school", "B5.1.16", "nine_year", "gt", 0.0, "个百分点"),
    ("zlpj-school", "B5.1.17", "primary", "gt", 0.0, "个百分点"),
    ("zlpj-school", "B5.1.17", "junior", "gt", 0.0, "个百分点"),
    ("zlpj-school", "B5.1.17", "nine_year", "gt", 0.0, "个百分点"),
    ("zlpj-school", "B5.1.11", "primary", "ge", 10.0, "小时"),
    ("zlpj-school", "B5.1.11", "junior", "ge", 9.0, "小时"),
];

/// The built-ins plus every county variant file shipped in `checklists/`.
fn all() -> Vec<Checklist> {
    let mut list = builtins().unwrap_or_else(|(name, e)| panic!("{name}: {e}"));
    let ids: Vec<String> = list.iter().map(|c| c.doc().id.clone()).collect();
    for entry in std::fs::read_dir(root("checklists")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue; // archive/: earlier versions, see below
        }
        let text = std::fs::read_to_string(path).unwrap();
        let c = Checklist::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
        if !ids.contains(&c.doc().id) {
            list.push(c);
        }
    }
    list
}

fn by_id(id: &str) -> Checklist {
    all()
        .into_iter()
        .find(|c| c.doc().id == id)
        .unwrap_or_else(|| panic!("no built-in {id}"))
}

/// Every threshold in the data as (checklist, item, key, op, value, unit).
fn thresholds_in(c: &Checklist) -> Vec<(String, String, String, String, f64, String)> {
    let mut out = Vec::new();
    for (_, item) in c.items() {
        let (unit, rule) = match &item.kind {
            ItemKind::Number { unit, rule } | ItemKind::Computed { unit, rule, .. } => (unit, rule),
            _ => continue,
        };
        for (key, cmp) in [
            ("primary", rule.primary),
            ("junior", rule.junior),
            ("nine_year", rule.nine_year),
        ] {
            let Some(cmp) = cmp else { continue };
            let (op, value) = match cmp {
                Comparison::Ge { value } => ("ge", value),
                Comparison::Gt { value } => ("gt", value),
                Comparison::Le { value } => ("le", value),
                Comparison::Lt { value } => ("lt", value),
                Comparison::Between { .. } => panic!("no built-in uses a range"),
            };
            out.push((
                c.doc().id.clone(),
                item.id.clone(),
                key.into(),
                op.into(),
                value,
                unit.clone(),
            ));
        }
    }
    out
}

#[test]
fn every_threshold_matches_its_source() {
    let expected: BTreeSet<String> = THRESHOLDS
        .iter()
        .map(|(c, i, k, op, v, u)| format!("{c} {i} {k} {op} {v} {u}"))
        .collect();
    let mut actual = BTreeSet::new();
    for c in all()
        .iter()
        .filter(|c| c.doc().id != "zlpj-school-hengyang")
    {
        for (c, i, k, op, v, u) in thresholds_in(c) {
            actual.insert(format!("{c} {i} {k} {op} {v} {u}"));
        }
    }
    let missing: Vec<_> = expected.difference(&actual).collect();
    let unexpected: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "in the table only: {missing:#?}\nin the data only: {unexpected:#?}"
    );
}

#[test]
fn the_resource_rule_is_six_of_seven_with_an_85_percent_floor() {
    let c = by_id("yzjh-school");
    let rule = &c.doc().group_rules[0];
    assert_eq!(rule.items, ["R1", "R2", "R3", "R4", "R5", "R6", "R7"]);
    assert_eq!((rule.min_pass, rule.floor_ratio), (6, 0.85));
    let split = c.doc().split.as_ref().unwrap();
    assert_eq!((split.primary_weight, split.junior_weight), (1.0, 1.1));
    assert!(
        !split.source.verified,
        "the 1 : 1.1 split is a convention [M], marked unverified"
    );
    let vetoes: Vec<_> = c
        .items()
        .filter(|(_, i)| i.veto)
        .map(|(_, i)| i.id.as_str())
        .collect();
    // The 2017 办法's vetoes a school can be judged on: entrance exams, unlawful selection, key
    // classes, key schools. Public satisfaction under 85 % vetoes the county (S1 is a county
    // result, computed in county mode), never one school on its own survey figure.
    assert_eq!(vetoes, ["V1", "V2", "V3", "V4"]);
}

#[test]
fn vetoes_and_caps_follow_the_sources() {
    use ziping_core::core::answers::{Slot, Value};
    // 社会认可度 is the county's: a school's 84.9 % neither vetoes nor scores it.
    let c = by_id("yzjh-school");
    let mut a = example_school(&c, SchoolType::Primary);
    a.set(Slot::whole("S1"), Value::Number("84.9".into()));
    let r = assess(&c, SchoolType::Primary, &a);
    assert!(
        !r.grade.vetoed && r.grade.capped_by.is_empty(),
        "{:?}",
        r.grade
    );
    a.set(Slot::whole("S1"), Value::Number("85".into()));
    // Failing G6 (大班额) alone scored 80/83 = 96.4 % → 达标; every 政府保障程度 and 教育质量
    // item must be met, so the grade is at most 基本达标.
    a.set(Slot::whole("G6"), Value::Number("46".into()));
    let r = assess(&c, SchoolType::Primary, &a);
    assert!(r.percent.unwrap() >= 95.0, "{:?}", r.percent);
    assert_eq!(r.grade.band.as_deref(), Some("mostly"));
    assert_eq!(r.grade.capped_by, ["G6"]);
    // The six 严禁 of seed 001 (十三) are vetoes in the 办学质量 checklist, and 违规择校 is checked.
    let z = by_id("zlpj-school");
    let vetoes: Vec<&str> = z
        .items()
        .filter(|(_, i)| i.veto)
        .map(|(_, i)| i.id.as_str())
        .collect();
    for id in ["B4.1.2", "B4.1.3", "B4.1.4", "B4.1.8", "B4.1.9", "B6.1.5"] {
        assert!(vetoes.contains(&id), "{id} is a veto: {vetoes:?}");
    }
    assert!(z.item("B4.1.2").unwrap().text.zh.contains("重点校"));
    assert!(
        z.item("B6.1.5").unwrap().text.zh.starts_with("学校不向"),
        "the school's own duty"
    );
}

/// Every source cited (items, group rules, the split) is described in the checklist's list of
/// sources, and every source described is cited: no citation points nowhere, no source is
/// listed for show.
#[test]
fn every_citation_resolves_and_every_source_is_cited() {
    for c in all() {
        let d = c.doc();
        let mut cited: Vec<&str> = c.items().map(|(_, i)| i.source.source.as_str()).collect();
        cited.extend(d.group_rules.iter().map(|g| g.source.source.as_str()));
        cited.extend(d.split.iter().map(|s| s.source.source.as_str()));
        for id in &cited {
            assert!(
                d.sources.iter().any(|s| s.id == *id),
                "{}: {id} cited, not described",
                d.id
            );
        }
        for s in &d.sources {
            assert!(
                cited.contains(&s.id.as_str()),
                "{}: source {} listed, never cited",
                d.id,
                s.id
            );
        }
        // The clause cited for a seed is in that seed, where the clause quotes it.
        for (_, item) in c.items() {
            let clause = &item.source.clause;
            if let (Some(seed), Some(start)) = (
                c.source(&item.source.source).and_then(|s| s.seed.clone()),
                clause.find('“'),
            ) {
                let Ok(text) = std::fs::read_to_string(root(&format!("../shared/seeds/{seed}")))
                else {
                    continue; // CI without shared/: the table tests still run
                };
                let quote: String = clause[start + '“'.len_utf8()..]
                    .chars()
                    .take_while(|&ch| ch != '”')
                    .collect();
                // Compare without spaces and ASCII/full-width punctuation differences.
                let squash = |t: &str| {
                    t.chars()
                        .filter(|ch| !ch.is_whitespace())
                        .map(|ch| match ch {
                            '，' => ',',
                            '：' => ':',
                            '；' => ';',
                            other => other,
                        })
                        .collect::<String>()
                };
                let first = quote.split(['、', '…']).next().unwrap_or(&quote);
                assert!(
                    squash(&text).contains(&squash(first)),
                    "{} {}: “{first}” is not in {seed}",
                    d.id,
                    item.id
                );
            }
        }
    }
}

#[test]
fn citations_point_where_the_text_is() {
    let z = by_id("zlpj-school");
    let clause = |id: &str| z.item(id).unwrap().source.clone();
    for id in ["B2.3.1", "B2.3.2"] {
        assert!(
            clause(id).clause.starts_with("篇四"),
            "homework limits are in 篇四: {id}"
        );
    }
    for id in ["B5.1.5", "B5.1.6", "B5.1.7", "B5.1.16", "B5.1.17"] {
        let c = clause(id).clause;
        assert!(
            c.starts_with("篇三 第8项") && c.contains("地方目标"),
            "{id}: {c}"
        );
    }
    assert_eq!(clause("B3.1.2").source, "seed003");
    assert_eq!(clause("B5.1.11").source, "sleep2021");
    for c in [z, by_id("yzjh-school")] {
        let split = c.doc().split.clone().unwrap();
        assert_eq!(
            split.source.source, "ziping",
            "the 1 : 1.1 split is this tool's convention"
        );
        assert!(!split.source.verified);
    }
}

#[test]
fn the_county_variant_differs_only_in_its_pe_rule() {
    let national = by_id("zlpj-school");
    let county = by_id("zlpj-school-hengyang");
    let mut differing = Vec::new();
    for ((_, a), (_, b)) in national.items().zip(county.items()) {
        assert_eq!(a.id, b.id);
        if a != b {
            differing.push(a.id.clone());
        }
    }
    assert_eq!(differing, ["B5.1.1"]);
    let pe = county.item("B5.1.1").unwrap();
    match &pe.kind {
        ItemKind::Number { rule, unit } => {
            assert_eq!(unit, "分钟");
            assert_eq!(rule.primary, Some(Comparison::Ge { value: 90.0 }));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(pe.source.source, "seed000");
}

#[test]
fn every_item_says_where_it_comes_from() {
    for c in all() {
        for (_, item) in c.items() {
            let source = c
                .source(&item.source.source)
                .expect("resolves (checked at parse)");
            assert!(
                !item.source.clause.trim().is_empty(),
                "{} {}",
                c.doc().id,
                item.id
            );
            assert!(!source.title.is_empty());
            if let Some(seed) = &source.seed {
                let path = root(&format!("../shared/seeds/{seed}"));
                assert!(
                    std::path::Path::new(&path).exists() || std::env::var("CI").is_ok(),
                    "{path}"
                );
            }
        }
    }
}

#[test]
fn a_complete_example_school_of_every_type_scores_without_warnings() {
    for c in all() {
        for t in SchoolType::ALL {
            let r = assess(&c, t, &example_school(&c, t));
            let name = format!("{} {t:?}", c.doc().id);
            assert!(
                r.is_complete(),
                "{name}: missing {:?}, invalid {:?}",
                r.missing,
                r.invalid
            );
            assert!(r.warnings.is_empty(), "{name}: {:?}", r.warnings);
            assert!(r.shortfalls.is_empty(), "{name}: {:#?}", r.shortfalls);
            assert!(!r.grade.vetoed);
            assert_eq!(r.total.earned, r.total.max, "{name}");
            let top = c
                .doc()
                .grades
                .iter()
                .max_by(|a, b| a.min_percent.total_cmp(&b.min_percent))
                .unwrap();
            assert_eq!(r.grade.band.as_deref(), Some(top.id.as_str()), "{name}");
            for item in r.items.iter().filter(|i| i.applicable) {
                for p in &item.parts {
                    assert!(
                        matches!(p.outcome, Outcome::Met | Outcome::Noted),
                        "{name} {} {:?}",
                        item.id,
                        p.outcome
                    );
                }
            }
        }
    }
}

#[test]
fn a_nine_year_school_is_checked_per_part_on_resources() {
    let c = by_id("yzjh-school");
    let mut a = example_school(&c, SchoolType::NineYear);
    // 初中 part: 1040 students; 52 teachers above degree → 5.0 per 100 < 5.3 (94%: near).
    a.set(
        Slot::new("teachers_above_degree", Part::Junior),
        Value::Number("52".into()),
    );
    let r = assess(&c, SchoolType::NineYear, &a);
    let r1 = r.items.iter().find(|i| i.id == "R1").unwrap();
    assert_eq!(
        r1.parts
            .iter()
            .map(|p| (p.part, p.outcome))
            .collect::<Vec<_>>(),
        [(Part::Primary, Outcome::Met), (Part::Junior, Outcome::Near)]
    );
    let junior_rule = r.groups.iter().find(|g| g.part == Part::Junior).unwrap();
    assert_eq!((junior_rule.passed, junior_rule.holds), (6, Some(true)));
    // The split of its shared inputs, as the pages show it: the checklist's weights, the
    // shares its enrolment gives, and which items divide a shared input.
    let split = r
        .split
        .expect("a 九年一贯制 school on a checklist with a split");
    let rule = c.doc().split.as_ref().unwrap();
    assert_eq!(
        (split.primary_weight, split.junior_weight),
        (rule.primary_weight, rule.junior_weight)
    );
    let (sp, sj) = split.shares.expect("both enrolments entered");
    assert!((sp + sj - 1.0).abs() < 1e-9 && sp > 0.0 && sj > 0.0);
    let split_items: Vec<&str> = r
        .items
        .iter()
        .filter(|i| i.split)
        .map(|i| i.id.as_str())
        .collect();
    assert!(
        !split_items.is_empty() && !split_items.contains(&"R1"),
        "{split_items:?}"
    );
    // Another school type has no split.
    let primary = assess(
        &c,
        SchoolType::Primary,
        &example_school(&c, SchoolType::Primary),
    );
    assert!(primary.split.is_none() && primary.items.iter().all(|i| !i.split));
}

#[test]
fn every_file_in_checklists_is_built_in_or_a_county_variant() {
    use ziping_core::core::builtin::FILES;
    let mut on_disk: Vec<String> = std::fs::read_dir(root("checklists"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let embedded: Vec<&str> = FILES.iter().map(|(name, _)| *name).collect();
    let variants: Vec<&String> = on_disk
        .iter()
        .filter(|f| !embedded.contains(&f.as_str()))
        .collect();
    assert_eq!(variants, ["zlpj-school-hengyang.json"]);
    for (name, text) in FILES.iter().chain(ziping_core::core::builtin::ARCHIVED) {
        let from_disk = std::fs::read_to_string(root(&format!("checklists/{name}"))).unwrap();
        let (embedded, on_disk) = (
            Checklist::from_json(text).unwrap(),
            Checklist::from_json(&from_disk).unwrap(),
        );
        assert_eq!(
            embedded.sha256(),
            on_disk.sha256(),
            "{name} embedded as on disk"
        );
        assert_eq!(embedded.doc(), on_disk.doc(), "{name} embedded as on disk");
        assert!(
            text.len() * 10 < from_disk.len() * 7,
            "{name} embedded without its indentation ({} of {} bytes)",
            text.len(),
            from_disk.len()
        );
    }
    let archived = std::fs::read_dir(root("checklists/archive"))
        .unwrap()
        .count();
    assert_eq!(
        archived,
        ziping_core::core::builtin::ARCHIVED.len(),
        "every archived file embedded"
    );
}

/// Last year's files were made with last year's checklist versions: county mode and the
/// command line still read them, while a new self-assessment only ever gets the current ones.
#[test]
fn earlier_versions_are_kept_for_reading_last_years_files() {
    use ziping_core::core::builtin::{readable, ARCHIVED};
    let current = builtins().unwrap();
    let all = readable().unwrap();
    assert_eq!(all.len(), current.len() + ARCHIVED.len());
    for old in &all[current.len()..] {
        let doc = old.doc();
        let now = current
            .iter()
            .find(|c| c.doc().id == doc.id)
            .unwrap_or_else(|| panic!("{} archived, but no longer built in", doc.id));
        assert!(
            doc.version < now.doc().version,
            "{} {} is older than {}",
            doc.id,
            doc.version,
            now.doc().version
        );
    }
    let dir = root("tests/corpus/last-year");
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(ziping_core::core::export::verify(&text, &all).is_ok());
        assert!(
            ziping_core::core::export::verify(&text, &current).is_err(),
            "made with an earlier version"
        );
    }
}
