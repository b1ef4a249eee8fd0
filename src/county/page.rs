//! County mode's page: drop or pick many schools' files (and county checklists), in as many
//! batches as needed. A pool of workers reads, verifies and re-scores them off this thread
//! (`pool.rs`, `worker.rs`); the batch (`state::county`) keeps their facts; this page shows
//! progress, aggregates when every file is in, and draws the report.

use super::figures::{by_year, county_rates, figures, follow_ups};
use super::pool::Pool;
use super::review::{self, Review};
use super::settings::SettingsPanel;
use super::table::SchoolsTable;
use crate::app::browser::{clock, drafts, files, page};
use crate::app::pages::Report;
use crate::app::{Ctx, Open, Shared};
use crate::core::aggregate::{CountyReport, CountySettings, RosterSchool};
use crate::core::builtin::readable;
use crate::core::export::Verified;
use crate::i18n::status_counts;
use crate::i18n::{say, Msg};
use crate::report::county_csv::{figures_csv, rates_csv, schools_csv};
use crate::state::county::{max_bytes, Added, Batch, BatchChoices, FileReply};
use crate::state::draft::{known_from_set, open_verified};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What a history entry county mode adds shows over its page: a school's report (its file
/// follows) or the 核查单.
const SCHOOL_ENTRY: &str = "school:";
const SHEETS_ENTRY: &str = "sheets";

#[wasm_bindgen(module = "/src/county/drop.js")]
extern "C" {
    /// The entries of a drop that holds a folder, and its items' handles where the browser
    /// has them (null for files only).
    #[wasm_bindgen(js_name = dropEntries)]
    fn drop_entries(dropped: &web_sys::DataTransfer) -> JsValue;
    /// Reads the entries (through the handles where there are some), folders at any depth,
    /// handing files on in parts; resolves to the paths of files that could not be read.
    #[wasm_bindgen(js_name = readEntries)]
    fn read_entries(entries: &JsValue, on_part: &js_sys::Function) -> js_sys::Promise;
    /// The browser hands over a chosen folder as a handle (`showDirectoryPicker`).
    #[wasm_bindgen(js_name = canPickFolder)]
    fn can_pick_folder() -> bool;
    /// Asks the officer for a folder: its handle, "cancelled", or null (the browser would not).
    #[wasm_bindgen(js_name = pickFolder)]
    fn pick_folder() -> js_sys::Promise;
    /// `read_entries` for a chosen folder's handle.
    #[wasm_bindgen(js_name = readFolder)]
    fn read_folder(folder: &JsValue, on_part: &js_sys::Function) -> js_sys::Promise;
}

/// What the page shows: the report of the batch's files.
#[derive(Clone)]
struct Shown {
    report: Rc<CountyReport>,
    /// Which report of the page's this is (`Work::reports`).
    number: u32,
    /// Schools the 实地核查 draw chooses among (`visit::candidates`: worked out beside the
    /// report, not while it is drawn).
    visit_schools: usize,
    /// Its flags in the order the list first shows them (`review::by_school`).
    flags_by_school: Rc<Vec<usize>>,
    /// Milliseconds from handing the files to the workers to the report (the benchmark reads
    /// it): reading, verifying, re-scoring and aggregating.
    millis: f64,
}

/// How often progress is redrawn while files come back (not once per file: 10,000 redraws
/// would keep this thread busy).
const PROGRESS_EVERY_MS: f64 = 200.0;

/// The page's working state, shared by the callbacks and the workers' replies.
struct Work {
    batch: Batch,
    /// The browser's file handles, by the batch's ids (reread when a checklist arrives, read
    /// again to show a school's report).
    handles: BTreeMap<u32, Picked>,
    pool: Option<Pool>,
    /// Files waiting to be handed to the workers, and whether handing them out is under way.
    outbox: std::collections::VecDeque<u32>,
    handing: bool,
    /// Files handed to the workers in the batch's generation `sent.0` (not handed again when
    /// more files join, or a dropped folder arrives part by part).
    sent: (u32, std::collections::BTreeSet<u32>),
    /// Dropped folders still being walked (their files join part by part), and the number
    /// of the last 清空 or 取消: a walk begun before it hands on nothing more.
    walks: u32,
    epoch: u32,
    /// When the files now being read were handed out, and when progress was last drawn.
    started: f64,
    drawn: f64,
    /// The batch kept in this browser has been read back (until then nothing is saved over
    /// it), and the officer's choices as last saved.
    restored: bool,
    saved_choices: BatchChoices,
    /// Picks and parts still to be kept in this browser, in the order they came, and whether
    /// `keep_in_order` is working through them.
    keeping: std::collections::VecDeque<Vec<(u32, web_sys::File)>>,
    keeper: bool,
    /// How many files of the lot `keep_in_order` took from `keeping` are being kept.
    keeping_now: usize,
    /// Where this browser keeps each file of the batch, by id; and the files read as copies
    /// of one already in the batch before they were kept: forgotten as soon as they are (the
    /// same folder picked twice was once kept twice).
    kept: BTreeMap<u32, drafts::KeptFile>,
    copies: std::collections::BTreeSet<u32>,
    /// The files read back from last time's batch: 取消 stops checking them, and never
    /// forgets them (清空 does, and asks first).
    last_time: std::collections::BTreeSet<u32>,
    /// Of last time's files read back, those that are no school's file in the batch (a
    /// checklist file, a file refused): the line about last time's files counts the others,
    /// as 共 N 个文件 does.
    last_time_not_schools: usize,
    /// When a file was last picked or answered: keeping waits for reading only while it moves.
    answered_at: f64,
    /// How many reports have been asked for: a report still being made when another is asked
    /// for (a reply came, the officer picked a file) is not shown. `reports_done`: the last
    /// one made (shown, or overtaken by a later one).
    reports: u32,
    reports_done: u32,
}

/// A file the officer picked or dropped, and its size once asked: each time a picked file's
/// size is asked, the browser looks at the file on disk (0.24 ms a file in Chromium here, more
/// while files are being read), so it is asked once, and never all at once.
struct Picked {
    file: web_sys::File,
    size: std::cell::Cell<Option<f64>>,
}

impl Picked {
    fn new(file: web_sys::File) -> Picked {
        Picked {
            file,
            size: Default::default(),
        }
    }

    fn size(&self) -> f64 {
        self.size.get().unwrap_or_else(|| {
            let size = self.file.size();
            self.size.set(Some(size));
            size
        })
    }
}

/// Where files joining the batch come from.
enum Joining {
    /// Picked or dropped now: to be kept in this browser.
    New,
    /// Kept in this browser before, each where it is kept (in the same order).
    Kept(Vec<drafts::KeptFile>),
}

/// Files handed to the workers per task (starting a read costs this thread about a tenth of a
/// millisecond); at most as many as the pool has room for (`pool::WINDOW`). When it has none,
/// handing out stops, and the workers' answers start it again.
const HANDED_PER_TASK: usize = 60;

/// Every file still to be read and not handed out in this generation goes into the outbox;
/// true if handing out is to start.
fn send_pending(w: &mut Work) -> bool {
    let generation = w.batch.generation();
    if w.sent.0 != generation {
        w.sent = (generation, Default::default());
    }
    // The clock starts when the workers were idle (not again for files joining a reading,
    // nor for the parts of a folder being walked).
    if idle(w) {
        w.started = clock::millis();
    }
    let sent = &w.sent.1;
    w.outbox = w.batch.pending().filter(|id| !sent.contains(id)).collect();
    !w.handing && !w.outbox.is_empty()
}

/// Nothing is being read, handed out or walked.
fn idle(w: &Work) -> bool {
    !w.handing
        && w.walks == 0
        && w.pool
            .as_ref()
            .is_none_or(|p| p.room() == super::pool::WINDOW)
}

/// Hands the next files of the outbox to the workers, then lets the page breathe before the
/// next ones.
fn hand_out(work: Rc<RefCell<Work>>) {
    let more = {
        let mut w = work.borrow_mut();
        let room = w.pool.as_ref().map_or(HANDED_PER_TASK, Pool::room);
        let ids: Vec<u32> = (0..HANDED_PER_TASK.min(room))
            .map_while(|_| w.outbox.pop_front())
            .collect();
        w.sent.1.extend(ids.iter().copied());
        let back: Vec<u32> = match &w.pool {
            Some(pool) => {
                let files: Vec<(u32, &web_sys::File, f64)> = ids
                    .iter()
                    .filter_map(|id| w.handles.get(id).map(|p| (*id, &p.file, p.size())))
                    .collect();
                let taken = pool.send(w.batch.generation(), &files);
                // What the pool had no room for (in bytes) waits at the front.
                files[taken..].iter().map(|(id, ..)| *id).collect()
            }
            None => Vec::new(),
        };
        for id in back.into_iter().rev() {
            w.sent.1.remove(&id);
            w.outbox.push_front(id);
        }
        let room = w.pool.as_ref().map_or(HANDED_PER_TASK, Pool::room);
        // Full: the answers start handing out again (`on_reply`).
        w.handing = !w.outbox.is_empty() && room > HANDED_PER_TASK;
        w.handing
    };
    if more {
        gloo::timers::callback::Timeout::new(0, move || hand_out(work)).forget();
    }
}

