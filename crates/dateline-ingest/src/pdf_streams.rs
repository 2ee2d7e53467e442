//! Measuring a PDF's compressed streams before any PDF library unpacks them: lopdf inflates
//! object streams while loading and pdf-extract every content, font and colour-profile stream,
//! all without a bound, so a 4 MB FlateDecode bomb took 8 GB. Here each stream's filters
//! (FlateDecode, LZWDecode, ASCII85Decode, ASCIIHexDecode, in their order) run into a counter
//! under the caps the zip reader uses: the unpacked/packed ratio of one stream, the largest
//! file, and what the archive budget has left. Image streams are not counted: lopdf does not
//! unpack them, and they are emptied before pdf-extract could.
//!
//! This reads the raw bytes, not the object graph: a stream is the data between a `stream`
//! keyword and its `/Length` (direct or `N 0 R`), or the next `endstream` when the length is
//! missing or wrong, with the dictionary just before it. A dictionary that only mentions
//! `/Image` (`/Kind /Image`) is no image to lopdf: an object stream or cross-reference stream is
//! counted whatever else its dictionary says, and once loaded, [`check_loaded`] measures every
//! stream again as lopdf sees it and empties the images, which pdf-extract would otherwise
//! unpack whenever a page draws one (`/Im1 Do`: a 2.3 MB PDF drawing a 512 MiB image took 560 MB).

use std::io::Write;

use crate::archive::Budget;
use crate::{IngestError, Limits, MIB};

/// Most objects one PDF may hold, its object streams' included: lopdf keeps about 800 bytes a
/// tiny object (a 93 MB file of 2 million took 1.6 GB), so this is about 400 MB.
pub const MAX_PDF_OBJECTS: u64 = 500_000;

/// Checks every stream of `bytes`, and takes what they unpack to from `budget`; and counts the
/// objects (each `N G obj`, and the `/N` an object stream says it holds).
pub(crate) fn check(bytes: &[u8], limits: &Limits, budget: &mut Budget) -> Result<(), IngestError> {
    let mut objects = count_objects(bytes);
    let too_many = || {
        IngestError::PdfOverCap(format!(
            "it holds more than {} objects",
            crate::thousands(MAX_PDF_OBJECTS as usize)
        ))
    };
    if objects > MAX_PDF_OBJECTS {
        return Err(too_many());
    }
    let total_cap = limits.max_file_bytes.min(budget.unpacked_left);
    let mut total = 0u64;
    let mut pos = 0;
    while let Some(at) = find(&bytes[pos..], b"stream").map(|i| pos + i) {
        pos = at + b"stream".len();
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let mut start = pos;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let dict = dictionary_before(bytes, at);
        let end = stream_end(bytes, dict, start);
        pos = end.max(pos);
        if dict_has(dict, b"/ObjStm") {
            objects = objects.saturating_add(integer_after(dict, b"/N").unwrap_or(0));
            if objects > MAX_PDF_OBJECTS {
                return Err(too_many());
            }
        }
        // lopdf unpacks object and cross-reference streams while loading, whatever else
        // their dictionary says.
        if dict_has(dict, b"/Image") && !dict_has(dict, b"/ObjStm") && !dict_has(dict, b"/XRef") {
            continue;
        }
        let filters = filters(dict);
        if filters.is_empty() {
            continue;
        }
        total += measured(&bytes[start..end], &filters, limits, total, total_cap)?;
    }
    budget.unpacked_left -= total;
    Ok(())
}

/// What one stream unpacks to, under its own cap (`max_ratio` times its size, 1 MiB at least) and
/// what is left of the file's (`total_cap` less the `total` unpacked so far).
fn measured(
    data: &[u8],
    filters: &[Filter],
    limits: &Limits,
    total: u64,
    total_cap: u64,
) -> Result<u64, IngestError> {
    let stream_cap = (data.len() as u64).saturating_mul(limits.max_ratio).max(MIB);
    let cap = stream_cap.min(total_cap - total);
    match unpacked_size(data, filters, cap) {
        Size::Within(n) => Ok(n),
        Size::Over if cap == stream_cap => Err(IngestError::PdfRatio { ratio: limits.max_ratio }),
        Size::Over => Err(IngestError::PdfBomb { limit: total_cap }),
    }
}

