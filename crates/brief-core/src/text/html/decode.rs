//! Page bytes -> text: a BOM, else a `<meta>` charset in the first 1024 bytes (unless the bytes
//! are valid UTF-8 beyond ASCII), else UTF-8.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::HtmlError;
use crate::cancel::Cancelled;

/// How many bytes at the start of a page are searched for a `<meta>` charset (as in the HTML spec).
const PRESCAN_BYTES: usize = 1024;

/// Decodes raw page bytes to text: a BOM wins, then a `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 1024 bytes (the HTML
/// spec's prescan, simplified; a UTF-16 label there means UTF-8) unless the bytes are valid UTF-8
/// beyond ASCII, else UTF-8. Malformed sequences become U+FFFD. Returns the text and the
/// encoding's name (e.g. "windows-1252").
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let (encoding, body) = encoding_of(bytes);
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    (text, encoding.name())
}

/// The encoding to decode a page with, and its bytes after any BOM: the BOM's, else the
/// `<meta>`'s, else UTF-8. Bytes that are valid UTF-8 with some non-ASCII character are UTF-8
/// whatever the `<meta>` says: a page saved as UTF-8 under a template's `charset=iso-8859-1`
/// would otherwise come out as mojibake ("cafÃ©"), and text really in another encoding is
/// almost never valid UTF-8 (in windows-1252 every accented letter would have to follow an "Ã"
/// or "Â").
fn encoding_of(bytes: &[u8]) -> (&'static Encoding, &[u8]) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, bytes.get(bom_len..).unwrap_or_default());
    }
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    match prescan(head) {
        Some(declared) if declared != encoding_rs::UTF_8 && !utf8_beyond_ascii(bytes) => {
            (declared, bytes)
        }
        _ => (encoding_rs::UTF_8, bytes),
    }
}

/// Whether `bytes` is valid UTF-8 with at least one non-ASCII character (validation stops at
/// the first byte that is not UTF-8, so a page in another encoding costs little).
fn utf8_beyond_ascii(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| !text.is_ascii())
}

/// How many bytes of a page are decoded between two checks of the cancellation callback (well
/// under a millisecond for any encoding).
const DECODE_SLICE: usize = 256 << 10;

/// [`decode`], asking `cancelled` every `DECODE_SLICE` bytes of a page not in UTF-8 (UTF-8 is
/// only validated, in one pass of under a millisecond per MB).
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so.
pub fn decode_until<'b>(
    bytes: &'b [u8],
    cancelled: Cancelled<'_>,
) -> Result<(Cow<'b, str>, &'static str), HtmlError> {
    let (encoding, body) = encoding_of(bytes);
    if encoding == encoding_rs::UTF_8 || body.len() <= DECODE_SLICE {
        let (text, _had_errors) = encoding.decode_without_bom_handling(body);
        return Ok((text, encoding.name()));
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len());
    let mut slices = body.chunks(DECODE_SLICE).peekable();
    while let Some(slice) = slices.next() {
        if cancelled() {
            return Err(HtmlError::Cancelled);
        }
        let last = slices.peek().is_none();
        let needed = decoder
            .max_utf8_buffer_length(slice.len())
            .unwrap_or(slice.len());
        text.reserve(needed);
        let (_result, _read, _had_errors) = decoder.decode_to_string(slice, &mut text, last);
    }
    Ok((Cow::Owned(text), encoding.name()))
}

/// The encoding named by a `<meta>` tag in `head`, following the HTML spec's prescan
/// ("determining the character encoding", step "prescan a byte stream"), simplified.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < head.len() {
        let rest = head.get(pos..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            // Skip to the end of the comment ("<!-->" is a whole comment).
            let end = find(head, pos + 2, b"-->")?;
            pos = end + 3;
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_charset(head, &mut pos)? {
                return Some(encoding);
            }
        } else if matches!(rest, [b'<', b, ..] | [b'<', b'/', b, ..] if b.is_ascii_alphabetic()) {
            // Another tag: skip its name and attributes (an attribute value may contain '>').
            pos += 1;
            while head.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                pos += 1;
            }
            while attribute(head, &mut pos)?.is_some() {}
            pos += 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos = find(head, pos, b">")? + 1;
        } else {
            pos += 1;
        }
    }
    None
}

/// The encoding a `<meta>` tag names, `pos` just after "<meta"; `Some(None)` if it names none,
/// `None` if the input ends inside the tag.
fn meta_charset(head: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset = None;
    while let Some((name, value)) = attribute(head, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(encoding) = charset_in_content(&value) {
                    charset = Some(encoding);
                    need_pragma = Some(true);
                }
            }
            b"charset" if charset.is_none() => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let found = match (need_pragma, charset) {
        (Some(true), Some(encoding)) if got_pragma => Some(encoding),
        (Some(false), Some(encoding)) => Some(encoding),
        _ => None,
    };
    Some(found.map(|encoding| {
        if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
            encoding_rs::UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            encoding
        }
    }))
}

/// The HTML spec's "extracting a character encoding from a meta element": the encoding named by
/// `charset=` in a (lowercased) `content` attribute.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        pos = find(content, pos, b"charset")? + 7;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) == Some(&b'=') {
            break;
        }
    }
    pos += 1;
    while content.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    let rest = content.get(pos..)?;
    let label = match rest.first() {
        Some(&quote @ (b'"' | b'\'')) => {
            let inner = rest.get(1..)?;
            let end = inner.iter().position(|&b| b == quote)?;
            inner.get(..end)?
        }
        Some(_) => {
            let end = rest
                .iter()
                .position(|&b| is_space(b) || b == b';')
                .unwrap_or(rest.len());
            rest.get(..end)?
        }
        None => return None,
    };
    Encoding::for_label(label)
}

/// The HTML spec's "get an attribute" while prescanning: the next attribute's (lowercased) name and
/// value from `pos`; `Some(None)` at the tag's '>' (left at `pos`), `None` at the end of input.
fn attribute(bytes: &[u8], pos: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let at = |i: usize| bytes.get(i).copied();
    while at(*pos).is_some_and(|b| is_space(b) || b == b'/') {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name.
    loop {
        let b = at(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        } else if is_space(b) {
            // Spaces, then either '=' and a value or another attribute.
            while at(*pos).is_some_and(is_space) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        } else if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // The value.
    while at(*pos).is_some_and(is_space) {
        *pos += 1;
    }
    let b = at(*pos)?;
    if b == b'"' || b == b'\'' {
        *pos += 1;
        loop {
            let c = at(*pos)?;
            *pos += 1;
            if c == b {
                return Some(Some((name, value)));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Some(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// ASCII whitespace as the HTML spec's prescan defines it.
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Whether `bytes` starts with the ASCII `prefix`, ignoring ASCII case.
pub(super) fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// The index of the first `needle` in `haystack` at or after `from`.
pub(super) fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|i| i + from)
}
