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

mod roster;
pub use roster::{roster_issue, roster_problem, settings_problem, settings_problems};

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

macro_rules! sayings {
    ($($key:ident { $($arg:ident),* } => $zh:literal, $en:literal;)*) => {
        /// A message with values in it. Each value is a named field, so passing them in the
        /// wrong order does not compile (a positional `fill` once printed "7 of 5 schools").
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Say<'a> { $($key { $($arg: &'a str),* }),* }

        impl Say<'_> {
            /// Every message's name, templates and fields, for the test that each template
            /// uses exactly its fields.
            pub const TEMPLATES: &'static [(&'static str, &'static str, &'static str, &'static [&'static str])] =
                &[$((stringify!($key), $zh, $en, &[$(stringify!($arg)),*])),*];

            /// The message in `lang`, its values in their places.
            pub fn text(&self, lang: Lang) -> String {
                match *self {
                    $(Say::$key { $($arg),* } => render(
                        match lang { Lang::Zh => $zh, Lang::En => $en },
                        &[$((stringify!($arg), $arg)),*],
                    ),)*
                }
            }
        }
    };
}

/// Puts each value where its `{name}` stands, in one pass (a value is never read as a
/// placeholder); `{name|one|other}` puts `one` when the value of `name` is 1, else `other` (an
/// English noun after its count: "{rows} {rows|row|rows}").
fn render(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) => {
                // `{name|one|other}`: a noun that agrees with the count `name`.
                let (name, forms) = match name.split_once('|') {
                    Some((name, forms)) => (name, forms.split_once('|')),
                    None => (name, None),
                };
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => match forms {
                        Some((one, other)) => out.push_str(if *v == "1" { one } else { other }),
                        None => out.push_str(v),
                    },
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
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
    RoleCountyText => "导入各校报送文件，逐一校验并重新计算，汇总全县差异系数；制作本县的评估清单发给各校。",
        "Import every school's file, verify and recompute each, and aggregate the county's difference coefficients; make the county's own checklist for its schools.";
    OfflineReady => "已可离线使用：断网后仍能打开本工具。", "Ready offline: this tool opens without a network.";
    OfflinePending => "首次打开后即可离线使用。", "Works offline after the first visit.";
    PrivacyNote => "所有数据只保存在本机浏览器中，不会上传到任何服务器。", "All data stays in this browser; nothing is uploaded anywhere.";
    ChecklistsHeading => "内置评估清单", "Built-in checklists";
    ChecklistItems => "项", "items";
    ChecklistBroken => "内置评估清单无法读取（程序错误，请报告）", "A built-in checklist cannot be read (a bug; please report it)";
    ChecklistVersion => "版本", "version";
    ColVersion => "版本", "Version";
    FooterNote => "自评 ziping · 离线可用 · 数据不出本机", "ziping · works offline · your data stays on this computer";
    Loading => "正在打开…", "Opening…";
    AttachEvidence => "添加佐证文件", "Attach an evidence file";
    AttachmentNote => "文件留在本机；报送文件只记录文件名、大小和校验值。", "Files stay on this computer; the submission records their name, size and checksum.";
    NotUtf8Text => "文件不是 UTF-8 编码的文本", "the file is not UTF-8 text";
    CountyEnter => "进入县级汇总", "Open county mode";
    CountyHeading => "县级汇总", "County mode";
    CountyIntro => "把各校的报送文件（可多选，或选择整个文件夹）拖到这里。每个文件都会校验并按原始数据重新计分，再按在校生数加权汇总全县的差异系数。文件只在本机处理。", "Drop the schools' submission files here (several at once, or a whole folder). Each is verified and re-scored from its raw answers, then the county's enrolment-weighted difference coefficients are computed. Files stay on this computer.";
    CountyPickFiles => "选择报送文件", "Choose submission files";
    CountyPickFolder => "选择文件夹", "Choose a folder";
    CountyChoose => "汇总的县：", "County aggregated:";
    CountyWithin => "达到", "within";
    CountyBeyond => "未达到", "beyond the limit";
    CountyAskWhy => "差异系数、达标学校和打印稿都按一个县计算；其他县的文件留在表中，标为“其他县”，不计入。", "The coefficients, the schools meeting the standard and the printout are for one county; the other counties' files stay in the table as “other county”, not counted.";
    CountyClear => "清空", "Clear";
    CountyClearConfirm => "清空这批文件？它们和你的选择（计入的文件、汇总的县、归入名册的学校）将从本浏览器删除，原文件不受影响。", "Clear this batch? Its files and your choices (files counted, the county, schools assigned to the roster) are removed from this browser; the original files are not touched.";
    CountyAddHint => "可以分多次选择或拖入文件，新文件会加入已有的文件；同一个文件只计一次。评估清单文件（县级清单）也可以一起拖入。", "Pick or drop files as often as needed: new files join the ones already here; the same file counts once. County checklist files can be dropped in with them.";
    CountyChecklists => "可用的县级评估清单（内置清单之外）：", "County checklists available (besides the built-ins):";
    CountyRefused => "未读取的文件：", "Files not read:";
    CountyChecklistsHeading => "本机的县级评估清单", "County checklists on this computer";
    CountyChecklistsNote => "载入过的县级清单保存在本机，县级汇总也会使用它们。清单以编号、版本和内容校验值为准。", "County checklists loaded before are kept on this computer; county mode uses them too. A checklist is its id, version and content hash.";
    ContentHash => "校验值", "hash";
    RemoveChecklistConfirm => "从本机移除这份县级清单？用它填写的草稿不受影响（草稿保存了清单全文）。", "Remove this county checklist from this computer? Drafts made with it keep their own copy.";
    CountyRatesHeading => "县域比例（由各校数据汇总）", "County rates (from the schools' figures)";
    CountyRatesNote => "交流轮岗、培训完成、巩固率、就近入学等要求针对全县：比例按各校原始数据合计计算（如交流人数之和 ÷ 符合条件人数之和），各校报告的比例按在校生数加权。", "Exchange, training, retention and catchment admission are county-wide requirements: ratios are computed from the schools' raw counts added up (exchanged ÷ eligible over all schools), rates the schools report are weighted by enrolment.";
    CountyRateValue => "全县", "County";
    CountyWhole => "全部学段", "all levels";
    CountyPickThis => "计入此文件", "Count this file";
    CsvSchoolsName => "学校表", "schools";
    CsvFiguresName => "差异系数表", "county-figures";
    CountyFigures => "全县资源配置差异系数", "County difference coefficients";
    CountySchools => "学校列表", "Schools";
    CountyFilter => "筛选（学校名称、代码、学年或状态）", "Filter (school name, code, school year or status)";
    CountyCsvSchools => "下载学校表（CSV）", "Download the school table (CSV)";
    CountyCsvFigures => "下载差异系数表（CSV）", "Download the county figures (CSV)";
    CountyPrint => "打印汇总", "Print the summary";

    CountyOneSchool => "只有一所学校", "one school only";
    CountyNoData => "无数据", "no data";
    CountyNoStudents => "在校生数为0", "no students";
    CountyZeroMean => "平均值为0", "mean is 0";
    StatusOk => "正常", "OK";
    StatusIncomplete => "未完成", "incomplete";
    StatusResultDiffers => "结果不一致", "result differs";
    StatusResultDiffersDetail => "文件中保存的结果与按原始数据重新计算的不同，以重新计算为准", "the result stored in the file differs from the one recomputed from its raw answers; the recomputed one is used";
    StatusDuplicate => "重复", "duplicate";
    StatusConflict => "冲突", "conflict";
    StatusFutureTime => "时间异常", "dated in the future";
    StatusFutureTimeDetail => "导出时间晚于现在（电脑时钟有误或文件被改过），暂不计入；确认无误后可选定计入", "exported later than now (a wrong clock or an edited file); not counted unless you choose it";
    StatusOtherCounty => "其他县", "other county";
    StatusOtherCountyDetail => "不属于正在汇总的县，不计入", "not in the county being aggregated; not counted";
    StatusUnidentified => "无法识别", "unidentified";
    StatusUnidentifiedDetail => "文件既没有学校名称也没有学校代码，无法判断是哪所学校，不计入", "the file has neither a school name nor a school code, so whose it is cannot be told; not counted";
    StatusNotInRoster => "不在名册", "not in roster";
    StatusNotInRosterDetail => "学校代码不在本县学校名册中，不计入：请把文件归到名册中的学校，或把学校加入名册", "the school code is not in the county's roster; not counted: assign the file to a roster school, or add the school to the roster";
    StatusChecklistNotAccepted => "清单未采用", "checklist not accepted";
    StatusOtherYear => "非评估学年", "other school year";
    StatusMissing => "未报送", "not submitted";
    ConflictSameTimeOnly => "导出时间相同但内容不同，无法判断哪个较新：请选定要计入的文件", "exported at the same time with other content, so neither is newer: choose the file to count";
    RosterNoRows => "名册中没有学校", "the roster lists no school";
    CsvRosterCode => "名册学校代码", "Roster code";
    CsvRosterName => "名册学校名称", "Roster name";
    CsvTownship => "乡镇", "Township";
    CsvRosterCheck => "与名册核对", "Against the roster";
    RosterNameDiffers => "校名与名册不同", "name differs from the roster";
    RosterAssigned => "由县里归入名册学校", "assigned to a roster school by the county";
    RosterNoName => "没有学校名称", "no school name";
    RosterNoType => "请选择学校类型", "choose the school type";
    ChooseOne => "请选择", "Choose";
    RosterEmptyFile => "文件是空的", "the file is empty";
    SettingsReplaceConfirm => "用这个文件替换本县现在的设置？现在的设置（和尚未保存的修改）将被替换（可以先导出设置文件）。", "Replace the county's settings with this file? The current settings (and unsaved changes) will be replaced (you can save them as a file first).";
    SettingsIsSubmission => "这是学校的报送文件，不是县级设置文件：报送文件请用“选择报送文件”添加", "this is a school's submission, not a settings file: add submissions with “Choose submission files”";
    SettingsIsChecklist => "这是评估清单文件，不是县级设置文件：清单文件可以和报送文件一起拖入，采用后在设置中勾选", "this is a checklist file, not a settings file: drop it with the submissions, accept it, then tick it in the settings";
    GradeTop => "已达到最高等级", "The top grade is reached";
    GradeVetoed => "有一票否决项未达到，不评等级", "A veto item is not met: no grade";
    EditorNotes => "提醒（不影响保存）：", "Notes (saving is not affected):";
    SettingsImportRefused => "设置文件未导入：", "The settings file was not read: ";
    SettingsHeading => "县级设置", "County settings";
    SettingsNone => "未设置：所有已知清单、所有学年都计入，没有学校名册", "none: every known checklist and school year counts, and there is no roster";
    SettingsIntro => "由县里决定哪些清单、哪些学年、哪些学校计入汇总；学校报送的文件改变不了这些规则。设置保存在本浏览器，也可导出为文件，明年或在另一台电脑上导入（命令行用 --county-settings 读取同一个文件）。", "The county decides which checklists, school years and schools count; nothing a school sends changes that. Settings are kept in this browser and can be saved as a file for next year or another computer (the command line reads the same file with --county-settings).";
    SettingsCounty => "县（区）名称", "County";
    SettingsYears => "本次评估的学年", "School years assessed";
    SettingsYearsHint => "写成“2026-2027”；多个学年用“、”隔开（与上年比较时两年都要写）", "Write “2026-2027”; separate several years with commas (both years, to compare with last year)";
    SettingsChecklists => "本县采用的评估清单（只有勾选的清单计入）", "Checklists the county accepts (only these count)";
    SettingsCountyOwn => "本县清单", "county checklist";
    RosterDownload => "下载名册表格（CSV）", "Download the roster table (CSV)";
    RosterUpload => "从表格导入名册", "Read the roster from a table";
    RosterRefused => "名册表格有问题，未导入（原名册不变）：", "The roster table has problems and was not read (the roster is unchanged):";
    RosterAdd => "添加学校", "Add school";
    SettingsNotSaved => "设置有问题，未保存：", "The settings have problems and were not saved:";
    SettingsSaved => "设置已保存，汇总已按新设置重新计算", "Settings saved; the figures follow them now";
    SettingsSave => "保存设置", "Save settings";
    SettingsExport => "导出设置文件", "Save settings as a file";
    SettingsImport => "导入设置文件", "Open a settings file";
    SettingsStop => "不再使用设置", "Stop using settings";
    SettingsStopConfirm => "不再使用县级设置？所有已知清单都将计入，名册不再使用（可以先导出设置文件）。", "Stop using the county settings? Every known checklist will count and the roster will not be used (you can save the settings as a file first).";
    SettingsFileName => "县级设置", "county-settings";
    RosterFileName => "学校名册", "school-roster";
    AwaitingHeading => "待确认的清单（随学校文件一起拖入）", "Checklists to confirm (found among the school files)";
    AwaitingWarning => "学校可能改动了清单里的标准。只有县里确认采用后才会用它计分，请先核对来源和内容校验值。", "A school could have changed the thresholds in a checklist. It is used only once the county accepts it: check where it came from and its content hash first.";
    AwaitingAccept => "采用", "Accept";
    AwaitingDismiss => "不采用", "Do not accept";
    MissingHeading => "名册中未报送的学校", "Roster schools that have not submitted";
    AssignTo => "归入名册学校", "Assign to a roster school";
    AssignButton => "归入", "Assign";
    AddToRoster => "把这所学校加入名册", "Add this school to the roster";
    SettingsNoCounty => "请填写县（区）名称", "enter the county's name";
    SettingsNoYear => "请填写本次评估的学年", "enter the school year being assessed";
    SettingsNoChecklist => "请至少选择一个本县采用的评估清单", "choose at least one checklist the county accepts";
    SettingsTooLarge => "设置文件太大", "the settings file is too large";
    StatusInvalid => "无效", "invalid";
    Yes => "是", "yes";
    No => "否", "no";
    CliSkippedNotFile => "不是普通文件（管道、设备等），已跳过", "not a regular file (a pipe, a device …): skipped";
    RefusedNotJson => "不是 .json 文件，未读取", "not a .json file: not read";
    RefusedUnreadable => "浏览器无法读取这个文件", "the browser could not read this file";
    CsvStatusDetail => "说明", "Details";
    CsvEnrolmentPrimary => "在校生数（小学）", "Students (primary)";
    CsvEnrolmentJunior => "在校生数（初中）", "Students (junior)";
    CsvScore => "得分", "Score";
    CsvMax => "满分", "Maximum";
    CsvRulePrimary => "组合规则（小学）", "Group rules (primary)";
    CsvRuleJunior => "组合规则（初中）", "Group rules (junior)";
    CsvAnswered => "已答项数", "Items answered";
    CsvRequired => "应答项数", "Items required";
    CsvErrors => "填写有误", "Errors";
    CsvExported => "导出时间", "Exported";
    CsvWhole => "取整", "whole numbers";
    CsvIndicatorId => "指标编号", "Indicator id";
    CsvUnit => "单位", "Unit";
    CsvLeftOut => "未计入学校数", "Schools left out";
    CsvStudents => "在校生数", "Students";
    CsvMean => "加权平均值（4位小数）", "Weighted mean (4 decimals)";
    CsvSd => "加权标准差（4位小数）", "Weighted SD (4 decimals)";
    CsvCv => "差异系数（4位小数）", "Difference coefficient (4 decimals)";
    CsvLimit => "限值", "Limit";
    CsvWithin => "是否达到", "Within the limit";
    CsvMeeting => "达标学校数", "Schools meeting the threshold";
    CsvNote => "说明", "Note";
    ColFile => "文件", "File";
    ColStatus => "状态", "Status";
    ColType => "类型", "Type";
    ColEnrolment => "在校生", "Students";
    ColScore => "得分", "Score";
    ColRule => "组合规则", "Group rules";
    ColIndicator => "指标", "Indicator";
    ColSide => "学段", "Level";
    ColSchools => "学校数", "Schools";
    ColMean => "加权平均", "Weighted mean";
    ColCv => "差异系数", "CV";
    BackToCounty => "返回汇总", "Back to the county";
    ExportSubmission => "导出报送文件", "Export the submission file";
    ExportNeedsType => "请先在“基本信息”中选择学校类型，再导出。", "Choose the type of school in the profile before exporting.";
    OpenSubmission => "打开报送文件", "Open a submission file";
    OpenSubmissionHint => "打开一份 ziping 报送文件（.json），作为新的草稿继续填写；也可以把文件拖到本页。", "Open a ziping submission file (.json) as a new draft to continue; you can also drop the file on this page.";
    ImportNeedsChecklist => "请载入该评估清单文件后重试：", "Load that checklist file, then it is retried:";
    DraftsHeading => "本机上的自评草稿", "Drafts on this computer";
    DraftsEmpty => "本机还没有自评草稿。请在下方选择一份评估清单新建。", "No drafts on this computer yet. Choose a checklist below to start one.";
    NewDraftWith => "用此清单新建自评", "Start a self-assessment with this checklist";
    LoadChecklistFile => "载入县级评估清单文件", "Load a county checklist file";
    LoadChecklistHint => "县教育局发布的清单文件（.json），载入后保存在草稿中，离线也能打开。", "A checklist file issued by the county (.json); it is kept in the draft and opens offline.";
    Open => "打开", "Open";
    Duplicate => "复制", "Duplicate";
    Delete => "删除", "Delete";
    Untitled => "（未填写学校名称）", "(no school name yet)";
    CompleteLabel => "已完成", "complete";
    UpdatedLabel => "最后保存", "last saved";
    CopySuffix => "（副本）", " (copy)";
    TabProfile => "基本信息", "School profile";
    TabFill => "逐项填写", "Fill in";
    TabResults => "结果", "Results";
    TabPlan => "整改清单", "Action plan";
    TabReport => "自评报告", "Report";
    BackToStart => "草稿列表", "All drafts";
    DraftNav => "自评步骤", "Self-assessment steps";
    SavePending => "正在保存…", "Saving…";
    SaveFailed => "未保存：浏览器无法保存（存储空间已满或被禁用）。请立即导出，以免丢失。", "Not saved: the browser refuses to store (full or disabled). Export now so nothing is lost.";
    ExportNow => "立即导出草稿", "Export the draft now";
    Conflict => "此草稿已在另一个标签页或窗口中修改并保存。为避免覆盖较新的内容，本页暂停保存。", "This draft was changed and saved in another tab or window. To avoid overwriting newer answers, this tab has stopped saving.";
    LoadTheirs => "载入较新的版本", "Load the newer version";
    KeepMine => "保留本页内容并覆盖", "Keep this tab's answers and overwrite";
    ReloadedNewer => "已载入另一个标签页保存的最新内容。", "Loaded the newer answers saved in another tab.";
    ProfileHeading => "学校基本信息", "School profile";
    SchoolName => "学校名称", "School name";
    SchoolCode => "学校代码", "School code";
    County => "所属县（市、区）", "County";
    SchoolTypeLabel => "学校类型", "Type of school";
    Primary => "小学", "Primary";
    Junior => "初中", "Junior secondary";
    NineYear => "九年一贯制", "Nine-year school";
    SchoolYear => "学年", "School year";
    SchoolYearHint => "例如 2026-2027", "e.g. 2026-2027";
    FilledBy => "填报人", "Filled in by";
    Enrolment => "在校学生数", "Students enrolled";
    ChecklistLabel => "评估清单", "Checklist";
    ChooseTypeFirst => "请先在“基本信息”中选择学校类型，才能逐项填写和计分。", "Choose the type of school in the profile first: items and scores depend on it.";
    BasicData => "基础数据", "Basic data";
    BasicDataIntro => "以下原始数据用于计算各项指标。九年一贯制学校分小学部、初中部填写的，请分别填写；共用的场地、设备等填写全校数，系统按在校生数分摊。", "These raw figures are used to compute the indicators. Nine-year schools enter per-part figures for each part; shared rooms and equipment are entered for the whole school and split by enrolment.";
    CheckButton => "检查", "Check";
    CheckHeading => "检查结果", "Check";
    CheckAllDone => "全部填写完毕。", "Everything is filled in.";
    CheckKindError => "有误", "error";
    CheckKindMissing => "未填", "unanswered";
    CheckKindWarning => "提醒", "note";
    Close => "关闭", "Close";
    ColonSeparator => "：", ": ";
    CheckDone => "检查完毕：全部已填写，没有需要更正的内容。", "Check complete: everything is filled in and readable.";
    Requirement => "要求", "Requirement";
    SourceLabel => "出处", "Source (cited as published, in Chinese)";
    Unverified => "待核实", "unverified";
    Evidence => "佐证说明", "Evidence";
    EvidenceHint => "可填写佐证材料名称、存放位置或说明", "Name the evidence, where it is kept, or explain";
    YesLabel => "达标", "Met";
    NoLabel => "未达标", "Not met";
    NaLabel => "不适用", "Not applicable";
    FlagYes => "是", "Yes";
    FlagNo => "否", "No";
    CurrentValue => "当前值", "Value";
    OutcomeMet => "达标", "Met";
    OutcomeNear => "未达标（不低于下限）", "Not met (above the floor)";
    OutcomeNotMet => "未达标", "Not met";
    OutcomePartial => "部分达标", "Partly met";
    OutcomeMissing => "未填写", "Not answered";
    OutcomeInvalid => "填写有误", "Needs correcting";
    OutcomeUndefined => "无法计算", "Cannot be computed";
    OutcomeNa => "不适用", "Not applicable";
    OutcomeNoted => "已填写", "Answered";
    VetoTag => "一票否决", "Veto";
    ShortfallNotMet => "未达标", "not met";
    ShortfallVeto => "【一票否决】", "[Veto] ";
    ListSeparator => "、", ", ";
    WrongKind => "答案的类型不对，请重新选择。", "The answer is of the wrong kind; please answer again.";
    NaNotAllowed => "本项不能选择“不适用”。", "This item cannot be “not applicable”.";
    WarnUndefined => "无法计算：所需的数据中有 0 作除数。", "Cannot be computed: a value it divides by is 0.";
    PartPrimary => "小学部", "Primary part";
    PartJunior => "初中部", "Junior part";
    PreviousSection => "上一部分", "Previous section";
    NextSection => "下一部分", "Next section";
    ResultsHeading => "自评结果", "Results";
    TotalLabel => "总分", "Total";
    GradeLabel => "等级", "Grade";
    Provisional => "尚未填完，结果为暂定", "not finished: provisional";
    NoVeto => "无一票否决事项", "No veto item failed";
    VetoHit => "触发一票否决", "A veto item failed";
    AreaScores => "各部分得分", "Scores by area";
    RadarTitle => "各部分得分率", "Share of points by area";
    ResourceChart => "资源配置指标与标准对比", "Resource indicators against their thresholds";
    ThresholdLabel => "标准", "Threshold";

    ShortfallsHeading => "未达标事项", "Shortfalls";
    NoShortfalls => "没有未达标事项。", "No shortfalls.";
    GroupHolds => "符合", "holds";
    GroupFails => "不符合", "fails";
    GroupPending => "待定", "undecided";
    AreaPassed => "达到本部分要求", "area passed";
    AreaFailed => "未达到本部分要求", "area not passed";
    PlanHeading => "整改清单", "Action plan";
    PlanIntro => "根据未达标事项生成整改清单，再逐行填写整改措施、责任人和完成时限。", "Generate rows from the shortfalls, then fill in measures, owners and deadlines.";
    GeneratePlan => "根据未达标事项生成", "Generate from shortfalls";
    Undo => "撤销", "Undo";
    MoneyUnitLabel => "金额单位", "Unit of the amount";
    DeadlineNotADate => "完成时限不是有效日期：请按 年-月-日 填写，如 2027-06-30", "This deadline is not a date: write year-month-day, e.g. 2027-06-30";
    PlanBringBack => "恢复这些行", "Bring these rows back";
    RowResolved => "已达标：这一行的问题已不存在，可以删除。", "Met now: this row's shortfall is gone; you may remove it.";
    AddRow => "增加一行", "Add a row";
    RemoveRow => "删除此行", "Remove this row";
    ProblemCol => "问题", "Problem";
    MeasureCol => "整改措施", "Measures";
    OwnerCol => "责任人 / 责任部门", "Responsible";
    DeadlineCol => "完成时限", "Deadline";
    ProgressCol => "整改情况", "Progress";
    PlanEmpty => "暂无整改事项。", "No rows yet.";
    ReportHeading => "自评报告", "Self-assessment report";
    PrintButton => "打印 / 另存为 PDF", "Print / save as PDF";
    ReportDate => "报告日期", "Date";
    AnswerCol => "自评情况", "Answer";
    ItemCol => "评估项目", "Item";
    SignPrincipal => "校长（签字）", "Principal (signature)";
    SignFiller => "填报人（签字）", "Filled in by (signature)";
    SignSeal => "学校（盖章）", "School seal";
    DateBlank => "日期：　　年　　月　　日", "Date:";
    ReportSummary => "评估结果", "Result";
    CountyCancel => "取消", "Cancel";
    LastYearData => "上年数据", "last year's";
    ConfirmValue => "确认", "Confirm";
    ConfirmAll => "全部确认", "Confirm all";
    CopyLastYearAnswer => "沿用上年答案", "Use last year's answer";
    StartFromLastYear => "从上年报送文件开始本学年自评", "Start this year from last year's submission";
    StartFromLastYearHint => "选择本校上一学年导出的报送文件（.json）：基本信息和基础数据沿用上年（标为“上年数据”，请逐项核对），逐项答案重新填写，上年整改清单转为“上年整改落实情况”，结果页可与上年比较。", "Choose the file your school exported last school year (.json): the profile and raw data carry over (marked as last year's until you check them), the items are answered afresh, last year's action plan becomes this year's review, and the results compare with last year.";
    ComparisonHeading => "与上年比较", "Compared with last year";
    ComparisonEmpty => "与上年相比没有变化。", "No change from last year.";
    ChangeImproved => "进步", "improved";
    ChangeWorse => "退步", "worse";
    ChangeSame => "不变", "same";
    ChangeNewlyShort => "新增未达标", "newly short";
    ChangeResolved => "已达标（上年未达标）", "resolved";
    ChangeNew => "本年新增条目", "new item";
    ChangeDropped => "本年已删去的条目", "dropped item";
    ChangePending => "本年待填写", "still to answer";
    ThresholdChanged => "标准有变化", "standard changed";
    TypeChanged => "学校类型与上年不同：只比较两年都有的学段。", "The school's type differs from last year's: only the parts both years have are compared.";
    LastYearCol => "上年", "Last year";
    ThisYearCol => "本年", "This year";
    ChangeCol => "变化", "Change";
    ReviewHeading => "上年整改落实情况", "Last year's action plan: progress";
    ReviewIntro => "逐条说明上年整改清单的落实情况：完成情况、采取的措施及成效、佐证材料。", "For each row of last year's action plan: how far it got, what was done and with what effect, and the evidence.";
    ReviewStatusLabel => "落实情况", "Status";
    ReviewUnset => "请选择", "Choose";
    ReviewDone => "已完成", "Done";
    ReviewInProgress => "进行中", "In progress";
    ReviewNotStarted => "未启动", "Not started";
    ReviewDoneLabel => "采取的措施及成效", "What was done, and its effect";
    ReviewEvidenceLabel => "佐证材料", "Evidence";
    CountyNoWorkers => "这个浏览器无法在后台读取文件（不支持 Web Worker），县级汇总无法使用。请换用新版的 Chrome、Edge 或 Firefox。", "This browser cannot read files in the background (no Web Workers), so county mode cannot run. Please use a recent Chrome, Edge or Firefox.";
    PrevPage => "上一页", "Previous page";
    NextPage => "下一页", "Next page";
    ImportNotUtf8 => "文件不是 UTF-8 编码的文本（可能被其他软件另存过）", "the file is not UTF-8 text (perhaps saved again by another program)";
    ImportTooDeep => "文件嵌套层数过多，不是 ziping 报送文件", "nested too deeply: not a ziping submission file";
    ImportNotAnExport => "这不是 ziping 报送文件（缺少 format 字段）", "not a ziping submission file (it has no format field)";
    ImportDigestMismatch => "校验值不符：文件在导出后被改动过或已损坏", "the digest does not match: the file was changed after it was exported, or is damaged";
    ImportNoSchoolType => "字段 profile.school_type 为空：文件没有学校类型，无法计分", "profile.school_type is empty: without a school type the file cannot be scored";
    ChecklistEmpty => "不能为空", "must not be empty";
    RefSource => "出处", "source";
    RefInput => "基础数据项", "input";
    RefItem => "评估项", "item";
    RefGrade => "等级", "grade";
    AllowedShare => "大于 0 且不超过 1", "more than 0 and at most 1";
    AllowedPercent => "在 0 到 100 之间", "between 0 and 100";
    AllowedPoints => "在 0 到 1000 之间", "between 0 and 1000";
    AllowedLevelPoints => "在 0 到本项分值之间", "between 0 and the item's points";
    AllowedWeight => "大于 0 且不超过 100", "more than 0 and at most 100";
    AllowedPositive => "大于 0", "more than 0";
    ChecklistNoZeroGrade => "须有一个从 0 分开始的等级，每个得分才都有等级", "one grade must start at 0 so every score has a grade";
    ChecklistSplitNeeded => "清单适用于九年一贯制学校且有全校共用的基础数据，须写明分摊规则（split）", "the checklist covers nine-year schools and has shared inputs: it needs a split rule";
    ChecklistEnrolmentPerPart => "用于分摊的在校生数须分学部填写（scope 为 per_part）", "the enrolment used for the split must be entered per part (scope per_part)";
    ChecklistUnscored => "文字项和情况项不计分：分值须为 0，也不能一票否决", "text and flag items are never scored: points 0 and no veto";
    ChecklistVetoKind => "一票否决项只能是“是/否”项或有达标线的数值项", "a veto item is a yes/no item or a number with a threshold";
    ChecklistTooFewLevels => "等级项至少要有两个等级", "a levels item needs at least two levels";
    ChecklistBestLevel => "最高等级的得分须等于本项分值", "the best level must earn the item's points";
    ChecklistBadThreshold => "达标线须是有限的数（区间须下限不大于上限）", "a threshold must be a finite number (a range needs min ≤ max)";
    ClauseSeparator => "；", "; ";
    CsvLastYearFile => "上年文件", "Last year's file";
    CsvLastYearScore => "上年得分", "Last year's score";
    CsvLastYearMax => "上年满分", "Last year's maximum";
    CsvLastYearGrade => "上年等级", "Last year's grade";
    CsvScoreChange => "得分与上年比较", "Score against last year";
    CsvFollowUp => "上年整改落实情况", "Last year's action plan";
    CountyYearsHeading => "两学年对比", "Year against year";
    CountyYearsIntro => "同一学校不同学年的文件各自计入本学年：差异系数按学年分列，不合并；每所学校与本批文件中的上年文件比较。", "A school's files of different school years each count for their own year: the coefficients are shown per year, never pooled, and each school is compared with its file of the year before in this batch.";
    CountyChangesHeading => "各校与上年比较", "Each school against last year";
    CountyFollowUpHeading => "上年整改落实情况未报告的学校", "Schools not reporting on last year's action plan";
    CountyFollowUpIntro => "这些学校上年有整改事项，本年文件没有说明（或没有全部说明）落实情况。", "These schools had action-plan rows last year, and this year's file does not say (or does not say for every row) how far each got.";
    ColScoreChange => "与上年比较", "Against last year";
    ColIndicatorChanges => "资源配置指标变化", "Resource indicators";
    NoLastYearFile => "本批没有上年文件", "no file of last year in this batch";
    EditorLink => "制作县级清单", "Make a county checklist";
    EditorLinkText => "从内置清单或已载入的清单出发，改成本县的清单（标题、达标线、依据），保存为清单文件发给各校。", "Start from a built-in or loaded checklist and make it your county's (title, thresholds, sources); save it as a checklist file for the schools.";
    EditorHeading => "制作县级清单", "Make a county checklist";
    EditorIntro => "从一份清单出发修改：每次修改都即时按载入清单文件的同一套规则检查；没有问题时可保存为清单文件发给各校。清单草稿自动保存在本机浏览器中。", "Start from a checklist and change it: every change is checked at once with the same checks as loading a checklist file; once nothing is wrong, save it as a checklist file for the schools. Checklist drafts are saved in this browser as you go.";
    EditorDrafts => "本机的清单草稿", "Checklist drafts on this computer";
    EditorNoDrafts => "还没有清单草稿。", "No checklist drafts yet.";
    EditorStartFrom => "从这份清单开始", "Start from";
    EditorStart => "开始制作", "Start";
    EditorStartFromFile => "从清单文件开始…", "Start from a checklist file…";
    EditorOpen => "继续编辑", "Continue";
    EditorDeleteConfirm => "删除这份清单草稿？已保存的清单文件和已在本机使用的清单不受影响。", "Delete this checklist draft? Checklist files already saved, and checklists in use here, are not affected.";
    EditorAllDrafts => "全部清单草稿", "All checklist drafts";
    EditorToCounty => "县级汇总", "County summary";
    EditorTabs => "清单草稿的视图", "Views of the checklist draft";
    EditorTabEdit => "编辑", "Edit";
    EditorTabPreview => "预览", "Preview";
    EditorTabDiff => "与原清单的差异", "Changes from the original";
    EditorTree => "清单结构", "Structure";
    EditorMeta => "清单信息", "About the checklist";
    EditorZh => "（中文）", " (Chinese)";
    EditorEn => "（英文）", " (English)";
    EditorFieldId => "清单编号（英文字母、数字和连字符）", "Checklist id (letters, digits and hyphens)";
    EditorFieldVersion => "版本", "Version";
    EditorFieldTitle => "标题", "Title";
    EditorFieldDescription => "说明", "Description";
    EditorFieldIssuer => "发布单位", "Issued by";
    EditorFieldVetoGrade => "有一票否决项未达标时的等级", "Grade when a veto item is not met";
    EditorSources => "依据文件", "Source documents";
    EditorSourceTitle => "文件名称", "Title";
    EditorSourceDocNo => "文号", "Document number";
    EditorAddSource => "添加依据文件", "Add a source document";
    EditorGrades => "等级", "Grades";
    EditorGradeLabel => "等级名称", "Grade";
    EditorGradeMin => "最低得分率（%）", "Lowest score (%)";
    EditorAddGrade => "添加等级", "Add a grade";
    EditorRemoveGrade => "删除此等级", "Remove this grade";
    EditorGroups => "组合规则", "Group rules";
    EditorGroupsNote => "对几项有达标线的项目的整体要求：其中至少几项达标，其余不低于标准的一定比例（下限）。", "A rule over several items with thresholds: at least so many of them met, the others at least a share (the floor) of their standard.";
    EditorAddGroup => "添加组合规则", "Add a group rule";
    EditorRemoveGroup => "删除此规则", "Remove this rule";
    EditorGroupTitle => "规则名称", "Rule";
    EditorGroupItems => "包含的项目编号（用顿号或逗号分隔）", "Item ids (separated by commas)";
    EditorGroupMinPass => "至少达标的项数", "At least this many met";
    EditorGroupFloor => "其余各项不低于达标线的（%）", "The others at least this share of their threshold (%)";
    EditorSplit => "九年一贯制学校共用资源的分摊权重", "Split of a nine-year school's shared resources";
    EditorSplitPrimary => "小学部权重", "Primary weight";
    EditorSplitJunior => "初中部权重", "Junior weight";
    EditorArea => "领域", "Area";
    EditorAreaTitle => "领域名称", "Area";
    EditorAreaPassRate => "领域达标所需得分率（%，可空）", "Share of points the area needs (%, may be empty)";
    EditorAddArea => "添加领域", "Add an area";
    EditorIndicator => "指标", "Indicator";
    EditorIndicatorTitle => "指标名称", "Indicator";
    EditorAddIndicator => "在本领域添加指标", "Add an indicator to this area";
    EditorItem => "项目", "Item";
    EditorItemId => "项目编号", "Item id";
    EditorItemText => "项目内容", "Text";
    EditorItemGuidance => "填写说明", "Guidance";
    EditorItemPoints => "分值", "Points";
    EditorItemUnit => "单位", "Unit";
    EditorItemKind => "类型", "Kind";
    EditorItemSource => "依据文件", "Source document";
    EditorItemClause => "条款", "Clause";
    EditorItemVeto => "一票否决项（未达标则整体评为上面设定的等级）", "Veto item (if not met, the whole school gets the veto grade)";
    EditorAddYesNo => "添加“达标/未达标”项", "Add a met / not met item";
    EditorAddNumber => "添加数值项", "Add a number item";
    EditorMoveUp => "上移", "Move up";
    EditorMoveDown => "下移", "Move down";
    EditorRemove => "删除", "Remove";
    EditorKindConfirm => "改为“达标/未达标”项？本项的单位和各类学校的达标线会被删除。", "Make it a met / not met item? Its unit and thresholds are removed.";
    EditorRemoveConfirm => "删除它（及其包含的全部内容）？可在“与原清单的差异”中看到删除了什么。", "Remove it (with everything in it)? The changes view lists what was removed.";
    EditorRules => "达标线（按学校类型）", "Thresholds by school type";
    EditorRuleOp => "比较方式", "Comparison";
    EditorRuleValue => "达标值", "Value";
    EditorRuleMax => "上限", "Maximum";
    EditorLevels => "等级及判断要点", "Levels and their criteria";
    EditorLevelLabel => "等级名称", "Level";
    EditorLevelPoints => "得分", "Points";
    EditorLevelDescription => "判断要点", "Criteria";
    EditorLevelsNote => "最高等级的得分须等于本项分值；改本项分值时，各等级得分按比例随之改变。", "The best level earns the item's points; when the item's points change, every level's points follow in proportion.";
    EditorComputedNote => "计算项：由清单中的公式从学校填写的基础数据算出，这里可以改达标线、分值和依据。", "Computed item: worked out by the checklist's formula from the school's data; its thresholds, points and source can be changed here.";
    OpUnset => "（未设达标线）", "(no threshold)";
    OpPerPart => "分学部判断（小学部、初中部各按其标准）", "By part (each part by its own standard)";
    EditorAppliesTo => "适用学校", "Applies to";
    EditorAppliesAll => "全部", "all";
    OpGe => "不低于（≥）", "At least (≥)";
    OpGt => "高于（>）", "More than (>)";
    OpLe => "不高于（≤）", "At most (≤)";
    OpLt => "低于（<）", "Less than (<)";
    OpBetween => "介于（含两端）", "Between (inclusive)";
    KindYesNo => "达标/未达标", "Met / not met";
    KindLevels => "等级", "Levels";
    KindNumber => "数值", "Number";
    KindComputed => "计算", "Computed";
    KindFlag => "情况", "Flag";
    KindText => "文字", "Text";
    EditorProblems => "需要更正的地方", "To correct";
    EditorNoProblems => "没有问题：可以保存为清单文件。", "Nothing to correct: it can be saved as a checklist file.";
    EditorSave => "保存清单文件", "Save the checklist file";
    EditorUseHere => "在本机使用", "Use on this computer";
    EditorUsedHere => "已在本机使用：在本机新建自评草稿和县级汇总时都可以用它。", "In use on this computer: new drafts and the county summary here can use it.";
    EditorConflict => "这份清单草稿已在另一个标签页中修改并保存。为避免覆盖较新的内容，本页暂停保存。", "This checklist draft was changed and saved in another tab. To avoid overwriting newer work, this tab has stopped saving.";
    EditorKeepMine => "保留本页的修改并覆盖", "Keep this tab's changes and overwrite";
    EditorLoadTheirsConfirm => "载入另一个标签页保存的版本？本页未保存的修改会被放弃。", "Load the version saved in the other tab? This tab's unsaved changes are dropped.";
    EditorCantSave => "清单还有需要更正的地方，不能保存为正式文件。", "The checklist still has things to correct: it cannot be saved as a final file.";
    EditorCsvExport => "导出表格（CSV）", "Export as a table (CSV)";
    EditorCsvImport => "从表格导入（CSV）", "Import from a table (CSV)";
    EditorCsvImported => "已从表格导入，修改都在“与原清单的差异”中列出。", "Imported from the table; the changes view lists every change.";
    EditorCsvHint => "表格每行一个项目，可在 Excel 中修改文字、分值、达标线（如 ≥ 60、1 ~ 2，空白为不适用）、依据和条款，另存为 CSV 后导入。", "One row per item: change texts, points, thresholds (≥ 60, 1 ~ 2; empty: does not apply), sources and clauses in Excel, save as CSV and import.";
    EditorCsvRejected => "表格没有导入，清单草稿没有改变：", "The table was not imported; the draft is unchanged:";
    EditorPreviewIntro => "一所测试学校按这份清单填写时看到的样子：已填入一所常见规模学校的测试数据（小学 600 人、初中 900 人、九年一贯制两部各 600 人，每项都有答案，各项计算指标正好达到或略高于标准），改动达标线或数据即可看出影响。这里填写的内容不保存。", "What a school sees when it fills in this checklist: a test school of a common size (600 pupils in a primary school, 900 in a junior one, 600 in each part of a nine-year one) with every item answered and every computed indicator at its threshold or just past it, so a changed threshold or figure shows at once. Nothing entered here is kept.";
    EditorPreviewType => "测试学校的类型", "Test school type";
    EditorPreviewSchool => "测试学校", "Test school";
    EditorPreviewBroken => "清单还有需要更正的地方，改好后才能预览。", "Correct the checklist first; then it can be previewed.";
    EditorDiffIntro => "与出发时的清单相比的全部修改，可打印留存。", "Every change against the checklist this one started from, printable for the record.";
    EditorDiffEmpty => "与原清单相同。", "The same as the original.";
    EditorDiffWhere => "位置", "Where";
    EditorDiffWhat => "修改", "Change";
    EditorDiffPrint => "打印差异", "Print the changes";
    EditorPlaceChecklist => "清单", "Checklist";
    EditorPlaceSplit => "分摊权重", "Split";
    DiffAdded => "新增", "added";
    DiffRemoved => "删除", "removed";
    DiffReordered => "顺序调整", "reordered";
    DiffNone => "无", "none";
    FieldNameId => "编号", "id";
    FieldNameVersion => "版本", "version";
    FieldNameTitle => "标题", "title";
    FieldNameDescription => "说明", "description";
    FieldNameIssuer => "发布单位", "issuer";
    FieldNameVetoGrade => "一票否决等级", "veto grade";
    FieldNameText => "内容", "text";
    FieldNameGuidance => "填写说明", "guidance";
    FieldNamePoints => "分值", "points";
    FieldNameUnit => "单位", "unit";
    FieldNameSource => "依据文件", "source";
    FieldNameClause => "条款", "clause";
    FieldNameVeto => "一票否决", "veto";
    FieldNameKind => "类型", "kind";
    FieldNameAppliesTo => "适用学校", "applies to";
    FieldNamePassRate => "达标得分率", "pass rate";
    FieldNameLabel => "名称", "label";
    FieldNameMinPercent => "最低得分率", "lowest score";
    FieldNameMinPass => "至少达标项数", "at least met";
    FieldNameFloorRatio => "其余项下限", "floor";
    FieldNameNearScores => "规则满足时，未达标但不低于下限的项目得分", "near items score while the rule holds";
    FieldNameItems => "包含项目", "items";
    FieldNamePrimaryWeight => "小学部权重", "primary weight";
    FieldNameJuniorWeight => "初中部权重", "junior weight";
    FieldNameIndicator => "所属指标", "indicator";
    FieldNameArea => "所属领域", "area";
    FieldNameDocNo => "文号", "document number";
    JsonTruncated => "文件在中途结束（不完整）", "the file ends too soon (it is incomplete)";
    JsonSyntax => "此处不是有效的 JSON 写法（可能被改动过）", "not valid JSON here (it may have been changed)";
    CsvNotUtf8 => "表格的编码无法识别（既不是 UTF-8 也不是 GBK）：请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”", "the table's encoding is neither UTF-8 nor GBK: in Excel, Save As “CSV UTF-8 (Comma delimited)”";
    CsvMissingColumn => "缺少这一列", "this column is missing";
    CsvNoRows => "表格中没有项目行", "the table has no item rows";
    CsvEmpty => "不能为空", "must not be empty";
    CsvRuleNotAllowed => "这类项目没有达标线，这一格须为空", "this kind of item has no threshold: leave the cell empty";
}

