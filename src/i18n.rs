//! The string catalogue: every text a user sees, in Chinese and English, in one place.
//!
//! Keys are an enum, so a missing translation is a compile error rather than a blank on screen.

use serde::{Deserialize, Serialize};

/// The interface language. Chinese is the default: principals and county staff read it first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`, so screen readers pick the right voice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

macro_rules! catalogue {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A key into the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every key, for tests that check the catalogue as a whole.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The text of this key in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$key, Lang::Zh) => $zh,
                        (Msg::$key, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

catalogue! {
    AppName => "自评", "ziping";
    AppTagline => "义务教育学校质量自评工具", "School quality self-assessment for compulsory education";
    LangToggle => "English", "中文";
    LangToggleLabel => "切换到英文界面", "Switch the interface to Chinese";
    SkipToContent => "跳到正文", "Skip to content";
    StartHeading => "开始自评", "Start a self-assessment";
    StartIntro => "按照优质均衡督导评估和义务教育质量评价指南的要求逐项填写，系统即时计算每项指标和得分，生成整改清单和自评报告，并导出一个文件报送县教育局。",
        "Fill in the checklists of the 优质均衡 supervision and the compulsory-education quality guide item by item; every indicator and score is computed as you type, an action plan and an A4 report are generated, and one file is exported for the county office.";
    RolePrincipal => "学校（校长）", "Schools (principals)";
    RolePrincipalText => "填写自评清单、查看得分、制定整改清单、打印自评报告、导出报送文件。",
        "Fill in the checklist, see the scores, plan improvements, print the report, export the file to send.";
    RoleCounty => "县教育局", "County education office";
    RoleCountyText => "导入各校报送文件，逐一校验并重新计算，汇总全县差异系数。",
        "Import every school's file, verify and recompute each, and aggregate the county's difference coefficients.";
    OfflineReady => "已可离线使用：断网后仍能打开本工具。", "Ready offline: this tool opens without a network.";
    OfflinePending => "首次打开后即可离线使用。", "Works offline after the first visit.";
    PrivacyNote => "所有数据只保存在本机浏览器中，不会上传到任何服务器。", "All data stays in this browser; nothing is uploaded anywhere.";
    ChecklistsHeading => "内置评估清单", "Built-in checklists";
    ChecklistItems => "项", "items";
    ChecklistBroken => "内置评估清单无法读取（程序错误，请报告）", "A built-in checklist cannot be read (a bug; please report it)";
    ChecklistVersion => "版本", "version";
    FooterNote => "自评 ziping · 离线可用 · 数据不出本机", "ziping · works offline · your data stays on this computer";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for key in Msg::ALL {
            assert!(
                !key.text(Lang::Zh).trim().is_empty(),
                "{key:?} has no Chinese text"
            );
            assert!(
                !key.text(Lang::En).trim().is_empty(),
                "{key:?} has no English text"
            );
        }
    }

    #[test]
    fn chinese_is_the_default_and_toggle_flips() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::En.other().tag(), "zh-CN");
    }
}