/// The workers learn the county checklists known now, and every file still to be read goes
/// out to them.
fn reread_with_checklists(work: &Rc<RefCell<Work>>) {
    let start = {
        let mut w = work.borrow_mut();
        let texts = w.batch.county_checklist_texts();
        if let Some(pool) = &w.pool {
            pool.set_checklists(&texts);
        }
        send_pending(&mut w)
    };
    if start {
        hand_out(work.clone());
    }
}

/// Files whose size is asked in one task (see `Picked`: asking for 1,000 files at once held
/// the page 237 ms, in the task that had just taken the files).
const SIZES_PER_TASK: usize = 100;

/// The heading of the county checklists here: the focus goes there once a checklist found
/// among the files is accepted or not (its card and buttons go).
const COUNTY_CHECKLISTS: &str = "county-checklists-heading";

/// How often keeping looks whether the files are all read (`keep_in_order`), and how long
/// without an answer reading counts as stalled.
const KEEP_WAIT_MS: u32 = 100;
const STALLED_MS: f64 = 5_000.0;

/// Keeps each pick or part of a folder in this browser, one after another in the order they
/// came (a restored batch is accepted again in that order, and its "(2)" names with it),
/// without the files too large to be submissions. 清空 and 取消 empty the queue and move the
/// epoch on, so nothing of the batch they ended is written back afterwards.
///
/// Only once every file is read and no folder is being walked: the browser copying files
/// into its storage while the workers read them was the larger part of its work (see README).
///
/// `saving` is true from the start to the end (the page asks before it is left), `storing`
/// while files are written (the page says so).
async fn keep_in_order(
    work: Rc<RefCell<Work>>,
    saving: UseStateHandle<bool>,
    storing: UseStateHandle<bool>,
) {
    saving.set(true);
    loop {
        while {
            let w = work.borrow();
            // The report first: keeping (the browser copying every file into its storage and
            // writing it to disk) slowed the report of 1,000 files by half a second.
            let reading =
                w.batch.pending_count() != 0 || w.walks != 0 || w.reports_done != w.reports;
            // No answer for a while (no workers could start, one stopped): what was picked is
            // kept all the same.
            let moving = w.pool.is_some() && clock::millis() - w.answered_at < STALLED_MS;
            reading && moving
        } {
            sleep(KEEP_WAIT_MS).await;
        }
        let (files, epoch) = {
            let mut w = work.borrow_mut();
            match w.keeping.pop_front() {
                Some(files) => {
                    w.keeping_now = files.len();
                    note_unkept(&w);
                    (files, w.epoch)
                }
                None => {
                    w.keeper = false;
                    w.keeping_now = 0;
                    break;
                }
            }
        };
        storing.set(true);
        if let Some(small) = small_enough(&work, files, epoch).await {
            let (ids, files): (Vec<u32>, Vec<web_sys::File>) = small.into_iter().unzip();
            let kept = drafts::keep_county_files(&files).await;
            let copies: Vec<drafts::KeptFile> = {
                let mut w = work.borrow_mut();
                if w.epoch != epoch {
                    continue;
                }
                w.keeping_now = 0;
                note_unkept(&w);
                let mut copies = Vec::new();
                for (id, key) in ids.into_iter().zip(kept) {
                    if w.copies.remove(&id) {
                        copies.push(key);
                    } else {
                        w.kept.insert(id, key);
                    }
                }
                copies
            };
            if !copies.is_empty() {
                drafts::forget_county_files(&copies).await;
            }
        }
    }
    // All kept: said before the page stops asking before it is left (a tab closed in between
    // would be told on the next visit of files that were kept), unless files came meanwhile.
    drafts::county_picking(0).await;
    if !work.borrow().keeper {
        saving.set(false);
        storing.set(false);
    }
}

/// Says in this browser's storage how many files picked are not kept yet (those waiting for
/// `keep_in_order`, and the lot it is keeping): a visit after this page's tab was closed or
/// reloaded meanwhile says they were not kept.
fn note_unkept(w: &Work) {
    let files = w.keeping.iter().map(Vec::len).sum::<usize>() + w.keeping_now;
    wasm_bindgen_futures::spawn_local(drafts::county_picking(files));
}

/// The files small enough to be kept (a video named .json is refused, never kept), their
/// sizes asked `SIZES_PER_TASK` at a time, each lot in a task of its own; a size handing out
/// has already asked is not asked again. `None` once 清空 or 取消 has ended the batch.
async fn small_enough(
    work: &Rc<RefCell<Work>>,
    files: Vec<(u32, web_sys::File)>,
    epoch: u32,
) -> Option<Vec<(u32, web_sys::File)>> {
    let mut small = Vec::with_capacity(files.len());
    for lot in files.chunks(SIZES_PER_TASK) {
        next_task().await;
        let mut w = work.borrow_mut();
        if w.epoch != epoch {
            return None;
        }
        for (id, file) in lot {
            // Read as a copy of a file in the batch: never kept.
            if w.copies.remove(id) {
                continue;
            }
            let size = w.handles.get(id).map_or_else(|| file.size(), Picked::size);
            if size <= max_bytes(&file.name()) as f64 {
                small.push((*id, file.clone()));
            }
        }
    }
    Some(small)
}

/// How long work on the page's thread goes on before the browser has its turn (a task of
/// more than 50 ms is one a person can feel).
const SLICE_MS: f64 = 40.0;

/// Pauses for work done in steps: a pause lets the browser in once the work has held the
/// thread `SLICE_MS` since the last turn it had; otherwise it goes straight on.
fn slices() -> impl FnMut() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
    let since = Rc::new(std::cell::Cell::new(clock::millis()));
    move || {
        let since = since.clone();
        Box::pin(async move {
            if clock::millis() - since.get() > SLICE_MS {
                next_task().await;
                since.set(clock::millis());
            }
        })
    }
}

/// Resumes in a task of its own, after the browser has had its turn (drawing, input, the
/// workers' answers).
async fn next_task() {
    sleep(0).await;
}