sayings! {
    RemoveAttachment { file } => "移除 {file}", "Remove {file}";
    AttachmentTooLarge { file } => "文件“{file}”超过 200 MB，未添加。", "The file “{file}” is over 200 MB and was not added.";
    LastYearBanner { year, file } => "本草稿由 {year} 学年的报送文件“{file}”生成：基本信息和基础数据沿用上年，标有“上年数据”的数值请逐项核对，确认或修改后标记消失。", "This draft continues the {year} submission “{file}”: the profile and raw data carry over; check each value marked as last year's (the mark goes once you confirm or change it).";
    ComparisonSummary { resolved, newly_short, improved, worse } => "已达标 {resolved} 项（上年未达标），新增未达标 {newly_short} 项，进步 {improved} 项，退步 {worse} 项。", "{resolved} resolved, {newly_short} newly short, {improved} improved, {worse} worse.";
    StartNoChecklist { id } => "本机没有评估清单 {id}：请先在首页“载入县级评估清单文件”载入本学年的清单，再选择上年的报送文件。", "This computer has no checklist {id}: load this year's checklist file first (“Load a county checklist file”), then choose last year's file.";
    CarriedOn { row } => "本年仍未达标，见本年整改清单第 {row} 行。", "Still short this year: see row {row} of this year's plan.";
    Unreviewed { rows } => "还有 {rows} 条上年整改未说明落实情况。", "{rows} {rows|row|rows} of last year's plan have no status yet.";
    TableWritten { rows, files, file } => "已写出 {rows} 行（{files} 个文件）到 {file}", "Wrote {rows} {rows|row|rows} ({files} {files|file|files}) to {file}";
    CountyProgress { done, total } => "已读取并校验 {done} / {total} 个文件", "Read and verified {done} of {total} {total|file|files}";
    PageOf { page, pages } => "第 {page} / {pages} 页", "Page {page} of {pages}";
    CountySchoolsInBin { schools } => "{schools} 所学校", "{schools} {schools|school|schools}";
    CountySummary { files, counts } => "共 {files} 个文件：{counts}。", "{files} {files|file|files}: {counts}.";
    CountyPrintHead { county, date } => "县（市、区）：{county} · 汇总日期：{date}", "County: {county} · Aggregated on {date}";
    CountyLeftOut { schools } => "（另有 {schools} 所缺数据未计入）", " ({schools} more left out: no data)";
    FollowUpReported { rows, said, done } => "上年整改 {rows} 条，已说明 {said} 条（已完成 {done} 条）", "{rows} {rows|row|rows} last year: {said} reported on ({done} done)";
    FollowUpMissing { rows } => "上年有 {rows} 条整改，本年文件未报告落实情况（不是从上年文件开始填写的）", "{rows} {rows|row|rows} last year, not reported on (this year's file was not started from last year's)";
    CsvLastYearOf { column } => "{column}（上年）", "{column} (last year)";
    CsvChangeOf { column } => "{column}（变化）", "{column} (change)";
    ScoreChange { last, this, points } => "{last} → {this}（{points} 分）", "{last} → {this} ({points} {points|point|points})";
    GradeChange { last, this } => "等级：{last} → {this}", "Grade: {last} → {this}";
    IndicatorChanged { item, change } => "{item}：{change}", "{item}: {change}";
    CountyRuleMet { side, schools, meeting, rule } => "{side}：{schools} 所中有 {meeting} 所符合“{rule}”", "{side}: of {schools} {schools|school|schools}, {meeting} {meeting|meets|meet} “{rule}”";
    RuleTermsText { items, min_pass, floor } => "{items} 项中至少 {min_pass} 项达标、其余不低于标准的 {floor}%", "at least {min_pass} of {items} met, the others at least {floor}% of their standard";
    OutcomeNearFloor { floor } => "未达标（不低于标准的{floor}%）", "Not met (at least {floor}% of it)";
    OutcomeBelowFloor { floor } => "低于下限（不足标准的{floor}%）", "Below the floor (under {floor}% of it)";
    FloorLine { floor } => "{floor}%线", "{floor}% line";
    CountyValuesCaption { floors } => "各校指标值占标准的比例（每个点是一所学校；长竖线为标准，每行的短竖线为该项组合规则的下限：{floors}）", "Each school's value as a share of the threshold (one dot per school; the long line is the threshold, each row's short line its group rule's floor: {floors})";
    CountyCvLimit { limit } => "限值 {limit}", "limit {limit}";
    StatusIncompleteDetail { answered, required, errors } => "已答 {answered} 项，共 {required} 项；填写有误 {errors} 处。已填的指标计入汇总，未填的不计入。", "{answered} of {required} answered; {errors} {errors|error|errors}. The indicators it has are counted, the others are not.";
    StatusDuplicateKept { kept } => "同一学校另有文件“{kept}”被计入（较新或已选定），本文件不计入", "another file of this school, “{kept}”, counts (newer or chosen); this one does not";
    StatusDuplicateSame { kept } => "与文件“{kept}”内容完全相同，只计一次", "the same content as “{kept}”: counted once";
    ConflictCodeNames { names, with } => "同一学校代码下的校名不同（{names}），与 {with} 冲突：请核对代码，选定要计入的文件", "one school code with different names ({names}), in conflict with {with}: check the code and choose the file to count";
    ConflictSameTime { with } => "与 {with} 导出时间相同但内容不同，无法判断哪个较新：请选定要计入的文件", "exported at the same time as {with} with other content, so neither is newer: choose the file to count";
    ChecklistClash { id, version } => "评估清单 {id} 版本 {version} 已经载入，但内容不同：同名同版本的清单必须完全相同，请县里给改动后的清单换一个版本号", "checklist {id} version {version} is already loaded with other content: a checklist's id and version must name one content; give the changed one a new version";
    CountyMixed { counties } => "这些文件来自多个县（{counties}）：汇总混合了不同的县，可只汇总其中一个县", "these files come from more than one county ({counties}): the figures mix counties; you can aggregate one county";
    CountyRestored { files } => "这批 {files} 个文件是上次在本浏览器中汇总的，已重新校验和计分；点“清空”即从本浏览器删除。", "These {files} {files|file was|files were} aggregated here last time, kept in this browser, and are checked and scored again; “Clear” removes them from this browser.";
    CountyAsk { counties } => "这些文件来自 {counties} 个县：请先选择汇总哪个县", "These files come from {counties} {counties|county|counties}: choose the county to aggregate first";
    CountyOption { county, files } => "{county}（{files} 个文件）", "{county} ({files} {files|file|files})";
    CountyChosen { county, counties } => "正在汇总{county}；这批文件来自 {counties}。", "Aggregating {county}; the files come from {counties}.";
    RosterPlaceholderCode { text } => "“{text}”不是学校代码（像是占位的“无”“0”“/”之类）", "“{text}” is not a school code (it only holds the place of one, like 无, 0 or /)";
    RosterDuplicateCode { text, row } => "学校代码“{text}”与第 {row} 行重复", "the school code “{text}” is the same as in row {row}";
    RosterBadSchoolType { text } => "“{text}”不是学校类型：请填“小学”“初中”或“九年一贯制”", "“{text}” is not a school type: use 小学, 初中 or 九年一贯制";
    RosterBadStudents { text } => "“{text}”不是在校生人数：请填整数，或留空", "“{text}” is not a number of students: a whole number, or leave it empty";
    RosterRowProblem { row, problem } => "名册第 {row} 所学校：{problem}", "roster school {row}: {problem}";
    SettingsNotJson { problem } => "不是县级设置文件：{problem}", "not a county settings file: {problem}";
    SettingsWrongFormat { found } => "不是县级设置文件（格式为“{found}”）", "not a county settings file (its format is “{found}”)";
    SettingsUnknownChecklist { id, version } => "本县采用的清单“{id}”{version} 版在本机找不到：请先载入这个清单文件", "the accepted checklist “{id}” version {version} is not known here: load its file first";
    RosterTypeDiffers { roster } => "学校类型与名册不同（名册为{roster}）", "school type differs from the roster ({roster} there)";
    MissingDetail { year } => "名册中的学校没有 {year} 学年计入的文件", "a roster school with no counted file for {year}";
    ConflictCodeNamesOnly { names } => "同一学校代码下的校名不同（{names}）：请核对代码，选定要计入的文件", "one school code with different names ({names}): check the code and choose the file to count";
    EditorStaleNumber { quoted, rule } => "文字中写的是“{quoted}”，而规则现在是“{rule}”：请核对文字", "the text says “{quoted}”, the rule now “{rule}”: check the words";
    GradeLines { lines } => "等级线：{lines}", "Grade lines: {lines}";
    GradeLine { band, percent } => "{band} ≥ {percent}%", "{band} ≥ {percent}%";
    NextPoints { points, band } => "还差 {points} 分达到“{band}”", "{points} more points reach “{band}”";
    GradeHeld { by, band } => "{by}未满足，等级最高为“{band}”", "{by} not met: the grade is at most “{band}”";
    ShortfallSchoolTerms { input, required, now } => "（即{input}需 {required}，现有 {now}）", " (that is, {input}: {required} needed, {now} now)";
    RosterBadCode { text } => "“{text}”不像学校代码：Excel 把长数字显示成科学计数法或公式了。请把这一列设为“文本”，重新输入代码后再保存", "“{text}” does not look like a school code: Excel turned a long number into scientific notation or a formula. Format the column as text, type the codes again and save";
    AssignUnknown { code } => "代码“{code}”不在名册中：请输入名册中某所学校的代码，或把这所学校加入名册", "the code “{code}” is not in the roster: type the code of a roster school, or add this school to the roster";
    ImportChecklistAwaiting { id, version } => "文件使用的清单“{id}”{version} 版在“待确认的清单”中：县里采用后，这个文件才会计分", "made with checklist “{id}” version {version}, which waits among the checklists to confirm: the file is scored once the county accepts it";
    RosterNameIs { name } => "名册中的校名为“{name}”", "the roster calls it “{name}”";
    RosterRemove { school } => "从名册中删除{school}", "remove {school} from the roster";
    SettingsInUse { county, years, schools, checklists } => "{county}，{years}学年，名册 {schools} 所学校，采用 {checklists} 个清单", "{county}, {years}, {schools} {schools|school|schools} in the roster, {checklists} {checklists|checklist|checklists} accepted";
    RosterHeading { schools } => "学校名册（{schools} 所）", "School roster ({schools} {schools|school|schools})";
    RosterRead { file, schools } => "已从“{file}”读入名册（{schools} 所学校），保存设置后生效", "read the roster from “{file}” ({schools} {schools|school|schools}); it applies once the settings are saved";
    RosterMore { more } => "另有 {more} 所未列出", "{more} more not listed";
    MissingCount { count } => "{count} 项未报送", "{count} not submitted";
    SummaryMissing { count } => "名册中 {count} 项未报送。", " {count} roster entries not submitted.";
    ListedMore { shown, more } => "{shown} 等（另有 {more} 个）", "{shown} and {more} more";
    StatusChecklistNotAcceptedDetail { id, version } => "文件使用的清单“{id}”{version} 版未被本县采用，不计入", "made with checklist “{id}” version {version}, which the county has not accepted; not counted";
    StatusOtherYearDetail { year } => "学年“{year}”不在本县本次评估的学年之内，不计入", "the school year “{year}” is not one the county is assessing; not counted";
    ImportBadSchoolYear { year } => "学年“{year}”无法识别：请写成“2026-2027”这样的两个相邻年份", "the school year “{year}” cannot be read: write it as two consecutive years such as “2026-2027”";
    ImportNumberTooPrecise { number } => "数字 {number} 超出可精确保存的范围（±2^53），文件可能被改动过", "the number {number} is beyond what can be kept exactly (±2^53); the file may have been altered";
    CliSummaryUncounted { files, uncounted } => "共 {files} 个文件，{uncounted} 个未计入、需要处理", "{files} {files|file|files}, {uncounted} not counted and needing action";
    CliPickUnknown { file } => "--pick 指定的文件“{file}”不在本次读取的文件中", "--pick names “{file}”, which is not among the files read";
    CliPickTwice { first, second } => "“{first}”和“{second}”是同一所学校的文件，只能选定一个", "“{first}” and “{second}” are files of one school: pick only one";
    CliOutputIsInput { file } => "输出文件“{file}”是要读取的文件之一，不能覆盖", "the output “{file}” is one of the files read; it is never overwritten";
    CliSummary { files, invalid } => "共 {files} 个文件，{invalid} 个无效", "{files} {files|file|files}, {invalid} invalid";
    RefusedTooLarge { size_mb, limit_mb } => "文件太大（{size_mb} MB，上限 {limit_mb} MB），未读取", "too large ({size_mb} MB; the limit is {limit_mb} MB): not read";
    RefusedBadChecklist { reason } => "评估清单文件有误：{reason}", "a checklist file with problems: {reason}";
    CsvIndicatorColumn { id, title, side, unit, precision } => "{id} {title}（{side}，{unit}，{precision}）", "{id} {title} ({side}, {unit}, {precision})";
    CsvDecimals { decimals } => "保留{decimals}位小数", "{decimals} {decimals|decimal|decimals}";
    CsvOutcomeOf { column } => "{column} 结果", "{column} outcome";
    ReadOnlyReport { school } => "只读查看：{school}", "Read-only: {school}";
    ExportDone { file } => "已导出报送文件“{file}”。", "Exported the submission file “{file}”.";
    ImportRejected { file, reason } => "无法打开“{file}”：{reason}", "Cannot open “{file}”: {reason}";
    ImportedFrom { file } => "已从“{file}”打开，可继续填写。", "Opened from “{file}”; you can go on filling it in.";
    ChecklistRejected { file, reason } => "无法使用清单文件“{file}”：{reason}", "Cannot use the checklist file “{file}”: {reason}";
    ConfirmDelete { school } => "确定删除“{school}”的自评草稿吗？删除后不能恢复。", "Delete the draft “{school}”? This cannot be undone.";
    SavedAt { time } => "已保存 {time}", "Saved {time}";
    SplitExplained { primary_weight, junior_weight } => "九年一贯制学校的共用资源（教学及辅助用房、体育场馆、仪器设备值、多媒体教室、专用教室等）只填全校数，按在校生数加权分给小学部和初中部：小学生每人按 {primary_weight}、初中生每人按 {junior_weight} 计。这是沿用基本均衡时期计算差异系数的做法，督导评估办法原文中没有，标为待核实；县级清单可以改动这一权数。分摊的结果直接决定小学部、初中部的生均指标是否达标。", "A nine-year school enters shared resources (teaching rooms, sports facilities, equipment value, multimedia and specialist rooms) once for the whole school; they are split between the primary and junior parts by weighted enrolment: each primary pupil counts {primary_weight}, each junior pupil {junior_weight}. This follows the practice of the earlier balanced-development assessments; the 2017 measures do not state it (unverified), and a county checklist can change the weights. The split decides whether each part's per-pupil indicators are met.";
    SplitNow { primary_share, junior_share } => "按现在填写的学生数：小学部分得 {primary_share}，初中部分得 {junior_share}。", "With the enrolment entered now: the primary part gets {primary_share}, the junior part {junior_share}.";
    SplitApplies { primary_weight, junior_weight } => "含按在校生数加权分摊的共用资源（小学 : 初中 = {primary_weight} : {junior_weight}），见“基础数据”中的说明。", "Uses shared resources split by weighted enrolment (primary : junior = {primary_weight} : {junior_weight}); see the note under Basic data.";
    ProgressLabel { done, total } => "已填 {done}/{total}", "{done}/{total} done";
    DeadlineYear { year, from, to } => "完成时限的年份 {year} 不合理：请填 {from} 至 {to} 年之间的日期（年-月-日）", "The year {year} of this deadline is not plausible: give a date from {from} to {to} (year-month-day)";
    UnlikelyPerClass { value } => "请核对：按在校学生数算，平均每班 {value} 人（不影响计分）", "Please check: that is {value} pupils per class on average (scores are not affected)";
    UnlikelyPerTeacher { value } => "请核对：按在校学生数算，平均每名专任教师 {value} 名学生（不影响计分）", "Please check: that is {value} pupils per full-time teacher (scores are not affected)";
    UnlikelyArea { value } => "请核对：生均 {value} ㎡，单位是平方米吗？（不影响计分）", "Please check: that is {value} ㎡ per pupil; is it in square metres? (scores are not affected)";
    UnlikelyYuanLow { value } => "请核对：生均只有 {value} 元。按万元填写的，请把右边的单位选为“万元”（不影响计分）", "Please check: only {value} yuan per pupil. If the amount is in 万元 (10,000 yuan), choose that unit beside the field (scores are not affected)";
    UnlikelyRooms { value } => "请核对：按教学班数算，平均每班 {value} 间（不影响计分）", "Please check: that is {value} rooms per class (scores are not affected)";
    UnlikelyAmongFullTime { value } => "请核对：这些教师是专任教师中的一部分，却多于专任教师数（{value} 人）（不影响计分）", "Please check: these teachers are among the full-time teachers but outnumber them ({value}) (scores are not affected)";
    UnlikelyYuanHigh { value } => "请核对：生均 {value} 元，是否多填了位数？（不影响计分）", "Please check: {value} yuan per pupil; an extra digit? (scores are not affected)";
    PlanRowRemoved { row, problem } => "已删除第 {row} 行：{problem}", "Row {row} removed: {problem}";
    PlanDismissedUnmet { count } => "有 {count} 项仍未达标的事项，其整改行已被删除，不在整改清单和报告中。", "{count} {count|shortfall is|shortfalls are} still unmet but {count|its row was|their rows were} removed: {count|it is|they are} not in the plan or the report.";
    CheckCounts { errors, missing, warnings } => "{errors} 处填写有误，{missing} 项未填写，{warnings} 处提醒。点下面的一处即可跳到该处。", "{errors} {errors|error|errors}, {missing} unanswered, {warnings} {warnings|note|notes}. Each place below takes you to its field.";
    CheckPlanCount { rows } => "整改清单有 {rows} 处完成时限有误。", "The action plan has {rows} {rows|deadline|deadlines} to correct.";
    CheckPlanRow { row, problem } => "整改清单第 {row} 行：{problem}", "Action plan, row {row}: {problem}";
    CheckMore { count } => "另有 {count} 处未列出：改好上面的之后会列出。", "{count} more not listed: they appear as the ones above are fixed.";
    CheckRemaining { errors, missing, warnings, first } => "检查：{errors} 处填写有误，{missing} 项未填写，{warnings} 处提醒；第一处：{first}", "Check: {errors} {errors|error|errors}, {missing} unanswered, {warnings} {warnings|note|notes}; the first: {first}";
    CheckOnlyWarnings { warnings, first } => "检查：全部已填写，没有错误；有 {warnings} 处提醒，第一处：{first}", "Check: everything is answered with no errors; {warnings} {warnings|note|notes}, the first: {first}";
    OfThreshold { share } => "为标准的 {share}", "{share} of the threshold";
    PointsLabel { points } => "{points} 分", "{points} {points|point|points}";
    ProblemIn { field, problem } => "{field}：{problem}", "{field}: {problem}";
    ShortfallLevel { chosen, best } => "自评为“{chosen}”，未达到“{best}”", "rated “{chosen}”, short of “{best}”";
    ShortfallThreshold { required, now, gap } => "要求{required}，现为{now}，差{gap}", "required {required}, now {now}, short by {gap}";
    ShortfallNear { floor } => "（不低于标准的{floor}%）", " (at least {floor}% of the standard)";
    ShortfallBelowFloor { floor, items } => "；低于标准{floor}%的：{items}", "; below {floor}% of the standard: {items}";
    NotANumber { typed } => "“{typed}”不是数字：只填写数字（可带小数点），不要写单位或文字。", "“{typed}” is not a number: enter digits only (a decimal point is fine), no units or words.";
    TooLarge { typed } => "“{typed}”太大，请核对。", "“{typed}” is too large; please check it.";
    BadSeparator { typed } => "“{typed}”中的逗号不是千位分隔：千位分隔须三位一组（如 1,200），小数请用小数点（如 95.5）。", "“{typed}” has a comma that does not separate thousands: thousands go in groups of three (1,200); use a point for decimals (95.5).";
    UnknownLevel { level } => "等级“{level}”不在本项的选项中，请重新选择。", "Level “{level}” is not one of this item's options; please choose again.";
    ProblemNegative { typed } => "“{typed}”是负数：这里不能小于 0。", "“{typed}” is negative: this cannot be less than 0.";
    ProblemNotWhole { typed } => "“{typed}”不是整数：人数、间数、班数须为整数。", "“{typed}” is not a whole number: people, rooms and classes are counted whole.";
    ProblemBelowMin { typed, min } => "“{typed}”小于 {min}：生均、比例等指标要用它作除数。若学校没有这一学段，请在“基本信息”中改选学校类型。", "“{typed}” is less than {min}: per-student and other ratios divide by it. If the school has no such part, change the school type under Profile.";
    ProblemPercentSign { typed } => "“{typed}”带有百分号，但这一项填的是数量而不是比率：请只填数字。", "“{typed}” has a percent sign, but this is a count, not a rate: type the number only.";
    ProblemAbovePercent { typed } => "“{typed}”超过 100%。", "“{typed}” is more than 100%.";
    ProblemExceeds { typed, bound, bound_value } => "“{typed}”大于“{bound}”（{bound_value}），这不可能：请核对这两项。", "“{typed}” is more than “{bound}” ({bound_value}), which cannot be: please check both.";
    ChartScale { floor, axis } => "（虚线为标准的 {floor}，实线为标准；横轴到标准的 {axis}）", "(dashed: {floor} of the standard; solid: the standard; the axis runs to {axis} of it)";
    GroupCount { total, met, required } => "{total}项中{met}项达标（要求至少{required}项）", "of {total} {total|indicator|indicators}, {met} met (at least {required} required)";
    ExportFailed { reason } => "报送文件没有导出：{reason}。草稿没有改变。", "The submission file was not written: {reason}. The draft is unchanged.";
    ExportIncomplete { errors, missing } => "这份自评还没有完成：{errors} 处填写有误，{missing} 项未填写。\n导出的文件会注明完成情况，县里会看到“未完成”。\n仍要导出吗？", "This self-assessment is not complete: {errors} {errors|error|errors}, {missing} unanswered.\nThe file records how complete it is; the county will see it as incomplete.\nExport anyway?";
    PlanGenerated { added } => "已根据未达标事项新增 {added} 行。", "Added {added} {added|row|rows} from the shortfalls.";
    FieldMissing { field } => "缺少字段 {field}", "the field {field} is missing";
    FieldUnknown { field } => "多出了不认识的字段 {field}", "an unknown field {field}";
    FieldUnknownValue { value } => "取值“{value}”不在允许的范围内", "the value “{value}” is not one of those allowed";
    FieldWrongType { detail } => "类型不对（{detail}）", "a value of the wrong type ({detail})";
    ImportTooLarge { size_kb, limit_kb } => "文件太大（{size_kb} KB），超过上限 {limit_kb} KB，未读取", "the file is too large ({size_kb} KB; the limit is {limit_kb} KB): not read";
    ImportNotJson { line, column } => "文件内容不是有效的 JSON：第 {line} 行第 {column} 列有误（文件可能不完整或被改动）", "not valid JSON at line {line}, column {column} (the file may be incomplete or changed)";
    ImportUnknownFormat { found } => "文件格式“{found}”不是本版本 ziping 能读取的报送文件格式", "the format “{found}” is not a submission format this version of ziping reads";
    ImportFieldWhole { problem } => "文件内容有误：{problem}", "the file is wrong: {problem}";
    ImportFieldIn { section, problem } => "{section} 部分有误：{problem}", "the {section} section is wrong: {problem}";
    ImportBadTime { field, value } => "字段 {field} 的时间“{value}”不是带时区的标准时间格式（RFC 3339）", "the time “{value}” in {field} is not an RFC 3339 time with an offset";
    ImportUnknownChecklist { id, version } => "文件使用的评估清单 {id}（版本 {version}）在本机没有，请先载入该清单文件", "the file uses checklist {id} (version {version}), which this computer does not have: load that checklist file first";
    ImportChecklistChanged { id, version } => "本机的评估清单 {id}（版本 {version}）与文件制作时的内容不同，不能按它重新计分", "checklist {id} (version {version}) on this computer differs from the one the file was made with: it cannot be re-scored with it";
    ImportUnreadable { reason } => "无法读取文件：{reason}", "the file could not be read: {reason}";
    ImportTypeNotCovered { school_type } => "文件中的学校类型为“{school_type}”，而文件使用的评估清单不适用于这类学校，无法计分", "the file's school type is “{school_type}”, which its checklist does not cover: it cannot be scored";
    ChecklistNotJson { line, column, problem } => "不是有效的清单文件（第 {line} 行第 {column} 列：{problem}）", "not a valid checklist file (line {line}, column {column}: {problem})";
    ChecklistWrongFormat { found } => "文件格式为“{found}”，不是 ziping 评估清单", "the format is “{found}”, not a ziping checklist";
    ChecklistDuplicateId { id } => "编号“{id}”重复", "the id “{id}” is used twice";
    ChecklistUnknownRef { what, id } => "引用了不存在的{what}“{id}”", "refers to an unknown {what} “{id}”";
    ChecklistReservedAt { id } => "编号“{id}”含有“@”：它在答案中用来标记九年一贯制学校的学部，编号中不能使用", "the id “{id}” contains “@”, which marks the parts of a nine-year school in answers";
    ChecklistHiddenCharacters { value, hidden } => "“{value}”含有看不见的字符（{hidden}）：清单编号和版本只能用看得见的字符，首尾不能有空格", "“{value}” contains characters that cannot be seen ({hidden}): a checklist's id and version use visible characters only, with no space at either end";
    ChecklistOutOfRange { value, allowed } => "数值 {value} 超出允许范围（应{allowed}）", "the value {value} is out of range (it must be {allowed})";
    ChecklistNotAnAnswer { item, value } => "“{value}”不是评估项“{item}”的答案", "“{value}” is not an answer of item “{item}”";
    ChecklistNoRuleFor { school_type } => "本项适用于{school_type}学校，却没有对应的达标线", "the item applies to {school_type} schools but has no rule for them";
    ChecklistWhenCycle { chain } => "“when”条件绕成了一个圈：{chain}", "the “when” conditions go round in a circle: {chain}";
    ChecklistNoThreshold { id } => "“{id}”没有达标线，不能用于“至少几项达标”的规则", "“{id}” has no threshold, so it cannot be in an at-least-N rule";
    ChecklistMinPass { min_pass, items } => "要求至少 {min_pass} 项达标，但只列出 {items} 项", "requires {min_pass} to be met but lists only {items}";
    ChecklistNotCanonical { reason } => "清单无法写成规范 JSON：{reason}", "the checklist cannot be written as canonical JSON: {reason}";
    ChecklistMoreProblems { total, more } => "另有 {more} 处，共 {total} 处问题", "and {more} more ({total} in all)";
    EditorHash { version, hash } => "版本 {version} · 内容校验码 {hash}", "version {version} · content hash {hash}";
    EditorProblemCount { count } => "{count} 处需要更正", "{count} to correct";
    EditorSavedFile { name } => "已保存清单文件 {name}。各校载入后可核对版本和校验码。", "Saved the checklist file {name}. Schools can check its version and hash after loading it.";
    EditorDraftLine { title, version, updated } => "{title} · 版本 {version} · 修改于 {updated}", "{title} · version {version} · changed {updated}";
    EditorProblemAt { place, problem } => "{place}：{problem}", "{place}: {problem}";
    PlaceArea { id, title } => "领域 {id} {title}", "Area {id} {title}";
    PlaceIndicator { id, title } => "指标 {id} {title}", "Indicator {id} {title}";
    PlaceItem { id, text } => "项目 {id} {text}", "Item {id} {text}";
    PlaceLevel { item, id, label } => "项目 {item} · 等级 {id} {label}", "Item {item} · level {id} {label}";
    PlaceGrade { id, label } => "等级 {id} {label}", "Grade {id} {label}";
    PlaceGroupRule { id } => "组合规则 {id}", "Group rule {id}";
    PlaceSource { id } => "依据文件 {id}", "Source {id}";
    DiffChanged { field, old, new } => "{field}：{old} → {new}", "{field}: {old} → {new}";
    DiffRule { school_type, old, new } => "{school_type}达标线：{old} → {new}", "{school_type} threshold: {old} → {new}";
    CsvProblemAt { row, column, problem } => "第 {row} 行“{column}”列：{problem}", "row {row}, column “{column}”: {problem}";
    CsvProblemRow { row, problem } => "第 {row} 行：{problem}", "row {row}: {problem}";
    CsvNotCsv { detail } => "不是可读取的 CSV 表格（{detail}）", "not a readable CSV table ({detail})";
    CsvUnknownColumn { header } => "不认识的列“{header}”", "an unknown column “{header}”";
    CsvBadRule { text } => "“{text}”不是达标线：写成 ≥ 60、> 0、≤ 90、< 5 或 1 ~ 2，空白表示不适用", "“{text}” is not a threshold: write ≥ 60, > 0, ≤ 90, < 5 or 1 ~ 2; empty means it does not apply";
    CsvBadKind { text } => "“{text}”不是项目类型：写是否、等级、数值、计算、情况或文字", "“{text}” is not a kind: write 是否, 等级, 数值, 计算, 情况 or 文字";
    CsvKindChanged { item } => "不能在表格中改变项目 {item} 的类型（它的公式或等级会丢失）：请在应用中删除后重新添加", "the kind of item {item} cannot change in the table (its formula or levels would be lost): remove and add it in the app";
    CsvKindOnlyInApp { item } => "新项目 {item} 的类型只能在应用中添加", "new item {item} is of a kind only the app can add";
    CsvDuplicateItem { item } => "项目编号 {item} 出现了两次", "item id {item} appears twice";
    CsvNameDiffers { id } => "{id} 的名称与前面的行不同", "the name of {id} differs from earlier rows";
    CsvIndicatorMoved { id } => "指标 {id} 出现在两个领域下", "indicator {id} appears under two areas";
}

