//! Files in and out: reading what the user picked, offering a download.

use wasm_bindgen::JsCast;

/// Reads the file picked in a file input: clears the input (so the same file can be picked
/// again), refuses a file over `max` bytes before reading it (`too_large(name, size)`), and
/// otherwise calls `on_read(name, bytes)`. Keep the returned reader alive until then.
pub fn read_picked(
    e: &web_sys::Event,
    max: u64,
    too_large: impl FnOnce(String, u64),
    on_read: impl FnOnce(String, Vec<u8>) + 'static,
) -> Option<gloo::file::callbacks::FileReader> {
    read_picked_typed(e, max, too_large, move |name, _mime, bytes| {
        on_read(name, bytes)
    })
}

/// As [`read_picked`], also giving the file's type (e.g. `application/pdf`).
pub fn read_picked_typed(
    e: &web_sys::Event,
    max: u64,
    too_large: impl FnOnce(String, u64),
    on_read: impl FnOnce(String, String, Vec<u8>) + 'static,
) -> Option<gloo::file::callbacks::FileReader> {
    let input: web_sys::HtmlInputElement = e.target()?.dyn_into().ok()?;
    let file = gloo::file::File::from(input.files()?.get(0)?);
    input.set_value("");
    let (name, mime) = (file.name(), file.raw_mime_type());
    if file.size() > max {
        too_large(name, file.size());
        return None;
    }
    Some(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
        on_read(name, mime, bytes.unwrap_or_default())
    }))
}

/// A text file's text as a spreadsheet or editor saved it: UTF-8 (with or without a BOM) as it
/// is; otherwise GBK, which Excel writes for plain "CSV" on a Chinese Windows, decoded by the
/// browser (its decoder, not a table in this bundle). `None` when it is neither.
pub fn text_of(bytes: &[u8]) -> Option<String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gbk", &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// The files of a file input or a drop, as a list.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    files
        .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// Offers `text` as a file download.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    offer(name, &wasm_bindgen::JsValue::from_str(text), mime)
}

/// Offers bytes (a 报送包) as a download named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    offer(name, &js_sys::Uint8Array::from(bytes), mime)
}

/// Shows bytes (an image, a PDF) in a new tab, as the browser shows that kind.
pub fn show_bytes(bytes: &[u8], mime: &str) -> Result<(), String> {
    let url = blob_url(&js_sys::Uint8Array::from(bytes), mime)?;
    gloo::utils::window()
        .open_with_url_and_target(&url, "_blank")
        .map_err(|e| format!("{e:?}"))?;
    // The tab keeps what it shows; the address is let go once it has loaded.
    revoke_later(url, 60_000);
    Ok(())
}

/// An object URL for one part (text or bytes) of type `mime`.
fn blob_url(part: &wasm_bindgen::JsValue, mime: &str) -> Result<String, String> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))
}

fn revoke_later(url: String, millis: u32) {
    gloo::timers::callback::Timeout::new(millis, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

fn offer(name: &str, part: &wasm_bindgen::JsValue, mime: &str) -> Result<(), String> {
    let url = blob_url(part, mime)?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoking at once can cancel the download or lose its name: wait until it has started.
    revoke_later(url, 30_000);
    Ok(())
}
