//! File names for attachments: the mail's own name made safe, or one made up from the type.

/// The longest file name we keep (characters).
const MAX_NAME_CHARS: usize = 200;

/// The attachment's own name, safe to use as a file name: no folders, no control characters,
/// none of the characters Windows refuses, at most 200 characters (the extension kept).
/// None if nothing usable is left.
pub(super) fn clean_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c => c,
        })
        .collect();
    // Windows drops trailing dots and blanks; leading blanks are never meant.
    let cleaned = cleaned.trim().trim_end_matches(['.', ' ']);
    if cleaned.is_empty() || cleaned.chars().all(|c| c == '.') {
        return None;
    }
    Some(shorten(cleaned))
}

/// At most [`MAX_NAME_CHARS`] characters, keeping a short extension.
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_string();
    }
    let ext = name
        .rfind('.')
        .map(|dot| &name[dot..])
        .filter(|ext| ext.len() <= 12 && ext[1..].chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or("");
    let stem: String = name.chars().take(MAX_NAME_CHARS - ext.len()).collect();
    format!("{}{ext}", stem.trim_end())
}

/// A file extension for a media type (`application/pdf` gives `pdf`); `bin` if unknown.
pub(super) fn extension(c_type: &str, c_subtype: &str) -> &'static str {
    let subtype = c_subtype.to_ascii_lowercase();
    match (c_type.to_ascii_lowercase().as_str(), subtype.as_str()) {
        (_, "pdf") => "pdf",
        (_, "vnd.openxmlformats-officedocument.wordprocessingml.document") => "docx",
        (_, "msword") => "doc",
        (_, "vnd.openxmlformats-officedocument.spreadsheetml.sheet") => "xlsx",
        (_, "vnd.ms-excel") => "xls",
        (_, "vnd.openxmlformats-officedocument.presentationml.presentation") => "pptx",
        (_, "vnd.ms-powerpoint") => "ppt",
        (_, "vnd.oasis.opendocument.text") => "odt",
        (_, "vnd.oasis.opendocument.spreadsheet") => "ods",
        (_, "rtf") => "rtf",
        (_, "zip" | "x-zip-compressed") => "zip",
        (_, "json") => "json",
        (_, "xml") => "xml",
        ("image", "jpeg" | "jpg" | "pjpeg") => "jpg",
        ("image", "png") => "png",
        ("image", "gif") => "gif",
        ("image", "tiff") => "tif",
        ("image", "bmp") => "bmp",
        ("image", "heic") => "heic",
        ("image", "webp") => "webp",
        ("image", "svg+xml") => "svg",
        ("audio", "mpeg" | "mp3") => "mp3",
        ("audio", "wav" | "x-wav" | "wave") => "wav",
        ("audio", "mp4" | "x-m4a") => "m4a",
        ("audio", "ogg") => "ogg",
        ("video", "mp4") => "mp4",
        ("video", "quicktime") => "mov",
        ("text", "html") => "html",
        ("text", "csv") => "csv",
        ("text", "calendar") => "ics",
        ("text", "vcard" | "x-vcard") => "vcf",
        ("text", _) => "txt",
        ("message", "delivery-status" | "disposition-notification") => "txt",
        ("message", _) => "eml",
        _ => "bin",
    }
}