/// A unit of measure in the interface language (checklist data writes units in Chinese).
pub fn unit(lang: Lang, unit: &str) -> &str {
    if lang == Lang::Zh {
        return unit;
    }
    match unit {
        "人" => "people",
        "分钟" => "min",
        "小时" => "h",
        "次" => "times",
        "间" => "rooms",
        "个" => "",
        "元" => "yuan",
        "万元" => "× 10,000 yuan",
        "间/12班" => "rooms per 12 classes",
        "个百分点" => "points",
        other => other,
    }
}

/// A unit after a number written `number` ("1 room", "2 rooms", "≥ 1 room per 12 classes"):
/// English nouns agree with a count of one; Chinese has no plural.
pub fn unit_after<'a>(lang: Lang, unit: &'a str, number: &str) -> &'a str {
    let plural = self::unit(lang, unit);
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let one = digits.parse::<f64>().is_ok_and(|n| n == 1.0);
    if lang == Lang::Zh || !one {
        return plural;
    }
    match plural {
        "people" => "person",
        "rooms" => "room",
        "times" => "time",
        "points" => "point",
        "rooms per 12 classes" => "room per 12 classes",
        other => other,
    }
}

impl Lang {
    /// The colon after a label: full width in Chinese.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }

    /// Text in parentheses: full width in Chinese.
    pub fn paren(self, text: &str) -> String {
        match self {
            Lang::Zh => format!("（{text}）"),
            Lang::En => format!(" ({text})"),
        }
    }
}