/// Every stream of the loaded `doc` as lopdf sees it, before pdf-extract unpacks any: an image
/// (or a PostScript XObject) is emptied, since the text never needs it but pdf-extract unpacks
/// and parses any XObject a page draws; every other stream is measured as [`check`] measures
/// them, under the same caps (the raw-byte view of [`check`] may have taken a stream for an
/// image, or missed its length).
pub(crate) fn check_loaded(doc: &mut pdf_extract::Document, limits: &Limits) -> Result<(), IngestError> {
    use pdf_extract::Object;
    let total_cap = limits.max_file_bytes;
    let mut total = 0u64;
    for obj in doc.objects.values_mut() {
        let Object::Stream(stream) = obj else { continue };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if matches!(subtype, Some(b"Image" | b"PS")) {
            stream.set_plain_content(Vec::new());
            continue;
        }
        // lopdf unpacks these three, in order, and stops at any other.
        let Ok(names) = stream.filters() else { continue };
        let filters: Vec<Filter> = names
            .iter()
            .map_while(|n| match *n {
                b"FlateDecode" => Some(Filter::Flate),
                b"LZWDecode" => Some(Filter::Lzw),
                b"ASCII85Decode" => Some(Filter::Ascii85),
                _ => None,
            })
            .collect();
        if filters.is_empty() {
            continue;
        }
        total += measured(&stream.content, &filters, limits, total, total_cap)?;
    }
    Ok(())
}