/// Resumes in a task of its own after `ms` milliseconds at least.
async fn sleep(ms: u32) {
    let turn = js_sys::Promise::new(&mut |resolve, _| {
        gloo::timers::callback::Timeout::new(ms, move || {
            let _ = resolve.call0(&JsValue::NULL);
        })
        .forget();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(turn).await;
}

/// Rounds of the page's warm-up (`warm_up`), and the copies of the example school's reply in
/// each: about as much work as the page does for a batch of 1,000 files, in small tasks.
const WARM_UP_ROUNDS: usize = 24;
const WARM_UP_COPIES: usize = 48;

/// While the officer is still choosing files, the page does its own part of reading a batch a
/// few times over on copies of the example school's reply, as the workers do on its file: the
/// replies read into a batch and the report made from it. The engine compiles what runs hot
/// for speed, which on a two-core computer otherwise competes with the first batch (measured:
/// about 0.9 s of compiling during a batch of 1,000 files, most of it the page's code). Stops
/// as soon as there are files; touches nothing of the page's batch.
async fn warm_up(work: Rc<RefCell<Work>>, ctx: Ctx) {
    let busy = |work: &Rc<RefCell<Work>>| {
        let w = work.borrow();
        !w.batch.is_empty() || w.walks != 0
    };
    sleep(500).await;
    if busy(&work) {
        return;
    }
    let known = readable().unwrap_or_default();
    let (name, text) = crate::state::county::WARM_UP_FILE;
    let Ok(json) = serde_json::to_string(&crate::state::county::read_file(
        name,
        text.as_bytes(),
        &known,
    )) else {
        return;
    };
    for _ in 0..WARM_UP_ROUNDS {
        next_task().await;
        if busy(&work) {
            return;
        }
        let batch = crate::state::county::warm_up_batch(known.clone(), &json, WARM_UP_COPIES);
        next_task().await;
        // As `refresh` makes a report, and the parts of the page drawn from it (their HTML
        // made, never shown).
        let report = batch
            .report_inputs(&clock::now())
            .report_in_steps(&mut slices())
            .await;
        let _ = crate::core::aggregate::visit::candidates(&report);
        let _ = review::by_school(&report);
        let _ = (figures(&ctx, &report), by_year(&ctx, &report));
        let _ = county_rates(&ctx, &report);
    }
}

#[derive(Properties, PartialEq)]
pub struct CountyProps {
    /// How many times the page has been shown (it stays mounted under 制作县级清单).
    pub shown: u32,
}

#[component]
pub fn County(props: &CountyProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let work: Rc<RefCell<Work>> = use_mut_ref(|| Work {
        batch: Batch::new(readable().unwrap_or_default()),
        handles: BTreeMap::new(),
        pool: None,
        outbox: Default::default(),
        handing: false,
        sent: Default::default(),
        walks: 0,
        epoch: 0,
        started: 0.0,
        drawn: 0.0,
        restored: false,
        saved_choices: BatchChoices::default(),
        keeping: Default::default(),
        keeper: false,
        keeping_now: 0,
        kept: BTreeMap::new(),
        copies: Default::default(),
        last_time: Default::default(),
        last_time_not_schools: 0,
        answered_at: 0.0,
        reports: 0,
        reports_done: 0,
    });
    // How many files came back from this browser's storage when the page opened.
    let restored = use_state(|| None::<usize>);
    // How many of them 取消 left unchecked (out of the batch, still kept here).
    let unchecked = use_state(|| None::<usize>);
    // How many files just picked 取消 left unread (out of the batch, not kept), and whether a
    // folder was still being walked; until files are picked again or the batch is cleared.
    let cancelled = use_state(|| None::<(usize, bool)>);
    // How many files the last visit picked and its tab was closed or reloaded on before they
    // were kept; until files are picked again or the batch is cleared.
    let pick_lost = use_state(|| None::<usize>);
    // Files picked not yet kept in this browser (`keep_in_order`): said, and asked before the
    // page is left.
    let saving = use_state(|| false);
    let storing = use_state(|| false);
    use_effect_with(*saving, |saving| {
        let asking = saving.then(crate::app::browser::page::ask_before_leaving);
        move || drop(asking)
    });
    // Starts working through `Work::keeping` (callers start it only when none is).
    let start_keeper: Rc<dyn Fn()> = {
        let (work, saving, storing) = (work.clone(), saving.clone(), storing.clone());
        Rc::new(move || {
            let (work, saving, storing) = (work.clone(), saving.clone(), storing.clone());
            wasm_bindgen_futures::spawn_local(keep_in_order(work, saving, storing));
        })
    };
    let shown = use_state(|| None::<Shown>);
    // How much of the report is drawn (see where it is drawn).
    let parts = use_state(|| 0u8);
    // Files read, files in the batch, and whether a dropped folder is still being walked.
    let progress = use_state(|| (0usize, 0usize, false));
    let no_workers = use_state(|| false);
    let viewing = use_state(|| None::<String>);
    // The school table's filter, order and page, kept here: the table is not drawn while
    // more files are read, and comes back as the officer left it.
    let table_view = use_state(crate::state::county::TableView::default);
    let table_page = use_state(|| 0usize);
    // What had the focus when a school's report or the 核查单 was opened: it has it again back.
    let opener = use_mut_ref(|| None::<web_sys::HtmlElement>);
    // The school's report opened, with its file's bytes when it is a 报送包 (its evidence opens
    // from them).
    let opened = use_state(|| None::<(Open, Option<Rc<Vec<u8>>>)>);
    // The 核查单 shown for printing instead of the page.
    let sheets = use_state(|| false);
    let redraw = use_force_update();
    // How far down the page was when a school's report or the 核查单 opened.
    let scrolled = use_mut_ref(|| 0.0f64);
    // The seed a new draw offers: today's date and four digits of the clock (20261206 4821).
    let fresh_seed = *use_state(|| {
        let date: String = clock::now()
            .date()
            .to_string()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        date.parse::<u64>().unwrap_or(0) * 10_000 + clock::millis() as u64 % 10_000
    });
    let settings = use_state(|| None::<Shared<CountySettings>>);
    let import_problem = use_state(|| None::<Vec<crate::core::aggregate::SettingsProblem>>);
    // Why the last 归入 did nothing (a code not in the roster).
    let assign_problem = use_state(|| None::<String>);
    let lang = ctx.lang;

    // The officer's choices kept as they change (picks, county, assignments, the draw, what
    // was found on site).
    let keep_choices: Rc<dyn Fn()> = {
        let work = work.clone();
        Rc::new(move || {
            let mut w = work.borrow_mut();
            let mut choices = w.batch.choices();
            // The refusals wait while files are read (a folder of thousands would otherwise
            // be written again at every redraw of the progress) and kept: a pick whose keeping
            // a closed tab cut off comes back neither with its files nor with its refusals.
            if w.batch.pending_count() != 0 || w.walks != 0 || w.keeper || !w.keeping.is_empty() {
                choices.refused = w.saved_choices.refused.clone();
            }
            if w.restored && choices != w.saved_choices {
                w.saved_choices = choices.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    drafts::save_batch_choices(&choices).await;
                });
            }
        })
    };
    // Once a pick is kept, its refusals are.
    {
        let keep_choices = keep_choices.clone();
        use_effect_with(*saving, move |saving| {
            if !*saving {
                keep_choices();
            }
        });
    }
    // Draws what the batch holds now: the progress while files are out, the report once none is.
    let refresh: Rc<dyn Fn()> = {
        let (work, shown, progress) = (work.clone(), shown.clone(), progress.clone());
        let keep_choices = keep_choices.clone();
        Rc::new(move || {
            keep_choices();
            let mut w = work.borrow_mut();
            let pending = w.batch.pending_count();
            progress.set((w.batch.len() - pending, w.batch.len(), w.walks > 0));
            // A folder still being walked has more files to come: no report of part of it.
            if pending != 0 || w.walks != 0 {
                return;
            }
            w.reports += 1;
            if w.batch.is_empty() {
                w.reports_done = w.reports;
                shown.set(None);
                return;
            }
            // Made in steps of a few tens of milliseconds, the page answering in between; the
            // report on screen stays until the new one is made.
            let (inputs, asked, started) =
                (w.batch.report_inputs(&clock::now()), w.reports, w.started);
            let (work, shown) = (work.clone(), shown.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut pause = slices();
                let report = inputs.report_in_steps(&mut pause).await;
                pause().await;
                let visit_schools = crate::core::aggregate::visit::candidates(&report).len();
                pause().await;
                let flags_by_school = Rc::new(review::by_school(&report));
                // Drawing the report is a task of its own.
                next_task().await;
                let mut w = work.borrow_mut();
                w.reports_done = w.reports_done.max(asked);
                if w.reports == asked {
                    drop(w);
                    shown.set(Some(Shown {
                        report: Rc::new(report),
                        number: asked,
                        visit_schools,
                        flags_by_school,
                        millis: clock::millis() - started,
                    }));
                }
            });
        })
    };
    // The workers' replies: into the batch; a checklist among the files is kept in this
    // browser and every file read again with it.
    let on_reply: Rc<dyn Fn(u32, u32, FileReply)> = {
        let (work, refresh) = (work.clone(), refresh.clone());
        Rc::new(move |id, generation, reply| {
            let mut start = false;
            let added = {
                let mut w = work.borrow_mut();
                w.answered_at = clock::millis();
                let added = w.batch.receive(id, generation, reply);
                if added != Added::Submission && added != Added::Stale {
                    w.handles.remove(&id);
                }
                if w.last_time.contains(&id) && !matches!(added, Added::Submission | Added::Stale) {
                    w.last_time_not_schools += 1;
                }
                // A copy of a file in the batch, or of a checklist known, is not kept a
                // second time.
                if matches!(added, Added::Again | Added::ChecklistAgain) {
                    match w.kept.remove(&id) {
                        Some(key) => wasm_bindgen_futures::spawn_local(async move {
                            drafts::forget_county_files(&[key]).await;
                        }),
                        None => {
                            w.copies.insert(id);
                        }
                    }
                }
                // A checklist among the files waits for the officer (待确认): nothing is read
                // again with it until it is accepted.
                if added == Added::Checklist {
                    let texts = w.batch.county_checklist_texts();
                    if let Some(pool) = &w.pool {
                        pool.set_checklists(&texts);
                    }
                    start = send_pending(&mut w);
                }
                // Room again in the pool for files waiting to be handed out.
                if !w.handing
                    && !w.outbox.is_empty()
                    && w.pool.as_ref().is_some_and(|p| p.room() >= HANDED_PER_TASK)
                {
                    w.handing = true;
                    start = true;
                }
                added
            };
            if start {
                hand_out(work.clone());
            }
            let (done, due) = {
                let w = work.borrow();
                (
                    w.batch.pending_count() == 0,
                    clock::millis() - w.drawn > PROGRESS_EVERY_MS,
                )
            };
            if done || due || added == Added::Checklist || added == Added::ChecklistAwaiting {
                work.borrow_mut().drawn = clock::millis();
                refresh();
            }
        })
    };
    let start_pool = {
        let (work, no_workers, on_reply) = (work.clone(), no_workers.clone(), on_reply.clone());
        Rc::new(move || {
            let start = {
                let mut w = work.borrow_mut();
                w.pool = Pool::new(on_reply.clone());
                no_workers.set(w.pool.is_none());
                let texts = w.batch.county_checklist_texts();
                if let Some(pool) = &w.pool {
                    pool.set_checklists(&texts);
                }
                // Files picked before the workers were up (or out with workers just stopped)
                // go out now.
                w.handing = false;
                w.sent.1.clear();
                send_pending(&mut w)
            };
            if start {
                hand_out(work.clone());
            }
        })
    };
    // The workers start with the page, and the page warms up.
    {
        let (start_pool, work, ctx) = (start_pool.clone(), work.clone(), ctx.clone());
        use_effect_with((), move |_| {
            start_pool();
            wasm_bindgen_futures::spawn_local(warm_up(work, ctx));
        });
    }
    // The county checklists this browser keeps join them: when the page opens, and again each
    // time it is shown (制作县级清单 may have added one meanwhile).
    {
        let (work, refresh) = (work.clone(), refresh.clone());
        use_effect_with(props.shown, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let mut added = false;
                for known in drafts::county_checklists().await {
                    added |= work.borrow_mut().batch.know(known.checklist);
                }
                if added {
                    let start = {
                        let mut w = work.borrow_mut();
                        let texts = w.batch.county_checklist_texts();
                        if let Some(pool) = &w.pool {
                            pool.set_checklists(&texts);
                        }
                        w.batch.reread();
                        send_pending(&mut w)
                    };
                    if start {
                        hand_out(work.clone());
                    }
                }
                refresh();
            });
        });
    }
    // The county's settings kept in this browser apply from the start.
    let apply_settings: Rc<dyn Fn(Option<CountySettings>)> = {
        let (work, refresh, settings) = (work.clone(), refresh.clone(), settings.clone());
        Rc::new(move |s: Option<CountySettings>| {
            let shared = s.clone().map(|s| Shared(Rc::new(s)));
            let added = work.borrow_mut().batch.use_settings(s);
            if added {
                reread_with_checklists(&work);
            }
            settings.set(shared);
            refresh();
        })
    };
    {
        let (work, apply_settings) = (work.clone(), apply_settings.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(text) = drafts::county_settings_text().await {
                    let known = work.borrow().batch.checklists.clone();
                    if let Ok(s) = CountySettings::from_json(&text, &known) {
                        apply_settings(Some(s));
                    }
                }
            });
        });
    }
    let on_save_settings = {
        let apply_settings = apply_settings.clone();
        Callback::from(move |s: Option<CountySettings>| {
            let kept = s.clone();
            wasm_bindgen_futures::spawn_local(async move {
                drafts::save_county_settings(kept.as_ref()).await;
            });
            apply_settings(s);
        })
    };
    let on_import_settings = {
        let (work, on_save_settings, import_problem) = (
            work.clone(),
            on_save_settings.clone(),
            import_problem.clone(),
        );
        Callback::from(move |text: String| {
            let known = work.borrow().batch.checklists.clone();
            match CountySettings::from_json(&text, &known) {
                // Settings kept here are replaced only when the officer says so.
                Ok(_)
                    if work.borrow().batch.settings.is_some()
                        && !page::confirm(Msg::SettingsReplaceConfirm.text(lang)) => {}
                Ok(s) => {
                    import_problem.set(None);
                    on_save_settings.emit(Some(s));
                }
                Err(p) => import_problem.set(Some(p)),
            }
        })
    };
    // Where focus goes once drawn: the county question when files of several counties came
    // (it is below the settings), the county chosen once answered (the buttons are gone),
    // the line 取消 leaves, the
    // county checklists once one found among the files is accepted or not (its card goes).
    let focus_target = use_state(|| None::<String>);
    // A checklist found among the files, accepted by the officer: kept in this browser, in
    // the settings if there are any, and every file read again with it.
    let accept_checklist = {
        let (work, refresh, settings, focus_target) = (
            work.clone(),
            refresh.clone(),
            settings.clone(),
            focus_target.clone(),
        );
        Callback::from(move |sha: String| {
            let (accepted, kept) = {
                let mut w = work.borrow_mut();
                let c = w.batch.accept_checklist(&sha);
                (c, w.batch.settings.clone())
            };
            if let Some(c) = accepted {
                let has_settings = kept.is_some();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(text) = serde_json::to_string(c.doc()) {
                        drafts::save_county_checklist(&c, &text).await;
                    }
                    if has_settings {
                        drafts::save_county_settings(kept.as_ref()).await;
                    }
                });
                settings.set(
                    work.borrow()
                        .batch
                        .settings
                        .clone()
                        .map(|s| Shared(Rc::new(s))),
                );
                reread_with_checklists(&work);
            }
            refresh();
            focus_target.set(Some(COUNTY_CHECKLISTS.into()));
        })
    };
    let dismiss_checklist = {
        let (work, refresh, focus_target) = (work.clone(), refresh.clone(), focus_target.clone());
        Callback::from(move |sha: String| {
            work.borrow_mut().batch.dismiss_checklist(&sha);
            refresh();
            focus_target.set(Some(COUNTY_CHECKLISTS.into()));
        })
    };
    let assign = {
        let (work, refresh, assign_problem) =
            (work.clone(), refresh.clone(), assign_problem.clone());
        Callback::from(move |(file, code): (String, String)| {
            let known = work
                .borrow()
                .batch
                .settings
                .as_ref()
                .is_some_and(|s| s.roster_row(&code).is_some());
            if !known {
                assign_problem.set(Some(code));
                return;
            }
            assign_problem.set(None);
            work.borrow_mut().batch.assign(&file, &code);
            refresh();
        })
    };
    // A file 不在名册 whose school the county knows: the school joins the roster.
    let add_to_roster = {
        let (work, apply_settings) = (work.clone(), apply_settings.clone());
        Callback::from(move |school: RosterSchool| {
            let next = work.borrow().batch.settings.clone().and_then(|mut s| {
                s.add_school(school).ok()?;
                Some(s)
            });
            if let Some(s) = next {
                let kept = s.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    drafts::save_county_settings(Some(&kept)).await;
                });
                apply_settings(Some(s));
            }
        })
    };
    // Files join the batch; new ones are also kept in this browser (until 清空), so a reload
    // or a closed tab finds the batch again; files it kept come back with where they are kept.
    let add: Rc<dyn Fn(Vec<web_sys::File>, Joining)> = {
        let (work, refresh, start_keeper) = (work.clone(), refresh.clone(), start_keeper.clone());
        let (cancelled, pick_lost) = (cancelled.clone(), pick_lost.clone());
        Rc::new(move |list: Vec<web_sys::File>, joining: Joining| {
            // What the last pick left said goes with a new one.
            if matches!(joining, Joining::New) {
                if cancelled.is_some() {
                    cancelled.set(None);
                }
                if pick_lost.is_some() {
                    pick_lost.set(None);
                }
            }
            let (keep, kept) = match joining {
                Joining::New => (true, Vec::new()),
                Joining::Kept(kept) => (false, kept),
            };
            let mut kept = kept.into_iter();
            let mut accepted = Vec::new();
            let (start, keeper) = {
                let mut w = work.borrow_mut();
                for file in list {
                    let key = kept.next();
                    // Refused by name now, by size when handed out, before anything is read.
                    if let Some(id) = w.batch.accept(&file.name(), None) {
                        accepted.push((id, file.clone()));
                        w.handles.insert(id, Picked::new(file));
                        if let Some(key) = key {
                            w.kept.insert(id, key);
                            w.last_time.insert(id);
                        }
                    }
                }
                w.drawn = clock::millis();
                w.answered_at = w.drawn;
                // A keeper starts unless one is already working through the queue, or last
                // time's batch is still being read back (it would take these files for its own:
                // they wait, and the restore starts the keeper).
                let keeper = keep && !accepted.is_empty() && {
                    w.keeping.push_back(accepted);
                    note_unkept(&w);
                    w.restored && !std::mem::replace(&mut w.keeper, true)
                };
                (send_pending(&mut w), keeper)
            };
            if keeper {
                start_keeper();
            }
            if start {
                hand_out(work.clone());
            }
            refresh();
        })
    };
    let add_files = {
        let add = add.clone();
        Callback::from(move |list: Vec<web_sys::File>| add(list, Joining::New))
    };
    // The batch kept in this browser comes back when the page opens: its files are read again
    // (nothing read before is trusted), then the officer's choices apply.
    {
        let (work, add, refresh, restored, start_keeper) = (
            work.clone(),
            add.clone(),
            refresh.clone(),
            restored.clone(),
            start_keeper.clone(),
        );
        let pick_lost = pick_lost.clone();
        use_effect_with((), move |_| {
            // A pick the last visit's tab was closed or reloaded on before it was kept (asked
            // beside the read-back: whether that page is gone can take a second to tell).
            wasm_bindgen_futures::spawn_local(async move {
                let lost = drafts::county_pick_lost().await;
                if lost > 0 {
                    pick_lost.set(Some(lost));
                }
            });
            wasm_bindgen_futures::spawn_local(async move {
                let (kept, files): (Vec<_>, Vec<_>) =
                    drafts::county_files().await.into_iter().unzip();
                let choices = drafts::batch_choices().await;
                if !files.is_empty() {
                    restored.set(Some(files.len()));
                    add(files, Joining::Kept(kept));
                }
                let keeper = {
                    let mut w = work.borrow_mut();
                    w.batch.restore_choices(choices);
                    w.restored = true;
                    // Files picked meanwhile are kept now, after last time's.
                    !w.keeping.is_empty() && !std::mem::replace(&mut w.keeper, true)
                };
                if keeper {
                    start_keeper();
                }
                refresh();
            });
        });
    }
    let on_pick = {
        let add_files = add_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let list = files::list(input.files());
            input.set_value("");
            add_files.emit(list);
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    // A folder read part by part (drop.js: dropped, or chosen where the browser hands over
    // its handle), every part joining the batch as it comes: 10,000 files never make one list
    // on this thread (Chromium took 1.5–2 s in one task to build one), nor is each file's size
    // asked of the disk here (a file from a folder's handle or entry knows it).
    let walk = {
        let (add_files, work, refresh) = (add_files.clone(), work.clone(), refresh.clone());
        Rc::new(
            move |read: Box<dyn FnOnce(&js_sys::Function) -> js_sys::Promise>| {
                let epoch = {
                    let mut w = work.borrow_mut();
                    if idle(&w) {
                        w.started = clock::millis();
                    }
                    w.walks += 1;
                    w.epoch
                };
                refresh();
                let (add_part, part_work) = (add_files.clone(), work.clone());
                let on_part =
                    Closure::<dyn FnMut(js_sys::Array) -> bool>::new(move |part: js_sys::Array| {
                        // 清空 or 取消 since the walk began: it stops.
                        if part_work.borrow().epoch != epoch {
                            return false;
                        }
                        add_part.emit(part.iter().filter_map(|f| f.dyn_into().ok()).collect());
                        true
                    });
                let reading = JsFuture::from(read(on_part.as_ref().unchecked_ref()));
                let (work, refresh) = (work.clone(), refresh.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let unreadable = reading.await.unwrap_or(JsValue::NULL);
                    drop(on_part);
                    {
                        let mut w = work.borrow_mut();
                        if w.epoch != epoch {
                            return;
                        }
                        w.walks -= 1;
                        for name in js_sys::Array::from(&unreadable)
                            .iter()
                            .filter_map(|n| n.as_string())
                        {
                            w.batch.unreadable(&name);
                        }
                    }
                    refresh();
                });
            },
        )
    };
    // Files dropped come as a list; a folder dropped is read through its entries.
    let ondrop = {
        let (add_files, walk) = (add_files.clone(), walk.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(dropped) = e.data_transfer() else {
                return;
            };
            let entries = drop_entries(&dropped);
            if entries.is_null() {
                add_files.emit(files::list(dropped.files()));
                return;
            }
            walk(Box::new(move |on_part| read_entries(&entries, on_part)));
        })
    };
    // 选择文件夹: where the browser hands over the folder itself, it is walked like a dropped
    // one; elsewhere (Firefox, Safari), or if the browser would not, the page's own picker
    // (`webkitdirectory`) gives its files as a list. The label's click and the keyboard both
    // reach the input as a click.
    let native_folder_picker = use_mut_ref(|| false);
    let on_folder_click = {
        let walk = walk.clone();
        let native = native_folder_picker.clone();
        Callback::from(move |e: MouseEvent| {
            if *native.borrow() || !can_pick_folder() {
                return;
            }
            e.prevent_default();
            let input: HtmlInputElement = e.target_unchecked_into();
            let (walk, native) = (walk.clone(), native.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let chosen = JsFuture::from(pick_folder()).await.unwrap_or(JsValue::NULL);
                if chosen.is_null() {
                    // In a task of its own: a click while the first one is still being handed
                    // out (a refusal comes back at once) is dropped by the browser.
                    *native.borrow_mut() = true;
                    gloo::timers::callback::Timeout::new(0, move || input.click()).forget();
                } else if chosen.as_string().is_none() {
                    walk(Box::new(move |on_part| read_folder(&chosen, on_part)));
                }
            });
        })
    };
    // Stops every worker at once; the files not yet read leave the batch.
    let stop = {
        let (work, start_pool) = (work.clone(), start_pool.clone());
        Rc::new(move || {
            {
                let mut w = work.borrow_mut();
                w.pool = None;
                w.outbox.clear();
                // A folder being walked hands on nothing more, nor is anything more kept.
                w.epoch += 1;
                w.walks = 0;
                w.keeping.clear();
                w.keeping_now = 0;
                w.copies.clear();
                w.batch.cancel_pending();
                let kept: std::collections::BTreeSet<u32> = w.batch.files().map(|f| f.id).collect();
                w.handles.retain(|id, _| kept.contains(id));
            }
            start_pool();
        })
    };
    let cancel = {
        let (work, stop, refresh, start_keeper) = (
            work.clone(),
            stop.clone(),
            refresh.clone(),
            start_keeper.clone(),
        );
        let (restored, unchecked, cancelled, focus_target) = (
            restored.clone(),
            unchecked.clone(),
            cancelled.clone(),
            focus_target.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            // Last time's files still being checked leave the batch (kept all the same): the
            // line about last time's files counts those still in it, another says where the
            // rest are. The files just picked and not read yet leave it too, not kept: said,
            // with a folder's files not found yet (they went without a word).
            let (left, unread, walking) = {
                let w = work.borrow();
                let last = w
                    .batch
                    .pending()
                    .filter(|id| w.last_time.contains(id))
                    .count();
                (
                    last,
                    w.batch.pending_count().saturating_sub(last),
                    w.walks > 0,
                )
            };
            stop();
            cancelled.set((unread > 0 || walking).then_some((unread, walking)));
            // The button goes with the reading: the focus goes to what says what it did.
            if unread > 0 || walking {
                focus_target.set(Some("county-cancelled".into()));
            }
            if left > 0 {
                restored.set(
                    (*restored)
                        .map(|n| n.saturating_sub(left))
                        .filter(|&n| n > 0),
                );
                unchecked.set(Some(left));
            }
            // The files picked now and read stay, and are kept (keeping waits for reading,
            // so none of them is kept yet); those not read leave the batch. What this browser
            // keeps already (last time's files, earlier picks) is not touched: rewriting it
            // once lost all of it to a reload in that second.
            let keeper = {
                let mut w = work.borrow_mut();
                let unkept: Vec<(u32, web_sys::File)> = w
                    .handles
                    .iter()
                    .filter(|(id, _)| !w.kept.contains_key(id) && !w.last_time.contains(id))
                    .map(|(id, p)| (*id, p.file.clone()))
                    .collect();
                let keeper = !unkept.is_empty() && {
                    w.keeping.push_back(unkept);
                    w.restored && !std::mem::replace(&mut w.keeper, true)
                };
                // Only those are still to be kept.
                note_unkept(&w);
                keeper
            };
            if keeper {
                start_keeper();
            }
            refresh();
        })
    };
    let clear = {
        let (work, stop, refresh, restored, unchecked, cancelled) = (
            work.clone(),
            stop.clone(),
            refresh.clone(),
            restored.clone(),
            unchecked.clone(),
            cancelled.clone(),
        );
        let pick_lost = pick_lost.clone();
        Callback::from(move |_: MouseEvent| {
            // The batch is kept in this browser: clearing it is asked once.
            // Files kept here count, in the batch or not (last time's that 取消 left out).
            let has_files = {
                let w = work.borrow();
                !w.batch.is_empty() || !w.kept.is_empty() || !w.last_time.is_empty()
            };
            if has_files && !page::confirm(Msg::CountyClearConfirm.text(lang)) {
                return;
            }
            stop();
            {
                let mut w = work.borrow_mut();
                w.batch.clear();
                w.handles.clear();
                w.kept.clear();
                w.last_time.clear();
                w.last_time_not_schools = 0;
                w.saved_choices = BatchChoices::default();
            }
            restored.set(None);
            unchecked.set(None);
            cancelled.set(None);
            pick_lost.set(None);
            wasm_bindgen_futures::spawn_local(drafts::clear_county_batch());
            refresh();
        })
    };
    let set_county = {
        let (work, refresh) = (work.clone(), refresh.clone());
        Callback::from(move |county: String| {
            work.borrow_mut().batch.county = (!county.is_empty()).then_some(county);
            refresh();
        })
    };
    // 计入此文件 and 取消选定 (decided again as if never chosen): the file's row keeps the
    // focus (its button is gone with its 冲突).
    let choice = |choose: fn(&mut crate::state::county::Batch, &str)| {
        let (work, refresh, focus_target) = (work.clone(), refresh.clone(), focus_target.clone());
        Callback::from(move |file: String| {
            choose(&mut work.borrow_mut().batch, &file);
            refresh();
            focus_target.set(Some(crate::county::table::status_dom_id(&file)));
        })
    };
    let (pick, unpick) = (
        choice(crate::state::county::Batch::pick),
        choice(crate::state::county::Batch::unpick),
    );
    {
        let focus_target = focus_target.clone();
        // What is to have the focus may come with the next report (made in steps): until it
        // is there, each report shown tries again.
        let report = shown.as_ref().map(|l| l.number);
        use_effect_with(((*focus_target).clone(), report), move |(target, _)| {
            if let Some(id) = target {
                if page::focused(id) {
                    focus_target.set(None);
                }
            }
        });
    }
    let asks = shown.as_ref().is_some_and(|l| l.report.mixes_counties());
    {
        let focus_target = focus_target.clone();
        use_effect_with(asks, move |asks| {
            if *asks {
                focus_target.set(Some("county-ask-heading".into()));
            }
        });
    }
    let answer_county = {
        let (set_county, focus_target) = (set_county.clone(), focus_target.clone());
        Callback::from(move |county: String| {
            set_county.emit(county);
            focus_target.set(Some("county-choose".into()));
        })
    };
    let choose_county = set_county.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        select.value()
    });
    let open_school = {
        let (viewing, scrolled, opener) = (viewing.clone(), scrolled.clone(), opener.clone());
        let focus_target = focus_target.clone();
        Callback::from(move |file: String| {
            *scrolled.borrow_mut() = page::scroll_y();
            *opener.borrow_mut() = page::active_element();
            page::push_overlay_entry(&format!("{SCHOOL_ENTRY}{file}"));
            viewing.set(Some(file));
            // The report's way back, first on its page: the keyboard starts there.
            focus_target.set(Some("back-to-county".into()));
        })
    };
    // 核查发现 typed beside a school (kept with the batch; the report does not change).
    let on_finding = {
        let (work, keep_choices) = (work.clone(), keep_choices.clone());
        Callback::from(move |(file, text): (String, String)| {
            work.borrow_mut().batch.set_finding(&file, &text);
            keep_choices();
        })
    };
    // 实地核查抽样: the draw is kept with the batch and drawn again from it.
    let on_draw = {
        let (work, keep_choices, redraw) = (work.clone(), keep_choices.clone(), redraw.clone());
        let shown = shown.clone();
        Callback::from(move |(count, seed): (usize, u64)| {
            if let Some(l) = &*shown {
                work.borrow_mut().batch.draw_visits(&l.report, count, seed);
                keep_choices();
                redraw.force_update();
            }
        })
    };
    let on_sheets = {
        let (sheets, scrolled, opener) = (sheets.clone(), scrolled.clone(), opener.clone());
        Callback::from(move |()| {
            *scrolled.borrow_mut() = page::scroll_y();
            *opener.borrow_mut() = page::active_element();
            sheets.set(true);
            page::push_overlay_entry(SHEETS_ENTRY);
        })
    };
    // The browser's Back closes a school's report or the 核查单 (its own history entry), as
    // their way back does; it left county mode for the page before it. Forward shows what
    // its entry names again (a school still in the batch).
    {
        let (viewing, sheets, work) = (viewing.clone(), sheets.clone(), work.clone());
        let focus_target = focus_target.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    let entry = page::overlay_entry();
                    let school = entry
                        .as_deref()
                        .and_then(|e| e.strip_prefix(SCHOOL_ENTRY))
                        .filter(|f| work.borrow().batch.id_of(f).is_some());
                    // A school's report's way back has the focus, as when it was opened.
                    if school.is_some() {
                        focus_target.set(Some("back-to-county".into()));
                    }
                    viewing.set(school.map(str::to_string));
                    sheets.set(entry.as_deref() == Some(SHEETS_ENTRY));
                });
            move || drop(listener)
        });
    }
    // Back from a school's report or the 核查单: where the officer was, not the top, and the
    // focus on what opened it (a keyboard goes on from there).
    {
        let (scrolled, opener) = (scrolled.clone(), opener.clone());
        let back = viewing.is_none() && !*sheets;
        use_effect_with(back, move |back| {
            let y = *scrolled.borrow();
            if *back && y > 0.0 {
                page::scroll_to(y);
            }
            if *back {
                if let Some(el) = opener.borrow_mut().take() {
                    page::refocus(&el);
                }
            }
        });
    }
    // A school's report, read-only, dated as exported: its file is read again here.
    {
        let (work, opened) = (work.clone(), opened.clone());
        use_effect_with((*viewing).clone(), move |viewing| {
            opened.set(None);
            let file = viewing.as_ref().and_then(|name| {
                let w = work.borrow();
                w.batch
                    .id_of(name)
                    .and_then(|id| w.handles.get(&id).map(|p| p.file.clone()))
            });
            let reader = file.map(|file| {
                gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |bytes| {
                    let w = work.borrow();
                    let open = bytes.ok().and_then(|b| {
                        let open = read_only(&w.batch.verify(&b)?, &w.batch)?;
                        let package = crate::core::package::is_package(&b).then(|| Rc::new(b));
                        Some((open, package))
                    });
                    opened.set(open);
                })
            });
            move || drop(reader)
        });
    }
    let (done, total, walking) = *progress;
    let reading = done < total || walking;
    // A report is first drawn in three tasks: the figures, then the school table, then the
    // review (at once, a province's was one task of 100–230 ms). Drawn once, each part stays
    // and follows the next report.
    {
        let parts = parts.clone();
        let report = shown.is_some() && !reading;
        use_effect_with((report, *parts), move |&(report, drawn)| {
            let next = match (report, drawn) {
                (false, 0) => None,
                (false, _) => {
                    parts.set(0);
                    None
                }
                (true, drawn) if drawn < 2 => {
                    Some(gloo::timers::callback::Timeout::new(0, move || {
                        parts.set(drawn + 1)
                    }))
                }
                (true, _) => None,
            };
            move || drop(next)
        });
    }
    // Copied when the checklists change, not on every draw of the page (progress is drawn
    // five times a second while files are read).
    let known = use_memo(
        work.borrow()
            .batch
            .checklists
            .iter()
            .map(|c| c.sha256().to_string())
            .collect::<Vec<_>>(),
        |_| {
            let built_in = crate::core::builtin::readable_set().unwrap_or_default();
            work.borrow()
                .batch
                .checklists
                .iter()
                .map(|c| (c.clone(), built_in.iter().any(|x| x.sha256() == c.sha256())))
                .collect::<Vec<_>>()
        },
    );
    // A school's report or the 核查单 is shown over the county's page, which stays as it was
    // underneath (hidden): back, the table's filter, order, page and rows, the flags' order
    // and the scroll are where the officer left them.
    let mut overlay = None;
    if *sheets {
        let w = work.borrow();
        if let (Some(l), Some(plan)) = (&*shown, &w.batch.visit) {
            let back = {
                let sheets = sheets.clone();
                Callback::from(move |_: MouseEvent| {
                    if page::on_overlay_entry() {
                        page::history_back();
                    } else {
                        sheets.set(false);
                    }
                })
            };
            overlay = Some(html! {
                <section class="county sheets-view" data-testid="county-sheets">
                    <p class="no-print page-actions">
                        <button type="button" class="link" data-testid="back-from-sheets" onclick={back}>{ "← " }{ ctx.t(Msg::BackToVisits) }</button>
                        { review::print_button(&ctx) }
                    </p>
                    { review::sheets(&ctx, &l.report, plan, &w.batch.findings, clock::now().date()) }
                </section>
            });
        }
    }
    if overlay.is_none() && viewing.is_some() {
        let back = {
            let viewing = viewing.clone();
            Callback::from(move |_: MouseEvent| {
                // Its history entry goes too (popstate closes the report).
                if page::on_overlay_entry() {
                    page::history_back();
                } else {
                    viewing.set(None);
                }
            })
        };
        overlay = Some(html! {
            <section class="county" data-testid="county-report">
                <p class="no-print"><button type="button" class="link" id="back-to-county" data-testid="back-to-county" onclick={back}>{ "← " }{ ctx.t(Msg::BackToCounty) }</button></p>
                if let Some((open, package)) = (*opened).clone() {
                    <p class="status no-print">{ ctx.say(say::ReadOnlyReport { school: &open.draft.profile.school_name }) }</p>
                    { review::finding(&ctx, viewing.as_deref().unwrap_or_default(), work.borrow().batch.findings.get(viewing.as_deref().unwrap_or_default()).map_or("", String::as_str), &on_finding) }
                    { review::evidence(&ctx, &open.draft.attachments, package) }
                    <Report date={Some(AttrValue::from(open.draft.updated.get(..10).unwrap_or_default().to_string()))} open={open} />
                } else {
                    <p class="muted" role="status">{ ctx.t(Msg::Loading) }</p>
                }
            </section>
        });
    }

    let w = work.borrow();
    let b = &w.batch;
    let checklists = b.county_checklists.iter().map(|c| {
        let d = c.doc();
        html! {
            <li data-testid="county-checklist">
                { crate::app::components::pick(&d.title, ctx.lang) }{ " · " }{ ctx.t(Msg::ChecklistVersion) }{ " " }{ &d.version }
                { " · " }<code>{ c.sha256().get(..12).unwrap_or_default() }</code>
            </li>
        }
    });
    let awaiting = b.awaiting.iter().map(|c| {
        let d = c.doc();
        let sha = c.sha256().to_string();
        let diff = b.awaiting_diff(c);
        // What it eases (a school may have sent a checklist it edited): said beside its
        // differences, and asked before it is adopted.
        let (eased, eased_list) = diff
            .as_ref()
            .map(|x| crate::i18n::eased(ctx.lang, &x.changes))
            .unwrap_or_default();
        let accept = {
            let (accept, sha) = (accept_checklist.clone(), sha.clone());
            let title = crate::app::components::pick(&d.title, ctx.lang);
            let ask = (eased > 0).then(|| {
                ctx.say(say::AwaitingEasedConfirm {
                    title,
                    version: &d.version,
                    count: &eased.to_string(),
                    list: &eased_list,
                })
            });
            Callback::from(move |_: MouseEvent| {
                if ask.as_deref().is_none_or(page::confirm) {
                    accept.emit(sha.clone());
                }
            })
        };
        let dismiss = {
            let (dismiss, sha) = (dismiss_checklist.clone(), sha.clone());
            Callback::from(move |_: MouseEvent| dismiss.emit(sha.clone()))
        };
        // How it differs from the checklist of its id here, each change named, before the
        // officer adopts it (it was adopted at one click, its cut thresholds unseen).
        let differs = match diff {
            Some(crate::state::county::AwaitingDiff { base, builtin, changes }) => {
                let (title, version, n) = (
                    crate::app::components::pick(&base.doc().title, ctx.lang),
                    base.doc().version.as_str(),
                    changes.len().to_string(),
                );
                let summary = if builtin {
                    ctx.say(say::AwaitingDiffBuiltin { title, version, changes: &n })
                } else {
                    ctx.say(say::AwaitingDiffKnown { title, version, changes: &n })
                };
                html! { <>
                    <details data-testid="awaiting-diff">
                        <summary>{ summary }</summary>
                        <ul>
                            { for changes.iter().map(|c| html! {
                                <li>{ crate::i18n::diff_place(ctx.lang, &c.place) }{ ctx.lang.colon() }{ crate::i18n::diff_change(ctx.lang, &c.change) }</li>
                            }) }
                        </ul>
                    </details>
                    // After the line that counts the differences it is one of.
                    if eased > 0 {
                        <p class="field-warning" data-testid="awaiting-eased">{ ctx.say(say::AwaitingEased { count: &eased.to_string(), list: &eased_list }) }</p>
                    }
                </> }
            }
            None => html! { <p class="muted" data-testid="awaiting-new">{ ctx.t(Msg::AwaitingNoBase) }</p> },
        };
        html! {
            <li data-testid="awaiting-checklist">
                { crate::app::components::pick(&d.title, ctx.lang) }{ " · " }<code>{ &d.id }</code>{ " · " }{ ctx.t(Msg::ChecklistVersion) }{ " " }<code>{ d.version.escape_debug().to_string() }</code>
                { " · " }<code>{ sha.get(..12).unwrap_or_default() }</code>{ " " }
                <button type="button" class="small" data-testid="awaiting-accept" onclick={accept}>{ ctx.t(Msg::AwaitingAccept) }</button>
                <button type="button" class="small" data-testid="awaiting-dismiss" onclick={dismiss}>{ ctx.t(Msg::AwaitingDismiss) }</button>
                <p data-testid="awaiting-files">{ match b.files_made_with(c) {
                    0 => ctx.t(Msg::AwaitingNoFiles).to_string(),
                    n => ctx.say(say::AwaitingFiles { count: &n.to_string() }),
                } }</p>
                { differs }
            </li>
        }
    });
    let refused = b.refused.iter().map(|(name, r)| {
        html! { <li>{ name }{ ctx.lang.colon() }{ crate::i18n::refusal_text(ctx.lang, r) }</li> }
    });
    let body = match (&*shown, reading) {
        (None, _) | (_, true) => html! {},
        (Some(l), false) => {
            let r = &l.report;
            let counts = status_counts(r)
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(m, n)| format!("{} {n}", ctx.t(*m)))
                .collect::<Vec<_>>()
                .join(ctx.t(Msg::ListSeparator));
            let mut summary = ctx.say(say::CountySummary {
                files: &r.schools.len().to_string(),
                counts: &counts,
            });
            if r.roster_schools > 0 {
                summary.push_str(&ctx.say(say::SummaryMissing {
                    missing: &crate::i18n::missing_count(ctx.lang, &r.missing),
                }));
            }
            let today = clock::now().date().to_string();
            let county_name = r
                .county
                .clone()
                .or_else(|| (r.counties.len() == 1).then(|| r.counties[0].clone()));
            let file_name = |what: Msg| {
                crate::core::filename::join_parts(
                    &[
                        county_name.as_deref().unwrap_or_default(),
                        ctx.t(what),
                        &today,
                    ],
                    "ziping",
                    "csv",
                )
            };
            let csv_schools = {
                let (r, name, lang) = (r.clone(), file_name(Msg::CsvSchoolsName), ctx.lang);
                Callback::from(move |_: MouseEvent| {
                    let _ =
                        files::download(&name, &schools_csv(&r, lang), "text/csv;charset=utf-8");
                })
            };
            let csv_figures = {
                let (r, name, lang) = (r.clone(), file_name(Msg::CsvFiguresName), ctx.lang);
                Callback::from(move |_: MouseEvent| {
                    let _ =
                        files::download(&name, &figures_csv(&r, lang), "text/csv;charset=utf-8");
                })
            };
            let csv_rates = {
                let (r, name, lang) = (r.clone(), file_name(Msg::CsvRatesName), ctx.lang);
                Callback::from(move |_: MouseEvent| {
                    let _ = files::download(&name, &rates_csv(&r, lang), "text/csv;charset=utf-8");
                })
            };
            html! {
                <>
                    <PrintHead text={ctx.say(say::CountyPrintHead { county: county_name.as_deref().unwrap_or("—"), date: &today })} shown={overlay.is_none()} />
                    <p class="status" role="status" data-testid="county-summary" data-compute-ms={l.millis.to_string()}>{ summary }</p>
                    if let Some(n) = (*restored)
                        .map(|n| n.saturating_sub(work.borrow().last_time_not_schools))
                        .filter(|&n| n > 0)
                    {
                        <p class="muted no-print" data-testid="county-restored">{
                            // Files added since are in the batch too: the line says how many of
                            // them came back (it said "这批 5 个文件" beside 共 6 个文件).
                            if r.schools.len() > n {
                                ctx.say(say::CountyRestoredPart { files: &n.to_string(), total: &r.schools.len().to_string() })
                            } else {
                                ctx.say(say::CountyRestored { files: &n.to_string() })
                            }
                        }</p>
                    }
                    if r.mixes_counties() {
                        // Files of several counties: which one first, never a mix of them.
                        <div class="card warning" role="group" aria-labelledby="county-ask-heading" data-testid="county-ask">
                            <h3 id="county-ask-heading" tabindex="-1">{ ctx.say(say::CountyAsk { counties: &r.counties.len().to_string() }) }</h3>
                            <p>{ ctx.t(Msg::CountyAskWhy) }</p>
                            <div class="page-actions">
                                { for r.counties.iter().map(|c| {
                                    let files = r.files_in(c);
                                    let choose = { let (set, c) = (answer_county.clone(), c.clone()); Callback::from(move |_: MouseEvent| set.emit(c.clone())) };
                                    html! {
                                        <button type="button" data-testid="county-option" onclick={choose}>
                                            { ctx.say(say::CountyOption { county: c, files: &files.to_string() }) }
                                        </button>
                                    }
                                }) }
                            </div>
                        </div>
                    } else {
                    if r.county.is_some() && r.counties.len() > 1 {
                        <div class="card no-print" data-testid="county-mixed">
                            <p>{ ctx.say(say::CountyChosen { county: r.county.as_deref().unwrap_or_default(), counties: &r.counties.join(ctx.t(Msg::ListSeparator)) }) }</p>
                            <label for="county-choose">{ ctx.t(Msg::CountyChoose) }</label>
                            <select id="county-choose" data-testid="county-choose" onchange={choose_county}>
                                { for r.counties.iter().map(|c| html! {
                                    <option value={c.clone()} selected={r.county.as_deref() == Some(c.as_str())}>{ c }</option>
                                }) }
                            </select>
                        </div>
                    }
                    <div class="page-actions no-print">
                        <button type="button" data-testid="csv-schools" onclick={csv_schools}>{ ctx.t(Msg::CountyCsvSchools) }</button>
                        <button type="button" data-testid="csv-figures" onclick={csv_figures}>{ ctx.t(Msg::CountyCsvFigures) }</button>
                        if !r.county_rates.is_empty() {
                            <button type="button" data-testid="csv-rates" onclick={csv_rates}>{ ctx.t(Msg::CountyCsvRates) }</button>
                        }
                        <button type="button" onclick={Callback::from(|_: MouseEvent| page::print())}>{ ctx.t(Msg::CountyPrint) }</button>
                    </div>
                    { figures(&ctx, r) }
                    if r.school_years().len() > 1 {
                        { by_year(&ctx, r) }
                    } else {
                        { follow_ups(&ctx, &r.follow_ups_wanting().map(|(_, s)| s).collect::<Vec<_>>()) }
                    }
                    { county_rates(&ctx, r) }
                    { missing_schools(&ctx, r) }
                    <p class="error no-print" role="alert" data-testid="assign-problem" hidden={assign_problem.is_none()}>{ (*assign_problem).as_ref().map(|code| ctx.say(say::AssignUnknown { code })).unwrap_or_default() }</p>
                    if *parts >= 1 {
                    <SchoolsTable report={Shared(l.report.clone())} view={table_view.clone()} page={table_page.clone()} on_open={open_school.clone()} on_pick={pick.clone()} on_unpick={unpick.clone()}
                        roster={settings.as_ref().filter(|s| s.0.has_roster()).cloned()} on_assign={assign.clone()} on_add_to_roster={add_to_roster.clone()} />
                    }
                    if *parts >= 2 {
                    <Review report={Shared(l.report.clone())} schools={l.visit_schools} by_school={Shared(l.flags_by_school.clone())} visit={b.visit.clone()} findings={Shared(Rc::new(b.findings.clone()))}
                        fresh_seed={fresh_seed} on_draw={on_draw.clone()} on_finding={on_finding.clone()} on_open={open_school.clone()}
                        on_sheets={on_sheets.clone()} csv_name={AttrValue::from(file_name(Msg::CsvFlagsName))} />
                    }
                    }
                </>
            }
        }
    };
    let covered = overlay.is_some();
    html! {
        <>
        { overlay.unwrap_or_default() }
        <section class="page county" data-testid="county-page" aria-labelledby="county-heading" hidden={covered} {ondragover} {ondrop}>
            <p class="no-print"><a class="link" data-testid="county-back" href="../">{ "← " }{ ctx.t(Msg::BackToStart) }</a></p>
            <h2 id="county-heading">{ ctx.t(Msg::CountyHeading) }</h2>
            <p class="lead no-print">{ ctx.t(Msg::CountyIntro) }</p>
            <p class="error" role="alert" hidden={!*no_workers}>{ ctx.t(Msg::CountyNoWorkers) }</p>
            <div class="page-actions no-print">
                <input id="county-files" class="visually-hidden file-picker" type="file" multiple=true accept=".json,.zip,application/json,application/zip"
                    data-testid="county-files" onchange={on_pick.clone()} />
                <label for="county-files" class="button primary">{ ctx.t(Msg::CountyPickFiles) }</label>
                <input id="county-folder" class="visually-hidden file-picker" type="file" multiple=true webkitdirectory=true
                    data-testid="county-folder" onchange={on_pick} onclick={on_folder_click} />
                <label for="county-folder" class="button">{ ctx.t(Msg::CountyPickFolder) }</label>
                <button type="button" data-testid="county-clear" onclick={clear} disabled={b.is_empty() && b.refused.is_empty() && unchecked.is_none()}>{ ctx.t(Msg::CountyClear) }</button>
            </div>
            // Beside the buttons that start it, not below 县级设置 (open, it filled the window).
            <div class="county-progress no-print" data-testid="county-reading" hidden={!reading}>
                <label for="county-progress">{ ctx.say(say::CountyProgress { done: &done.to_string(), total: &total.to_string() }) }</label>
                // While a folder is walked its size is not known yet: no value (the bar shows
                // work going on) rather than a share that moves back as files are found.
                <progress id="county-progress" max={total.to_string()} value={(!walking).then(|| done.to_string())} />
                <button type="button" data-testid="county-cancel" onclick={cancel}>{ ctx.t(Msg::CountyCancel) }</button>
            </div>
            // From the end of reading (keeping starts within `KEEP_WAIT_MS`) until kept.
            if *storing || (*saving && !reading) {
                <p class="status no-print" role="status" data-testid="county-keeping">{ ctx.t(Msg::CountyKeeping) }</p>
            }
            if let Some(n) = *pick_lost {
                <p class="field-warning no-print" role="status" data-testid="county-pick-lost">{
                    ctx.say(say::CountyPickLost { files: &n.to_string() })
                }</p>
            }
            if let Some((n, walking)) = *cancelled {
                <p class="status no-print" role="status" id="county-cancelled" tabindex="-1" data-testid="county-cancelled">{
                    match (walking, n) {
                        (true, 0) => ctx.t(Msg::CountyCancelledWalkNone).to_string(),
                        (true, _) => ctx.say(say::CountyCancelledWalk { files: &n.to_string() }),
                        _ => ctx.say(say::CountyCancelled { files: &n.to_string() }),
                    }
                }</p>
            }
            if let Some(n) = *unchecked {
                <p class="status no-print" role="status" data-testid="county-unchecked">{ ctx.say(say::CountyUnchecked { files: &n.to_string() }) }</p>
            }
            <p class="muted no-print">{ ctx.t(Msg::CountyAddHint) }</p>
            <SettingsPanel known={Shared(known)} settings={(*settings).clone()} on_save={on_save_settings}
                on_import={on_import_settings} import_problem={(*import_problem).as_ref().map(|p| AttrValue::from(format!(
                    "{}{}",
                    ctx.t(Msg::SettingsImportRefused),
                    crate::i18n::settings_problems(ctx.lang, p).replace('\n', "；")
                )))} />
            <div class="card warning no-print" data-testid="county-awaiting" hidden={b.awaiting.is_empty()}>
                <p class="meta">{ ctx.t(Msg::AwaitingHeading) }</p>
                <p>{ ctx.t(Msg::AwaitingWarning) }</p>
                <ul>{ for awaiting }</ul>
            </div>
            <div class="county-side no-print">
                <p class="meta" id={COUNTY_CHECKLISTS} tabindex="-1">{ ctx.t(Msg::CountyChecklists) }</p>
                <ul data-testid="county-checklists">{ for checklists }</ul>
                <p><a class="button" data-testid="county-make-checklist" href="#checklist">{ ctx.t(Msg::EditorLink) }</a></p>
            </div>
            <div class="no-print" hidden={b.refused.is_empty()}>
                <p class="meta">{ ctx.t(Msg::CountyRefused) }</p>
                <ul class="refused" data-testid="county-refused">{ for refused }</ul>
            </div>
            { body }
        </section>
        </>
    }
}