/// The name of a school type.
/// The name of a rule's comparison, in words.
pub fn op_msg(op: Option<crate::state::editor::Op>) -> Msg {
    use crate::state::editor::Op;
    match op {
        None => Msg::OpUnset,
        Some(Op::Ge) => Msg::OpGe,
        Some(Op::Gt) => Msg::OpGt,
        Some(Op::Le) => Msg::OpLe,
        Some(Op::Lt) => Msg::OpLt,
        Some(Op::Between) => Msg::OpBetween,
    }
}

/// The name of an item's kind.
pub fn kind_msg(kind: &crate::core::model::ItemKind) -> Msg {
    use crate::core::model::ItemKind;
    match kind {
        ItemKind::YesNo { .. } => Msg::KindYesNo,
        ItemKind::Levels { .. } => Msg::KindLevels,
        ItemKind::Number { .. } => Msg::KindNumber,
        ItemKind::Computed { .. } => Msg::KindComputed,
        ItemKind::Flag => Msg::KindFlag,
        ItemKind::Text => Msg::KindText,
    }
}

/// The name of a field a checklist difference is in.
pub fn diff_field_msg(f: crate::core::checklist_diff::Field) -> Msg {
    use crate::core::checklist_diff::Field as F;
    match f {
        F::Id => Msg::FieldNameId,
        F::Version => Msg::FieldNameVersion,
        F::Title => Msg::FieldNameTitle,
        F::Description => Msg::FieldNameDescription,
        F::Issuer => Msg::FieldNameIssuer,
        F::VetoGrade => Msg::FieldNameVetoGrade,
        F::Text => Msg::FieldNameText,
        F::Guidance => Msg::FieldNameGuidance,
        F::Points => Msg::FieldNamePoints,
        F::Unit => Msg::FieldNameUnit,
        F::Source => Msg::FieldNameSource,
        F::Clause => Msg::FieldNameClause,
        F::Veto => Msg::FieldNameVeto,
        F::Kind => Msg::FieldNameKind,
        F::AppliesTo => Msg::FieldNameAppliesTo,
        F::PassRate => Msg::FieldNamePassRate,
        F::Label => Msg::FieldNameLabel,
        F::MinPercent => Msg::FieldNameMinPercent,
        F::MinPass => Msg::FieldNameMinPass,
        F::FloorRatio => Msg::FieldNameFloorRatio,
        F::NearScores => Msg::FieldNameNearScores,
        F::Items => Msg::FieldNameItems,
        F::PrimaryWeight => Msg::FieldNamePrimaryWeight,
        F::JuniorWeight => Msg::FieldNameJuniorWeight,
        F::Indicator => Msg::FieldNameIndicator,
        F::Area => Msg::FieldNameArea,
        F::DocNo => Msg::FieldNameDocNo,
    }
}