/// How many `obj` keywords `bytes` holds (not `endobj`, nor a longer word).
fn count_objects(bytes: &[u8]) -> u64 {
    let mut n = 0;
    let mut rest = bytes;
    while let Some(i) = find(rest, b"obj") {
        let before = i.checked_sub(1).map(|j| rest[j]);
        let after = rest.get(i + 3).copied();
        if before.is_some_and(|c| c.is_ascii_whitespace() || c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        {
            n += 1;
        }
        rest = &rest[i + 3..];
    }
    n
}

/// The whole non-negative integer right after the name `key` in `dict`.
fn integer_after(dict: &[u8], key: &[u8]) -> Option<u64> {
    let mut rest = dict;
    while let Some(i) = find(rest, key) {
        let after = &rest[i + key.len()..];
        if !after.first().is_some_and(|c| c.is_ascii_alphanumeric()) {
            let digits: Vec<u8> = after
                .iter()
                .skip_while(|c| c.is_ascii_whitespace())
                .take_while(|c| c.is_ascii_digit())
                .copied()
                .collect();
            return std::str::from_utf8(&digits).ok()?.parse().ok();
        }
        rest = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The stream's dictionary: from the last `obj` keyword before the `stream` keyword at `at`
/// (looking back at most 64 KiB).
fn dictionary_before(bytes: &[u8], at: usize) -> &[u8] {
    let from = at.saturating_sub(64 * 1024);
    let window = &bytes[from..at];
    match rfind(window, b"obj") {
        Some(i) => &window[i + 3..],
        None => window,
    }
}

fn dict_has(dict: &[u8], name: &[u8]) -> bool {
    let mut rest = dict;
    while let Some(i) = find(rest, name) {
        let after = rest.get(i + name.len()).copied();
        // A whole name: `/Image`, not `/ImageMask` or `/Images`.
        if !after.is_some_and(|c| c.is_ascii_alphanumeric()) {
            return true;
        }
        rest = &rest[i + name.len()..];
    }
    false
}

/// Where the data of a stream starting at `start` ends: its `/Length` when that lands on an
/// `endstream`, else the next `endstream`, else the end of the file.
fn stream_end(bytes: &[u8], dict: &[u8], start: usize) -> usize {
    let next_end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |i| start + i);
    if let Some(len) = length(bytes, dict)
        && let Some(end) = start.checked_add(len)
        && end <= bytes.len()
    {
        // The length counts only the data; an end of line may stand before `endstream`.
        let tail = &bytes[end..bytes.len().min(end + 12)];
        if find(tail, b"endstream").is_some() {
            return end;
        }
    }
    next_end
}

/// The integer after `/Length` in `dict`, following one `N G R` reference through the file.
fn length(bytes: &[u8], dict: &[u8]) -> Option<usize> {
    let i = find(dict, b"/Length")? + b"/Length".len();
    let mut words =
        dict[i..].split(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>').filter(|w| !w.is_empty());
    let first: usize = std::str::from_utf8(words.next()?).ok()?.parse().ok()?;
    let (second, third) = (words.next(), words.next());
    if third != Some(b"R".as_slice()) {
        return Some(first);
    }
    let generation = std::str::from_utf8(second?).ok()?;
    let header = format!("{first} {generation} obj");
    let at = find(bytes, header.as_bytes())? + header.len();
    let value = bytes[at..].split(|c| c.is_ascii_whitespace()).find(|w| !w.is_empty())?;
    std::str::from_utf8(value).ok()?.parse().ok()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Flate,
    Lzw,
    Ascii85,
    AsciiHex,
}

/// The filters of `dict`'s `/Filter` entry (a name or an array of names), in decoding order;
/// filters this check does not know end the list (their output is not unpacked by the readers).
fn filters(dict: &[u8]) -> Vec<Filter> {
    let Some(i) = find(dict, b"/Filter") else { return Vec::new() };
    let rest = &dict[i + b"/Filter".len()..];
    let rest = rest.iter().position(|c| !c.is_ascii_whitespace()).map_or(&rest[..0], |j| &rest[j..]);
    let names: &[u8] = if rest.first() == Some(&b'[') {
        let close = rest.iter().position(|&c| c == b']').unwrap_or(rest.len());
        &rest[1..close]
    } else {
        let end = rest[1.min(rest.len())..]
            .iter()
            .position(|&c| c == b'/' || c == b'>' || c.is_ascii_whitespace())
            .map_or(rest.len(), |j| j + 1);
        &rest[..end]
    };
    let mut out = Vec::new();
    for name in names.split(|&c| c == b'/' || c.is_ascii_whitespace()).filter(|n| !n.is_empty()) {
        out.push(match name {
            b"FlateDecode" | b"Fl" => Filter::Flate,
            b"LZWDecode" | b"LZW" => Filter::Lzw,
            b"ASCII85Decode" | b"A85" => Filter::Ascii85,
            b"ASCIIHexDecode" | b"AHx" => Filter::AsciiHex,
            _ => break,
        });
    }
    out
}

enum Size {
    Within(u64),
    Over,
}

/// A writer that counts, and fails once more than `cap` bytes came (or keeps them, for a
/// filter whose output the next filter reads).
struct Capped {
    cap: u64,
    seen: u64,
    keep: Option<Vec<u8>>,
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.seen += buf.len() as u64;
        if self.seen > self.cap {
            return Err(std::io::Error::other("over the cap"));
        }
        if let Some(k) = &mut self.keep {
            k.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What `data` unpacks to through `filters`, up to `cap` bytes at every stage. Damaged data
/// counts as what it gave before the damage (the readers keep that much too).
fn unpacked_size(data: &[u8], filters: &[Filter], cap: u64) -> Size {
    let mut input: Vec<u8>;
    let mut current = data;
    for (i, filter) in filters.iter().enumerate() {
        let last = i + 1 == filters.len();
        let mut out = Capped { cap, seen: 0, keep: (!last).then(Vec::new) };
        let over = match filter {
            Filter::Flate => inflate(current, &mut out),
            Filter::Lzw => {
                // With the early code-size change (PDF's default) and without: the larger counts.
                let mut late = Capped { cap, seen: 0, keep: None };
                let _ = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
                    .into_stream(&mut out)
                    .decode_all(current);
                let _ = weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
                    .into_stream(&mut late)
                    .decode_all(current);
                if out.keep.is_none() {
                    out.seen = out.seen.max(late.seen);
                }
                out.seen > out.cap || late.seen > late.cap
            }
            Filter::Ascii85 | Filter::AsciiHex => {
                // At most four bytes out per byte in: bounded, counted as such.
                let bound = current.len() as u64 * if *filter == Filter::Ascii85 { 4 } else { 1 };
                if let Some(k) = &mut out.keep {
                    *k = if *filter == Filter::Ascii85 { ascii85(current) } else { ascii_hex(current) };
                    out.seen = k.len() as u64;
                } else {
                    out.seen = bound;
                }
                out.seen > out.cap
            }
        };
        if over {
            return Size::Over;
        }
        match out.keep {
            Some(k) => {
                input = k;
                current = &input;
            }
            None => return Size::Within(out.seen),
        }
    }
    Size::Within(current.len() as u64)
}

/// Inflates zlib data (or, when its header is bad, raw deflate after two bytes, as lopdf
/// retries) into `out`; whether it went over the cap.
fn inflate(data: &[u8], out: &mut Capped) -> bool {
    let copied = std::io::copy(&mut flate2::read::ZlibDecoder::new(data), out);
    if out.seen > out.cap {
        return true;
    }
    if copied.is_err() && out.seen == 0 && data.len() > 2 {
        let _ = std::io::copy(&mut flate2::read::DeflateDecoder::new(&data[2..]), out);
        return out.seen > out.cap;
    }
    false
}

fn ascii85(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let (mut group, mut count) = (0u64, 0);
    for &c in input {
        match c {
            b'~' => break,
            b'z' if count == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group = group * 85 + u64::from(c - b'!');
                count += 1;
                if count == 5 {
                    out.extend_from_slice(&(group as u32).to_be_bytes());
                    (group, count) = (0, 0);
                }
            }
            _ => {}
        }
    }
    if count > 1 {
        for _ in count..5 {
            group = group * 85 + 84;
        }
        out.extend_from_slice(&(group as u32).to_be_bytes()[..count - 1]);
    }
    out
}

fn ascii_hex(input: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = input
        .iter()
        .take_while(|&&c| c != b'>')
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn pdf_with(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n1 0 obj\n".to_vec();
        out.extend_from_slice(format!("<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes());
        out.extend_from_slice(data);
        out.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        out
    }

    fn checked(pdf: &[u8]) -> Result<u64, IngestError> {
        let limits = Limits::default();
        let mut budget = Budget::new(&limits);
        check(pdf, &limits, &mut budget).map(|()| limits.max_total_unpacked_bytes - budget.unpacked_left)
    }

    #[test]
    fn a_flate_bomb_is_refused_and_ordinary_streams_counted() {
        let text = b"BT (Talks in Oslo) Tj ET\n".repeat(1000);
        assert_eq!(checked(&pdf_with("/Filter /FlateDecode", &zlib(&text))).unwrap(), text.len() as u64);
        let bomb = zlib(&vec![0u8; 64 * MIB as usize]);
        assert!(matches!(
            checked(&pdf_with("/Filter /FlateDecode", &bomb)),
            Err(IngestError::PdfRatio { .. })
        ));
        // Behind an ASCII85 layer, in an array of filters, with an indirect length.
        let wrapped = {
            let mut s = String::new();
            for chunk in bomb.chunks(4) {
                let mut word = [0u8; 4];
                word[..chunk.len()].copy_from_slice(chunk);
                let mut n = u32::from_be_bytes(word) as u64;
                let mut digits = [0u8; 5];
                for d in digits.iter_mut().rev() {
                    *d = (n % 85) as u8 + b'!';
                    n /= 85;
                }
                s.push_str(std::str::from_utf8(&digits[..chunk.len() + 1]).unwrap());
            }
            s + "~>"
        };
        let pdf = pdf_with("/Filter [/ASCII85Decode /FlateDecode]", wrapped.as_bytes());
        assert!(matches!(checked(&pdf), Err(IngestError::PdfRatio { .. })));
        // An image is not unpacked by the readers, so it does not count.
        assert_eq!(checked(&pdf_with("/Subtype /Image /Filter /FlateDecode", &bomb)).unwrap(), 0);
        // But an object stream or a cross-reference stream is, by lopdf as it loads the file,
        // whatever else its dictionary mentions: before, `/Kind /Image` let a bomb through.
        for dict in ["/Type /ObjStm /N 1 /First 2 /Kind /Image", "/Type /XRef /Kind /Image"] {
            let pdf = pdf_with(&format!("{dict} /Filter /FlateDecode"), &bomb);
            assert!(matches!(checked(&pdf), Err(IngestError::PdfRatio { .. })), "{dict}");
        }
        // Unfiltered and unknown filters do not count either.
        assert_eq!(checked(&pdf_with("/Filter /DCTDecode", b"\xff\xd8")).unwrap(), 0);
    }

    #[test]
    fn lengths_and_filters_are_read_from_the_dictionary() {
        assert_eq!(filters(b"<< /Filter/FlateDecode/Length 3 >>"), [Filter::Flate]);
        assert_eq!(filters(b"<< /Filter [ /AHx /LZWDecode ] >>"), [Filter::AsciiHex, Filter::Lzw]);
        assert_eq!(filters(b"<< /Filter [/DCTDecode /FlateDecode] >>"), []);
        let file = b"%PDF\n7 0 obj\n12\nendobj\n";
        assert_eq!(length(file, b"<< /Length 7 0 R >>"), Some(12));
        assert_eq!(length(file, b"<< /Length 44 /Filter /Fl >>"), Some(44));
        assert!(dict_has(b"<< /Subtype /Image >>", b"/Image"));
        assert!(!dict_has(b"<< /ImageMask true >>", b"/Image"));
        assert_eq!(ascii_hex(b"48 65 6c6c6f>"), b"Hello");
    }

    /// A loaded document of one stream per `(dict, data)`.
    fn loaded(streams: &[(&str, &[u8])]) -> pdf_extract::Document {
        let mut doc = pdf_extract::Document::with_version("1.4");
        for (dict, data) in streams {
            let mut d = pdf_extract::Dictionary::new();
            for pair in dict.split(',') {
                let (k, v) = pair.split_once('=').unwrap();
                d.set(k, pdf_extract::Object::Name(v.as_bytes().to_vec()));
            }
            doc.add_object(pdf_extract::Stream::new(d, data.to_vec()));
        }
        doc
    }

    #[test]
    fn once_loaded_images_are_emptied_and_every_other_stream_measured() {
        let limits = Limits::default();
        let bomb = zlib(&vec![0u8; 64 * MIB as usize]);
        // pdf-extract unpacks an image whenever a page draws it: emptied, not measured.
        let mut doc =
            loaded(&[("Subtype=Image,Filter=FlateDecode", &bomb), ("Subtype=PS,Filter=FlateDecode", &bomb)]);
        check_loaded(&mut doc, &limits).expect("images pass");
        for obj in doc.objects.values() {
            let stream = obj.as_stream().expect("stream");
            assert!(stream.content.is_empty() && stream.dict.get(b"Filter").is_err());
        }
        // A form, whatever the raw bytes looked like, is measured as lopdf will unpack it.
        let mut doc = loaded(&[("Subtype=Form,Filter=FlateDecode", &bomb)]);
        assert!(matches!(check_loaded(&mut doc, &limits), Err(IngestError::PdfRatio { .. })));
        let text = b"BT (Talks in Oslo) Tj ET\n".repeat(1000);
        let mut doc = loaded(&[("Filter=FlateDecode", &zlib(&text))]);
        check_loaded(&mut doc, &limits).expect("an ordinary stream passes");
        let small = Limits { max_file_bytes: 1000, ..limits };
        let mut doc = loaded(&[("Filter=FlateDecode", &zlib(&text))]);
        assert!(matches!(check_loaded(&mut doc, &small), Err(IngestError::PdfBomb { .. })));
    }

    #[test]
    fn objects_are_counted_with_what_object_streams_hold() {
        assert_eq!(count_objects(b"1 0 obj\n1\nendobj\n2 0 obj<< >>endobj 3 0 objx 4 0obj"), 3);
        assert_eq!(integer_after(b"<< /Type /ObjStm /N 12 /First 40 >>", b"/N"), Some(12));
        assert_eq!(integer_after(b"<< /Name /N 7 >>", b"/N"), Some(7));
        let claims = pdf_with("/Type /ObjStm /N 900000 /First 4 /Filter /FlateDecode", &zlib(b"1 0 "));
        match checked(&claims) {
            Err(e @ IngestError::PdfOverCap(_)) => {
                assert_eq!(e.to_string(), "PDF bomb: it holds more than 500,000 objects")
            }
            other => panic!("expected too many objects, got {other:?}"),
        }
        let many: Vec<u8> =
            (0..MAX_PDF_OBJECTS + 1).flat_map(|i| format!("{i} 0 obj 1 endobj\n").into_bytes()).collect();
        assert!(matches!(checked(&many), Err(IngestError::PdfOverCap(_))));
    }
}