/// The roster's schools with no counted file (未报送): what the officer chases first. Printed.
fn missing_schools(ctx: &Ctx, r: &CountyReport) -> Html {
    if r.roster_schools == 0 {
        return html! {};
    }
    let rows = r.missing.iter().map(|m| {
        html! {
                    <tr data-testid="missing-row">
                        <td>{ &m.code }</td><td>{ &m.name }</td><td>{ &m.township }</td>
                        <td>{ crate::i18n::school_type_name(ctx.lang, m.school_type) }</td>
        <td class="nowrap">{ &m.school_year }</td>
                    </tr>
                }
    });
    html! {
            <section aria-labelledby="missing-heading" data-testid="county-missing">
                <h3 id="missing-heading">{ ctx.t(Msg::MissingHeading) }{ " · " }{ crate::i18n::missing_count(ctx.lang, &r.missing) }</h3>
                <div class="table-scroll" hidden={r.missing.is_empty()}><table class="list-table missing-table">
                    <thead><tr>
                        <th scope="col">{ ctx.t(Msg::SchoolCode) }</th><th scope="col">{ ctx.t(Msg::SchoolName) }</th>
                        <th scope="col">{ ctx.t(Msg::CsvTownship) }</th><th scope="col">{ ctx.t(Msg::ColType) }</th>
    <th scope="col">{ ctx.t(Msg::SchoolYear) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table></div>
            </section>
        }
}

/// A verified file as an open draft for the report page (not stored; nothing can be edited),
/// opened as any submission is (`open_verified`) on the batch's checklists.
fn read_only(v: &Verified, batch: &Batch) -> Option<Open> {
    let builtins = crate::core::builtin::builtin_set().ok()?;
    let known = known_from_set(&batch.checklists, builtins);
    let (draft, checklist) = open_verified("county-view".into(), v, &known).ok()?;
    Some(Open {
        draft: Shared(Rc::new(draft)),
        checklist: Shared(Rc::new(checklist)),
        assessment: Some(Shared(Rc::new(v.recomputed.clone()))),
    })
}

#[derive(Properties, PartialEq)]
struct PrintHeadProps {
    text: AttrValue,
    /// False while a school's report or the 核查单 covers the summary: what prints then is
    /// not the summary, and its pages carry no county head.
    shown: bool,
}

/// The printout's county and date: on its first page here, and at the head of every later page
/// from the stylesheet (`@page wide` reads `--county-head`: a page's margin cannot show the
/// document's text, only a property's; engines without page margin boxes print page 1's alone).
#[function_component(PrintHead)]
fn print_head(props: &PrintHeadProps) -> Html {
    use_effect_with((props.text.clone(), props.shown), |(text, shown)| {
        let quoted = format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
        let root = gloo::utils::document_element().unchecked_into::<web_sys::HtmlElement>();
        if *shown {
            let _ = root.style().set_property("--county-head", &quoted);
        }
        move || {
            let _ = root.style().remove_property("--county-head");
        }
    });
    html! {
        <p class="print-only county-print-head" data-testid="county-print-head">{ props.text.clone() }</p>
    }
}