/// Where a checklist difference is, as people name it ("项目 B5.1.1 …").
pub fn diff_place(lang: Lang, place: &crate::core::checklist_diff::Place) -> String {
    use crate::core::checklist_diff::Place as P;
    let pick = |t: &crate::core::model::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En if t.en.is_empty() => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    match place {
        P::Checklist => Msg::EditorPlaceChecklist.text(lang).into(),
        P::Split => Msg::EditorPlaceSplit.text(lang).into(),
        P::Area { id, title } => Say::PlaceArea {
            id,
            title: &pick(title),
        }
        .text(lang),
        P::Indicator { id, title } => Say::PlaceIndicator {
            id,
            title: &pick(title),
        }
        .text(lang),
        P::Item { id, text } => Say::PlaceItem {
            id,
            text: &pick(text),
        }
        .text(lang),
        P::Level { item, id, label } => Say::PlaceLevel {
            item,
            id,
            label: &pick(label),
        }
        .text(lang),
        P::Grade { id, label } => Say::PlaceGrade {
            id,
            label: &pick(label),
        }
        .text(lang),
        P::GroupRule { id } => Say::PlaceGroupRule { id }.text(lang),
        P::Source { id } => Say::PlaceSource { id }.text(lang),
    }
}

/// What a checklist difference is, in words ("达标线：≥ 60 → ≥ 90").
pub fn diff_change(lang: Lang, change: &crate::core::checklist_diff::Change) -> String {
    use crate::core::checklist_diff::{Change as C, Field};
    let kind_word = |code: &str| match code {
        "yes_no" => Msg::KindYesNo.text(lang).to_string(),
        "levels" => Msg::KindLevels.text(lang).into(),
        "number" => Msg::KindNumber.text(lang).into(),
        "computed" => Msg::KindComputed.text(lang).into(),
        "flag" => Msg::KindFlag.text(lang).into(),
        "text" => Msg::KindText.text(lang).into(),
        other => other.into(),
    };
    let none = || Msg::DiffNone.text(lang).to_string();
    match change {
        C::Added => Msg::DiffAdded.text(lang).into(),
        C::Removed => Msg::DiffRemoved.text(lang).into(),
        C::Reordered => Msg::DiffReordered.text(lang).into(),
        C::Changed {
            field,
            lang: text_lang,
            old,
            new,
        } => {
            let mut name = diff_field_msg(*field).text(lang).to_string();
            if let Some(l) = text_lang {
                name.push_str(match l {
                    Lang::Zh => Msg::EditorZh.text(lang),
                    Lang::En => Msg::EditorEn.text(lang),
                });
            }
            let shown = |v: &str| match (field, v) {
                (Field::AppliesTo, "") => Msg::EditorAppliesAll.text(lang).to_string(),
                (_, "") => none(),
                (Field::Kind, code) => kind_word(code),
                (Field::AppliesTo, codes) => codes
                    .split(',')
                    .map(|c| {
                        crate::core::model::SchoolType::ALL
                            .into_iter()
                            .find(|t| t.code() == c)
                            .map_or(c, |t| school_type_name(lang, t))
                    })
                    .collect::<Vec<_>>()
                    .join(Msg::ListSeparator.text(lang)),
                (_, v) => v.to_string(),
            };
            Say::DiffChanged {
                field: &name,
                old: &shown(old),
                new: &shown(new),
            }
            .text(lang)
        }
        C::Rule {
            school_type,
            old,
            new,
        } => {
            let rule = |c: &Option<crate::core::model::Comparison>| {
                c.map(|c| c.describe()).unwrap_or_else(none)
            };
            Say::DiffRule {
                school_type: school_type_name(lang, *school_type),
                old: &rule(old),
                new: &rule(new),
            }
            .text(lang)
        }
    }
}

