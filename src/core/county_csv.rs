//! The county's tables as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the
//! Chinese correctly), Chinese headers, numbers unrounded.

use crate::core::aggregate::{CountyReport, FileStatus, Side, Spread};
use crate::core::answers::Part;
use crate::core::model::SchoolType;
use crate::core::score::Outcome;

const BOM: &str = "\u{feff}";

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    let bytes = w.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

fn num(n: Option<f64>) -> String {
    // Full precision for spreadsheets (Rust prints the shortest exact form: 5, 0.1397542…).
    n.map(|v| v.to_string()).unwrap_or_default()
}

fn part_name(p: Part) -> &'static str {
    match p {
        Part::Whole => "",
        Part::Primary => "小学部",
        Part::Junior => "初中部",
    }
}

fn type_name(t: Option<SchoolType>) -> &'static str {
    match t {
        Some(SchoolType::Primary) => "小学",
        Some(SchoolType::Junior) => "初中",
        Some(SchoolType::NineYear) => "九年一贯制",
        None => "",
    }
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "达标",
        Outcome::Near => "≥85%",
        Outcome::NotMet => "未达标",
        Outcome::Missing => "未填",
        Outcome::Invalid => "有误",
        Outcome::Undefined => "无法计算",
        _ => "",
    }
}

/// One row per file: school, type, enrolment, total, grade, veto, each indicator per part
/// with its outcome, the school rule, and the file's status.
pub fn schools_csv(report: &CountyReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "文件",
        "状态",
        "学校名称",
        "学校代码",
        "所属县",
        "学校类型",
        "评估清单",
        "在校生数",
        "得分",
        "满分",
        "等级",
        "一票否决",
        "资源配置指标",
        "学校达标规则",
    ]);
    for s in &report.schools {
        let status = match &s.status {
            FileStatus::Ok => "正常".to_string(),
            FileStatus::ResultDiffers => "文件中的结果与重新计算不一致（以重新计算为准）".into(),
            FileStatus::Duplicate { newer } => format!("重复，以较新的文件为准：{newer}"),
            FileStatus::Invalid { error } => format!("无效：{error}"),
        };
        let enrolment = s
            .enrolment
            .iter()
            .map(|(p, n)| format!("{}{}", part_name(*p), num(*n)))
            .collect::<Vec<_>>()
            .join("；");
        let indicators = s
            .indicators
            .iter()
            .map(|c| {
                format!(
                    "{}{} {} {}",
                    c.item,
                    part_name(c.part),
                    num(c.value),
                    outcome_name(c.outcome)
                )
            })
            .collect::<Vec<_>>()
            .join("；");
        let rule = s
            .rule
            .iter()
            .map(|(p, h)| {
                format!(
                    "{}{}",
                    part_name(*p),
                    match h {
                        Some(true) => "符合",
                        Some(false) => "不符合",
                        None => "待定",
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("；");
        let ok = !matches!(s.status, FileStatus::Invalid { .. });
        let _ = w.write_record([
            s.file.as_str(),
            &status,
            &s.school_name,
            &s.school_code,
            &s.county,
            type_name(s.school_type),
            &s.checklist,
            &enrolment,
            &if ok {
                num(Some(s.earned))
            } else {
                String::new()
            },
            &if ok { num(Some(s.max)) } else { String::new() },
            s.grade
                .as_deref()
                .unwrap_or(if s.vetoed { "一票否决" } else { "" }),
            if !ok {
                ""
            } else if s.vetoed {
                "是"
            } else {
                "否"
            },
            &indicators,
            &rule,
        ]);
    }
    finish(w)
}

/// One row per indicator and side: schools, students, weighted mean, SD, 差异系数, the limit
/// and whether it is within, and how many schools reach the threshold.
pub fn figures_csv(report: &CountyReport) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "评估清单",
        "指标",
        "学段",
        "学校数",
        "在校生数",
        "加权平均值",
        "加权标准差",
        "差异系数",
        "限值",
        "是否达到",
        "达标学校数",
        "说明",
    ]);
    for f in &report.figures {
        let (mean, sd, cv, note) = match f.spread {
            Spread::Computed { mean, sd, cv } => (Some(mean), Some(sd), Some(cv), ""),
            Spread::OneSchool { mean } => {
                (Some(mean), None, None, "只有一所学校，无法计算差异系数")
            }
            Spread::NoSchools => (None, None, None, "没有学校报告此指标"),
            Spread::NoStudents => (None, None, None, "在校生数为0，无法加权"),
            Spread::ZeroMean => (Some(0.0), None, None, "加权平均值为0，差异系数无意义"),
        };
        let side = match f.side {
            Side::Primary => "小学",
            Side::Junior => "初中",
        };
        let within = match f.within_limit {
            Some(true) => "是",
            Some(false) => "否",
            None => "",
        };
        let _ = w.write_record([
            f.checklist.as_str(),
            &f.item,
            side,
            &f.schools.to_string(),
            &num(Some(f.students)),
            &num(mean),
            &num(sd),
            &num(cv),
            &num(Some(f.limit)),
            within,
            &f.schools_meeting.to_string(),
            note,
        ]);
    }
    finish(w)
}