/// A problem of a checklist table, with its row and column.
pub fn csv_problem(lang: Lang, p: &crate::core::checklist_csv::CsvProblem) -> String {
    use crate::core::checklist_csv::CsvIssue as I;
    let problem = match &p.issue {
        I::NotCsv { detail } => Say::CsvNotCsv { detail }.text(lang),
        I::UnknownColumn { header } => Say::CsvUnknownColumn { header }.text(lang),
        I::MissingColumn => Msg::CsvMissingColumn.text(lang).into(),
        I::NoRows => Msg::CsvNoRows.text(lang).into(),
        I::Empty => Msg::CsvEmpty.text(lang).into(),
        I::NotANumber { text } => Say::NotANumber { typed: text }.text(lang),
        I::BadRule { text } => Say::CsvBadRule { text }.text(lang),
        I::BadKind { text } => Say::CsvBadKind { text }.text(lang),
        I::KindChanged { item } => Say::CsvKindChanged { item }.text(lang),
        I::KindOnlyInApp { item } => Say::CsvKindOnlyInApp { item }.text(lang),
        I::RuleNotAllowed => Msg::CsvRuleNotAllowed.text(lang).into(),
        I::DuplicateItem { item } => Say::CsvDuplicateItem { item }.text(lang),
        I::NameDiffers { id } => Say::CsvNameDiffers { id }.text(lang),
        I::IndicatorMoved { id } => Say::CsvIndicatorMoved { id }.text(lang),
    };
    at_row(lang, p.row, p.column.map(|c| c.header()), &problem)
}

/// A table's problem with its place: "第 3 行“学校类型”列：…" or "第 3 行：…".
pub(crate) fn at_row(lang: Lang, row: usize, column: Option<&str>, problem: &str) -> String {
    let row = row.to_string();
    match column {
        Some(column) => Say::CsvProblemAt {
            row: &row,
            column,
            problem,
        }
        .text(lang),
        None => Say::CsvProblemRow { row: &row, problem }.text(lang),
    }
}

pub fn school_type_name(lang: Lang, t: crate::core::model::SchoolType) -> &'static str {
    use crate::core::model::SchoolType;
    match t {
        SchoolType::Primary => Msg::Primary,
        SchoolType::Junior => Msg::Junior,
        SchoolType::NineYear => Msg::NineYear,
    }
    .text(lang)
}

/// How an item, indicator or area moved from last year to this, in a word.
pub fn change_msg(c: crate::core::history::Change) -> Msg {
    use crate::core::history::Change;
    match c {
        Change::Improved => Msg::ChangeImproved,
        Change::Worse => Msg::ChangeWorse,
        Change::Same => Msg::ChangeSame,
        Change::NewlyShort => Msg::ChangeNewlyShort,
        Change::Resolved => Msg::ChangeResolved,
        Change::New => Msg::ChangeNew,
        Change::Dropped => Msg::ChangeDropped,
        Change::Pending => Msg::ChangePending,
    }
}

/// What a file says of last year's 整改 rows, in words; empty when none are known.
pub fn follow_up_text(lang: Lang, f: &crate::core::aggregate::FollowUp) -> String {
    use crate::core::aggregate::FollowUp;
    match f {
        FollowUp::NotDue => String::new(),
        FollowUp::Reported { rows, done, unset } => Say::FollowUpReported {
            rows: &rows.to_string(),
            said: &(rows - unset).to_string(),
            done: &done.to_string(),
        }
        .text(lang),
        FollowUp::Missing { rows } => Say::FollowUpMissing {
            rows: &rows.to_string(),
        }
        .text(lang),
    }
}

/// The name of a side of the county's figures (小学 or 初中).
pub fn side_name(lang: Lang, side: crate::core::aggregate::Side) -> &'static str {
    use crate::core::aggregate::Side;
    match side {
        Side::Primary => Msg::Primary,
        Side::Junior => Msg::Junior,
    }
    .text(lang)
}

/// The name of a part of a 九年一贯制 school (小学部, 初中部); none for the whole school.
pub fn part_name(lang: Lang, part: crate::core::answers::Part) -> Option<&'static str> {
    use crate::core::answers::Part;
    match part {
        Part::Whole => None,
        Part::Primary => Some(Msg::PartPrimary.text(lang)),
        Part::Junior => Some(Msg::PartJunior.text(lang)),
    }
}

/// A part's name in parentheses after a title ("（小学部）"), or nothing for the whole school.
pub fn part_suffix(lang: Lang, part: crate::core::answers::Part) -> String {
    part_name(lang, part)
        .map(|p| lang.paren(p))
        .unwrap_or_default()
}

/// What serde found wrong with a field, as a phrase.
pub fn field_problem(lang: Lang, p: &crate::core::json::FieldProblem) -> String {
    use crate::core::json::FieldProblem as P;
    match p {
        P::Missing { field } => Say::FieldMissing { field }.text(lang),
        P::Unknown { field } => Say::FieldUnknown { field }.text(lang),
        P::UnknownValue { value } => Say::FieldUnknownValue { value }.text(lang),
        P::WrongType { detail } => Say::FieldWrongType { detail }.text(lang),
        P::Truncated => Msg::JsonTruncated.text(lang).into(),
        P::Syntax => Msg::JsonSyntax.text(lang).into(),
        P::Other { detail } => detail.clone(),
    }
}

/// Why a submission file was refused, as a sentence that names the field and the problem.
pub fn import_error(lang: Lang, e: &crate::core::export::ImportError) -> String {
    use crate::core::export::ImportError as E;
    match e {
        E::TooLarge { size, limit } => Say::ImportTooLarge {
            size_kb: &(size / 1024).to_string(),
            limit_kb: &(limit / 1024).to_string(),
        }
        .text(lang),
        E::NotUtf8 => Msg::ImportNotUtf8.text(lang).into(),
        E::NotJson { line, column, .. } => Say::ImportNotJson {
            line: &line.to_string(),
            column: &column.to_string(),
        }
        .text(lang),
        E::TooDeep => Msg::ImportTooDeep.text(lang).into(),
        E::NotAnExport => Msg::ImportNotAnExport.text(lang).into(),
        E::UnknownFormat { found } => Say::ImportUnknownFormat { found }.text(lang),
        E::Field { path, problem } if path == "$" => Say::ImportFieldWhole {
            problem: &field_problem(lang, problem),
        }
        .text(lang),
        E::Field { path, problem } => Say::ImportFieldIn {
            section: path,
            problem: &field_problem(lang, problem),
        }
        .text(lang),
        E::BadTime { field, value } => Say::ImportBadTime { field, value }.text(lang),
        E::DigestMismatch { .. } => Msg::ImportDigestMismatch.text(lang).into(),
        E::UnknownChecklist { id, version } => {
            Say::ImportUnknownChecklist { id, version }.text(lang)
        }
        E::ChecklistChanged { id, version } => {
            Say::ImportChecklistChanged { id, version }.text(lang)
        }
        E::NoSchoolType => Msg::ImportNoSchoolType.text(lang).into(),
        E::Unreadable { reason } => Say::ImportUnreadable { reason }.text(lang),
        E::BadSchoolYear { year } => Say::ImportBadSchoolYear { year }.text(lang),
        E::NumberTooPrecise { number } => Say::ImportNumberTooPrecise { number }.text(lang),
        E::SchoolTypeNotCovered { school_type } => Say::ImportTypeNotCovered {
            school_type: school_type_name(lang, *school_type),
        }
        .text(lang),
    }
}

/// A share as a percentage for people (0.85 → "85", 0.825 → "82.5").
fn percent(share: f64) -> String {
    crate::core::rules::fmt_num((share * 1000.0).round() / 10.0)
}

/// A group rule's terms in words, with its own numbers ("7 项中至少 6 项达标、其余不低于标准的 85%").
pub fn rule_terms(lang: Lang, t: &crate::core::aggregate::RuleTerms) -> String {
    Say::RuleTermsText {
        items: &t.items.to_string(),
        min_pass: &t.min_pass.to_string(),
        floor: &percent(t.floor_ratio),
    }
    .text(lang)
}

/// A 数据合理性提醒 in words: the figure, and what to look at again.
pub fn unlikely_text(lang: Lang, u: crate::core::plausible::Unlikely) -> String {
    use crate::core::plausible::{Unlikely, YUAN_PER_PUPIL};
    let n = |x: f64| crate::core::format::fixed(x, if x < 10.0 { 2 } else { 0 });
    match u {
        Unlikely::PupilsPerClass(x) => Say::UnlikelyPerClass { value: &n(x) }.text(lang),
        Unlikely::PupilsPerTeacher(x) => Say::UnlikelyPerTeacher { value: &n(x) }.text(lang),
        Unlikely::AreaPerPupil(x) => Say::UnlikelyArea { value: &n(x) }.text(lang),
        Unlikely::YuanPerPupil(x) if x < YUAN_PER_PUPIL.0 => {
            Say::UnlikelyYuanLow { value: &n(x) }.text(lang)
        }
        Unlikely::YuanPerPupil(x) => Say::UnlikelyYuanHigh { value: &n(x) }.text(lang),
        Unlikely::RoomsPerClass(x) => Say::UnlikelyRooms { value: &n(x) }.text(lang),
        Unlikely::MoreThanFullTime(t) => Say::UnlikelyAmongFullTime {
            value: &crate::core::format::fixed(t, 0),
        }
        .text(lang),
    }
}

/// What is wrong with a 完成时限, in words.
pub fn deadline_problem_text(lang: Lang, p: crate::core::school::DeadlineProblem) -> String {
    use crate::core::school::DeadlineProblem;
    match p {
        DeadlineProblem::NotADate => Msg::DeadlineNotADate.text(lang).into(),
        DeadlineProblem::YearOutOfRange { year, from, to } => Say::DeadlineYear {
            year: &year.to_string(),
            from: &from.to_string(),
            to: &to.to_string(),
        }
        .text(lang),
    }
}

/// An outcome in words where the floor matters (the county's school table): met, not met but
/// at least the floor, or below the floor; other outcomes as [`outcome_words`] says them.
pub fn outcome_below_floor(
    lang: Lang,
    o: crate::core::score::Outcome,
    floor: Option<f64>,
) -> String {
    match (o, floor) {
        (crate::core::score::Outcome::NotMet, Some(f)) => {
            Say::OutcomeBelowFloor { floor: &percent(f) }.text(lang)
        }
        _ => outcome_words(lang, o, floor),
    }
}

/// An outcome in words; "near" with the floor of the rule that judges the item, when known.
pub fn outcome_words(lang: Lang, o: crate::core::score::Outcome, floor: Option<f64>) -> String {
    use crate::core::score::Outcome;
    match (o, floor) {
        (Outcome::Near, Some(f)) => Say::OutcomeNearFloor { floor: &percent(f) }.text(lang),
        (Outcome::Met, _) => Msg::OutcomeMet.text(lang).into(),
        (Outcome::Near, None) => Msg::OutcomeNear.text(lang).into(),
        (Outcome::NotMet, _) => Msg::OutcomeNotMet.text(lang).into(),
        (Outcome::Partial, _) => Msg::OutcomePartial.text(lang).into(),
        (Outcome::NotApplicable, _) => Msg::OutcomeNa.text(lang).into(),
        (Outcome::Noted, _) => Msg::OutcomeNoted.text(lang).into(),
        (Outcome::Missing, _) => Msg::OutcomeMissing.text(lang).into(),
        (Outcome::Invalid, _) => Msg::OutcomeInvalid.text(lang).into(),
        (Outcome::Undefined, _) => Msg::OutcomeUndefined.text(lang).into(),
    }
}

/// A floor for people: "85%线".
pub fn floor_line(lang: Lang, floor: f64) -> String {
    Say::FloorLine {
        floor: &percent(floor),
    }
    .text(lang)
}

/// The distinct floors of a set of rules, in words ("80%、85%").
pub fn floors_text(lang: Lang, floors: &[f64]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for f in floors {
        let p = format!("{}%", percent(*f));
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    seen.join(Msg::ListSeparator.text(lang))
}

/// The grade's lines and the way to the next grade, in words: "等级线：达标 ≥ 95%、基本达标 ≥ 85%",
/// then "还差 5 分达到“达标”" or "资源配置…未满足，等级为“未达标”". `None` where nothing is graded.
pub fn grade_outlook(
    lang: Lang,
    checklist: &crate::core::checklist::Checklist,
    o: &crate::core::score::Outlook,
) -> (String, Option<String>) {
    use crate::core::score::Next;
    let pick = |t: &crate::core::model::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    let lines = o
        .lines
        .iter()
        .map(|(label, p)| {
            Say::GradeLine {
                band: &pick(label),
                percent: &crate::core::rules::fmt_num(*p),
            }
            .text(lang)
        })
        .collect::<Vec<_>>()
        .join(Msg::ListSeparator.text(lang));
    let lines = Say::GradeLines { lines: &lines }.text(lang);
    let next = match &o.next {
        Next::Top => Some(Msg::GradeTop.text(lang).to_string()),
        Next::Vetoed => Some(Msg::GradeVetoed.text(lang).to_string()),
        Next::Unknown => None,
        Next::Points { points, band } => Some(
            Say::NextPoints {
                points: &crate::core::rules::fmt_num(*points),
                band: &pick(band),
            }
            .text(lang),
        ),
        Next::Held { by, band } => {
            let doc = checklist.doc();
            let names: Vec<String> = by
                .iter()
                .map(|id| {
                    doc.group_rules
                        .iter()
                        .find(|g| &g.id == id)
                        .map(|g| format!("“{}”", pick(&g.title)))
                        .or_else(|| {
                            checklist
                                .item(id)
                                .map(|i| format!("{id} {}", pick(&i.text)))
                        })
                        .unwrap_or_else(|| id.clone())
                })
                .collect();
            Some(
                Say::GradeHeld {
                    by: &names.join(Msg::ListSeparator.text(lang)),
                    band: &pick(band),
                }
                .text(lang),
            )
        }
    };
    (lines, next)
}

/// Why files are in conflict, without naming the files (the command line lists them).
pub fn conflict_reason(lang: Lang, reason: &crate::core::aggregate::Conflict) -> String {
    use crate::core::aggregate::Conflict;
    match reason {
        Conflict::SameCodeOtherName { names } => Say::ConflictCodeNamesOnly {
            names: &crate::core::county_csv::listed(lang, names),
        }
        .text(lang),
        Conflict::SameTimeOtherContent => Msg::ConflictSameTimeOnly.text(lang).into(),
    }
}

/// One problem of a checklist file, as a phrase.
pub fn checklist_problem(lang: Lang, p: &crate::core::checklist::Problem) -> String {
    use crate::core::checklist::{Allowed, Problem as P, RefKind};
    let num = crate::core::rules::fmt_num;
    match p {
        P::Json {
            line,
            column,
            problem,
        } => Say::ChecklistNotJson {
            line: &line.to_string(),
            column: &column.to_string(),
            problem: &field_problem(lang, problem),
        }
        .text(lang),
        P::WrongFormat { found } => Say::ChecklistWrongFormat { found }.text(lang),
        P::Empty => Msg::ChecklistEmpty.text(lang).into(),
        P::DuplicateId(id) => Say::ChecklistDuplicateId { id }.text(lang),
        P::Unknown { what, id } => Say::ChecklistUnknownRef {
            what: match what {
                RefKind::Source => Msg::RefSource,
                RefKind::Input => Msg::RefInput,
                RefKind::Item => Msg::RefItem,
                RefKind::Grade => Msg::RefGrade,
            }
            .text(lang),
            id,
        }
        .text(lang),
        P::ReservedCharacter(id) => Say::ChecklistReservedAt { id }.text(lang),
        P::HiddenCharacters { value, hidden } => Say::ChecklistHiddenCharacters {
            value: &value.escape_debug().to_string(),
            hidden: &hidden
                .iter()
                .map(|c| format!("U+{:04X}", u32::from(*c)))
                .collect::<Vec<_>>()
                .join(" "),
        }
        .text(lang),
        P::OutOfRange { allowed, value } => Say::ChecklistOutOfRange {
            value: &num(*value),
            allowed: match allowed {
                Allowed::Share => Msg::AllowedShare,
                Allowed::Percent => Msg::AllowedPercent,
                Allowed::Points => Msg::AllowedPoints,
                Allowed::LevelPoints => Msg::AllowedLevelPoints,
                Allowed::Weight => Msg::AllowedWeight,
                Allowed::Positive => Msg::AllowedPositive,
            }
            .text(lang),
        }
        .text(lang),
        P::NoZeroGrade => Msg::ChecklistNoZeroGrade.text(lang).into(),
        P::SplitNeeded => Msg::ChecklistSplitNeeded.text(lang).into(),
        P::EnrolmentNotPerPart => Msg::ChecklistEnrolmentPerPart.text(lang).into(),
        P::NotAnAnswer { item, value } => Say::ChecklistNotAnAnswer { item, value }.text(lang),
        P::Unscored => Msg::ChecklistUnscored.text(lang).into(),
        P::VetoKind => Msg::ChecklistVetoKind.text(lang).into(),
        P::TooFewLevels => Msg::ChecklistTooFewLevels.text(lang).into(),
        P::BestLevelPoints => Msg::ChecklistBestLevel.text(lang).into(),
        P::NoRuleFor(t) => Say::ChecklistNoRuleFor {
            school_type: school_type_name(lang, *t),
        }
        .text(lang),
        P::BadThreshold => Msg::ChecklistBadThreshold.text(lang).into(),
        P::WhenCycle(chain) => Say::ChecklistWhenCycle {
            chain: &chain.join(" → "),
        }
        .text(lang),
        P::NoThreshold(id) => Say::ChecklistNoThreshold { id }.text(lang),
        P::MinPassTooHigh { min_pass, items } => Say::ChecklistMinPass {
            min_pass: &min_pass.to_string(),
            items: &items.to_string(),
        }
        .text(lang),
        P::NotCanonical(reason) => Say::ChecklistNotCanonical { reason }.text(lang),
    }
}

/// A checklist file's problems as sentences (the first three), each with its place in the file.
pub fn checklist_errors(lang: Lang, errors: &crate::core::checklist::ChecklistErrors) -> String {
    let mut parts: Vec<String> = errors
        .0
        .iter()
        .take(3)
        .map(|issue| {
            let what = checklist_problem(lang, &issue.problem);
            if issue.path == "$" {
                what
            } else {
                format!("{}{}{what}", issue.path, lang.colon())
            }
        })
        .collect();
    if errors.0.len() > 3 {
        parts.push(
            Say::ChecklistMoreProblems {
                total: &errors.0.len().to_string(),
                more: &(errors.0.len() - 3).to_string(),
            }
            .text(lang),
        );
    }
    parts.join(Msg::ClauseSeparator.text(lang))
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
    fn units_and_punctuation_follow_the_language() {
        assert_eq!(unit(Lang::Zh, "分钟"), "分钟");
        assert_eq!(unit(Lang::En, "分钟"), "min");
        assert_eq!(unit(Lang::En, "㎡"), "㎡");
        assert_eq!(Lang::Zh.paren("小学部"), "（小学部）");
        assert_eq!(Lang::En.paren("Primary part"), " (Primary part)");
    }

    #[test]
    fn values_go_where_their_names_stand() {
        let m = Say::ProgressLabel {
            done: "3",
            total: "10",
        };
        assert_eq!(m.text(Lang::Zh), "已填 3/10");
        assert_eq!(
            Say::PointsLabel { points: "2/4" }.text(Lang::En),
            "2/4 points"
        );
        // The English line that once read "7 of 5 schools": named fields cannot swap.
        let rule = Say::CountyRuleMet {
            side: "Primary",
            schools: "7",
            meeting: "5",
            rule: "r",
        };
        assert_eq!(rule.text(Lang::En), "Primary: of 7 schools, 5 meet “r”");
        // A value that looks like a placeholder stays as typed.
        assert_eq!(
            Say::NotANumber { typed: "{typed}" }
                .text(Lang::En)
                .matches("{typed}")
                .count(),
            1
        );
    }

    /// Every template uses exactly its message's fields, in both languages: no `{}` left from
    /// positional arguments, no field forgotten in one language, no unknown name.
    #[test]
    fn every_template_uses_exactly_its_fields() {
        for (key, zh, en, fields) in Say::TEMPLATES {
            for (lang, template) in [("zh", zh), ("en", en)] {
                let mut used: Vec<&str> = Vec::new();
                let mut rest = *template;
                while let Some(open) = rest.find('{') {
                    let after = &rest[open + 1..];
                    let close = after
                        .find('}')
                        .unwrap_or_else(|| panic!("{key} {lang}: unclosed {{"));
                    let name = &after[..close];
                    used.push(name.split_once('|').map_or(name, |(n, _)| n));
                    rest = &after[close + 1..];
                }
                for name in &used {
                    assert!(
                        fields.contains(name),
                        "{key} {lang}: unknown placeholder {{{name}}}"
                    );
                }
                for field in *fields {
                    assert!(used.contains(field), "{key} {lang}: {{{field}}} missing");
                }
            }
        }
        for key in Msg::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert!(
                    !key.text(lang).contains("{}"),
                    "{key:?} still takes positional values"
                );
            }
        }
    }

    #[test]
    fn english_units_agree_with_a_count_of_one() {
        assert_eq!(unit_after(Lang::En, "间", "1"), "room");
        assert_eq!(unit_after(Lang::En, "间", "2"), "rooms");
        assert_eq!(unit_after(Lang::En, "人", "1"), "person");
        assert_eq!(
            unit_after(Lang::En, "间/12班", "≥ 1"),
            "room per 12 classes"
        );
        assert_eq!(
            unit_after(Lang::En, "间/12班", "1.5"),
            "rooms per 12 classes"
        );
        assert_eq!(unit_after(Lang::Zh, "间", "1"), "间");
    }

    /// English counts agree with their nouns: "1 error", "2 errors", "1 county".
    #[test]
    fn english_counts_take_the_plural_only_when_more_than_one() {
        let counts = |e: &str, m: &str, w: &str| {
            Say::CheckCounts {
                errors: e,
                missing: m,
                warnings: w,
            }
            .text(Lang::En)
        };
        assert!(counts("1", "0", "2").starts_with("1 error, 0 unanswered, 2 notes."));
        assert!(counts("3", "1", "1").starts_with("3 errors, 1 unanswered, 1 note."));
        assert_eq!(
            Say::CountyAsk { counties: "1" }.text(Lang::En),
            "These files come from 1 county: choose the county to aggregate first"
        );
        assert_eq!(
            Say::CountySchoolsInBin { schools: "1" }.text(Lang::En),
            "1 school"
        );
        // Every English template that counts a noun says it in the singular for 1.
        for (key, _, en, fields) in Say::TEMPLATES {
            let one: Vec<(&str, &str)> = fields
                .iter()
                .map(|f| (*f, if *f == "school_type" { "primary" } else { "1" }))
                .collect();
            let text = render(en, &one);
            for noun in [
                "errors",
                "schools",
                "files",
                "rows",
                "counties",
                "points",
                "notes",
                "items",
                "checklists",
                "indicators",
                "decimals",
                "students",
                "teachers",
                "classes",
            ] {
                assert!(
                    !text.contains(&format!("1 {noun}")),
                    "{key}: “{text}” says 1 {noun}"
                );
            }
        }
    }

    #[test]
    fn chinese_is_the_default_and_toggle_flips() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::En.other().tag(), "zh-CN");
    }

    /// Every checklist problem and every import error reads as Chinese in Chinese, with no
    /// English sentence inside (county authors once got "内容不一致：levels need at least two
    /// entries"), and as English in English.
    #[test]
    fn problems_are_worded_in_the_interface_language() {
        use crate::core::checklist::{Allowed, Problem as P, RefKind};
        use crate::core::export::ImportError as E;
        use crate::core::json::FieldProblem as F;
        use crate::core::model::SchoolType;
        let field = F::Missing { field: "x1".into() };
        let problems = [
            P::Json {
                line: 1,
                column: 2,
                problem: field.clone(),
            },
            P::WrongFormat { found: "x1".into() },
            P::Empty,
            P::DuplicateId("x1".into()),
            P::Unknown {
                what: RefKind::Grade,
                id: "x1".into(),
            },
            P::ReservedCharacter("x1".into()),
            P::HiddenCharacters {
                value: "1\u{200B}".into(),
                hidden: vec!['\u{200B}'],
            },
            P::OutOfRange {
                allowed: Allowed::LevelPoints,
                value: 2.0,
            },
            P::NoZeroGrade,
            P::SplitNeeded,
            P::EnrolmentNotPerPart,
            P::NotAnAnswer {
                item: "x1".into(),
                value: "x2".into(),
            },
            P::Unscored,
            P::VetoKind,
            P::TooFewLevels,
            P::BestLevelPoints,
            P::NoRuleFor(SchoolType::Junior),
            P::BadThreshold,
            P::WhenCycle(vec!["x1".into(), "x2".into(), "x1".into()]),
            P::NoThreshold("x1".into()),
            P::MinPassTooHigh {
                min_pass: 3,
                items: 2,
            },
            P::NotCanonical("x1".into()),
        ];
        let errors = [
            E::TooLarge {
                size: 5 << 20,
                limit: 4 << 20,
            },
            E::NotUtf8,
            E::NotJson {
                line: 1,
                column: 2,
                message: "x1".into(),
            },
            E::TooDeep,
            E::NotAnExport,
            E::UnknownFormat { found: "x1".into() },
            E::Field {
                path: "$".into(),
                problem: field.clone(),
            },
            E::Field {
                path: "profile".into(),
                problem: F::UnknownValue { value: "x1".into() },
            },
            E::BadTime {
                field: "created".into(),
                value: "x1".into(),
            },
            E::DigestMismatch {
                stored: "x1".into(),
                computed: "x2".into(),
            },
            E::UnknownChecklist {
                id: "x1".into(),
                version: "1".into(),
            },
            E::ChecklistChanged {
                id: "x1".into(),
                version: "1".into(),
            },
            E::NoSchoolType,
            E::Unreadable {
                reason: "x1".into(),
            },
            E::SchoolTypeNotCovered {
                school_type: SchoolType::NineYear,
            },
        ];
        let sentences = problems
            .iter()
            .map(|p| {
                (
                    checklist_problem(Lang::Zh, p),
                    checklist_problem(Lang::En, p),
                )
            })
            .chain(
                errors
                    .iter()
                    .map(|e| (import_error(Lang::Zh, e), import_error(Lang::En, e))),
            );
        let english_word = |t: &str| {
            t.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
                w.len() >= 3
                    && ![
                        "UTF", "JSON", "KB", "RFC", "ziping", "format", "profile", "created",
                        "school", "type", "split", "scope", "per", "part", "when",
                    ]
                    .contains(&w)
            })
        };
        for (zh, en) in sentences {
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(!english_word(&zh), "English inside the Chinese: {zh}");
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{en}"
            );
        }
    }
}
